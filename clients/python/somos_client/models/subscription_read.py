from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus

T = TypeVar("T", bound="SubscriptionRead")


@_attrs_define
class SubscriptionRead:
    """
    Attributes:
        archived_at (None | str):
        created_at (str):
        description (None | str):
        disabled_at (None | str):
        disabled_reason (None | str):
        event_types (list[str]):
        failing_since (None | str): First failed delivery since the last success (null while healthy)
        id (UUID):
        municipalities (list[str]):
        owner_sub (str): The `sub` of the token that created it
        previous_secret_expires_at (None | str): After a secret rotation: until when deliveries are also signed with the
            previous secret (null if the secret was never rotated)
        status (SubscriptionStatus):
        updated_at (str):
        url (str):
        version (int):
    """

    archived_at: None | str
    created_at: str
    description: None | str
    disabled_at: None | str
    disabled_reason: None | str
    event_types: list[str]
    failing_since: None | str
    id: UUID
    municipalities: list[str]
    owner_sub: str
    previous_secret_expires_at: None | str
    status: SubscriptionStatus
    updated_at: str
    url: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        created_at = self.created_at

        description: None | str
        description = self.description

        disabled_at: None | str
        disabled_at = self.disabled_at

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        event_types = self.event_types

        failing_since: None | str
        failing_since = self.failing_since

        id = str(self.id)

        municipalities = self.municipalities

        owner_sub = self.owner_sub

        previous_secret_expires_at: None | str
        previous_secret_expires_at = self.previous_secret_expires_at

        status = self.status.value

        updated_at = self.updated_at

        url = self.url

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "created_at": created_at,
                "description": description,
                "disabled_at": disabled_at,
                "disabled_reason": disabled_reason,
                "event_types": event_types,
                "failing_since": failing_since,
                "id": id,
                "municipalities": municipalities,
                "owner_sub": owner_sub,
                "previous_secret_expires_at": previous_secret_expires_at,
                "status": status,
                "updated_at": updated_at,
                "url": url,
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

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_disabled_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_failing_since(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))

        id = UUID(d.pop("id"))

        municipalities = cast(list[str], d.pop("municipalities"))

        owner_sub = d.pop("owner_sub")

        def _parse_previous_secret_expires_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previous_secret_expires_at"))

        status = SubscriptionStatus(d.pop("status"))

        updated_at = d.pop("updated_at")

        url = d.pop("url")

        version = d.pop("version")

        subscription_read = cls(
            archived_at=archived_at,
            created_at=created_at,
            description=description,
            disabled_at=disabled_at,
            disabled_reason=disabled_reason,
            event_types=event_types,
            failing_since=failing_since,
            id=id,
            municipalities=municipalities,
            owner_sub=owner_sub,
            previous_secret_expires_at=previous_secret_expires_at,
            status=status,
            updated_at=updated_at,
            url=url,
            version=version,
        )

        subscription_read.additional_properties = d
        return subscription_read

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
