"""Routes of strategic lines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import FastList, model_columns
from services.common.routes import WriteGuardDep, child_loader
from services.security_plans.lines import service
from services.security_plans.lines.schemas import LineCreate, LineList, LineRead, LineUpdate
from services.security_plans.models import PlanLine
from services.security_plans.plans.api import CurrentPlan, PlanToChange
from services.security_plans.records import (
    PLAN,
    PLAN_PARENT,
    PLANS,
    WRITE_ERRORS,
    IncludeArchived,
    created,
)

router = APIRouter(prefix=PLAN + "/lines", tags=["plan-content"])

# A line of the path's plan, or 404; locked (with its plan) for writes and new actions.
CurrentLine = Annotated[
    PlanLine,
    Depends(
        child_loader(
            service.load_line, id_param="line_id", parent_param="plan_id", parent=CurrentPlan
        )
    ),
]
LineToChange = Annotated[
    PlanLine,
    Depends(
        child_loader(
            service.load_line,
            id_param="line_id",
            parent_param="plan_id",
            parent=PlanToChange,
            for_update=True,
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="plan-lines-create",
    response_model=LineRead,
    responses=problem_responses(404, 409),
    summary="Add a strategic line",
)
async def create_line(
    body: LineCreate, plan: PlanToChange, session: SessionDep, response: Response
) -> LineRead:
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
    plan: CurrentPlan, session: SessionDep, include_archived: IncludeArchived = False
) -> LineList:
    rows = await service.list_lines(session, plan=plan, include_archived=include_archived)
    return LineList(items=[LineRead.model_validate(r) for r in rows])


@router.get(
    "/{line_id}",
    operation_id="plan-lines-get",
    response_model=LineRead,
    responses=problem_responses(404),
)
async def get_line(line: CurrentLine, write: WriteGuardDep) -> LineRead:
    write.etag(line)
    return LineRead.model_validate(line)


@router.patch(
    "/{line_id}",
    operation_id="plan-lines-update",
    response_model=LineRead,
    responses=WRITE_ERRORS,
)
async def update_line(
    body: LineUpdate,
    plan: PlanToChange,
    line: LineToChange,
    session: SessionDep,
    write: WriteGuardDep,
) -> LineRead:
    changed = await write(
        line, lambda li: service.update_line(session, plan=plan, line=li, changes=body)
    )
    return LineRead.model_validate(changed)


@router.delete(
    "/{line_id}",
    operation_id="plan-lines-archive",
    response_model=LineRead,
    responses=WRITE_ERRORS,
    summary="Archive a strategic line without active actions",
)
async def archive_line(
    plan: PlanToChange, line: LineToChange, session: SessionDep, write: WriteGuardDep
) -> LineRead:
    archived = await write(line, lambda li: service.archive_line(session, plan=plan, line=li))
    return LineRead.model_validate(archived)


# The list above on the lean path (``fastlist``): the plan's lines in full, oldest first.
FAST_LIST = FastList(
    path=PLAN + "/lines",
    scope="plans:read",
    select=f"SELECT {model_columns(LineRead)} FROM plan_lines",
    page=LineList,
    order=(("created_at", "t"), ("id", "u")),
    archived="archived_at",
    parent=PLAN_PARENT,
    paged=False,
)
