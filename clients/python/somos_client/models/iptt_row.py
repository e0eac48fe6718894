from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.iptt_row_deviation_type_0 import IpttRowDeviationType0
from ..models.iptt_row_unit import IpttRowUnit

if TYPE_CHECKING:
    from ..models.iptt_row_quarters import IpttRowQuarters
    from ..models.name import Name


T = TypeVar("T", bound="IpttRow")


@_attrs_define
class IpttRow:
    """
    Attributes:
        baseline (float | None):
        code (str):
        cumulative_actual (float | None): From the programme's start (SOMOS_REPORTING_PROGRAMME_START) to the end of the
            fiscal year
        deviation (IpttRowDeviationType0 | None): Against the target pro-rated to the quarters that have ended (the
            year's actual to their end): more than 10 % below is `under`, above `over`; null without a fiscal-year target or
            before the first quarter ends
        fy_actual (float | None): The fiscal year so far, counted live
        fy_target (float | None):
        lop_target (float | None):
        name (Name):
        pct_of_fy_target (float | None):
        pct_of_lop_target (float | None):
        q1 (float | None):
        q2 (float | None):
        q3 (float | None):
        q4 (float | None):
        quarters (IpttRowQuarters):
        unit (IpttRowUnit):
    """

    baseline: float | None
    code: str
    cumulative_actual: float | None
    deviation: IpttRowDeviationType0 | None
    fy_actual: float | None
    fy_target: float | None
    lop_target: float | None
    name: Name
    pct_of_fy_target: float | None
    pct_of_lop_target: float | None
    q1: float | None
    q2: float | None
    q3: float | None
    q4: float | None
    quarters: IpttRowQuarters
    unit: IpttRowUnit
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        baseline: float | None
        baseline = self.baseline

        code = self.code

        cumulative_actual: float | None
        cumulative_actual = self.cumulative_actual

        deviation: None | str
        if isinstance(self.deviation, IpttRowDeviationType0):
            deviation = self.deviation.value
        else:
            deviation = self.deviation

        fy_actual: float | None
        fy_actual = self.fy_actual

        fy_target: float | None
        fy_target = self.fy_target

        lop_target: float | None
        lop_target = self.lop_target

        name = self.name.to_dict()

        pct_of_fy_target: float | None
        pct_of_fy_target = self.pct_of_fy_target

        pct_of_lop_target: float | None
        pct_of_lop_target = self.pct_of_lop_target

        q1: float | None
        q1 = self.q1

        q2: float | None
        q2 = self.q2

        q3: float | None
        q3 = self.q3

        q4: float | None
        q4 = self.q4

        quarters = self.quarters.to_dict()

        unit = self.unit.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseline": baseline,
                "code": code,
                "cumulative_actual": cumulative_actual,
                "deviation": deviation,
                "fy_actual": fy_actual,
                "fy_target": fy_target,
                "lop_target": lop_target,
                "name": name,
                "pct_of_fy_target": pct_of_fy_target,
                "pct_of_lop_target": pct_of_lop_target,
                "q1": q1,
                "q2": q2,
                "q3": q3,
                "q4": q4,
                "quarters": quarters,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.iptt_row_quarters import IpttRowQuarters  # noqa: PLC0415
        from ..models.name import Name  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_baseline(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline = _parse_baseline(d.pop("baseline"))

        code = d.pop("code")

        def _parse_cumulative_actual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cumulative_actual = _parse_cumulative_actual(d.pop("cumulative_actual"))

        def _parse_deviation(data: object) -> IpttRowDeviationType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deviation_type_0 = IpttRowDeviationType0(data)

                return deviation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IpttRowDeviationType0 | None, data)

        deviation = _parse_deviation(d.pop("deviation"))

        def _parse_fy_actual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fy_actual = _parse_fy_actual(d.pop("fy_actual"))

        def _parse_fy_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fy_target = _parse_fy_target(d.pop("fy_target"))

        def _parse_lop_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lop_target = _parse_lop_target(d.pop("lop_target"))

        name = Name.from_dict(d.pop("name"))

        def _parse_pct_of_fy_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        pct_of_fy_target = _parse_pct_of_fy_target(d.pop("pct_of_fy_target"))

        def _parse_pct_of_lop_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        pct_of_lop_target = _parse_pct_of_lop_target(d.pop("pct_of_lop_target"))

        def _parse_q1(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        q1 = _parse_q1(d.pop("q1"))

        def _parse_q2(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        q2 = _parse_q2(d.pop("q2"))

        def _parse_q3(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        q3 = _parse_q3(d.pop("q3"))

        def _parse_q4(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        q4 = _parse_q4(d.pop("q4"))

        quarters = IpttRowQuarters.from_dict(d.pop("quarters"))

        unit = IpttRowUnit(d.pop("unit"))

        iptt_row = cls(
            baseline=baseline,
            code=code,
            cumulative_actual=cumulative_actual,
            deviation=deviation,
            fy_actual=fy_actual,
            fy_target=fy_target,
            lop_target=lop_target,
            name=name,
            pct_of_fy_target=pct_of_fy_target,
            pct_of_lop_target=pct_of_lop_target,
            q1=q1,
            q2=q2,
            q3=q3,
            q4=q4,
            quarters=quarters,
            unit=unit,
        )

        iptt_row.additional_properties = d
        return iptt_row

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
