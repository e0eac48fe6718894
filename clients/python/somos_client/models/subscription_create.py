from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionCreate")


@_attrs_define
class SubscriptionCreate:
    """
    Attributes:
        event_types (list[str]):
        url (str): https only; must not resolve to a loopback, private or link-local address
        description (None | str | Unset):
        municipalities (list[str] | Unset): Only events in these municipalities; empty: every municipality the token
            that creates the subscription covers
    """

    event_types: list[str]
    url: str
    description: None | str | Unset = UNSET
    municipalities: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_types = self.event_types

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        municipalities: list[str] | Unset = UNSET
        if not isinstance(self.municipalities, Unset):
            municipalities = self.municipalities

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_types": event_types,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if municipalities is not UNSET:
            field_dict["municipalities"] = municipalities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = cast(list[str], d.pop("event_types"))

        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        municipalities = cast(list[str], d.pop("municipalities", UNSET))

        subscription_create = cls(
            event_types=event_types,
            url=url,
            description=description,
            municipalities=municipalities,
        )

        return subscription_create
