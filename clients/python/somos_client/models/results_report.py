from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.people_reached import PeopleReached
    from ..models.reporting_indicator import ReportingIndicator
    from ..models.results_filters import ResultsFilters
    from ..models.results_report_problems import ResultsReportProblems


T = TypeVar("T", bound="ResultsReport")


@_attrs_define
class ResultsReport:
    """
    Attributes:
        filters (ResultsFilters):
        generated_at (datetime.datetime):
        indicators (list[ReportingIndicator]):
        partial (bool):
        people (PeopleReached): People-level figures: counts of 1 to k-1 people are null without attendees:pii.
        unavailable (list[str]):
        problems (ResultsReportProblems | Unset):
        suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
            withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
            figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    filters: ResultsFilters
    generated_at: datetime.datetime
    indicators: list[ReportingIndicator]
    partial: bool
    people: PeopleReached
    unavailable: list[str]
    problems: ResultsReportProblems | Unset = UNSET
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filters = self.filters.to_dict()

        generated_at = self.generated_at.isoformat()

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        partial = self.partial

        people = self.people.to_dict()

        unavailable = self.unavailable

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
                "generated_at": generated_at,
                "indicators": indicators,
                "partial": partial,
                "people": people,
                "unavailable": unavailable,
            }
        )
        if problems is not UNSET:
            field_dict["problems"] = problems
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.people_reached import PeopleReached  # noqa: PLC0415
        from ..models.reporting_indicator import ReportingIndicator  # noqa: PLC0415
        from ..models.results_filters import ResultsFilters  # noqa: PLC0415
        from ..models.results_report_problems import ResultsReportProblems  # noqa: PLC0415

        d = dict(src_dict)
        filters = ResultsFilters.from_dict(d.pop("filters"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = ReportingIndicator.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        partial = d.pop("partial")

        people = PeopleReached.from_dict(d.pop("people"))

        unavailable = cast(list[str], d.pop("unavailable"))

        _problems = d.pop("problems", UNSET)
        problems: ResultsReportProblems | Unset
        if isinstance(_problems, Unset):
            problems = UNSET
        else:
            problems = ResultsReportProblems.from_dict(_problems)

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        results_report = cls(
            filters=filters,
            generated_at=generated_at,
            indicators=indicators,
            partial=partial,
            people=people,
            unavailable=unavailable,
            problems=problems,
            suppressed=suppressed,
        )

        results_report.additional_properties = d
        return results_report

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
