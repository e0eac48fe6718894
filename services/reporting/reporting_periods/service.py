"""Quarter rules: a quarter is submitted once it has ended, with a narrative for every
deviating indicator; its figures are then frozen; only an admin reopens it, with a reason."""

from __future__ import annotations

import logging
from datetime import date

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.errors import (
    Conflict,
    DomainError,
    FieldError,
    Forbidden,
    InvalidInput,
    UpstreamUnavailable,
)
from services.common.models import utcnow
from services.common.records import flush
from services.reporting import actuals
from services.reporting.actuals import Period, Territory
from services.reporting.fiscal import Quarter, fiscal_year_bounds
from services.reporting.indicators import repository as indicators
from services.reporting.iptt.service import deviation
from services.reporting.measures import MEASURES
from services.reporting.models import QuarterSubmission
from services.reporting.reporting_periods import repository
from services.reporting.reporting_periods.schemas import (
    ReportingPeriodRead,
    Submission,
    SubmittedFigure,
)
from services.reporting.upstreams import Statistics

logger = logging.getLogger("somos.reporting.periods")


class QuarterNotEnded(Conflict):
    slug, title = "quarter-not-ended", "The quarter has not ended"


class AlreadySubmitted(Conflict):
    slug, title = "quarter-already-submitted", "The quarter is already submitted"


class NotSubmitted(Conflict):
    slug, title = "quarter-not-submitted", "The quarter is not submitted"


class NarrativesMissing(DomainError):
    status, slug, title = 422, "narratives-missing", "Deviating indicators need a narrative"

    def __init__(self, errors: list[FieldError]) -> None:
        detail = "A narrative is required for every deviating indicator: " + ", ".join(
            e.field.removeprefix("narratives.") for e in errors
        )
        super().__init__(detail, errors=errors)


def period_read(
    quarter: Quarter, history: list[QuarterSubmission], today: date | None = None
) -> ReportingPeriodRead:
    active = next((s for s in history if s.reopened_at is None), None)
    return ReportingPeriodRead(
        period=quarter.label,
        fiscal_year=quarter.fiscal_year,
        quarter=quarter.number,
        start=quarter.start,
        end=quarter.end,
        ended=quarter.has_ended(today),
        status="submitted" if active else "open",
        submitted_at=active.submitted_at if active else None,
        submitted_by=active.submitted_by if active else None,
        narratives=dict(active.narratives) if active else {},
        figures={
            code: SubmittedFigure(
                value=figure["value"],
                year_to_date=figure["year_to_date"],
                fy_target=figure["fy_target"],
                deviation=figure["deviation"],
            )
            for code, figure in (active.figures if active else {}).items()
        },
        history=[
            Submission(
                submitted_at=s.submitted_at,
                submitted_by=s.submitted_by,
                reopened_at=s.reopened_at,
                reopened_by=s.reopened_by,
                reopen_reason=s.reopen_reason,
            )
            for s in history
        ],
    )


async def read_period(session: AsyncSession, quarter: Quarter) -> ReportingPeriodRead:
    history = await repository.submissions_of(session, quarter.fiscal_year, quarter.number)
    return period_read(quarter, history)


async def submit(
    session: AsyncSession,
    statistics: Statistics,
    request: Request,
    *,
    quarter: Quarter,
    narratives: dict[str, str],
    principal: Principal,
    today: date | None = None,
) -> ReportingPeriodRead:
    """Freeze the quarter's figures (programme-wide, per municipality, so a territory's
    share can be read later) with the narratives of the indicators off their targets."""
    today = today or colombia_today()
    if not quarter.has_ended(today):
        raise QuarterNotEnded(
            f"{quarter.label} ends on {quarter.end.isoformat()} (Colombian time); it can be "
            "submitted from the day after."
        )
    if principal.is_territorially_limited:
        raise Forbidden("Submitting a quarter needs a token without territorial limits.")
    if await repository.active_submission(session, quarter.fiscal_year, quarter.number):
        raise AlreadySubmitted(f"{quarter.label} is already submitted; an admin may reopen it.")
    live = await indicators.list_indicators(session)
    codes = {i.code for i in live}
    unknown = sorted(set(narratives) - codes)
    if unknown:
        raise InvalidInput(f"narratives.{unknown[0]}", "is not an indicator code")
    year_start, _ = fiscal_year_bounds(quarter.fiscal_year)
    measured = await actuals.measure(
        statistics,
        request,
        indicators=live,
        periods=[
            Period("quarter", quarter.start, quarter.end),
            Period("to_date", year_start, quarter.end),
        ],
        territory=Territory(),
    )
    if measured.gathered.partial:
        raise UpstreamUnavailable(
            "Nothing was submitted: figures are missing from "
            + ", ".join(measured.gathered.unavailable)
            + ". Retry when every service answers.",
            retry_after=30,
        )
    targets = await indicators.programme_targets(session, fiscal_year=quarter.fiscal_year)
    figures: dict[str, dict[str, object]] = {}
    missing: list[FieldError] = []
    for indicator in live:
        amount = measured.amount(indicator, "quarter")
        to_date = measured.amount(indicator, "to_date")
        assert amount is not None and to_date is not None  # not partial
        if MEASURES[indicator.measure].people and any(
            a.headline is not None and a.headline != sum(a.by_municipality.values())
            for a in (amount, to_date)
        ):
            raise Forbidden(
                f"{indicator.code} counts people and some of its figures are withheld from "
                "this token: submitting needs a token with attendees:pii."
            )
        target = targets.get(indicator.id)
        off = deviation(indicator.unit, to_date.value, target, quarter.number)
        if off in ("under", "over") and not narratives.get(indicator.code, "").strip():
            missing.append(
                FieldError(
                    field=f"narratives.{indicator.code}",
                    message=f"{indicator.code} is {off} its target pro-rated to "
                    f"{quarter.label} ({to_date.value:g} against {target:g} for the year): "
                    "explain why",
                )
            )
        figures[indicator.code] = {
            "quarter": amount.to_json(),
            "to_date": to_date.to_json(),
            "value": amount.value,
            "year_to_date": to_date.value,
            "fy_target": target,
            "deviation": off,
        }
    if missing:
        raise NarrativesMissing(missing)
    submission = QuarterSubmission(
        fiscal_year=quarter.fiscal_year,
        quarter=quarter.number,
        submitted_by=principal.sub,
        narratives={k: v for k, v in narratives.items() if v.strip()},
        figures=figures,
    )
    session.add(submission)
    await flush(
        session,
        {"uq_quarter_submissions_fiscal_year_quarter": lambda: AlreadySubmitted()},
    )
    logger.info("quarter submitted", extra={"period": quarter.label})
    return await read_period(session, quarter)


async def reopen(
    session: AsyncSession, *, quarter: Quarter, reason: str, principal: Principal
) -> ReportingPeriodRead:
    """Reopen a submitted quarter (admin): its submission is kept, marked reopened."""
    submission = await repository.active_submission(
        session, quarter.fiscal_year, quarter.number, lock=True
    )
    if submission is None:
        raise NotSubmitted(f"{quarter.label} is not submitted: there is nothing to reopen.")
    submission.reopened_at = utcnow()
    submission.reopened_by = principal.sub
    submission.reopen_reason = reason
    await flush(session)
    logger.info("quarter reopened", extra={"period": quarter.label})
    return await read_period(session, quarter)
