from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.action_status import ActionStatus
from ..models.opi_area import OpiArea
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrengtheningActionCreate")


@_attrs_define
class StrengtheningActionCreate:
    """
    Attributes:
        description (str):
        due_date (datetime.date):
        evidence_reference (str): Where the evidence for the strategy comes from
        opi_area (OpiArea): The eight OPI sub-areas, two per domain.
        responsible (str):
        strategy (str): The evidence-based strategy the action applies
        id (None | Unset | UUID):
        progress_pct (int | Unset): 0 to 100; `done` forces 100 Default: 0.
        status (ActionStatus | Unset):
    """

    description: str
    due_date: datetime.date
    evidence_reference: str
    opi_area: OpiArea
    responsible: str
    strategy: str
    id: None | Unset | UUID = UNSET
    progress_pct: int | Unset = 0
    status: ActionStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        due_date = self.due_date.isoformat()

        evidence_reference = self.evidence_reference

        opi_area = self.opi_area.value

        responsible = self.responsible

        strategy = self.strategy

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        progress_pct = self.progress_pct

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "due_date": due_date,
                "evidence_reference": evidence_reference,
                "opi_area": opi_area,
                "responsible": responsible,
                "strategy": strategy,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if progress_pct is not UNSET:
            field_dict["progress_pct"] = progress_pct
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        evidence_reference = d.pop("evidence_reference")

        opi_area = OpiArea(d.pop("opi_area"))

        responsible = d.pop("responsible")

        strategy = d.pop("strategy")

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        progress_pct = d.pop("progress_pct", UNSET)

        _status = d.pop("status", UNSET)
        status: ActionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ActionStatus(_status)

        strengthening_action_create = cls(
            description=description,
            due_date=due_date,
            evidence_reference=evidence_reference,
            opi_area=opi_area,
            responsible=responsible,
            strategy=strategy,
            id=id,
            progress_pct=progress_pct,
            status=status,
        )

        return strengthening_action_create
