from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportRead")


@_attrs_define
class ReportRead:
    """
    Attributes:
        action_id (UUID):
        budget_executed_cop (int):
        created_at (str):
        id (UUID):
        note (None | str):
        period (str):
        plan_id (UUID):
        reported_by (str):
        updated_at (str):
        value (float):
        version (int):
    """

    action_id: UUID
    budget_executed_cop: int
    created_at: str
    id: UUID
    note: None | str
    period: str
    plan_id: UUID
    reported_by: str
    updated_at: str
    value: float
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = str(self.action_id)

        budget_executed_cop = self.budget_executed_cop

        created_at = self.created_at

        id = str(self.id)

        note: None | str
        note = self.note

        period = self.period

        plan_id = str(self.plan_id)

        reported_by = self.reported_by

        updated_at = self.updated_at

        value = self.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_id": action_id,
                "budget_executed_cop": budget_executed_cop,
                "created_at": created_at,
                "id": id,
                "note": note,
                "period": period,
                "plan_id": plan_id,
                "reported_by": reported_by,
                "updated_at": updated_at,
                "value": value,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action_id = UUID(d.pop("action_id"))

        budget_executed_cop = d.pop("budget_executed_cop")

        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        period = d.pop("period")

        plan_id = UUID(d.pop("plan_id"))

        reported_by = d.pop("reported_by")

        updated_at = d.pop("updated_at")

        value = d.pop("value")

        version = d.pop("version")

        report_read = cls(
            action_id=action_id,
            budget_executed_cop=budget_executed_cop,
            created_at=created_at,
            id=id,
            note=note,
            period=period,
            plan_id=plan_id,
            reported_by=reported_by,
            updated_at=updated_at,
            value=value,
            version=version,
        )

        report_read.additional_properties = d
        return report_read

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
