from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus
from ..models.opi_area import OpiArea

T = TypeVar("T", bound="StrengtheningActionRead")


@_attrs_define
class StrengtheningActionRead:
    """
    Attributes:
        archived_at (None | str):
        created_at (str):
        description (str):
        due_date (datetime.date):
        evidence_reference (str):
        id (UUID):
        opi_area (OpiArea): The eight OPI sub-areas, two per domain.
        overdue (bool): Due before today (Colombia) and not done or dropped
        plan_id (UUID):
        progress_pct (int):
        responsible (str):
        status (ActionStatus):
        strategy (str):
        updated_at (str):
        version (int):
    """

    archived_at: None | str
    created_at: str
    description: str
    due_date: datetime.date
    evidence_reference: str
    id: UUID
    opi_area: OpiArea
    overdue: bool
    plan_id: UUID
    progress_pct: int
    responsible: str
    status: ActionStatus
    strategy: str
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        created_at = self.created_at

        description = self.description

        due_date = self.due_date.isoformat()

        evidence_reference = self.evidence_reference

        id = str(self.id)

        opi_area = self.opi_area.value

        overdue = self.overdue

        plan_id = str(self.plan_id)

        progress_pct = self.progress_pct

        responsible = self.responsible

        status = self.status.value

        strategy = self.strategy

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "created_at": created_at,
                "description": description,
                "due_date": due_date,
                "evidence_reference": evidence_reference,
                "id": id,
                "opi_area": opi_area,
                "overdue": overdue,
                "plan_id": plan_id,
                "progress_pct": progress_pct,
                "responsible": responsible,
                "status": status,
                "strategy": strategy,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        created_at = d.pop("created_at")

        description = d.pop("description")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        evidence_reference = d.pop("evidence_reference")

        id = UUID(d.pop("id"))

        opi_area = OpiArea(d.pop("opi_area"))

        overdue = d.pop("overdue")

        plan_id = UUID(d.pop("plan_id"))

        progress_pct = d.pop("progress_pct")

        responsible = d.pop("responsible")

        status = ActionStatus(d.pop("status"))

        strategy = d.pop("strategy")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        strengthening_action_read = cls(
            archived_at=archived_at,
            created_at=created_at,
            description=description,
            due_date=due_date,
            evidence_reference=evidence_reference,
            id=id,
            opi_area=opi_area,
            overdue=overdue,
            plan_id=plan_id,
            progress_pct=progress_pct,
            responsible=responsible,
            status=status,
            strategy=strategy,
            updated_at=updated_at,
            version=version,
        )

        strengthening_action_read.additional_properties = d
        return strengthening_action_read

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
