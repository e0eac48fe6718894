"""A plan's execution: budget executed against planned, indicator progress, reporting gaps."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

import asyncpg

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.errors import NotFound
from services.security_plans.execution import repository
from services.security_plans.execution.schemas import (
    ActionExecution,
    LineExecution,
    PlanExecution,
)
from services.security_plans.records import loads, percent
from services.security_plans.vocabularies import FundingSource

EXECUTING = ("in_implementation", "closed")


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


async def execution(
    pool: asyncpg.Pool, *, plan_id: uuid.UUID, principal: Principal, as_of: date | None
) -> PlanExecution:
    """Planned and executed budget, execution %, indicator progress and reporting gaps."""
    day = as_of or colombia_today()

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
        indicator = loads(row["indicator"])
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
