"""Response models of the statistics."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from services.common.schemas import OutputModel
from services.security_plans.vocabularies import (
    Approach,
    FundingSource,
    SecurityPlanStatus,
    StrategyStatus,
)


class PlanCounts(OutputModel):
    total: int
    by_status: dict[SecurityPlanStatus, int]
    by_term: dict[str, int] = Field(description="Plans per term_start_year")
    approved: int = Field(description="Plans with an approval date")
    approved_on_time: int = Field(description="Approved on or before 30 June of the first year")


class PlanScore(OutputModel):
    plan_id: uuid.UUID
    municipality_code: str
    term_start_year: int
    score: float
    reviewed_on: date


class ReviewStats(OutputModel):
    reviewed_plans: int
    municipalities_with_review: int
    mean_latest_score: float | None
    latest_score_per_plan: list[PlanScore]


class BudgetStats(OutputModel):
    planned_by_source: dict[FundingSource, int]
    planned_cop: int
    executed_cop: int
    execution_pct: float | None


class StrategyStats(OutputModel):
    total: int
    by_status: dict[StrategyStatus, int]
    by_approach: dict[Approach, int]


class MunicipalityStats(OutputModel):
    plans: int
    plans_by_status: dict[SecurityPlanStatus, int]
    approved_on_time: int
    reviewed_plans: int
    latest_review_score: float | None = Field(
        description="Latest review score of the municipality's most recent reviewed plan"
    )
    budget_planned_cop: int
    budget_executed_cop: int
    prevention_strategies: int
    prevention_strategies_by_status: dict[StrategyStatus, int]


class SecurityPlanStats(OutputModel):
    plans: PlanCounts
    reviews: ReviewStats
    budget: BudgetStats
    prevention_strategies: StrategyStats
    by_municipality: dict[str, MunicipalityStats] = Field(
        description="Keyed by DIVIPOLA municipality code"
    )


class CurrentPlan(OutputModel):
    """The plan a municipality is working with: the running term's, else its latest."""

    id: uuid.UUID
    title: str
    status: SecurityPlanStatus
    term_start_year: int
    term_end_year: int
    current_term: bool = Field(description="The plan is for the term running on `as_of`")
    approved_on: date | None
    approved_on_time: bool | None = Field(
        description="Approved on or before 30 June of the term's first year"
    )
    latest_review_score: float | None
    latest_review_on: date | None
    budget_planned_cop: int = Field(description="As in the plan's execution: active actions")
    budget_executed_cop: int = Field(description="Reported pesos of active actions")
    execution_pct: float | None = Field(description="executed / planned x 100; null if 0 planned")


class MunicipalityPlanCounts(OutputModel):
    total: int
    by_status: dict[SecurityPlanStatus, int]


class MunicipalitySecurity(OutputModel):
    """One municipality's PISCC situation in one read (the gateway's overview uses it)."""

    municipality_code: str
    as_of: date
    current_term_start_year: int
    current_plan: CurrentPlan | None = Field(description="Null when it has no live plan")
    plans: MunicipalityPlanCounts = Field(description="Live (not archived) plans, every term")
    prevention_strategies: StrategyStats
