from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonRecord")


@_attrs_define
class PersonRecord:
    """
    Attributes:
        attendee_id (UUID):
        event_id (UUID):
        event_title (str):
        starts_at (str):
    """

    attendee_id: UUID
    event_id: UUID
    event_title: str
    starts_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attendee_id = str(self.attendee_id)

        event_id = str(self.event_id)

        event_title = self.event_title

        starts_at = self.starts_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attendee_id": attendee_id,
                "event_id": event_id,
                "event_title": event_title,
                "starts_at": starts_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attendee_id = UUID(d.pop("attendee_id"))

        event_id = UUID(d.pop("event_id"))

        event_title = d.pop("event_title")

        starts_at = d.pop("starts_at")

        person_record = cls(
            attendee_id=attendee_id,
            event_id=event_id,
            event_title=event_title,
            starts_at=starts_at,
        )

        person_record.additional_properties = d
        return person_record

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
