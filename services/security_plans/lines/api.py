"""Routes of strategic lines."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.security_plans.lines import service
from services.security_plans.lines.schemas import LineCreate, LineList, LineRead, LineUpdate
from services.security_plans.plans.service import load_plan
from services.security_plans.records import (
    PLAN,
    PLANS,
    WRITE_ERRORS,
    IncludeArchived,
    Reader,
    Writer,
    created,
)

router = APIRouter(prefix=PLAN + "/lines", tags=["plan-content"])


@router.post(
    "",
    status_code=201,
    operation_id="plan-lines-create",
    response_model=LineRead,
    responses=problem_responses(404, 409),
    summary="Add a strategic line",
)
async def create_line(
    plan_id: uuid.UUID, body: LineCreate, session: SessionDep, principal: Writer, response: Response
) -> LineRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line, is_new = await service.create_line(session, plan=plan, data=body)
    created(response, is_new, line.version, f"{PLANS}/{plan.id}/lines/{line.id}")
    return LineRead.model_validate(line)


@router.get(
    "",
    operation_id="plan-lines-list",
    response_model=LineList,
    responses=problem_responses(404),
)
async def list_lines(
    plan_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    include_archived: IncludeArchived = False,
) -> LineList:
    plan = await load_plan(session, plan_id=plan_id, principal=principal)
    rows = await service.list_lines(session, plan=plan, include_archived=include_archived)
    return LineList(items=[LineRead.model_validate(r) for r in rows])


@router.get(
    "/{line_id}",
    operation_id="plan-lines-get",
    response_model=LineRead,
    responses=problem_responses(404),
)
async def get_line(
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> LineRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal)
    line = await service.load_line(session, plan=plan, line_id=line_id)
    set_etag(response, line.version)
    return LineRead.model_validate(line)


@router.patch(
    "/{line_id}",
    operation_id="plan-lines-update",
    response_model=LineRead,
    responses=WRITE_ERRORS,
)
async def update_line(
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    body: LineUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> LineRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line = await service.load_line(session, plan=plan, line_id=line_id, for_update=True)
    require_if_match(request, line.version)
    line = await service.update_line(session, plan=plan, line=line, changes=body)
    set_etag(response, line.version)
    return LineRead.model_validate(line)


@router.delete(
    "/{line_id}",
    operation_id="plan-lines-archive",
    response_model=LineRead,
    responses=WRITE_ERRORS,
    summary="Archive a strategic line without active actions",
)
async def archive_line(
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> LineRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line = await service.load_line(session, plan=plan, line_id=line_id, for_update=True)
    require_if_match(request, line.version)
    line = await service.archive_line(session, plan=plan, line=line)
    set_etag(response, line.version)
    return LineRead.model_validate(line)
