from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.indicator_create_direction import IndicatorCreateDirection
from ..models.indicator_create_disaggregations_item import IndicatorCreateDisaggregationsItem
from ..models.indicator_create_frequency import IndicatorCreateFrequency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.name_in import NameIn


T = TypeVar("T", bound="IndicatorCreate")


@_attrs_define
class IndicatorCreate:
    """A new indicator built from a measure the services already expose (admin).

    Attributes:
        code (str):
        definition (str):
        measure (str):
        name (NameIn):
        baseline (float | None | Unset):
        baseline_year (int | None | Unset):
        data_source (None | str | Unset):
        direction (IndicatorCreateDirection | Unset):  Default: IndicatorCreateDirection.INCREASE.
        disaggregations (list[IndicatorCreateDisaggregationsItem] | Unset):
        frequency (IndicatorCreateFrequency | Unset):  Default: IndicatorCreateFrequency.QUARTERLY.
        limitations (str | Unset):  Default: 'Counts only what programme staff entered in Somos.'.
        parameter (None | str | Unset):
    """

    code: str
    definition: str
    measure: str
    name: NameIn
    baseline: float | None | Unset = UNSET
    baseline_year: int | None | Unset = UNSET
    data_source: None | str | Unset = UNSET
    direction: IndicatorCreateDirection | Unset = IndicatorCreateDirection.INCREASE
    disaggregations: list[IndicatorCreateDisaggregationsItem] | Unset = UNSET
    frequency: IndicatorCreateFrequency | Unset = IndicatorCreateFrequency.QUARTERLY
    limitations: str | Unset = "Counts only what programme staff entered in Somos."
    parameter: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        definition = self.definition

        measure = self.measure

        name = self.name.to_dict()

        baseline: float | None | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        else:
            baseline = self.baseline

        baseline_year: int | None | Unset
        if isinstance(self.baseline_year, Unset):
            baseline_year = UNSET
        else:
            baseline_year = self.baseline_year

        data_source: None | str | Unset
        if isinstance(self.data_source, Unset):
            data_source = UNSET
        else:
            data_source = self.data_source

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        disaggregations: list[str] | Unset = UNSET
        if not isinstance(self.disaggregations, Unset):
            disaggregations = []
            for disaggregations_item_data in self.disaggregations:
                disaggregations_item = disaggregations_item_data.value
                disaggregations.append(disaggregations_item)

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value

        limitations = self.limitations

        parameter: None | str | Unset
        if isinstance(self.parameter, Unset):
            parameter = UNSET
        else:
            parameter = self.parameter

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "definition": definition,
                "measure": measure,
                "name": name,
            }
        )
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if baseline_year is not UNSET:
            field_dict["baseline_year"] = baseline_year
        if data_source is not UNSET:
            field_dict["data_source"] = data_source
        if direction is not UNSET:
            field_dict["direction"] = direction
        if disaggregations is not UNSET:
            field_dict["disaggregations"] = disaggregations
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if limitations is not UNSET:
            field_dict["limitations"] = limitations
        if parameter is not UNSET:
            field_dict["parameter"] = parameter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.name_in import NameIn  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        definition = d.pop("definition")

        measure = d.pop("measure")

        name = NameIn.from_dict(d.pop("name"))

        def _parse_baseline(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))

        def _parse_baseline_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        baseline_year = _parse_baseline_year(d.pop("baseline_year", UNSET))

        def _parse_data_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_source = _parse_data_source(d.pop("data_source", UNSET))

        _direction = d.pop("direction", UNSET)
        direction: IndicatorCreateDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = IndicatorCreateDirection(_direction)

        _disaggregations = d.pop("disaggregations", UNSET)
        disaggregations: list[IndicatorCreateDisaggregationsItem] | Unset = UNSET
        if _disaggregations is not UNSET:
            disaggregations = []
            for disaggregations_item_data in _disaggregations:
                disaggregations_item = IndicatorCreateDisaggregationsItem(disaggregations_item_data)

                disaggregations.append(disaggregations_item)

        _frequency = d.pop("frequency", UNSET)
        frequency: IndicatorCreateFrequency | Unset
        if isinstance(_frequency, Unset):
            frequency = UNSET
        else:
            frequency = IndicatorCreateFrequency(_frequency)

        limitations = d.pop("limitations", UNSET)

        def _parse_parameter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parameter = _parse_parameter(d.pop("parameter", UNSET))

        indicator_create = cls(
            code=code,
            definition=definition,
            measure=measure,
            name=name,
            baseline=baseline,
            baseline_year=baseline_year,
            data_source=data_source,
            direction=direction,
            disaggregations=disaggregations,
            frequency=frequency,
            limitations=limitations,
            parameter=parameter,
        )

        return indicator_create
