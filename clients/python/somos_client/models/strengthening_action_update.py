from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.action_status import ActionStatus
from ..models.opi_area import OpiArea
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrengtheningActionUpdate")


@_attrs_define
class StrengtheningActionUpdate:
    """
    Attributes:
        description (str | Unset):
        due_date (datetime.date | Unset):
        evidence_reference (str | Unset):
        opi_area (OpiArea | Unset): The eight OPI sub-areas, two per domain.
        progress_pct (int | Unset):
        responsible (str | Unset):
        status (ActionStatus | Unset):
        strategy (str | Unset):
    """

    description: str | Unset = UNSET
    due_date: datetime.date | Unset = UNSET
    evidence_reference: str | Unset = UNSET
    opi_area: OpiArea | Unset = UNSET
    progress_pct: int | Unset = UNSET
    responsible: str | Unset = UNSET
    status: ActionStatus | Unset = UNSET
    strategy: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        due_date: str | Unset = UNSET
        if not isinstance(self.due_date, Unset):
            due_date = self.due_date.isoformat()

        evidence_reference = self.evidence_reference

        opi_area: str | Unset = UNSET
        if not isinstance(self.opi_area, Unset):
            opi_area = self.opi_area.value

        progress_pct = self.progress_pct

        responsible = self.responsible

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        strategy = self.strategy

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if evidence_reference is not UNSET:
            field_dict["evidence_reference"] = evidence_reference
        if opi_area is not UNSET:
            field_dict["opi_area"] = opi_area
        if progress_pct is not UNSET:
            field_dict["progress_pct"] = progress_pct
        if responsible is not UNSET:
            field_dict["responsible"] = responsible
        if status is not UNSET:
            field_dict["status"] = status
        if strategy is not UNSET:
            field_dict["strategy"] = strategy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        _due_date = d.pop("due_date", UNSET)
        due_date: datetime.date | Unset
        if isinstance(_due_date, Unset):
            due_date = UNSET
        else:
            due_date = datetime.date.fromisoformat(_due_date)

        evidence_reference = d.pop("evidence_reference", UNSET)

        _opi_area = d.pop("opi_area", UNSET)
        opi_area: OpiArea | Unset
        if isinstance(_opi_area, Unset):
            opi_area = UNSET
        else:
            opi_area = OpiArea(_opi_area)

        progress_pct = d.pop("progress_pct", UNSET)

        responsible = d.pop("responsible", UNSET)

        _status = d.pop("status", UNSET)
        status: ActionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ActionStatus(_status)

        strategy = d.pop("strategy", UNSET)

        strengthening_action_update = cls(
            description=description,
            due_date=due_date,
            evidence_reference=evidence_reference,
            opi_area=opi_area,
            progress_pct=progress_pct,
            responsible=responsible,
            status=status,
            strategy=strategy,
        )

        return strengthening_action_update
