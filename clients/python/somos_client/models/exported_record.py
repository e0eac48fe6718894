from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attendee_read import AttendeeRead
    from ..models.exported_event import ExportedEvent


T = TypeVar("T", bound="ExportedRecord")


@_attrs_define
class ExportedRecord:
    """
    Attributes:
        attendee (AttendeeRead):
        event (ExportedEvent):
    """

    attendee: AttendeeRead
    event: ExportedEvent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attendee = self.attendee.to_dict()

        event = self.event.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attendee": attendee,
                "event": event,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendee_read import AttendeeRead  # noqa: PLC0415
        from ..models.exported_event import ExportedEvent  # noqa: PLC0415

        d = dict(src_dict)
        attendee = AttendeeRead.from_dict(d.pop("attendee"))

        event = ExportedEvent.from_dict(d.pop("event"))

        exported_record = cls(
            attendee=attendee,
            event=event,
        )

        exported_record.additional_properties = d
        return exported_record

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
