from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.support_kind import SupportKind

T = TypeVar("T", bound="SupportActivityRead")


@_attrs_define
class SupportActivityRead:
    """
    Attributes:
        archived_at (None | str):
        created_at (str):
        delivered_by (str):
        delivered_on (datetime.date):
        description (str):
        hours (float):
        id (UUID):
        kind (SupportKind):
        organization_id (UUID):
        updated_at (str):
        version (int):
    """

    archived_at: None | str
    created_at: str
    delivered_by: str
    delivered_on: datetime.date
    description: str
    hours: float
    id: UUID
    kind: SupportKind
    organization_id: UUID
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        created_at = self.created_at

        delivered_by = self.delivered_by

        delivered_on = self.delivered_on.isoformat()

        description = self.description

        hours = self.hours

        id = str(self.id)

        kind = self.kind.value

        organization_id = str(self.organization_id)

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "created_at": created_at,
                "delivered_by": delivered_by,
                "delivered_on": delivered_on,
                "description": description,
                "hours": hours,
                "id": id,
                "kind": kind,
                "organization_id": organization_id,
                "updated_at": updated_at,
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

        delivered_by = d.pop("delivered_by")

        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))

        description = d.pop("description")

        hours = d.pop("hours")

        id = UUID(d.pop("id"))

        kind = SupportKind(d.pop("kind"))

        organization_id = UUID(d.pop("organization_id"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        support_activity_read = cls(
            archived_at=archived_at,
            created_at=created_at,
            delivered_by=delivered_by,
            delivered_on=delivered_on,
            description=description,
            hours=hours,
            id=id,
            kind=kind,
            organization_id=organization_id,
            updated_at=updated_at,
            version=version,
        )

        support_activity_read.additional_properties = d
        return support_activity_read

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
