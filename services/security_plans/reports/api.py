"""Routes of progress reports."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import FastList, Parent, model_columns
from services.common.routes import WriteGuardDep
from services.security_plans.actions.api import ActionToChange, CurrentAction
from services.security_plans.plans.api import CurrentPlan, PlanToChange
from services.security_plans.records import PLAN, PLANS, WRITE_ERRORS, Reader, Writer, created
from services.security_plans.reports import service
from services.security_plans.reports.schemas import (
    ReportCreate,
    ReportList,
    ReportRead,
    ReportUpdate,
)

router = APIRouter(prefix=PLAN + "/actions/{action_id}/reports", tags=["plan-execution"])


@router.post(
    "",
    status_code=201,
    operation_id="progress-reports-create",
    response_model=ReportRead,
    responses=problem_responses(404, 409),
    summary="Report an action's progress for one quarter",
)
async def create_report(
    body: ReportCreate,
    plan: PlanToChange,
    action: ActionToChange,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> ReportRead:
    report, is_new = await service.create_report(
        session, plan=plan, action=action, data=body, principal=principal
    )
    created(
        response,
        is_new,
        report.version,
        f"{PLANS}/{plan.id}/actions/{action.id}/reports/{report.id}",
    )
    return ReportRead.model_validate(report)


@router.get(
    "",
    operation_id="progress-reports-list",
    response_model=ReportList,
    responses=problem_responses(404),
    summary="An action's reports, oldest first",
)
async def list_reports(plan: CurrentPlan, action: CurrentAction, session: SessionDep) -> ReportList:
    rows = await service.list_reports(session, action=action)
    return ReportList(items=[ReportRead.model_validate(r) for r in rows])


@router.get(
    "/{report_id}",
    operation_id="progress-reports-get",
    response_model=ReportRead,
    responses=problem_responses(404),
)
async def get_report(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    report_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    write: WriteGuardDep,
) -> ReportRead:
    _, report = await service.load_report(
        session,
        plan_id=plan_id,
        action_id=action_id,
        report_id=report_id,
        principal=principal,
        for_update=False,
    )
    write.etag(report)
    return ReportRead.model_validate(report)


@router.patch(
    "/{report_id}",
    operation_id="progress-reports-update",
    response_model=ReportRead,
    responses=WRITE_ERRORS,
    summary="Correct a progress report (plan in implementation)",
)
async def update_report(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    report_id: uuid.UUID,
    body: ReportUpdate,
    session: SessionDep,
    principal: Writer,
    write: WriteGuardDep,
) -> ReportRead:
    plan, report = await service.load_report(
        session,
        plan_id=plan_id,
        action_id=action_id,
        report_id=report_id,
        principal=principal,
        for_update=True,
    )
    changed = await write(
        report, lambda r: service.update_report(session, plan=plan, report=r, changes=body)
    )
    return ReportRead.model_validate(changed)


# The list above on the lean path (``fastlist``): the action must belong to the visible plan.
FAST_LIST = FastList(
    path=PLAN + "/actions/{action_id}/reports",
    scope="plans:read",
    select=f"SELECT {model_columns(ReportRead)} FROM progress_reports",
    page=ReportList,
    order=(("period_start", "s"),),
    parent=Parent(
        "action_id",
        "SELECT p.municipality_code FROM plan_actions a JOIN security_plans p "
        "ON p.id = a.plan_id WHERE p.id = $1 AND a.id = $2",
        column="action_id",
    ),
    paged=False,
)
