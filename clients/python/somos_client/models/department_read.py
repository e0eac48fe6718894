from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DepartmentRead")


@_attrs_define
class DepartmentRead:
    """
    Attributes:
        code (str):
        municipalities (int | None): Municipalities in the official list (null without it)
        name (str):
    """

    code: str
    municipalities: int | None
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        municipalities: int | None
        municipalities = self.municipalities

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "municipalities": municipalities,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_municipalities(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        municipalities = _parse_municipalities(d.pop("municipalities"))

        name = d.pop("name")

        department_read = cls(
            code=code,
            municipalities=municipalities,
            name=name,
        )

        department_read.additional_properties = d
        return department_read

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
