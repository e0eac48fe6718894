from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reporting_period_read_status import ReportingPeriodReadStatus

if TYPE_CHECKING:
    from ..models.reporting_period_read_figures import ReportingPeriodReadFigures
    from ..models.reporting_period_read_narratives import ReportingPeriodReadNarratives
    from ..models.submission import Submission


T = TypeVar("T", bound="ReportingPeriodRead")


@_attrs_define
class ReportingPeriodRead:
    """
    Attributes:
        end (datetime.date):
        ended (bool): The quarter's last Colombian day is over
        figures (ReportingPeriodReadFigures): The frozen figures by indicator code (programme-wide)
        fiscal_year (int):
        history (list[Submission]): Every submission, oldest first
        narratives (ReportingPeriodReadNarratives):
        period (str):
        quarter (int):
        start (datetime.date):
        status (ReportingPeriodReadStatus):
        submitted_at (None | str):
        submitted_by (None | str):
    """

    end: datetime.date
    ended: bool
    figures: ReportingPeriodReadFigures
    fiscal_year: int
    history: list[Submission]
    narratives: ReportingPeriodReadNarratives
    period: str
    quarter: int
    start: datetime.date
    status: ReportingPeriodReadStatus
    submitted_at: None | str
    submitted_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        ended = self.ended

        figures = self.figures.to_dict()

        fiscal_year = self.fiscal_year

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        narratives = self.narratives.to_dict()

        period = self.period

        quarter = self.quarter

        start = self.start.isoformat()

        status = self.status.value

        submitted_at: None | str
        submitted_at = self.submitted_at

        submitted_by: None | str
        submitted_by = self.submitted_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "end": end,
                "ended": ended,
                "figures": figures,
                "fiscal_year": fiscal_year,
                "history": history,
                "narratives": narratives,
                "period": period,
                "quarter": quarter,
                "start": start,
                "status": status,
                "submitted_at": submitted_at,
                "submitted_by": submitted_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reporting_period_read_figures import ReportingPeriodReadFigures  # noqa: PLC0415
        from ..models.reporting_period_read_narratives import ReportingPeriodReadNarratives  # noqa: PLC0415
        from ..models.submission import Submission  # noqa: PLC0415

        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))

        ended = d.pop("ended")

        figures = ReportingPeriodReadFigures.from_dict(d.pop("figures"))

        fiscal_year = d.pop("fiscal_year")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = Submission.from_dict(history_item_data)

            history.append(history_item)

        narratives = ReportingPeriodReadNarratives.from_dict(d.pop("narratives"))

        period = d.pop("period")

        quarter = d.pop("quarter")

        start = datetime.date.fromisoformat(d.pop("start"))

        status = ReportingPeriodReadStatus(d.pop("status"))

        def _parse_submitted_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_submitted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        reporting_period_read = cls(
            end=end,
            ended=ended,
            figures=figures,
            fiscal_year=fiscal_year,
            history=history,
            narratives=narratives,
            period=period,
            quarter=quarter,
            start=start,
            status=status,
            submitted_at=submitted_at,
            submitted_by=submitted_by,
        )

        reporting_period_read.additional_properties = d
        return reporting_period_read

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
