from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_read_unit import MeasureReadUnit

T = TypeVar("T", bound="MeasureRead")


@_attrs_define
class MeasureRead:
    """
    Attributes:
        choices (list[str]):
        code (str):
        dated_by (str):
        description (str):
        parameter (None | str):
        people (bool): Counts people: disclosure control applies
        services (list[str]):
        unit (MeasureReadUnit):
    """

    choices: list[str]
    code: str
    dated_by: str
    description: str
    parameter: None | str
    people: bool
    services: list[str]
    unit: MeasureReadUnit
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        choices = self.choices

        code = self.code

        dated_by = self.dated_by

        description = self.description

        parameter: None | str
        parameter = self.parameter

        people = self.people

        services = self.services

        unit = self.unit.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "choices": choices,
                "code": code,
                "dated_by": dated_by,
                "description": description,
                "parameter": parameter,
                "people": people,
                "services": services,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        choices = cast(list[str], d.pop("choices"))

        code = d.pop("code")

        dated_by = d.pop("dated_by")

        description = d.pop("description")

        def _parse_parameter(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parameter = _parse_parameter(d.pop("parameter"))

        people = d.pop("people")

        services = cast(list[str], d.pop("services"))

        unit = MeasureReadUnit(d.pop("unit"))

        measure_read = cls(
            choices=choices,
            code=code,
            dated_by=dated_by,
            description=description,
            parameter=parameter,
            people=people,
            services=services,
            unit=unit,
        )

        measure_read.additional_properties = d
        return measure_read

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
