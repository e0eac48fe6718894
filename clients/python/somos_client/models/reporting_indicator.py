from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reporting_indicator_unit import ReportingIndicatorUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.name import Name
    from ..models.reporting_indicator_by_department import ReportingIndicatorByDepartment


T = TypeVar("T", bound="ReportingIndicator")


@_attrs_define
class ReportingIndicator:
    """
    Attributes:
        actual (float | None): Null when a service it needs is unavailable
        by_department (ReportingIndicatorByDepartment): Actual per DANE department code
        code (str):
        computed_from (str):
        name (Name):
        percent_of_target (float | None): 100 * actual / target, one decimal
        target (float | None): The life-of-project target (reporting service); null when none is set
        unit (ReportingIndicatorUnit):
        denominator (int | None | Unset):
        numerator (int | None | Unset):
    """

    actual: float | None
    by_department: ReportingIndicatorByDepartment
    code: str
    computed_from: str
    name: Name
    percent_of_target: float | None
    target: float | None
    unit: ReportingIndicatorUnit
    denominator: int | None | Unset = UNSET
    numerator: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual: float | None
        actual = self.actual

        by_department = self.by_department.to_dict()

        code = self.code

        computed_from = self.computed_from

        name = self.name.to_dict()

        percent_of_target: float | None
        percent_of_target = self.percent_of_target

        target: float | None
        target = self.target

        unit = self.unit.value

        denominator: int | None | Unset
        if isinstance(self.denominator, Unset):
            denominator = UNSET
        else:
            denominator = self.denominator

        numerator: int | None | Unset
        if isinstance(self.numerator, Unset):
            numerator = UNSET
        else:
            numerator = self.numerator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "by_department": by_department,
                "code": code,
                "computed_from": computed_from,
                "name": name,
                "percent_of_target": percent_of_target,
                "target": target,
                "unit": unit,
            }
        )
        if denominator is not UNSET:
            field_dict["denominator"] = denominator
        if numerator is not UNSET:
            field_dict["numerator"] = numerator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.name import Name  # noqa: PLC0415
        from ..models.reporting_indicator_by_department import ReportingIndicatorByDepartment  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_actual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        actual = _parse_actual(d.pop("actual"))

        by_department = ReportingIndicatorByDepartment.from_dict(d.pop("by_department"))

        code = d.pop("code")

        computed_from = d.pop("computed_from")

        name = Name.from_dict(d.pop("name"))

        def _parse_percent_of_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent_of_target = _parse_percent_of_target(d.pop("percent_of_target"))

        def _parse_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target = _parse_target(d.pop("target"))

        unit = ReportingIndicatorUnit(d.pop("unit"))

        def _parse_denominator(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        denominator = _parse_denominator(d.pop("denominator", UNSET))

        def _parse_numerator(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        numerator = _parse_numerator(d.pop("numerator", UNSET))

        reporting_indicator = cls(
            actual=actual,
            by_department=by_department,
            code=code,
            computed_from=computed_from,
            name=name,
            percent_of_target=percent_of_target,
            target=target,
            unit=unit,
            denominator=denominator,
            numerator=numerator,
        )

        reporting_indicator.additional_properties = d
        return reporting_indicator

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
