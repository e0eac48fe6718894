from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.support_kind import SupportKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SupportActivityCreate")


@_attrs_define
class SupportActivityCreate:
    """
    Attributes:
        delivered_by (str):
        delivered_on (datetime.date): Not in the future (Colombia's calendar)
        hours (float): Hours of support, 0.01 to 1000; kept to the hundredth (rounded)
        kind (SupportKind):
        organization_id (UUID):
        description (str | Unset):  Default: ''.
        id (None | Unset | UUID):
    """

    delivered_by: str
    delivered_on: datetime.date
    hours: float
    kind: SupportKind
    organization_id: UUID
    description: str | Unset = ""
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        delivered_by = self.delivered_by

        delivered_on = self.delivered_on.isoformat()

        hours = self.hours

        kind = self.kind.value

        organization_id = str(self.organization_id)

        description = self.description

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
                "delivered_by": delivered_by,
                "delivered_on": delivered_on,
                "hours": hours,
                "kind": kind,
                "organization_id": organization_id,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_by = d.pop("delivered_by")

        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))

        hours = d.pop("hours")

        kind = SupportKind(d.pop("kind"))

        organization_id = UUID(d.pop("organization_id"))

        description = d.pop("description", UNSET)

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

        support_activity_create = cls(
            delivered_by=delivered_by,
            delivered_on=delivered_on,
            hours=hours,
            kind=kind,
            organization_id=organization_id,
            description=description,
            id=id,
        )

        return support_activity_create
