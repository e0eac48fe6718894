"""Routes of a plan's diagnosis."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import FastList, model_columns
from services.common.routes import WriteGuardDep, child_loader
from services.security_plans.diagnosis import service
from services.security_plans.diagnosis.schemas import (
    ProblemCreate,
    ProblemList,
    ProblemRead,
    ProblemUpdate,
)
from services.security_plans.models import PlanProblem
from services.security_plans.plans.api import CurrentPlan, PlanToChange
from services.security_plans.records import (
    PLAN,
    PLAN_PARENT,
    PLANS,
    WRITE_ERRORS,
    IncludeArchived,
    created,
)

router = APIRouter(prefix=PLAN + "/problems", tags=["plan-content"])

CurrentProblem = Annotated[
    PlanProblem,
    Depends(
        child_loader(
            service.load_problem, id_param="problem_id", parent_param="plan_id", parent=CurrentPlan
        )
    ),
]
ProblemToChange = Annotated[
    PlanProblem,
    Depends(
        child_loader(
            service.load_problem,
            id_param="problem_id",
            parent_param="plan_id",
            parent=PlanToChange,
            for_update=True,
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="plan-problems-create",
    response_model=ProblemRead,
    responses=problem_responses(404, 409),
    summary="Add a prioritised problem to the diagnosis",
)
async def create_problem(
    body: ProblemCreate, plan: PlanToChange, session: SessionDep, response: Response
) -> ProblemRead:
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
    plan: CurrentPlan, session: SessionDep, include_archived: IncludeArchived = False
) -> ProblemList:
    rows = await service.list_problems(session, plan=plan, include_archived=include_archived)
    return ProblemList(items=[ProblemRead.model_validate(r) for r in rows])


@router.get(
    "/{problem_id}",
    operation_id="plan-problems-get",
    response_model=ProblemRead,
    responses=problem_responses(404),
)
async def get_problem(problem: CurrentProblem, write: WriteGuardDep) -> ProblemRead:
    write.etag(problem)
    return ProblemRead.model_validate(problem)


@router.patch(
    "/{problem_id}",
    operation_id="plan-problems-update",
    response_model=ProblemRead,
    responses=WRITE_ERRORS,
)
async def update_problem(
    body: ProblemUpdate,
    plan: PlanToChange,
    problem: ProblemToChange,
    session: SessionDep,
    write: WriteGuardDep,
) -> ProblemRead:
    changed = await write(
        problem, lambda p: service.update_problem(session, plan=plan, problem=p, changes=body)
    )
    return ProblemRead.model_validate(changed)


@router.delete(
    "/{problem_id}",
    operation_id="plan-problems-archive",
    response_model=ProblemRead,
    responses=WRITE_ERRORS,
    summary="Take a problem out of the diagnosis (archived)",
)
async def archive_problem(
    plan: PlanToChange, problem: ProblemToChange, session: SessionDep, write: WriteGuardDep
) -> ProblemRead:
    archived = await write(
        problem, lambda p: service.archive_problem(session, plan=plan, problem=p)
    )
    return ProblemRead.model_validate(archived)


# The list above on the lean path (``fastlist``): the plan's diagnosis in full, by priority.
FAST_LIST = FastList(
    path=PLAN + "/problems",
    scope="plans:read",
    select=f"SELECT {model_columns(ProblemRead)} FROM plan_problems",
    page=ProblemList,
    order=(("priority", "i"), ("created_at", "t"), ("id", "u")),
    archived="archived_at",
    parent=PLAN_PARENT,
    paged=False,
)
