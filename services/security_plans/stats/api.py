"""Routes of the statistics."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from services.common.db import DatabaseDep
from services.common.errors import InvalidInput, problem_responses
from services.common.schemas import IsoDate
from services.common.stats import Territory
from services.common.tallies import RecountDep, answer_from_tallies
from services.common.territory import DepartmentCode, MunicipalityCode
from services.security_plans.records import Reader
from services.security_plans.stats import repository, service
from services.security_plans.stats.schemas import MunicipalitySecurity, SecurityPlanStats

router = APIRouter(prefix="/api/v1/stats/security-plans", tags=["statistics"])


@router.get(
    "",
    operation_id="security-plans-stats",
    response_model=SecurityPlanStats,
    summary="Plans, approvals, reviews, budgets and strategies, by municipality",
    description=(
        "Aggregates within the caller's territories. `from`/`to` keep plans whose "
        "term overlaps the dates, reviews dated within them (latest per plan), "
        "executed budget of quarters starting within them, and strategies started "
        "(or, not started, created) within them."
    ),
)
async def get_stats(
    request: Request,
    database: DatabaseDep,
    principal: Reader,
    recount: RecountDep,
    department_code: DepartmentCode | None = None,
    municipality_code: MunicipalityCode | None = None,
    from_: Annotated[IsoDate | None, Query(alias="from")] = None,
    to: IsoDate | None = None,
) -> SecurityPlanStats | Response:
    if from_ is not None and to is not None and from_ > to:
        raise InvalidInput("from", "must not be after `to`")
    filters = repository.StatsFilters(
        department_code=department_code, municipality_code=municipality_code, from_=from_, to=to
    )
    assert database.pool is not None
    pool = database.pool

    async def figures() -> SecurityPlanStats:
        return await service.statistics(pool, principal=principal, filters=filters, recount=recount)

    if recount or from_ is not None or to is not None:
        return await figures()
    territory = Territory.of(
        principal, municipality_code=municipality_code, department_code=department_code
    )
    return await answer_from_tallies(request, pool, territory=territory, key=(), build=figures)


@router.get(
    "/municipalities/{municipality_code}",
    operation_id="security-plans-municipality-summary",
    response_model=MunicipalitySecurity,
    responses=problem_responses(403),
    summary="One municipality's current PISCC, plans by status and prevention strategies",
    description=(
        "The plan for the term running on `as_of` (else the latest live plan) with its "
        "latest review and its execution (the figures of `GET /api/v1/security-plans/{id}/"
        "execution`), live plans by status, active strategies by status and approach. "
        "403 when the token does not cover the municipality."
    ),
)
async def get_municipality_summary(
    municipality_code: MunicipalityCode,
    database: DatabaseDep,
    principal: Reader,
    as_of: Annotated[
        IsoDate | None,
        Query(description="Reference date for the current term (default: today in Colombia)"),
    ] = None,
) -> MunicipalitySecurity:
    assert database.pool is not None
    return await service.municipality_summary(
        database.pool, municipality_code=municipality_code, principal=principal, as_of=as_of
    )
