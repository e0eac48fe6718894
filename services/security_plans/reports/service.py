"""Rules of progress reports: one per action and quarter of the term, once it has started."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.errors import Conflict, InvalidInput, NotFound
from services.common.records import bump_version, flush, replay_or_refuse
from services.security_plans import records
from services.security_plans.models import ProgressReport, SecurityPlan, SecurityPlanAction
from services.security_plans.plans.service import ensure_in_implementation, load_plan
from services.security_plans.reports import repository
from services.security_plans.reports.schemas import ReportCreate, ReportUpdate


class DuplicateReport(Conflict):
    slug, title = "duplicate-report", "The action already has a report for that period"


ERRORS = {
    "uq_progress_reports_action_id_period": lambda: DuplicateReport(
        "The action already has a report for that period."
    )
}


def parse_period(period: str) -> tuple[int, int]:
    """``"2024-Q3"`` → ``(2024, 3)``."""
    year, quarter = period.split("-Q")
    return int(year), int(quarter)


def period_start(year: int, quarter: int) -> date:
    """The first day of a quarter."""
    return date(year, 3 * (quarter - 1) + 1, 1)


async def create_report(
    session: AsyncSession,
    *,
    plan: SecurityPlan,
    action: SecurityPlanAction,
    data: ReportCreate,
    principal: Principal,
) -> tuple[ProgressReport, bool]:
    """Report an action's quarter; returns the report and whether it is new."""
    fields = data.model_dump(exclude={"id"})
    existing = None if data.id is None else await session.get(ProgressReport, data.id)
    if existing is not None:
        visible = existing.action_id == action.id
        return replay_or_refuse(existing, fields, what="Progress report", visible=visible), False
    ensure_in_implementation(plan)
    if action.archived_at is not None:
        raise NotFound(f"No action with id {action.id} in this plan.")
    year, quarter = parse_period(data.period)
    if not plan.term_start_year <= year <= plan.term_end_year:
        raise InvalidInput(
            "period",
            f"{data.period} is outside the plan's term "
            f"({plan.term_start_year}-Q1 to {plan.term_end_year}-Q4)",
        )
    start = period_start(year, quarter)
    if start > colombia_today():
        raise InvalidInput("period", f"{data.period} has not started yet")
    if await repository.report_exists(session, action.id, data.period):
        raise DuplicateReport(
            f"The action already has a report for {data.period}; correct that report instead."
        )
    report = ProgressReport(
        **fields,
        id=data.id or uuid.uuid4(),
        plan_id=plan.id,
        action_id=action.id,
        period_start=start,
        reported_by=principal.sub,
    )
    session.add(report)
    await flush(session, ERRORS)
    return report, True


async def list_reports(
    session: AsyncSession, *, action: SecurityPlanAction
) -> Sequence[ProgressReport]:
    """An action's reports, oldest first."""
    return await repository.list_reports(session, action.id)


async def load_report(
    session: AsyncSession,
    *,
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    report_id: uuid.UUID,
    principal: Principal,
    for_update: bool,
) -> tuple[SecurityPlan, ProgressReport]:
    """The plan and one report of its action, or 404."""
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=for_update)
    report = await records.load_child(
        session,
        ProgressReport,
        plan_id=plan.id,
        child_id=report_id,
        what="progress report",
        for_update=for_update,
    )
    if report.action_id != action_id:
        raise NotFound(f"No progress report with id {report_id} for this action.")
    return plan, report


async def update_report(
    session: AsyncSession, *, plan: SecurityPlan, report: ProgressReport, changes: ReportUpdate
) -> ProgressReport:
    """Correct a report while the plan is in implementation."""
    ensure_in_implementation(plan)
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(report, key, value)
    bump_version(report)
    await flush(session, ERRORS)
    return report
