"""Route of the results report (moved here from the gateway, its shape unchanged)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from services.common.auth import PrincipalDep
from services.common.db import SessionDep
from services.common.disclosure import DisclosureDep
from services.common.errors import InvalidInput, problem_responses
from services.common.schemas import IsoDate
from services.common.territory import DepartmentCode, MunicipalityCode
from services.reporting.dependencies import EVERY_ROUTE
from services.reporting.results import service
from services.reporting.results.schemas import ResultsReport
from services.reporting.upstreams import StatisticsDep

router = APIRouter(tags=["results"], responses=EVERY_ROUTE)
SERVER_TIMING = {
    "Server-Timing": {
        "description": "Each statistics call of this answer as the reporting service timed it, "
        'in ms (`desc="unavailable"` when its part is missing), and `view`, the whole '
        "answer: `events;dur=6.10, security_plans;dur=2.31, organizations;dur=3.02, "
        "view;dur=6.84`",
        "schema": {"type": "string"},
    }
}


@router.get(
    "/api/v1/results",
    operation_id="results-get",
    response_model=ResultsReport,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "The indicators (JSON, or CSV with ?format=csv)",
            "headers": SERVER_TIMING,
        },
        **problem_responses(422),
    },
    summary="The programme's results framework: each indicator against its target",
    description="Each indicator (the reporting service's definitions) against its "
    "life-of-project target, and the people reached (participants and beneficiaries, "
    "disaggregated). People-level counts of 1 to k-1 people (k = SOMOS_MIN_CELL_SIZE) are "
    "null for tokens without attendees:pii, with any count that would reveal them by "
    "subtraction; `suppressed` lists them (in the CSV: an empty value marked `withheld`). "
    "By quarter and fiscal year: `GET /api/v1/iptt`.",
)
async def get_results(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    disclosure: DisclosureDep,
    statistics: StatisticsDep,
    department_code: DepartmentCode | None = None,
    municipality_code: MunicipalityCode | None = None,
    from_: Annotated[
        IsoDate | None, Query(alias="from", description="From this date (inclusive)")
    ] = None,
    to: Annotated[IsoDate | None, Query(description="Up to this date (inclusive)")] = None,
    format: Annotated[
        Literal["json", "csv"], Query(description="csv: UTF-8 with BOM, for Excel")
    ] = "json",
) -> Any:
    if from_ is not None and to is not None and to < from_:
        raise InvalidInput("to", "must not be before 'from'")
    filters = {
        "department_code": department_code,
        "municipality_code": municipality_code,
        "from": from_.isoformat() if from_ else None,
        "to": to.isoformat() if to else None,
    }
    report, gathered = await service.build_results(
        session,
        statistics,
        request,
        filters=filters,
        start=from_,
        end=to,
        disclosure=disclosure,
    )
    timing = gathered.server_timing()
    if format == "csv":
        return Response(
            service.to_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="somos-results.csv"',
                "Server-Timing": timing,
            },
        )
    return Response(
        report.model_dump_json(by_alias=True).encode(),
        media_type="application/json",
        headers={"Server-Timing": timing},
    )
