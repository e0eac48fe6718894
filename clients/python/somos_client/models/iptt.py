from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disaggregation_cell import DisaggregationCell
    from ..models.iptt_filters import IpttFilters
    from ..models.iptt_problems import IpttProblems
    from ..models.iptt_row import IpttRow
    from ..models.period import Period


T = TypeVar("T", bound="Iptt")


@_attrs_define
class Iptt:
    """
    Attributes:
        filters (IpttFilters):
        fiscal_year (int):
        generated_at (str):
        partial (bool):
        period (Period):
        quarters_ended (int): How many of the year's quarters are over
        rows (list[IpttRow]):
        unavailable (list[str]):
        disaggregations (list[DisaggregationCell] | Unset): Each indicator's fiscal-year figure by department, and
            people-level ones by sex, age group and ethnicity (the workbook's Disaggregations sheet)
        problems (IpttProblems | Unset):
        suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
            withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
            figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    filters: IpttFilters
    fiscal_year: int
    generated_at: str
    partial: bool
    period: Period
    quarters_ended: int
    rows: list[IpttRow]
    unavailable: list[str]
    disaggregations: list[DisaggregationCell] | Unset = UNSET
    problems: IpttProblems | Unset = UNSET
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filters = self.filters.to_dict()

        fiscal_year = self.fiscal_year

        generated_at = self.generated_at

        partial = self.partial

        period = self.period.to_dict()

        quarters_ended = self.quarters_ended

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        unavailable = self.unavailable

        disaggregations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.disaggregations, Unset):
            disaggregations = []
            for disaggregations_item_data in self.disaggregations:
                disaggregations_item = disaggregations_item_data.to_dict()
                disaggregations.append(disaggregations_item)

        problems: dict[str, Any] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems.to_dict()

        suppressed: list[str] | Unset = UNSET
        if not isinstance(self.suppressed, Unset):
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filters": filters,
                "fiscal_year": fiscal_year,
                "generated_at": generated_at,
                "partial": partial,
                "period": period,
                "quarters_ended": quarters_ended,
                "rows": rows,
                "unavailable": unavailable,
            }
        )
        if disaggregations is not UNSET:
            field_dict["disaggregations"] = disaggregations
        if problems is not UNSET:
            field_dict["problems"] = problems
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disaggregation_cell import DisaggregationCell  # noqa: PLC0415
        from ..models.iptt_filters import IpttFilters  # noqa: PLC0415
        from ..models.iptt_problems import IpttProblems  # noqa: PLC0415
        from ..models.iptt_row import IpttRow  # noqa: PLC0415
        from ..models.period import Period  # noqa: PLC0415

        d = dict(src_dict)
        filters = IpttFilters.from_dict(d.pop("filters"))

        fiscal_year = d.pop("fiscal_year")

        generated_at = d.pop("generated_at")

        partial = d.pop("partial")

        period = Period.from_dict(d.pop("period"))

        quarters_ended = d.pop("quarters_ended")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = IpttRow.from_dict(rows_item_data)

            rows.append(rows_item)

        unavailable = cast(list[str], d.pop("unavailable"))

        _disaggregations = d.pop("disaggregations", UNSET)
        disaggregations: list[DisaggregationCell] | Unset = UNSET
        if _disaggregations is not UNSET:
            disaggregations = []
            for disaggregations_item_data in _disaggregations:
                disaggregations_item = DisaggregationCell.from_dict(disaggregations_item_data)

                disaggregations.append(disaggregations_item)

        _problems = d.pop("problems", UNSET)
        problems: IpttProblems | Unset
        if isinstance(_problems, Unset):
            problems = UNSET
        else:
            problems = IpttProblems.from_dict(_problems)

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        iptt = cls(
            filters=filters,
            fiscal_year=fiscal_year,
            generated_at=generated_at,
            partial=partial,
            period=period,
            quarters_ended=quarters_ended,
            rows=rows,
            unavailable=unavailable,
            disaggregations=disaggregations,
            problems=problems,
            suppressed=suppressed,
        )

        iptt.additional_properties = d
        return iptt

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
