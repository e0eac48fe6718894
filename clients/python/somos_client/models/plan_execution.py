from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.security_plan_status import SecurityPlanStatus

if TYPE_CHECKING:
    from ..models.line_execution import LineExecution
    from ..models.plan_execution_planned_by_source import PlanExecutionPlannedBySource


T = TypeVar("T", bound="PlanExecution")


@_attrs_define
class PlanExecution:
    """
    Attributes:
        actions_count (int):
        actions_without_recent_report (list[UUID]):
        as_of (datetime.date):
        executed_cop (int):
        execution_pct (float | None): executed / planned x 100, two decimals; null when nothing is planned
        lines (list[LineExecution]):
        plan_id (UUID):
        planned_by_source (PlanExecutionPlannedBySource):
        planned_cop (int):
        recent_periods (list[str]): The last two completed quarters of the term before `as_of` (empty before the plan is
            in implementation)
        status (SecurityPlanStatus):
    """

    actions_count: int
    actions_without_recent_report: list[UUID]
    as_of: datetime.date
    executed_cop: int
    execution_pct: float | None
    lines: list[LineExecution]
    plan_id: UUID
    planned_by_source: PlanExecutionPlannedBySource
    planned_cop: int
    recent_periods: list[str]
    status: SecurityPlanStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions_count = self.actions_count

        actions_without_recent_report = []
        for actions_without_recent_report_item_data in self.actions_without_recent_report:
            actions_without_recent_report_item = str(actions_without_recent_report_item_data)
            actions_without_recent_report.append(actions_without_recent_report_item)

        as_of = self.as_of.isoformat()

        executed_cop = self.executed_cop

        execution_pct: float | None
        execution_pct = self.execution_pct

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        plan_id = str(self.plan_id)

        planned_by_source = self.planned_by_source.to_dict()

        planned_cop = self.planned_cop

        recent_periods = self.recent_periods

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions_count": actions_count,
                "actions_without_recent_report": actions_without_recent_report,
                "as_of": as_of,
                "executed_cop": executed_cop,
                "execution_pct": execution_pct,
                "lines": lines,
                "plan_id": plan_id,
                "planned_by_source": planned_by_source,
                "planned_cop": planned_cop,
                "recent_periods": recent_periods,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_execution import LineExecution  # noqa: PLC0415
        from ..models.plan_execution_planned_by_source import PlanExecutionPlannedBySource  # noqa: PLC0415

        d = dict(src_dict)
        actions_count = d.pop("actions_count")

        actions_without_recent_report = []
        _actions_without_recent_report = d.pop("actions_without_recent_report")
        for actions_without_recent_report_item_data in _actions_without_recent_report:
            actions_without_recent_report_item = UUID(actions_without_recent_report_item_data)

            actions_without_recent_report.append(actions_without_recent_report_item)

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        executed_cop = d.pop("executed_cop")

        def _parse_execution_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        execution_pct = _parse_execution_pct(d.pop("execution_pct"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineExecution.from_dict(lines_item_data)

            lines.append(lines_item)

        plan_id = UUID(d.pop("plan_id"))

        planned_by_source = PlanExecutionPlannedBySource.from_dict(d.pop("planned_by_source"))

        planned_cop = d.pop("planned_cop")

        recent_periods = cast(list[str], d.pop("recent_periods"))

        status = SecurityPlanStatus(d.pop("status"))

        plan_execution = cls(
            actions_count=actions_count,
            actions_without_recent_report=actions_without_recent_report,
            as_of=as_of,
            executed_cop=executed_cop,
            execution_pct=execution_pct,
            lines=lines,
            plan_id=plan_id,
            planned_by_source=planned_by_source,
            planned_cop=planned_cop,
            recent_periods=recent_periods,
            status=status,
        )

        plan_execution.additional_properties = d
        return plan_execution

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
