from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PiiAccessRead")


@_attrs_define
class PiiAccessRead:
    """
    Attributes:
        action (str): list, read, create, update, archive; subject-search, subject-export, subject-erase (habeas data);
            retention-erase (somos purge-pii)
        attendee_id (None | UUID):
        event_id (None | UUID): None: a habeas data search found nothing
        id (UUID):
        occurred_at (str):
        record_count (int):
        request_id (None | str):
        subject (str): The token's subject (who)
        token_id (None | str):
    """

    action: str
    attendee_id: None | UUID
    event_id: None | UUID
    id: UUID
    occurred_at: str
    record_count: int
    request_id: None | str
    subject: str
    token_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        attendee_id: None | str
        if isinstance(self.attendee_id, UUID):
            attendee_id = str(self.attendee_id)
        else:
            attendee_id = self.attendee_id

        event_id: None | str
        if isinstance(self.event_id, UUID):
            event_id = str(self.event_id)
        else:
            event_id = self.event_id

        id = str(self.id)

        occurred_at = self.occurred_at

        record_count = self.record_count

        request_id: None | str
        request_id = self.request_id

        subject = self.subject

        token_id: None | str
        token_id = self.token_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "attendee_id": attendee_id,
                "event_id": event_id,
                "id": id,
                "occurred_at": occurred_at,
                "record_count": record_count,
                "request_id": request_id,
                "subject": subject,
                "token_id": token_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_attendee_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attendee_id_type_0 = UUID(data)

                return attendee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        attendee_id = _parse_attendee_id(d.pop("attendee_id"))

        def _parse_event_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_id_type_0 = UUID(data)

                return event_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        event_id = _parse_event_id(d.pop("event_id"))

        id = UUID(d.pop("id"))

        occurred_at = d.pop("occurred_at")

        record_count = d.pop("record_count")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        subject = d.pop("subject")

        def _parse_token_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token_id = _parse_token_id(d.pop("token_id"))

        pii_access_read = cls(
            action=action,
            attendee_id=attendee_id,
            event_id=event_id,
            id=id,
            occurred_at=occurred_at,
            record_count=record_count,
            request_id=request_id,
            subject=subject,
            token_id=token_id,
        )

        pii_access_read.additional_properties = d
        return pii_access_read

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
