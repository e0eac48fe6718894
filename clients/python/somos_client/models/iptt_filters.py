from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IpttFilters")


@_attrs_define
class IpttFilters:
    """
    Attributes:
        department_code (None | str):
        municipality_code (None | str):
    """

    department_code: None | str
    municipality_code: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        department_code: None | str
        department_code = self.department_code

        municipality_code: None | str
        municipality_code = self.municipality_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "department_code": department_code,
                "municipality_code": municipality_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_department_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department_code = _parse_department_code(d.pop("department_code"))

        def _parse_municipality_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        municipality_code = _parse_municipality_code(d.pop("municipality_code"))

        iptt_filters = cls(
            department_code=department_code,
            municipality_code=municipality_code,
        )

        iptt_filters.additional_properties = d
        return iptt_filters

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
