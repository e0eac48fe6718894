"""Routes of a plan's diagnosis."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.security_plans.diagnosis import service
from services.security_plans.diagnosis.schemas import (
    ProblemCreate,
    ProblemList,
    ProblemRead,
    ProblemUpdate,
)
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

router = APIRouter(prefix=PLAN + "/problems", tags=["plan-content"])


@router.post(
    "",
    status_code=201,
    operation_id="plan-problems-create",
    response_model=ProblemRead,
    responses=problem_responses(404, 409),
    summary="Add a prioritised problem to the diagnosis",
)
async def create_problem(
    plan_id: uuid.UUID,
    body: ProblemCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> ProblemRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    problem, is_new = await service.create_problem(session, plan=plan, data=body)
    created(response, is_new, problem.version, f"{PLANS}/{plan.id}/problems/{problem.id}")
    return ProblemRead.model_validate(problem)


@router.get(
    "",
    operation_id="plan-problems-list",
    response_model=ProblemList,
    responses=problem_responses(404),
    summary="The plan's diagnosis, by priority",
)
async def list_problems(
    plan_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    include_archived: IncludeArchived = False,
) -> ProblemList:
    plan = await load_plan(session, plan_id=plan_id, principal=principal)
    rows = await service.list_problems(session, plan=plan, include_archived=include_archived)
    return ProblemList(items=[ProblemRead.model_validate(r) for r in rows])


@router.get(
    "/{problem_id}",
    operation_id="plan-problems-get",
    response_model=ProblemRead,
    responses=problem_responses(404),
)
async def get_problem(
    plan_id: uuid.UUID,
    problem_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> ProblemRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal)
    problem = await service.load_problem(session, plan=plan, problem_id=problem_id)
    set_etag(response, problem.version)
    return ProblemRead.model_validate(problem)


@router.patch(
    "/{problem_id}",
    operation_id="plan-problems-update",
    response_model=ProblemRead,
    responses=WRITE_ERRORS,
)
async def update_problem(
    plan_id: uuid.UUID,
    problem_id: uuid.UUID,
    body: ProblemUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ProblemRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    problem = await service.load_problem(session, plan=plan, problem_id=problem_id, for_update=True)
    require_if_match(request, problem.version)
    problem = await service.update_problem(session, plan=plan, problem=problem, changes=body)
    set_etag(response, problem.version)
    return ProblemRead.model_validate(problem)


@router.delete(
    "/{problem_id}",
    operation_id="plan-problems-archive",
    response_model=ProblemRead,
    responses=WRITE_ERRORS,
    summary="Take a problem out of the diagnosis (archived)",
)
async def archive_problem(
    plan_id: uuid.UUID,
    problem_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ProblemRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    problem = await service.load_problem(session, plan=plan, problem_id=problem_id, for_update=True)
    require_if_match(request, problem.version)
    problem = await service.archive_problem(session, plan=plan, problem=problem)
    set_etag(response, problem.version)
    return ProblemRead.model_validate(problem)
