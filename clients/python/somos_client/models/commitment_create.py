from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CommitmentCreate")


@_attrs_define
class CommitmentCreate:
    """
    Attributes:
        description (str):
        due_date (datetime.date):
        responsible_party (str): An institution code (`alcaldia`), an organization id (UUID, checked with the
            organizations service) or free text
        id (None | Unset | UUID):
    """

    description: str
    due_date: datetime.date
    responsible_party: str
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        due_date = self.due_date.isoformat()

        responsible_party = self.responsible_party

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "due_date": due_date,
                "responsible_party": responsible_party,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        responsible_party = d.pop("responsible_party")

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

        commitment_create = cls(
            description=description,
            due_date=due_date,
            responsible_party=responsible_party,
            id=id,
        )

        return commitment_create
