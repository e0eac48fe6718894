from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Territory")


@_attrs_define
class Territory:
    """
    Attributes:
        code (str):
        department_code (str):
        department_name (None | str):
        name (None | str):
    """

    code: str
    department_code: str
    department_name: None | str
    name: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        department_code = self.department_code

        department_name: None | str
        department_name = self.department_name

        name: None | str
        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "department_code": department_code,
                "department_name": department_name,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        department_code = d.pop("department_code")

        def _parse_department_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department_name = _parse_department_name(d.pop("department_name"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        territory = cls(
            code=code,
            department_code=department_code,
            department_name=department_name,
            name=name,
        )

        territory.additional_properties = d
        return territory

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
