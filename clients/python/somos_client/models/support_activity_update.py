from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.support_kind import SupportKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SupportActivityUpdate")


@_attrs_define
class SupportActivityUpdate:
    """
    Attributes:
        delivered_by (str | Unset):
        delivered_on (datetime.date | Unset):
        description (str | Unset):
        hours (float | Unset): Hours of support, 0.01 to 1000; kept to the hundredth (rounded)
        kind (SupportKind | Unset):
    """

    delivered_by: str | Unset = UNSET
    delivered_on: datetime.date | Unset = UNSET
    description: str | Unset = UNSET
    hours: float | Unset = UNSET
    kind: SupportKind | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        delivered_by = self.delivered_by

        delivered_on: str | Unset = UNSET
        if not isinstance(self.delivered_on, Unset):
            delivered_on = self.delivered_on.isoformat()

        description = self.description

        hours = self.hours

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if delivered_by is not UNSET:
            field_dict["delivered_by"] = delivered_by
        if delivered_on is not UNSET:
            field_dict["delivered_on"] = delivered_on
        if description is not UNSET:
            field_dict["description"] = description
        if hours is not UNSET:
            field_dict["hours"] = hours
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_by = d.pop("delivered_by", UNSET)

        _delivered_on = d.pop("delivered_on", UNSET)
        delivered_on: datetime.date | Unset
        if isinstance(_delivered_on, Unset):
            delivered_on = UNSET
        else:
            delivered_on = datetime.date.fromisoformat(_delivered_on)

        description = d.pop("description", UNSET)

        hours = d.pop("hours", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: SupportKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = SupportKind(_kind)

        support_activity_update = cls(
            delivered_by=delivered_by,
            delivered_on=delivered_on,
            description=description,
            hours=hours,
            kind=kind,
        )

        return support_activity_update
