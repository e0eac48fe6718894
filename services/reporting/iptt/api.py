"""Route of the IPTT (JSON; Excel and CSV with ?format=)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from services.common.colombia import colombia_today
from services.common.db import SessionDep
from services.common.disclosure import DisclosureDep
from services.common.errors import problem_responses
from services.common.territory import DepartmentCode, MunicipalityCode
from services.reporting.actuals import Territory
from services.reporting.dependencies import EVERY_ROUTE, Reader
from services.reporting.fiscal import fiscal_year_of
from services.reporting.iptt import exports, service
from services.reporting.iptt.schemas import Iptt
from services.reporting.upstreams import StatisticsDep

router = APIRouter(tags=["iptt"], responses=EVERY_ROUTE)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get(
    "/api/v1/iptt",
    operation_id="iptt-get",
    response_model=Iptt,
    responses={
        200: {
            "content": {
                XLSX: {"schema": {"type": "string", "format": "binary"}},
                "text/csv": {"schema": {"type": "string"}},
            },
            "description": "The IPTT (JSON; an Excel workbook with ?format=xlsx; CSV with "
            "?format=csv)",
            "headers": {
                "Server-Timing": {
                    "description": "Each statistics call in ms, and `view`",
                    "schema": {"type": "string"},
                }
            },
        },
        **problem_responses(422),
    },
    summary="The Indicator Performance Tracking Table of a US fiscal year",
    description="Per indicator: baseline, life-of-project and fiscal-year targets, the four "
    "quarters (FY2025 Q1 = Oct-Dec 2024, on Colombian days), the year's actual and percent "
    "of target, the cumulative actual, and the deviation from the pro-rated target. "
    "Submitted quarters show their frozen figures, with `live_value` when today's differ. "
    "People-level figures of 1 to k-1 are null for tokens without attendees:pii.",
)
async def get_iptt(
    request: Request,
    session: SessionDep,
    principal: Reader,
    disclosure: DisclosureDep,
    statistics: StatisticsDep,
    fiscal_year: Annotated[
        int | None,
        Query(ge=2000, le=2100, description="US fiscal year (default: the current one)"),
    ] = None,
    department_code: DepartmentCode | None = None,
    municipality_code: MunicipalityCode | None = None,
    format: Annotated[
        Literal["json", "xlsx", "csv"],
        Query(description="xlsx: an Excel workbook; csv: UTF-8 with BOM"),
    ] = "json",
) -> Any:
    year = fiscal_year or fiscal_year_of(colombia_today())
    territory = Territory(department_code, municipality_code, principal)
    iptt, gathered = await service.build_iptt(
        session,
        statistics,
        request,
        settings=request.app.state.settings,
        fiscal_year=year,
        territory=territory,
        disclosure=disclosure,
    )
    headers = {"Server-Timing": gathered.server_timing()}
    if format == "xlsx":
        pirs = await exports.reference_sheets(session)
        return Response(
            exports.workbook(iptt, pirs),
            media_type=XLSX,
            headers={
                "Content-Disposition": f'attachment; filename="somos-iptt-fy{year}.xlsx"',
                **headers,
            },
        )
    if format == "csv":
        return Response(
            exports.to_csv(iptt),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="somos-iptt-fy{year}.csv"',
                **headers,
            },
        )
    return Response(iptt.model_dump_json().encode(), media_type="application/json", headers=headers)
