"""Routes of the programme figures of the organizations service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from services.common.db import DatabaseDep
from services.common.disclosure import DisclosureDep
from services.common.errors import problem_responses
from services.common.schemas import IsoDate
from services.common.stats import Territory
from services.common.tallies import RecountDep, answer_from_tallies
from services.common.territory import DepartmentCode, MunicipalityCode
from services.organizations.records import Reader
from services.organizations.stats import service
from services.organizations.stats.schemas import MunicipalityOrganizations, OrganizationStats

router = APIRouter(prefix="/api/v1/stats/organizations", tags=["statistics"])


@router.get(
    "",
    operation_id="organizations-stats",
    response_model=OrganizationStats,
    summary="Programme figures, in total and by municipality (DIVIPOLA keys)",
)
async def get_organization_stats(
    request: Request,
    database: DatabaseDep,
    principal: Reader,
    disclosure: DisclosureDep,
    recount: RecountDep,
    department_code: DepartmentCode | None = None,
    municipality_code: MunicipalityCode | None = None,
    from_: Annotated[
        IsoDate | None,
        Query(
            alias="from",
            description=(
                "Start of the period: assessments, plans (start date), support (delivery date) "
                "and initiatives (start date) on or after it"
            ),
        ),
    ] = None,
    to: Annotated[IsoDate | None, Query(description="End of the period (inclusive)")] = None,
) -> OrganizationStats | Response:
    assert database.pool is not None
    pool = database.pool

    async def figures() -> OrganizationStats:
        return await service.organization_stats(
            pool,
            principal=principal,
            disclosure=disclosure,
            municipality_code=municipality_code,
            department_code=department_code,
            date_from=from_,
            date_to=to,
            recount=recount,
        )

    if recount or from_ is not None or to is not None:
        return await figures()
    territory = Territory.of(
        principal, municipality_code=municipality_code, department_code=department_code
    )
    return await answer_from_tallies(
        request, pool, territory=territory, key=disclosure, build=figures
    )


@router.get(
    "/municipalities/{municipality_code}",
    operation_id="organizations-municipality-summary",
    response_model=MunicipalityOrganizations,
    responses=problem_responses(403),
    summary="One municipality's figures with its community initiatives listed",
    description=(
        "The statistics of one municipality (as `totals` of `GET /api/v1/stats/organizations"
        "?municipality_code=`) and its active initiatives, in one read. 403 when the token "
        "does not cover the municipality."
    ),
)
async def get_municipality_summary(
    municipality_code: MunicipalityCode,
    database: DatabaseDep,
    principal: Reader,
    disclosure: DisclosureDep,
) -> MunicipalityOrganizations:
    assert database.pool is not None
    return await service.municipality_summary(
        database.pool,
        principal=principal,
        disclosure=disclosure,
        municipality_code=municipality_code,
    )
