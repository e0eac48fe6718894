"""Business rules of security plans (PISCC), reviews and prevention strategies."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import asyncpg
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.territory import Territories
from services.security_plans import repository
from services.security_plans.models import (
    PlanAction,
    PlanLine,
    PlanProblem,
    PlanReview,
    PreventionStrategy,
    ProgressReport,
    SecurityPlan,
)
from services.security_plans.schemas import (
    FIRST_TERM_YEAR,
    ActionCreate,
    ActionExecution,
    ActionRead,
    ActionUpdate,
    LineCreate,
    LineExecution,
    LineUpdate,
    LineWithActions,
    MunicipalitySecurity,
    PlanCreate,
    PlanDetail,
    PlanExecution,
    PlanRead,
    PlanTransition,
    PlanUpdate,
    ProblemCreate,
    ProblemRead,
    ProblemUpdate,
    ReportCreate,
    ReportUpdate,
    ReviewCreate,
    ReviewRead,
    SecurityPlanStats,
    StrategyCreate,
    StrategyTransition,
    StrategyUpdate,
)
from services.security_plans.vocabularies import (
    RATING_POINTS,
    Approach,
    ChecklistItem,
    FundingSource,
    PlanStatus,
    StrategyStatus,
)

TWO_PLACES = Decimal("0.01")
# Colombia keeps UTC-5 all year (no daylight saving time).
BOGOTA = timezone(timedelta(hours=-5), "America/Bogota")

PLAN_TRANSITIONS: dict[str, list[str]] = {
    "formulation": ["submitted"],
    "submitted": ["approved", "formulation"],
    "approved": ["in_implementation"],
    "in_implementation": ["closed"],
    "closed": [],
}
STRATEGY_TRANSITIONS: dict[str, list[str]] = {
    "designed": ["implementing", "discontinued"],
    "implementing": ["implemented", "discontinued"],
    "implemented": ["evaluated"],
    "evaluated": [],
    "discontinued": [],
}
EXECUTING = ("in_implementation", "closed")


class IdReused(Conflict):
    slug, title = "id-reused", "That id already belongs to different content"


class DuplicatePlan(Conflict):
    slug, title = "duplicate-plan", "The municipality already has a plan for that term"


class PlanNotInFormulation(Conflict):
    slug, title = "plan-not-in-formulation", "The plan can only change in formulation"


class PlanNotInImplementation(Conflict):
    slug, title = "plan-not-in-implementation", "Progress is reported only in implementation"


class PlanArchived(Conflict):
    slug, title = "plan-archived", "The plan is archived"


class PlanIncomplete(Conflict):
    slug, title = "plan-incomplete", "The plan is not complete enough for that"


class DuplicateProblem(Conflict):
    slug, title = "duplicate-problem", "The problem is already in the diagnosis"


class DuplicateReport(Conflict):
    slug, title = "duplicate-report", "The action already has a report for that period"


class InUse(Conflict):
    slug, title = "in-use", "Other records still depend on this one"


# --- small computations ----------------------------------------------------------------


def today_bogota() -> date:
    """Today's date in Colombia, where people enter dates."""
    return datetime.now(UTC).astimezone(BOGOTA).date()


def percent(part: float | int | Decimal, whole: float | int | Decimal) -> float | None:
    """part / whole x 100 with two decimals (half up); None when whole is zero."""
    if whole == 0:
        return None
    value = Decimal(str(part)) * 100 / Decimal(str(whole))
    return float(value.quantize(TWO_PLACES, ROUND_HALF_UP))


def review_score(checklist: Mapping[str, Mapping[str, Any]]) -> Decimal:
    """cumple = 1, parcial = 0.5, no cumple = 0; mean over the nine items x 100."""
    halves = sum(RATING_POINTS[entry["rating"]] for entry in checklist.values())
    value = Decimal(halves * 100) / Decimal(2 * len(ChecklistItem))
    return value.quantize(TWO_PLACES, ROUND_HALF_UP)


def approval_deadline(term_start_year: int) -> date:
    """30 June of the term's first year (Ley 1801 de 2016 art. 205)."""
    return date(term_start_year, 6, 30)


def parse_period(period: str) -> tuple[int, int]:
    year, quarter = period.split("-Q")
    return int(year), int(quarter)


def period_start(year: int, quarter: int) -> date:
    return date(year, 3 * (quarter - 1) + 1, 1)


def _quarter_index(year: int, quarter: int) -> int:
    return year * 4 + quarter - 1


def _period_of(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def recent_periods(
    *, term_start_year: int, term_end_year: int, status: str, as_of: date
) -> list[str]:
    """The two completed quarters of the term before ``as_of`` (oldest first); empty
    before implementation."""
    if status not in EXECUTING:
        return []
    first = _quarter_index(term_start_year, 1)
    last = _quarter_index(term_end_year, 4)
    current = min(_quarter_index(as_of.year, (as_of.month - 1) // 3 + 1), last + 1)
    return [_period_of(i) for i in (current - 2, current - 1) if first <= i <= last]


# --- plans -----------------------------------------------------------------------------


def _plan_fields(row: SecurityPlan | Mapping[str, Any]) -> dict[str, Any]:
    data = row.model_dump() if isinstance(row, SecurityPlan) else dict(row)
    approved_on = data["approved_on"]
    deadline = approval_deadline(data["term_start_year"])
    data["approval_deadline"] = deadline
    data["approved_on_time"] = None if approved_on is None else approved_on <= deadline
    return data


def plan_read(row: SecurityPlan | Mapping[str, Any]) -> PlanRead:
    return PlanRead.model_validate(_plan_fields(row))


def _check_municipality(territories: Territories, code: str) -> None:
    problem = territories.problem_with(code)
    if problem:
        raise InvalidInput("municipality_code", problem)


async def _flush(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        text = str(exc.orig)
        if "uq_security_plans_municipality_code_term_start_year" in text:
            raise DuplicatePlan("The municipality already has a plan for that term.") from exc
        if "uq_plan_problems_plan_id_problem" in text:
            raise DuplicateProblem("That problem is already in the diagnosis.") from exc
        if "uq_progress_reports_action_id_period" in text:
            raise DuplicateReport("The action already has a report for that period.") from exc
        if "pk_" in text:
            raise IdReused("That id is already in use.") from exc
        raise


def _touch(row: Any) -> None:
    row.version += 1
    row.updated_at = utcnow()


def _same(existing: Any, fields: Mapping[str, Any]) -> bool:
    return all(getattr(existing, k) == v for k, v in fields.items())


async def create_plan(
    session: AsyncSession, *, data: PlanCreate, principal: Principal, territories: Territories
) -> tuple[SecurityPlan, bool]:
    """Create a plan in formulation; returns it and whether it is new."""
    _check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    fields = data.model_dump(exclude={"id"})
    if data.id is not None:
        existing = await repository.get_plan(session, data.id)
        if existing is not None:
            if principal.can_access(existing.municipality_code) and _same(existing, fields):
                return existing, False
            raise IdReused(f"Security plan {data.id} already exists with other content.")
    if await repository.term_taken(
        session, municipality_code=data.municipality_code, term_start_year=data.term_start_year
    ):
        raise DuplicatePlan(
            f"Municipality {data.municipality_code} already has a plan for "
            f"the {data.term_start_year}-{data.term_start_year + 3} term."
        )
    plan = SecurityPlan(
        **fields,
        id=data.id or uuid.uuid4(),
        department_code=data.municipality_code[:2],
        term_end_year=data.term_start_year + 3,
    )
    repository.add(session, plan)
    await _flush(session)
    return plan, True


async def load_plan(
    session: AsyncSession, *, plan_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> SecurityPlan:
    """The plan, or 404 when it does not exist or lies outside the caller's territory."""
    plan = await repository.get_plan(session, plan_id, for_update=for_update)
    if plan is None or not principal.can_access(plan.municipality_code):
        raise NotFound(f"No security plan with id {plan_id}.")
    return plan


def ensure_in_formulation(plan: SecurityPlan) -> None:
    """Diagnosis, lines and actions change only while the plan is in formulation."""
    if plan.archived_at is not None:
        raise PlanArchived("The plan is archived; restore it before changing it.")
    if plan.status != "formulation":
        raise PlanNotInFormulation(
            f"The plan is '{plan.status}'; its content can change only in 'formulation' "
            "(send a submitted plan back to formulation first)."
        )


def ensure_in_implementation(plan: SecurityPlan) -> None:
    if plan.archived_at is not None:
        raise PlanArchived("The plan is archived.")
    if plan.status != "in_implementation":
        raise PlanNotInImplementation(
            f"The plan is '{plan.status}'; progress reports are accepted only while it is "
            "'in_implementation'."
        )


async def list_plans(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.PlanFilters,
    page: PageParams,
) -> tuple[list[SecurityPlan], str | None]:
    rows = await repository.list_plans(session, principal=principal, filters=filters, page=page)
    return finish_page(rows, page, lambda p: (p.created_at, p.id))


async def update_plan(
    session: AsyncSession, *, plan: SecurityPlan, changes: PlanUpdate
) -> SecurityPlan:
    ensure_in_formulation(plan)
    values = changes.model_dump(exclude_unset=True)
    year = values.get("term_start_year")
    if year is not None and year != plan.term_start_year:
        if await repository.term_taken(
            session,
            municipality_code=plan.municipality_code,
            term_start_year=year,
            excluding=plan.id,
        ):
            raise DuplicatePlan(
                f"Municipality {plan.municipality_code} already has a plan "
                f"for the {year}-{year + 3} term."
            )
        plan.term_end_year = year + 3
    for key, value in values.items():
        setattr(plan, key, value)
    _touch(plan)
    await _flush(session)
    return plan


async def archive_plan(session: AsyncSession, *, plan: SecurityPlan) -> SecurityPlan:
    if plan.archived_at is None:
        plan.archived_at = utcnow()
        _touch(plan)
        await _flush(session)
    return plan


async def transition_plan(
    session: AsyncSession, *, plan: SecurityPlan, request: PlanTransition
) -> SecurityPlan:
    """Apply a lifecycle transition with the data its target needs."""
    if plan.archived_at is not None:
        raise PlanArchived("An archived plan cannot change status.")
    to = request.to.value
    allowed = PLAN_TRANSITIONS[plan.status]
    if to not in allowed:
        raise InvalidTransition(current=plan.status, requested=to, allowed=allowed)
    if to != "approved":
        for name in ("approved_on", "act_reference"):
            if getattr(request, name) is not None:
                raise InvalidInput(name, "is only accepted when approving (to = 'approved')")
    if to == "submitted":
        problems, lines, actions = await repository.plan_parts_count(session, plan.id)
        missing = [
            what
            for what, n in (
                ("a prioritised problem in the diagnosis", problems),
                ("a strategic line", lines),
                ("an action", actions),
            )
            if n == 0
        ]
        if missing:
            raise PlanIncomplete(
                "A plan needs at least " + ", ".join(missing) + " before it is submitted."
            )
    elif to == "formulation" and not request.reason:
        raise InvalidInput("reason", "is required when sending a plan back to formulation")
    elif to == "approved":
        _check_approval(plan, request)
        plan.approved_on = request.approved_on
        plan.approving_body = request.approving_body.value
        plan.act_reference = request.act_reference
    plan.status = to
    plan.status_reason = request.reason
    plan.status_changed_at = utcnow()
    _touch(plan)
    await _flush(session)
    return plan


def _check_approval(plan: SecurityPlan, request: PlanTransition) -> None:
    if request.approved_on is None:
        raise InvalidInput("approved_on", "is required to approve a plan")
    if request.act_reference is None:
        raise InvalidInput(
            "act_reference",
            "is required to approve a plan (the act or decree that records the approval)",
        )
    if request.approved_on < date(plan.term_start_year, 1, 1):
        raise InvalidInput(
            "approved_on", f"is before the term starts ({plan.term_start_year}-01-01)"
        )
    if request.approved_on > date(plan.term_end_year, 12, 31):
        raise InvalidInput("approved_on", f"is after the term ends ({plan.term_end_year}-12-31)")
    if request.approved_on > today_bogota():
        raise InvalidInput("approved_on", "cannot be in the future")


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _action_fields(row: PlanAction | Mapping[str, Any]) -> dict[str, Any]:
    data = row.model_dump() if isinstance(row, PlanAction) else dict(row)
    data["indicator"] = _loads(data["indicator"])
    data["budget"] = _loads(data["budget"])
    return data


def action_read(row: PlanAction | Mapping[str, Any]) -> ActionRead:
    return ActionRead.model_validate(_action_fields(row))


async def read_plan_detail(
    pool: asyncpg.Pool, *, plan_id: uuid.UUID, principal: Principal
) -> PlanDetail:
    """The plan with its diagnosis, lines and actions (hot path: raw pool, four queries)."""
    found = await repository.fetch_plan_detail(pool, plan_id)
    if found is None or not principal.can_access(found[0]["municipality_code"]):
        raise NotFound(f"No security plan with id {plan_id}.")
    plan, problems, lines, actions = found
    by_line: dict[uuid.UUID, list[ActionRead]] = defaultdict(list)
    for action in actions:
        by_line[action["line_id"]].append(action_read(action))
    return PlanDetail(
        **_plan_fields(plan),
        problems=[ProblemRead.model_validate(dict(p)) for p in problems],
        lines=[
            LineWithActions(**dict(line), actions=by_line.get(line["id"], [])) for line in lines
        ],
    )


async def execution(
    pool: asyncpg.Pool, *, plan_id: uuid.UUID, principal: Principal, as_of: date | None
) -> PlanExecution:
    """Planned and executed budget, execution %, indicator progress and reporting gaps."""
    day = as_of or today_bogota()

    def window(plan: Mapping[str, Any]) -> list[str]:
        return recent_periods(
            term_start_year=plan["term_start_year"],
            term_end_year=plan["term_end_year"],
            status=plan["status"],
            as_of=day,
        )

    found = await repository.fetch_execution(pool, plan_id, window)
    if found is None or not principal.can_access(found[0]["municipality_code"]):
        raise NotFound(f"No security plan with id {plan_id}.")
    plan, recent, lines, actions, by_source = found
    executing = plan["status"] in EXECUTING
    line_actions: dict[uuid.UUID, list[ActionExecution]] = defaultdict(list)
    missing: list[uuid.UUID] = []
    for row in actions:
        indicator = _loads(row["indicator"])
        latest = row["latest_value"]
        spread = indicator["target"] - indicator["baseline"]
        line_actions[row["line_id"]].append(
            ActionExecution(
                action_id=row["id"],
                name=row["name"],
                planned_cop=row["budget_total_cop"],
                executed_cop=int(row["executed"]),
                execution_pct=percent(int(row["executed"]), row["budget_total_cop"]),
                reports_count=row["reports"],
                latest_period=row["latest_period"],
                latest_value=latest,
                indicator_target=indicator["target"],
                target_pct=None
                if latest is None or spread == 0
                else percent(latest - indicator["baseline"], spread),
                reported_recently=bool(row["recent"]) if executing else None,
            )
        )
        if executing and not row["recent"]:
            missing.append(row["id"])
    line_rows = []
    for line in lines:
        items = line_actions.get(line["id"], [])
        planned = sum(a.planned_cop for a in items)
        executed = sum(a.executed_cop for a in items)
        line_rows.append(
            LineExecution(
                line_id=line["id"],
                name=line["name"],
                actions=items,
                planned_cop=planned,
                executed_cop=executed,
                execution_pct=percent(executed, planned),
            )
        )
    planned = sum(line.planned_cop for line in line_rows)
    executed = sum(line.executed_cop for line in line_rows)
    return PlanExecution(
        plan_id=plan["id"],
        status=plan["status"],
        as_of=day,
        planned_by_source={FundingSource(r["source"]): int(r["planned"]) for r in by_source},
        planned_cop=planned,
        executed_cop=executed,
        execution_pct=percent(executed, planned),
        recent_periods=recent,
        actions_count=len(actions),
        actions_without_recent_report=missing,
        lines=line_rows,
    )


# --- diagnosis -------------------------------------------------------------------------


async def _existing_child(
    session: AsyncSession,
    model: type[Any],
    child_id: uuid.UUID | None,
    plan: SecurityPlan,
    fields: Mapping[str, Any],
    what: str,
) -> Any:
    """The row already created with this client id and content, or None; 409 on a clash."""
    if child_id is None:
        return None
    existing = await repository.get_by_id(session, model, child_id)
    if existing is None:
        return None
    if existing.plan_id == plan.id and _same(existing, fields):
        return existing
    raise IdReused(f"{what} {child_id} already exists with other content.")


async def create_problem(
    session: AsyncSession, *, plan: SecurityPlan, data: ProblemCreate
) -> tuple[PlanProblem, bool]:
    fields = data.model_dump(exclude={"id"}, exclude_none=True)
    existing = await _existing_child(session, PlanProblem, data.id, plan, fields, "Problem")
    if existing is not None:
        return existing, False
    ensure_in_formulation(plan)
    if data.problem.value in await repository.problem_codes(session, plan.id):
        raise DuplicateProblem(
            f"'{data.problem.value}' is already in the plan's diagnosis; change that entry instead."
        )
    if "priority" not in fields:
        fields["priority"] = await repository.next_priority(session, plan.id)
    problem = PlanProblem(**fields, id=data.id or uuid.uuid4(), plan_id=plan.id)
    repository.add(session, problem)
    await _flush(session)
    return problem, True


async def load_child(
    session: AsyncSession,
    model: type[Any],
    *,
    plan: SecurityPlan,
    child_id: uuid.UUID,
    what: str,
    for_update: bool = False,
) -> Any:
    row = await repository.get_child(session, model, plan.id, child_id, for_update=for_update)
    if row is None:
        raise NotFound(f"No {what} with id {child_id} in this plan.")
    return row


async def update_problem(
    session: AsyncSession, *, plan: SecurityPlan, problem: PlanProblem, changes: ProblemUpdate
) -> PlanProblem:
    ensure_in_formulation(plan)
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(problem, key, value)
    _touch(problem)
    await _flush(session)
    return problem


async def archive_problem(
    session: AsyncSession, *, plan: SecurityPlan, problem: PlanProblem
) -> PlanProblem:
    ensure_in_formulation(plan)
    if problem.archived_at is None:
        users = await repository.actions_addressing(session, plan.id, problem.problem)
        if users:
            raise InUse(
                f"Actions still address '{problem.problem}': {', '.join(users)}. Change them first."
            )
        problem.archived_at = utcnow()
        _touch(problem)
        await _flush(session)
    return problem


# --- lines and actions -----------------------------------------------------------------


async def create_line(
    session: AsyncSession, *, plan: SecurityPlan, data: LineCreate
) -> tuple[PlanLine, bool]:
    fields = data.model_dump(exclude={"id"})
    existing = await _existing_child(session, PlanLine, data.id, plan, fields, "Line")
    if existing is not None:
        return existing, False
    ensure_in_formulation(plan)
    line = PlanLine(**fields, id=data.id or uuid.uuid4(), plan_id=plan.id)
    repository.add(session, line)
    await _flush(session)
    return line, True


async def update_line(
    session: AsyncSession, *, plan: SecurityPlan, line: PlanLine, changes: LineUpdate
) -> PlanLine:
    ensure_in_formulation(plan)
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(line, key, value)
    _touch(line)
    await _flush(session)
    return line


async def archive_line(session: AsyncSession, *, plan: SecurityPlan, line: PlanLine) -> PlanLine:
    ensure_in_formulation(plan)
    if line.archived_at is None:
        if await repository.active_actions_in_line(session, line.id):
            raise InUse("The line still has actions; archive or move them first.")
        line.archived_at = utcnow()
        _touch(line)
        await _flush(session)
    return line


async def _check_problems(session: AsyncSession, plan: SecurityPlan, codes: Iterable[str]) -> None:
    diagnosis = await repository.problem_codes(session, plan.id)
    outside = [c for c in codes if c not in diagnosis]
    if outside:
        raise InvalidInput(
            "problems",
            f"not in the plan's diagnosis: {', '.join(outside)} (add them to the diagnosis first)",
        )


def _budget(values: Mapping[Any, int]) -> dict[str, int]:
    return {FundingSource(k).value: int(v) for k, v in values.items()}


async def create_action(
    session: AsyncSession, *, plan: SecurityPlan, line: PlanLine, data: ActionCreate
) -> tuple[PlanAction, bool]:
    fields: dict[str, Any] = {
        "line_id": line.id,
        "name": data.name,
        "responsible_institution": data.responsible_institution.value,
        "problems": [p.value for p in data.problems],
        "indicator": data.indicator.model_dump(),
        "budget": _budget(data.budget),
    }
    existing = await _existing_child(session, PlanAction, data.id, plan, fields, "Action")
    if existing is not None:
        return existing, False
    ensure_in_formulation(plan)
    if line.archived_at is not None:
        raise NotFound(f"No line with id {line.id} in this plan.")
    await _check_problems(session, plan, fields["problems"])
    action = PlanAction(
        **fields,
        id=data.id or uuid.uuid4(),
        plan_id=plan.id,
        budget_total_cop=sum(fields["budget"].values()),
    )
    repository.add(session, action)
    await _flush(session)
    return action, True


async def update_action(
    session: AsyncSession, *, plan: SecurityPlan, action: PlanAction, changes: ActionUpdate
) -> PlanAction:
    ensure_in_formulation(plan)
    values = changes.model_dump(exclude_unset=True)
    if "line_id" in values:
        line = await repository.get_child(session, PlanLine, plan.id, values["line_id"])
        if line is None or line.archived_at is not None:
            raise InvalidInput("line_id", "is not an active line of this plan")
    if "problems" in values:
        values["problems"] = [str(p) for p in values["problems"]]
        await _check_problems(session, plan, values["problems"])
    if "budget" in values:
        values["budget"] = _budget(values["budget"])
        action.budget_total_cop = sum(values["budget"].values())
    if "responsible_institution" in values:
        values["responsible_institution"] = str(values["responsible_institution"])
    for key, value in values.items():
        setattr(action, key, value)
    _touch(action)
    await _flush(session)
    return action


async def archive_action(
    session: AsyncSession, *, plan: SecurityPlan, action: PlanAction
) -> PlanAction:
    ensure_in_formulation(plan)
    if action.archived_at is None:
        action.archived_at = utcnow()
        _touch(action)
        await _flush(session)
    return action


# --- progress reports ------------------------------------------------------------------


async def create_report(
    session: AsyncSession,
    *,
    plan: SecurityPlan,
    action: PlanAction,
    data: ReportCreate,
    principal: Principal,
) -> tuple[ProgressReport, bool]:
    fields = data.model_dump(exclude={"id"})
    if data.id is not None:
        existing = await repository.get_by_id(session, ProgressReport, data.id)
        if existing is not None:
            if existing.action_id == action.id and _same(existing, fields):
                return existing, False
            raise IdReused(f"Progress report {data.id} already exists with other content.")
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
    if start > today_bogota():
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
    repository.add(session, report)
    await _flush(session)
    return report, True


async def update_report(
    session: AsyncSession, *, plan: SecurityPlan, report: ProgressReport, changes: ReportUpdate
) -> ProgressReport:
    ensure_in_implementation(plan)
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(report, key, value)
    _touch(report)
    await _flush(session)
    return report


# --- reviews ---------------------------------------------------------------------------


def review_read(review: PlanReview) -> ReviewRead:
    data = review.model_dump()
    data["score"] = float(review.score)
    return ReviewRead.model_validate(data)


async def create_review(
    session: AsyncSession, *, plan: SecurityPlan, data: ReviewCreate
) -> tuple[PlanReview, bool]:
    checklist = {
        item.value: entry.model_dump(mode="json") for item, entry in data.checklist.items()
    }
    fields: dict[str, Any] = {
        "reviewer": data.reviewer,
        "reviewed_on": data.reviewed_on,
        "checklist": checklist,
        "recommendations": data.recommendations,
    }
    existing = await _existing_child(session, PlanReview, data.id, plan, fields, "Review")
    if existing is not None:
        return existing, False
    if plan.archived_at is not None:
        raise PlanArchived("An archived plan cannot be reviewed.")
    if data.reviewed_on > today_bogota():
        raise InvalidInput("reviewed_on", "cannot be in the future")
    review = PlanReview(
        **fields, id=data.id or uuid.uuid4(), plan_id=plan.id, score=review_score(checklist)
    )
    repository.add(session, review)
    await _flush(session)
    return review, True


async def load_review(
    session: AsyncSession, *, review_id: uuid.UUID, principal: Principal
) -> PlanReview:
    review = await repository.get_by_id(session, PlanReview, review_id)
    if review is None:
        raise NotFound(f"No plan review with id {review_id}.")
    plan = await repository.get_plan(session, review.plan_id)
    if plan is None or not principal.can_access(plan.municipality_code):
        raise NotFound(f"No plan review with id {review_id}.")
    return review


# --- prevention strategies -------------------------------------------------------------


async def _check_strategy_plan(
    session: AsyncSession, plan_id: uuid.UUID | None, municipality_code: str
) -> None:
    if plan_id is None:
        return
    plan = await repository.get_plan(session, plan_id)
    if plan is None or plan.archived_at is not None:
        raise InvalidInput("security_plan_id", "is not an active security plan")
    if plan.municipality_code != municipality_code:
        raise InvalidInput(
            "security_plan_id",
            f"is a plan of municipality {plan.municipality_code}, not {municipality_code}",
        )


async def create_strategy(
    session: AsyncSession, *, data: StrategyCreate, principal: Principal, territories: Territories
) -> tuple[PreventionStrategy, bool]:
    _check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    fields = data.model_dump(exclude={"id"}, mode="json")
    fields["started_on"] = data.started_on
    fields["security_plan_id"] = data.security_plan_id
    if data.id is not None:
        existing = await repository.get_by_id(session, PreventionStrategy, data.id)
        if existing is not None:
            if principal.can_access(existing.municipality_code) and _same(existing, fields):
                return existing, False
            raise IdReused(f"Prevention strategy {data.id} already exists with other content.")
    await _check_strategy_plan(session, data.security_plan_id, data.municipality_code)
    strategy = PreventionStrategy(
        **fields, id=data.id or uuid.uuid4(), department_code=data.municipality_code[:2]
    )
    repository.add(session, strategy)
    await _flush(session)
    return strategy, True


async def load_strategy(
    session: AsyncSession, *, strategy_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> PreventionStrategy:
    strategy = await repository.get_strategy(session, strategy_id, for_update=for_update)
    if strategy is None or not principal.can_access(strategy.municipality_code):
        raise NotFound(f"No prevention strategy with id {strategy_id}.")
    return strategy


async def list_strategies(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.StrategyFilters,
    page: PageParams,
) -> tuple[list[PreventionStrategy], str | None]:
    rows = await repository.list_strategies(
        session, principal=principal, filters=filters, page=page
    )
    return finish_page(rows, page, lambda s: (s.created_at, s.id))


async def update_strategy(
    session: AsyncSession, *, strategy: PreventionStrategy, changes: StrategyUpdate
) -> PreventionStrategy:
    values = changes.model_dump(exclude_unset=True, mode="json")
    if "security_plan_id" in values:
        values["security_plan_id"] = changes.security_plan_id
        await _check_strategy_plan(session, changes.security_plan_id, strategy.municipality_code)
    if "started_on" in values:
        values["started_on"] = changes.started_on
    for key, value in values.items():
        setattr(strategy, key, value)
    _touch(strategy)
    await _flush(session)
    return strategy


async def archive_strategy(
    session: AsyncSession, *, strategy: PreventionStrategy
) -> PreventionStrategy:
    if strategy.archived_at is None:
        strategy.archived_at = utcnow()
        _touch(strategy)
        await _flush(session)
    return strategy


async def transition_strategy(
    session: AsyncSession, *, strategy: PreventionStrategy, request: StrategyTransition
) -> PreventionStrategy:
    to = request.to.value
    allowed = STRATEGY_TRANSITIONS[strategy.status]
    if to not in allowed:
        raise InvalidTransition(current=strategy.status, requested=to, allowed=allowed)
    if to == "implementing":
        started = request.started_on or strategy.started_on
        if started is None:
            raise InvalidInput("started_on", "is required to start implementing a strategy")
        if started > today_bogota():
            raise InvalidInput("started_on", "cannot be in the future")
        strategy.started_on = started
    elif to == "evaluated":
        note = request.results_note or strategy.results_note
        if not note:
            raise InvalidInput("results_note", "is required to record an evaluation")
        strategy.results_note = note
    elif to == "discontinued" and not request.reason:
        raise InvalidInput("reason", "is required to discontinue a strategy")
    if to != "implementing" and request.started_on is not None:
        strategy.started_on = request.started_on
    if to != "evaluated" and request.results_note is not None:
        strategy.results_note = request.results_note
    strategy.status = to
    strategy.status_reason = request.reason
    _touch(strategy)
    await _flush(session)
    return strategy


# --- statistics ------------------------------------------------------------------------


# Codes in vocabulary order: the figures are plain dicts, validated once at the end.
_PLAN_STATUSES = tuple(s.value for s in PlanStatus)
_FUNDING_SOURCES = tuple(s.value for s in FundingSource)
_STRATEGY_STATUSES = tuple(s.value for s in StrategyStatus)
_APPROACHES = tuple(a.value for a in Approach)


def _empty_municipality() -> dict[str, Any]:
    return {
        "plans": 0,
        "plans_by_status": dict.fromkeys(_PLAN_STATUSES, 0),
        "approved_on_time": 0,
        "reviewed_plans": 0,
        "latest_review_score": None,
        "budget_planned_cop": 0,
        "budget_executed_cop": 0,
        "prevention_strategies": 0,
        "prevention_strategies_by_status": {s: 0 for s in StrategyStatus},
    }


async def statistics(
    pool: asyncpg.Pool, *, principal: Principal, filters: repository.StatsFilters
) -> SecurityPlanStats:
    """Aggregates over plans, reviews, budgets and strategies (five grouped statements).

    The per-municipality figures are built as plain dicts and validated in one
    ``model_validate`` call: a model instance per municipality and per plan score cost
    more than the queries.
    """
    rows = await repository.statistics(pool, principal, filters)
    plans, reviews = rows["plans"], rows["reviews"]
    planned, executed, strategies = rows["planned"], rows["executed"], rows["strategies"]

    towns: dict[str, dict[str, Any]] = defaultdict(_empty_municipality)
    by_status = dict.fromkeys(_PLAN_STATUSES, 0)
    by_term: dict[str, int] = defaultdict(int)
    approved = on_time = 0
    for row in plans:
        town = towns[row["municipality_code"]]
        town["plans"] += row["plans"]
        town["plans_by_status"][row["status"]] += row["plans"]
        town["approved_on_time"] += row["on_time"]
        by_status[row["status"]] += row["plans"]
        by_term[str(row["term_start_year"])] += row["plans"]
        approved += row["approved"]
        on_time += row["on_time"]

    latest_per_town: dict[str, tuple[int, date]] = {}
    scores: list[dict[str, Any]] = []
    score_sum = Decimal(0)
    for row in reviews:
        score = float(row["score"])
        score_sum += Decimal(str(score))
        scores.append(
            {
                "plan_id": row["plan_id"],
                "municipality_code": row["municipality_code"],
                "term_start_year": row["term_start_year"],
                "score": score,
                "reviewed_on": row["reviewed_on"],
            }
        )
        town = towns[row["municipality_code"]]
        town["reviewed_plans"] += 1
        key = (row["term_start_year"], row["reviewed_on"])
        if (
            row["municipality_code"] not in latest_per_town
            or key > latest_per_town[row["municipality_code"]]
        ):
            latest_per_town[row["municipality_code"]] = key
            town["latest_review_score"] = score

    planned_by_source = dict.fromkeys(_FUNDING_SOURCES, 0)
    for row in planned:
        town = towns[row["municipality_code"]]
        for source in _FUNDING_SOURCES:
            pesos = int(row[source])
            planned_by_source[source] += pesos
            town["budget_planned_cop"] += pesos
    for row in executed:
        towns[row["municipality_code"]]["budget_executed_cop"] += int(row["executed"])

    strategy_status = dict.fromkeys(_STRATEGY_STATUSES, 0)
    strategy_approach = dict.fromkeys(_APPROACHES, 0)
    for row in strategies:
        strategy_status[row["status"]] += row["strategies"]
        strategy_approach[row["approach"]] += row["strategies"]
        towns[row["municipality_code"]]["prevention_strategies"] += row["strategies"]
        towns[row["municipality_code"]]["prevention_strategies_by_status"][
            StrategyStatus(row["status"])
        ] += row["strategies"]

    planned_total = sum(planned_by_source.values())
    executed_total = sum(int(r["executed"]) for r in executed)
    mean = float((score_sum / len(scores)).quantize(TWO_PLACES, ROUND_HALF_UP)) if scores else None
    return SecurityPlanStats.model_validate(
        {
            "plans": {
                "total": sum(by_status.values()),
                "by_status": by_status,
                "by_term": dict(sorted(by_term.items())),
                "approved": approved,
                "approved_on_time": on_time,
            },
            "reviews": {
                "reviewed_plans": len(scores),
                "municipalities_with_review": len(latest_per_town),
                "mean_latest_score": mean,
                "latest_score_per_plan": sorted(
                    scores, key=lambda s: (s["municipality_code"], s["term_start_year"])
                ),
            },
            "budget": {
                "planned_by_source": planned_by_source,
                "planned_cop": planned_total,
                "executed_cop": executed_total,
                "execution_pct": percent(executed_total, planned_total),
            },
            "prevention_strategies": {
                "total": sum(strategy_status.values()),
                "by_status": strategy_status,
                "by_approach": strategy_approach,
            },
            "by_municipality": dict(sorted(towns.items())),
        }
    )


def current_term_start(day: date) -> int:
    """Mayoral terms start in 2016, 2020, 2024 …: the first year of the one running on ``day``."""
    return day.year - (day.year - FIRST_TERM_YEAR) % 4


async def municipality_summary(
    pool: asyncpg.Pool, *, municipality_code: str, principal: Principal, as_of: date | None
) -> MunicipalitySecurity:
    """The current plan (status, term, latest review, execution), plans by status and
    strategies by status and approach, for one municipality: one connection, two statements."""
    ensure_territory(principal, municipality_code, hide=False)
    day = as_of or today_bogota()
    term = current_term_start(day)
    plans, strategies = await repository.fetch_municipality_summary(pool, municipality_code)
    by_status = dict.fromkeys(_PLAN_STATUSES, 0)
    for row in plans:
        by_status[row["status"]] += 1
    running = [p for p in plans if p["term_start_year"] == term]
    chosen = (running or plans)[-1] if plans else None  # ordered by term: the latest
    current = None
    if chosen is not None:
        approved_on = chosen["approved_on"]
        planned, executed = int(chosen["planned"]), int(chosen["executed"])
        score = chosen["latest_review_score"]
        current = {
            **{k: chosen[k] for k in ("id", "title", "status", "term_start_year")},
            "term_end_year": chosen["term_end_year"],
            "current_term": chosen["term_start_year"] == term,
            "approved_on": approved_on,
            "approved_on_time": None
            if approved_on is None
            else approved_on <= approval_deadline(chosen["term_start_year"]),
            "latest_review_score": None if score is None else float(score),
            "latest_review_on": chosen["latest_review_on"],
            "budget_planned_cop": planned,
            "budget_executed_cop": executed,
            "execution_pct": percent(executed, planned),
        }
    strategy_status = dict.fromkeys(_STRATEGY_STATUSES, 0)
    strategy_approach = dict.fromkeys(_APPROACHES, 0)
    for row in strategies:
        strategy_status[row["status"]] += row["strategies"]
        strategy_approach[row["approach"]] += row["strategies"]
    return MunicipalitySecurity.model_validate(
        {
            "municipality_code": municipality_code,
            "as_of": day,
            "current_term_start_year": term,
            "current_plan": current,
            "plans": {"total": len(plans), "by_status": by_status},
            "prevention_strategies": {
                "total": sum(strategy_status.values()),
                "by_status": strategy_status,
                "by_approach": strategy_approach,
            },
        }
    )
