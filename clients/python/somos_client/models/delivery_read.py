from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attempt_read import AttemptRead
    from ..models.delivery_read_payload import DeliveryReadPayload


T = TypeVar("T", bound="DeliveryRead")


@_attrs_define
class DeliveryRead:
    """
    Attributes:
        attempts (int):
        created_at (str):
        delivered_at (None | str):
        event_type (str):
        id (UUID): The `webhook-id` header: the same on every attempt
        last_attempt_at (None | str):
        last_error (None | str):
        last_latency_ms (int | None):
        last_status_code (int | None):
        next_attempt_at (None | str):
        payload (DeliveryReadPayload): The body sent (signed as it is sent)
        status (DeliveryStatus):
        subscription_id (UUID):
        recent_attempts (list[AttemptRead] | Unset): The latest attempts (at most 10), oldest first
    """

    attempts: int
    created_at: str
    delivered_at: None | str
    event_type: str
    id: UUID
    last_attempt_at: None | str
    last_error: None | str
    last_latency_ms: int | None
    last_status_code: int | None
    next_attempt_at: None | str
    payload: DeliveryReadPayload
    status: DeliveryStatus
    subscription_id: UUID
    recent_attempts: list[AttemptRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at

        delivered_at: None | str
        delivered_at = self.delivered_at

        event_type = self.event_type

        id = str(self.id)

        last_attempt_at: None | str
        last_attempt_at = self.last_attempt_at

        last_error: None | str
        last_error = self.last_error

        last_latency_ms: int | None
        last_latency_ms = self.last_latency_ms

        last_status_code: int | None
        last_status_code = self.last_status_code

        next_attempt_at: None | str
        next_attempt_at = self.next_attempt_at

        payload = self.payload.to_dict()

        status = self.status.value

        subscription_id = str(self.subscription_id)

        recent_attempts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recent_attempts, Unset):
            recent_attempts = []
            for recent_attempts_item_data in self.recent_attempts:
                recent_attempts_item = recent_attempts_item_data.to_dict()
                recent_attempts.append(recent_attempts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "delivered_at": delivered_at,
                "event_type": event_type,
                "id": id,
                "last_attempt_at": last_attempt_at,
                "last_error": last_error,
                "last_latency_ms": last_latency_ms,
                "last_status_code": last_status_code,
                "next_attempt_at": next_attempt_at,
                "payload": payload,
                "status": status,
                "subscription_id": subscription_id,
            }
        )
        if recent_attempts is not UNSET:
            field_dict["recent_attempts"] = recent_attempts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_read import AttemptRead  # noqa: PLC0415
        from ..models.delivery_read_payload import DeliveryReadPayload  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = d.pop("created_at")

        def _parse_delivered_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        event_type = d.pop("event_type")

        id = UUID(d.pop("id"))

        def _parse_last_attempt_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_last_latency_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_latency_ms = _parse_last_latency_ms(d.pop("last_latency_ms"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        def _parse_next_attempt_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        payload = DeliveryReadPayload.from_dict(d.pop("payload"))

        status = DeliveryStatus(d.pop("status"))

        subscription_id = UUID(d.pop("subscription_id"))

        _recent_attempts = d.pop("recent_attempts", UNSET)
        recent_attempts: list[AttemptRead] | Unset = UNSET
        if _recent_attempts is not UNSET:
            recent_attempts = []
            for recent_attempts_item_data in _recent_attempts:
                recent_attempts_item = AttemptRead.from_dict(recent_attempts_item_data)

                recent_attempts.append(recent_attempts_item)

        delivery_read = cls(
            attempts=attempts,
            created_at=created_at,
            delivered_at=delivered_at,
            event_type=event_type,
            id=id,
            last_attempt_at=last_attempt_at,
            last_error=last_error,
            last_latency_ms=last_latency_ms,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            payload=payload,
            status=status,
            subscription_id=subscription_id,
            recent_attempts=recent_attempts,
        )

        delivery_read.additional_properties = d
        return delivery_read

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
