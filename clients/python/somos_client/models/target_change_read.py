from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetChangeRead")


@_attrs_define
class TargetChangeRead:
    """
    Attributes:
        changed_at (str):
        changed_by (str):
        department_code (None | str):
        fiscal_year (int | None): Null for the life-of-project target
        previous_value (float | None): Null when the target was first set
        rationale (None | str):
        value (float):
    """

    changed_at: str
    changed_by: str
    department_code: None | str
    fiscal_year: int | None
    previous_value: float | None
    rationale: None | str
    value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at

        changed_by = self.changed_by

        department_code: None | str
        department_code = self.department_code

        fiscal_year: int | None
        fiscal_year = self.fiscal_year

        previous_value: float | None
        previous_value = self.previous_value

        rationale: None | str
        rationale = self.rationale

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_at": changed_at,
                "changed_by": changed_by,
                "department_code": department_code,
                "fiscal_year": fiscal_year,
                "previous_value": previous_value,
                "rationale": rationale,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed_at = d.pop("changed_at")

        changed_by = d.pop("changed_by")

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

        def _parse_previous_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        previous_value = _parse_previous_value(d.pop("previous_value"))

        def _parse_rationale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rationale = _parse_rationale(d.pop("rationale"))

        value = d.pop("value")

        target_change_read = cls(
            changed_at=changed_at,
            changed_by=changed_by,
            department_code=department_code,
            fiscal_year=fiscal_year,
            previous_value=previous_value,
            rationale=rationale,
            value=value,
        )

        target_change_read.additional_properties = d
        return target_change_read

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
