from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Indicator")


@_attrs_define
class Indicator:
    """
    Attributes:
        baseline (float):
        name (str):
        target (float):
        unit (str):
    """

    baseline: float
    name: str
    target: float
    unit: str

    def to_dict(self) -> dict[str, Any]:
        baseline = self.baseline

        name = self.name

        target = self.target

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "baseline": baseline,
                "name": name,
                "target": target,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        baseline = d.pop("baseline")

        name = d.pop("name")

        target = d.pop("target")

        unit = d.pop("unit")

        indicator = cls(
            baseline=baseline,
            name=name,
            target=target,
            unit=unit,
        )

        return indicator
