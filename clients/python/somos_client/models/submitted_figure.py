from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submitted_figure_deviation_type_0 import SubmittedFigureDeviationType0

T = TypeVar("T", bound="SubmittedFigure")


@_attrs_define
class SubmittedFigure:
    """
    Attributes:
        deviation (None | SubmittedFigureDeviationType0):
        fy_target (float | None):
        value (float | None): The quarter's figure, as submitted
        year_to_date (float | None): The fiscal year to the quarter's end
    """

    deviation: None | SubmittedFigureDeviationType0
    fy_target: float | None
    value: float | None
    year_to_date: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deviation: None | str
        if isinstance(self.deviation, SubmittedFigureDeviationType0):
            deviation = self.deviation.value
        else:
            deviation = self.deviation

        fy_target: float | None
        fy_target = self.fy_target

        value: float | None
        value = self.value

        year_to_date: float | None
        year_to_date = self.year_to_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deviation": deviation,
                "fy_target": fy_target,
                "value": value,
                "year_to_date": year_to_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_deviation(data: object) -> None | SubmittedFigureDeviationType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deviation_type_0 = SubmittedFigureDeviationType0(data)

                return deviation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubmittedFigureDeviationType0, data)

        deviation = _parse_deviation(d.pop("deviation"))

        def _parse_fy_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fy_target = _parse_fy_target(d.pop("fy_target"))

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_year_to_date(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        year_to_date = _parse_year_to_date(d.pop("year_to_date"))

        submitted_figure = cls(
            deviation=deviation,
            fy_target=fy_target,
            value=value,
            year_to_date=year_to_date,
        )

        submitted_figure.additional_properties = d
        return submitted_figure

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
