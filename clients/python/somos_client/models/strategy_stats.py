from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.strategy_stats_by_approach import StrategyStatsByApproach
    from ..models.strategy_stats_by_status import StrategyStatsByStatus


T = TypeVar("T", bound="StrategyStats")


@_attrs_define
class StrategyStats:
    """
    Attributes:
        by_approach (StrategyStatsByApproach):
        by_status (StrategyStatsByStatus):
        total (int):
    """

    by_approach: StrategyStatsByApproach
    by_status: StrategyStatsByStatus
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_approach = self.by_approach.to_dict()

        by_status = self.by_status.to_dict()

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_approach": by_approach,
                "by_status": by_status,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategy_stats_by_approach import StrategyStatsByApproach  # noqa: PLC0415
        from ..models.strategy_stats_by_status import StrategyStatsByStatus  # noqa: PLC0415

        d = dict(src_dict)
        by_approach = StrategyStatsByApproach.from_dict(d.pop("by_approach"))

        by_status = StrategyStatsByStatus.from_dict(d.pop("by_status"))

        total = d.pop("total")

        strategy_stats = cls(
            by_approach=by_approach,
            by_status=by_status,
            total=total,
        )

        strategy_stats.additional_properties = d
        return strategy_stats

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
