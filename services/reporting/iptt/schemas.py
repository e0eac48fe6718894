"""The IPTT's body."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from services.common.disclosure import Suppressed
from services.common.schemas import OutputModel, UtcDatetime
from services.reporting.indicators.schemas import Name

Deviation = Literal["on_track", "under", "over"]


class QuarterCell(OutputModel):
    status: Literal["submitted", "open"]
    start: date
    end: date
    ended: bool = Field(description="The quarter's last Colombian day is over")
    submitted_at: UtcDatetime | None = None
    submitted_by: str | None = None
    narrative: str | None = None
    live_value: float | None = Field(
        default=None,
        description="Submitted quarters only: today's figure, when it differs from the "
        "submitted one (late data)",
    )
    changed_since_submission: bool = False


class IpttRow(OutputModel):
    code: str
    name: Name
    unit: Literal["count", "percent"]
    baseline: float | None
    lop_target: float | None
    fy_target: float | None
    q1: float | None
    q2: float | None
    q3: float | None
    q4: float | None
    fy_actual: float | None = Field(description="The fiscal year so far, counted live")
    pct_of_fy_target: float | None
    cumulative_actual: float | None = Field(
        description="From the programme's start (SOMOS_REPORTING_PROGRAMME_START) to the "
        "end of the fiscal year"
    )
    pct_of_lop_target: float | None
    deviation: Deviation | None = Field(
        description="Against the target pro-rated to the quarters that have ended (the "
        "year's actual to their end): more than 10 % below is `under`, above `over`; null "
        "without a fiscal-year target or before the first quarter ends"
    )
    quarters: dict[str, QuarterCell]


class Period(OutputModel):
    start: date
    end: date


class IpttFilters(OutputModel):
    department_code: str | None
    municipality_code: str | None


class DisaggregationCell(OutputModel):
    code: str
    dimension: str = Field(examples=["department", "sex"])
    category: str = Field(examples=["52", "mujer"])
    value: float | None = Field(description="The fiscal year's figure; null when withheld")


class Iptt(OutputModel):
    fiscal_year: int
    period: Period
    filters: IpttFilters
    quarters_ended: int = Field(description="How many of the year's quarters are over")
    rows: list[IpttRow]
    partial: bool
    unavailable: list[str]
    problems: dict[str, str] = Field(default_factory=dict)
    suppressed: Suppressed = []
    generated_at: UtcDatetime
    disaggregations: list[DisaggregationCell] = Field(
        default_factory=list,
        description="Each indicator's fiscal-year figure by department, and people-level "
        "ones by sex, age group and ethnicity (the workbook's Disaggregations sheet)",
    )
