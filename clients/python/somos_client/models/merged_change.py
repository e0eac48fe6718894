from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MergedChange")


@_attrs_define
class MergedChange:
    """A change from one service; its cursor resumes the merged feed right after it.

    Attributes:
        cursor (str): Resume after this change: pass it as `after`
        id (UUID):
        municipality_code (None | str):
        occurred_at (datetime.datetime): When the change committed (UTC)
        path (str): Where to read the record (or its list, for records without their own path): GET it for the current
            content
        resource (str):
        service (str):
        type_ (str): `<resource>.<verb>`
        version (int): The record's version after the change (its ETag)
    """

    cursor: str
    id: UUID
    municipality_code: None | str
    occurred_at: datetime.datetime
    path: str
    resource: str
    service: str
    type_: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cursor = self.cursor

        id = str(self.id)

        municipality_code: None | str
        municipality_code = self.municipality_code

        occurred_at = self.occurred_at.isoformat()

        path = self.path

        resource = self.resource

        service = self.service

        type_ = self.type_

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cursor": cursor,
                "id": id,
                "municipality_code": municipality_code,
                "occurred_at": occurred_at,
                "path": path,
                "resource": resource,
                "service": service,
                "type": type_,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cursor = d.pop("cursor")

        id = UUID(d.pop("id"))

        def _parse_municipality_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        municipality_code = _parse_municipality_code(d.pop("municipality_code"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        path = d.pop("path")

        resource = d.pop("resource")

        service = d.pop("service")

        type_ = d.pop("type")

        version = d.pop("version")

        merged_change = cls(
            cursor=cursor,
            id=id,
            municipality_code=municipality_code,
            occurred_at=occurred_at,
            path=path,
            resource=resource,
            service=service,
            type_=type_,
            version=version,
        )

        merged_change.additional_properties = d
        return merged_change

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
