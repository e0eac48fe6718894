from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ActionExecution")


@_attrs_define
class ActionExecution:
    """
    Attributes:
        action_id (UUID):
        executed_cop (int):
        execution_pct (float | None): executed / planned x 100, two decimals; null when nothing is planned
        indicator_target (float):
        latest_period (None | str):
        latest_value (float | None): Indicator value of the latest period
        name (str):
        planned_cop (int):
        reported_recently (bool | None): A report in one of `recent_periods`; null when the plan is not being executed
            yet
        reports_count (int):
        target_pct (float | None): Progress from baseline to target, % (two decimals): (latest - baseline) / (target -
            baseline) x 100; null without reports or when target equals baseline
    """

    action_id: UUID
    executed_cop: int
    execution_pct: float | None
    indicator_target: float
    latest_period: None | str
    latest_value: float | None
    name: str
    planned_cop: int
    reported_recently: bool | None
    reports_count: int
    target_pct: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = str(self.action_id)

        executed_cop = self.executed_cop

        execution_pct: float | None
        execution_pct = self.execution_pct

        indicator_target = self.indicator_target

        latest_period: None | str
        latest_period = self.latest_period

        latest_value: float | None
        latest_value = self.latest_value

        name = self.name

        planned_cop = self.planned_cop

        reported_recently: bool | None
        reported_recently = self.reported_recently

        reports_count = self.reports_count

        target_pct: float | None
        target_pct = self.target_pct

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_id": action_id,
                "executed_cop": executed_cop,
                "execution_pct": execution_pct,
                "indicator_target": indicator_target,
                "latest_period": latest_period,
                "latest_value": latest_value,
                "name": name,
                "planned_cop": planned_cop,
                "reported_recently": reported_recently,
                "reports_count": reports_count,
                "target_pct": target_pct,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action_id = UUID(d.pop("action_id"))

        executed_cop = d.pop("executed_cop")

        def _parse_execution_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        execution_pct = _parse_execution_pct(d.pop("execution_pct"))

        indicator_target = d.pop("indicator_target")

        def _parse_latest_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latest_period = _parse_latest_period(d.pop("latest_period"))

        def _parse_latest_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_value = _parse_latest_value(d.pop("latest_value"))

        name = d.pop("name")

        planned_cop = d.pop("planned_cop")

        def _parse_reported_recently(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        reported_recently = _parse_reported_recently(d.pop("reported_recently"))

        reports_count = d.pop("reports_count")

        def _parse_target_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target_pct = _parse_target_pct(d.pop("target_pct"))

        action_execution = cls(
            action_id=action_id,
            executed_cop=executed_cop,
            execution_pct=execution_pct,
            indicator_target=indicator_target,
            latest_period=latest_period,
            latest_value=latest_value,
            name=name,
            planned_cop=planned_cop,
            reported_recently=reported_recently,
            reports_count=reports_count,
            target_pct=target_pct,
        )

        action_execution.additional_properties = d
        return action_execution

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
