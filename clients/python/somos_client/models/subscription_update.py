from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_status import SubscriptionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionUpdate")


@_attrs_define
class SubscriptionUpdate:
    """
    Attributes:
        description (None | str | Unset):
        event_types (list[str] | Unset):
        municipalities (list[str] | Unset):
        status (SubscriptionStatus | Unset):
        url (str | Unset): https only; must not resolve to a loopback, private or link-local address
    """

    description: None | str | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    municipalities: list[str] | Unset = UNSET
    status: SubscriptionStatus | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        municipalities: list[str] | Unset = UNSET
        if not isinstance(self.municipalities, Unset):
            municipalities = self.municipalities

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if municipalities is not UNSET:
            field_dict["municipalities"] = municipalities
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        event_types = cast(list[str], d.pop("event_types", UNSET))

        municipalities = cast(list[str], d.pop("municipalities", UNSET))

        _status = d.pop("status", UNSET)
        status: SubscriptionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = SubscriptionStatus(_status)

        url = d.pop("url", UNSET)

        subscription_update = cls(
            description=description,
            event_types=event_types,
            municipalities=municipalities,
            status=status,
            url=url,
        )

        return subscription_update
