from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_stats_planned_by_source import BudgetStatsPlannedBySource


T = TypeVar("T", bound="BudgetStats")


@_attrs_define
class BudgetStats:
    """
    Attributes:
        executed_cop (int):
        execution_pct (float | None):
        planned_by_source (BudgetStatsPlannedBySource):
        planned_cop (int):
    """

    executed_cop: int
    execution_pct: float | None
    planned_by_source: BudgetStatsPlannedBySource
    planned_cop: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        executed_cop = self.executed_cop

        execution_pct: float | None
        execution_pct = self.execution_pct

        planned_by_source = self.planned_by_source.to_dict()

        planned_cop = self.planned_cop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "executed_cop": executed_cop,
                "execution_pct": execution_pct,
                "planned_by_source": planned_by_source,
                "planned_cop": planned_cop,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_stats_planned_by_source import BudgetStatsPlannedBySource  # noqa: PLC0415

        d = dict(src_dict)
        executed_cop = d.pop("executed_cop")

        def _parse_execution_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        execution_pct = _parse_execution_pct(d.pop("execution_pct"))

        planned_by_source = BudgetStatsPlannedBySource.from_dict(d.pop("planned_by_source"))

        planned_cop = d.pop("planned_cop")

        budget_stats = cls(
            executed_cop=executed_cop,
            execution_pct=execution_pct,
            planned_by_source=planned_by_source,
            planned_cop=planned_cop,
        )

        budget_stats.additional_properties = d
        return budget_stats

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
