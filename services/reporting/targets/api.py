"""Routes of targets and their history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.territory import DepartmentCode
from services.reporting.dependencies import EVERY_ROUTE, INDICATOR, CurrentIndicator, Writer
from services.reporting.targets import service
from services.reporting.targets.schemas import (
    FiscalYearTargetPut,
    LopTargetPut,
    TargetHistory,
    TargetList,
    TargetRead,
)

router = APIRouter(tags=["targets"], responses=EVERY_ROUTE)
WRITE_ERRORS = problem_responses(403, 404, 412, 428)
Department = Annotated[
    DepartmentCode | None,
    Query(description="A department's own target (DANE code); omit for the whole programme"),
]
Year = Annotated[
    int, Path(ge=2000, le=2100, description="US fiscal year (FY2025 = Oct 2024-Sep 2025)")
]


def _answer(response: Response, created: bool, version: int) -> None:
    response.status_code = 201 if created else 200
    set_etag(response, version)


@router.put(
    # `:int`: only a number is a fiscal year here, so a PUT to /targets/history is a 405.
    INDICATOR + "/targets/{fiscal_year:int}",
    operation_id="targets-put-fiscal-year",
    response_model=TargetRead,
    responses={201: {"model": TargetRead, "description": "Target set"}, **WRITE_ERRORS},
    summary="Set an indicator's target for a fiscal year (If-Match once it exists)",
)
async def put_fiscal_year_target(
    fiscal_year: Year,
    body: FiscalYearTargetPut,
    indicator: CurrentIndicator,
    session: SessionDep,
    principal: Writer,
    request: Request,
    response: Response,
    department_code: Department = None,
) -> TargetRead:
    target, created = await service.put_target(
        session,
        request,
        indicator=indicator,
        fiscal_year=fiscal_year,
        department_code=department_code,
        value=body.value,
        rationale=body.rationale,
        principal=principal,
    )
    _answer(response, created, target.version)
    return service.target_read(indicator, target)


@router.put(
    INDICATOR + "/lop-target",
    operation_id="targets-put-lop",
    response_model=TargetRead,
    responses={201: {"model": TargetRead, "description": "Target set"}, **WRITE_ERRORS},
    summary="Set an indicator's life-of-project target (If-Match once it exists)",
)
async def put_lop_target(
    body: LopTargetPut,
    indicator: CurrentIndicator,
    session: SessionDep,
    principal: Writer,
    request: Request,
    response: Response,
    department_code: Department = None,
) -> TargetRead:
    target, created = await service.put_target(
        session,
        request,
        indicator=indicator,
        fiscal_year=None,
        department_code=department_code,
        value=body.value,
        rationale=body.rationale,
        principal=principal,
    )
    _answer(response, created, target.version)
    return service.target_read(indicator, target)


@router.get(
    INDICATOR + "/targets",
    operation_id="targets-list",
    response_model=TargetList,
    responses=problem_responses(404),
    summary="An indicator's targets in force (life of project first, then by fiscal year)",
)
async def list_targets(indicator: CurrentIndicator, session: SessionDep) -> TargetList:
    return TargetList(items=await service.list_targets(session, indicator))


@router.get(
    INDICATOR + "/targets/history",
    operation_id="targets-history",
    response_model=TargetHistory,
    responses=problem_responses(404),
    summary="Every change of an indicator's targets: who, when, why, from what to what",
)
async def target_history(indicator: CurrentIndicator, session: SessionDep) -> TargetHistory:
    return TargetHistory(
        indicator_code=indicator.code, items=await service.history(session, indicator)
    )
