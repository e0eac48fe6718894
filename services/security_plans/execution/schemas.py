"""Response models of a plan's execution summary."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from services.common.schemas import OutputModel
from services.security_plans.vocabularies import FundingSource, SecurityPlanStatus


class BudgetSummary(OutputModel):
    planned_cop: int
    executed_cop: int
    execution_pct: float | None = Field(
        description="executed / planned x 100, two decimals; null when nothing is planned"
    )


class ActionExecution(BudgetSummary):
    action_id: uuid.UUID
    name: str
    reports_count: int
    latest_period: str | None
    latest_value: float | None = Field(description="Indicator value of the latest period")
    indicator_target: float
    target_pct: float | None = Field(
        description="Progress from baseline to target, % (two decimals): "
        "(latest - baseline) / (target - baseline) x 100; null without reports "
        "or when target equals baseline"
    )
    reported_recently: bool | None = Field(
        description="A report in one of `recent_periods`; null when the plan is not being "
        "executed yet"
    )


class LineExecution(BudgetSummary):
    line_id: uuid.UUID
    name: str
    actions: list[ActionExecution]


class PlanExecution(BudgetSummary):
    plan_id: uuid.UUID
    status: SecurityPlanStatus
    as_of: date
    planned_by_source: dict[FundingSource, int]
    recent_periods: list[str] = Field(
        description="The last two completed quarters of the term before `as_of` (empty "
        "before the plan is in implementation)"
    )
    actions_count: int
    actions_without_recent_report: list[uuid.UUID]
    lines: list[LineExecution]
