"""Routes of reporting periods: read, submit, reopen."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.reporting.dependencies import EVERY_ROUTE, Admin, Reader, Writer
from services.reporting.fiscal import Quarter, parse_period
from services.reporting.reporting_periods import service
from services.reporting.reporting_periods.schemas import (
    ReopenRequest,
    ReportingPeriodRead,
    SubmitRequest,
)
from services.reporting.upstreams import StatisticsDep

router = APIRouter(
    prefix="/api/v1/reporting-periods", tags=["reporting-periods"], responses=EVERY_ROUTE
)
PERIOD = "/{period}"


def _quarter(
    period: Annotated[
        str,
        Path(
            examples=["2025-Q1"],
            pattern=r"^(20[0-9]{2}|2100)-Q[1-4]$",
            description="A US fiscal quarter: 2025-Q1 is Oct-Dec 2024",
        ),
    ],
) -> Quarter:
    return parse_period(period)


QuarterDep = Annotated[Quarter, Depends(_quarter)]


@router.get(
    PERIOD,
    operation_id="reporting-periods-get",
    response_model=ReportingPeriodRead,
    responses=problem_responses(422),
    summary="A quarter: open or submitted, its frozen figures and every submission",
)
async def get_period(
    quarter: QuarterDep, session: SessionDep, principal: Reader
) -> ReportingPeriodRead:
    return await service.read_period(session, quarter)


@router.post(
    PERIOD + "/submit",
    operation_id="reporting-periods-submit",
    response_model=ReportingPeriodRead,
    responses=problem_responses(403, 409, 422, 503),
    summary="Submit a quarter that has ended: its figures are frozen",
    description="A narrative is required for every indicator more than 10 % off its "
    "fiscal-year target pro-rated to the quarter (422 names each). The quarter must have "
    "ended in Colombian time (409 before). Figures are frozen programme-wide, so the caller "
    "needs a token without territorial limits (and attendees:pii when people-level figures "
    "would be withheld); nothing is frozen while a service is down (503).",
)
async def submit_period(
    quarter: QuarterDep,
    body: SubmitRequest,
    session: SessionDep,
    principal: Writer,
    statistics: StatisticsDep,
    request: Request,
) -> ReportingPeriodRead:
    return await service.submit(
        session,
        statistics,
        request,
        quarter=quarter,
        narratives=body.narratives,
        principal=principal,
    )


@router.post(
    PERIOD + "/reopen",
    operation_id="reporting-periods-reopen",
    response_model=ReportingPeriodRead,
    responses=problem_responses(403, 409, 422),
    summary="Reopen a submitted quarter (admin; the reason is recorded)",
)
async def reopen_period(
    quarter: QuarterDep, body: ReopenRequest, session: SessionDep, principal: Admin
) -> ReportingPeriodRead:
    return await service.reopen(session, quarter=quarter, reason=body.reason, principal=principal)
