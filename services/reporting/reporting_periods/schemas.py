"""Reporting-period bodies."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from services.common.schemas import InputModel, OutputModel, UtcDatetime

Narrative = Annotated[str, Field(min_length=1, max_length=4000, pattern=r"^[^\x00]*$")]


class SubmitRequest(InputModel):
    narratives: dict[str, Narrative] = Field(
        default_factory=dict,
        description="Why each deviating indicator is off its target, by indicator code "
        "(required for every indicator more than 10 % off its pro-rated target)",
        examples=[{"R9": "La policía suspendió las sesiones en marzo por orden público."}],
    )


class ReopenRequest(InputModel):
    # As long as the column that keeps it (reopen_reason, 2,000 characters).
    reason: Annotated[str, Field(min_length=1, max_length=2000, pattern=r"^[^\x00]*$")] = Field(
        description="Why the submitted quarter is reopened (recorded)"
    )


class SubmittedFigure(OutputModel):
    value: float | None = Field(description="The quarter's figure, as submitted")
    year_to_date: float | None = Field(description="The fiscal year to the quarter's end")
    fy_target: float | None
    deviation: Literal["on_track", "under", "over"] | None


class Submission(OutputModel):
    """One submission of the quarter; a reopened one says who reopened it, when and why."""

    submitted_at: UtcDatetime
    submitted_by: str
    reopened_at: UtcDatetime | None
    reopened_by: str | None
    reopen_reason: str | None


class ReportingPeriodRead(OutputModel):
    period: str = Field(examples=["2025-Q1"])
    fiscal_year: int
    quarter: int
    start: date
    end: date
    ended: bool = Field(description="The quarter's last Colombian day is over")
    status: Literal["submitted", "open"]
    submitted_at: UtcDatetime | None
    submitted_by: str | None
    narratives: dict[str, str]
    figures: dict[str, SubmittedFigure] = Field(
        description="The frozen figures by indicator code (programme-wide)"
    )
    history: list[Submission] = Field(description="Every submission, oldest first")
