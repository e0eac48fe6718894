from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExportedEvent")


@_attrs_define
class ExportedEvent:
    """
    Attributes:
        community (str):
        department_code (str):
        ends_at (str):
        id (UUID):
        municipality_code (str):
        starts_at (str):
        title (str):
        type_ (str):
    """

    community: str
    department_code: str
    ends_at: str
    id: UUID
    municipality_code: str
    starts_at: str
    title: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        community = self.community

        department_code = self.department_code

        ends_at = self.ends_at

        id = str(self.id)

        municipality_code = self.municipality_code

        starts_at = self.starts_at

        title = self.title

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "community": community,
                "department_code": department_code,
                "ends_at": ends_at,
                "id": id,
                "municipality_code": municipality_code,
                "starts_at": starts_at,
                "title": title,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        community = d.pop("community")

        department_code = d.pop("department_code")

        ends_at = d.pop("ends_at")

        id = UUID(d.pop("id"))

        municipality_code = d.pop("municipality_code")

        starts_at = d.pop("starts_at")

        title = d.pop("title")

        type_ = d.pop("type")

        exported_event = cls(
            community=community,
            department_code=department_code,
            ends_at=ends_at,
            id=id,
            municipality_code=municipality_code,
            starts_at=starts_at,
            title=title,
            type_=type_,
        )

        exported_event.additional_properties = d
        return exported_event

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
