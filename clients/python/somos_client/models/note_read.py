from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NoteRead")


@_attrs_define
class NoteRead:
    """
    Attributes:
        author (str): The token's subject
        commitment_id (UUID):
        created_at (str):
        id (UUID):
        note (str):
        noted_on (datetime.date):
    """

    author: str
    commitment_id: UUID
    created_at: str
    id: UUID
    note: str
    noted_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author = self.author

        commitment_id = str(self.commitment_id)

        created_at = self.created_at

        id = str(self.id)

        note = self.note

        noted_on = self.noted_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author": author,
                "commitment_id": commitment_id,
                "created_at": created_at,
                "id": id,
                "note": note,
                "noted_on": noted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author = d.pop("author")

        commitment_id = UUID(d.pop("commitment_id"))

        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        note = d.pop("note")

        noted_on = datetime.date.fromisoformat(d.pop("noted_on"))

        note_read = cls(
            author=author,
            commitment_id=commitment_id,
            created_at=created_at,
            id=id,
            note=note,
            noted_on=noted_on,
        )

        note_read.additional_properties = d
        return note_read

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
