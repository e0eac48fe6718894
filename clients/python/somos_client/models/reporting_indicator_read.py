from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reporting_indicator_read_direction import ReportingIndicatorReadDirection
from ..models.reporting_indicator_read_unit import ReportingIndicatorReadUnit

if TYPE_CHECKING:
    from ..models.name import Name


T = TypeVar("T", bound="ReportingIndicatorRead")


@_attrs_define
class ReportingIndicatorRead:
    """An indicator with its Performance Indicator Reference Sheet (PIRS).

    Attributes:
        baseline (float | None):
        baseline_year (int | None):
        calculation (str): What is counted, from which service, and which date places it in a period
        code (str):
        created_by (str):
        data_source (str):
        definition (str):
        direction (ReportingIndicatorReadDirection):
        disaggregations (list[str]):
        frequency (str):
        limitations (str):
        lop_target (float | None): The programme's life-of-project target
        measure (str): The measure it is built from (GET /api/v1/measures)
        name (Name):
        parameter (None | str): The measure's parameter (an event type, a group)
        unit (ReportingIndicatorReadUnit):
        updated_at (str):
        version (int):
    """

    baseline: float | None
    baseline_year: int | None
    calculation: str
    code: str
    created_by: str
    data_source: str
    definition: str
    direction: ReportingIndicatorReadDirection
    disaggregations: list[str]
    frequency: str
    limitations: str
    lop_target: float | None
    measure: str
    name: Name
    parameter: None | str
    unit: ReportingIndicatorReadUnit
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        baseline: float | None
        baseline = self.baseline

        baseline_year: int | None
        baseline_year = self.baseline_year

        calculation = self.calculation

        code = self.code

        created_by = self.created_by

        data_source = self.data_source

        definition = self.definition

        direction = self.direction.value

        disaggregations = self.disaggregations

        frequency = self.frequency

        limitations = self.limitations

        lop_target: float | None
        lop_target = self.lop_target

        measure = self.measure

        name = self.name.to_dict()

        parameter: None | str
        parameter = self.parameter

        unit = self.unit.value

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseline": baseline,
                "baseline_year": baseline_year,
                "calculation": calculation,
                "code": code,
                "created_by": created_by,
                "data_source": data_source,
                "definition": definition,
                "direction": direction,
                "disaggregations": disaggregations,
                "frequency": frequency,
                "limitations": limitations,
                "lop_target": lop_target,
                "measure": measure,
                "name": name,
                "parameter": parameter,
                "unit": unit,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.name import Name  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_baseline(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline = _parse_baseline(d.pop("baseline"))

        def _parse_baseline_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        baseline_year = _parse_baseline_year(d.pop("baseline_year"))

        calculation = d.pop("calculation")

        code = d.pop("code")

        created_by = d.pop("created_by")

        data_source = d.pop("data_source")

        definition = d.pop("definition")

        direction = ReportingIndicatorReadDirection(d.pop("direction"))

        disaggregations = cast(list[str], d.pop("disaggregations"))

        frequency = d.pop("frequency")

        limitations = d.pop("limitations")

        def _parse_lop_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lop_target = _parse_lop_target(d.pop("lop_target"))

        measure = d.pop("measure")

        name = Name.from_dict(d.pop("name"))

        def _parse_parameter(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parameter = _parse_parameter(d.pop("parameter"))

        unit = ReportingIndicatorReadUnit(d.pop("unit"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        reporting_indicator_read = cls(
            baseline=baseline,
            baseline_year=baseline_year,
            calculation=calculation,
            code=code,
            created_by=created_by,
            data_source=data_source,
            definition=definition,
            direction=direction,
            disaggregations=disaggregations,
            frequency=frequency,
            limitations=limitations,
            lop_target=lop_target,
            measure=measure,
            name=name,
            parameter=parameter,
            unit=unit,
            updated_at=updated_at,
            version=version,
        )

        reporting_indicator_read.additional_properties = d
        return reporting_indicator_read

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
