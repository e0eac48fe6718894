from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetRead")


@_attrs_define
class TargetRead:
    """
    Attributes:
        department_code (None | str): Null for the whole programme
        fiscal_year (int | None): Null for the life-of-project target
        indicator_code (str):
        rationale (None | str):
        set_by (str):
        updated_at (str):
        value (float):
        version (int):
    """

    department_code: None | str
    fiscal_year: int | None
    indicator_code: str
    rationale: None | str
    set_by: str
    updated_at: str
    value: float
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        department_code: None | str
        department_code = self.department_code

        fiscal_year: int | None
        fiscal_year = self.fiscal_year

        indicator_code = self.indicator_code

        rationale: None | str
        rationale = self.rationale

        set_by = self.set_by

        updated_at = self.updated_at

        value = self.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "department_code": department_code,
                "fiscal_year": fiscal_year,
                "indicator_code": indicator_code,
                "rationale": rationale,
                "set_by": set_by,
                "updated_at": updated_at,
                "value": value,
                "version": version,
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

        def _parse_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))

        indicator_code = d.pop("indicator_code")

        def _parse_rationale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rationale = _parse_rationale(d.pop("rationale"))

        set_by = d.pop("set_by")

        updated_at = d.pop("updated_at")

        value = d.pop("value")

        version = d.pop("version")

        target_read = cls(
            department_code=department_code,
            fiscal_year=fiscal_year,
            indicator_code=indicator_code,
            rationale=rationale,
            set_by=set_by,
            updated_at=updated_at,
            value=value,
            version=version,
        )

        target_read.additional_properties = d
        return target_read

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
