from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CommitmentUpdate")


@_attrs_define
class CommitmentUpdate:
    """
    Attributes:
        description (str | Unset):
        due_date (datetime.date | Unset):
        responsible_party (str | Unset): An institution code (`alcaldia`), an organization id (UUID, checked with the
            organizations service) or free text
    """

    description: str | Unset = UNSET
    due_date: datetime.date | Unset = UNSET
    responsible_party: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        due_date: str | Unset = UNSET
        if not isinstance(self.due_date, Unset):
            due_date = self.due_date.isoformat()

        responsible_party = self.responsible_party

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if responsible_party is not UNSET:
            field_dict["responsible_party"] = responsible_party

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

        responsible_party = d.pop("responsible_party", UNSET)

        commitment_update = cls(
            description=description,
            due_date=due_date,
            responsible_party=responsible_party,
        )

        return commitment_update
