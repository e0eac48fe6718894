from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.baseline_unit import BaselineUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProblemUpdate")


@_attrs_define
class ProblemUpdate:
    """
    Attributes:
        baseline_value (float | Unset):
        baseline_year (int | Unset):
        priority (int | Unset):
        source (str | Unset):
        unit (BaselineUnit | Unset):
    """

    baseline_value: float | Unset = UNSET
    baseline_year: int | Unset = UNSET
    priority: int | Unset = UNSET
    source: str | Unset = UNSET
    unit: BaselineUnit | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        baseline_value = self.baseline_value

        baseline_year = self.baseline_year

        priority = self.priority

        source = self.source

        unit: str | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if baseline_value is not UNSET:
            field_dict["baseline_value"] = baseline_value
        if baseline_year is not UNSET:
            field_dict["baseline_year"] = baseline_year
        if priority is not UNSET:
            field_dict["priority"] = priority
        if source is not UNSET:
            field_dict["source"] = source
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        baseline_value = d.pop("baseline_value", UNSET)

        baseline_year = d.pop("baseline_year", UNSET)

        priority = d.pop("priority", UNSET)

        source = d.pop("source", UNSET)

        _unit = d.pop("unit", UNSET)
        unit: BaselineUnit | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = BaselineUnit(_unit)

        problem_update = cls(
            baseline_value=baseline_value,
            baseline_year=baseline_year,
            priority=priority,
            source=source,
            unit=unit,
        )

        return problem_update
