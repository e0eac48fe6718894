"""Request and response models of the security_plans service."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.security_plans.vocabularies import (
    Approach,
    ApprovingBody,
    BaselineUnit,
    ChecklistItem,
    FundingSource,
    Institution,
    PlanStatus,
    Problem,
    Rating,
    StrategyStatus,
    TargetPopulation,
)

FIRST_TERM_YEAR = 2016
PERIOD_PATTERN = r"^[0-9]{4}-Q[1-4]$"
Title = Annotated[
    str, Field(min_length=3, max_length=300, examples=["PISCC Santander de Quilichao 2024-2027"])
]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
LongText = Annotated[str, Field(min_length=1, max_length=8000)]
Reason = Annotated[str, Field(min_length=1, max_length=2000)]
Pesos = Annotated[int, Field(ge=0, le=10**15, description="Colombian pesos (integer)")]
Measure = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)]
Year = Annotated[int, Field(ge=1990, le=2100)]
TermStartYear = Annotated[
    int,
    Field(
        ge=FIRST_TERM_YEAR,
        le=2096,
        description="First year of the mayoral term: 2016, 2020, 2024, 2028…",
        examples=[2024],
    ),
]
Period = Annotated[
    str,
    Field(
        pattern=PERIOD_PATTERN, examples=["2024-Q3"], description="A quarter of the term, `YYYY-Qn`"
    ),
]


class Input(InputModel):
    """Base of this service's request bodies (NUL characters are refused by the kit)."""


def _term_year(value: int | None) -> int | None:
    if value is not None and (value - FIRST_TERM_YEAR) % 4 != 0:
        raise ValueError(
            "mayoral terms start in 2016, 2020, 2024, 2028…; "
            f"{value} is not the first year of a term"
        )
    return value


def _forbid_null(model: InputModel, names: tuple[str, ...]) -> None:
    for name in names:
        if name in model.model_fields_set and getattr(model, name) is None:
            raise ValueError(f"{name} cannot be null")


def _dedupe(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    seen: list[str] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


# --- plans -----------------------------------------------------------------------------


class PlanCreate(Input):
    """A new plan, in formulation. `id` may be sent by offline clients."""

    id: uuid.UUID | None = None
    municipality_code: MunicipalityCode
    term_start_year: TermStartYear
    title: Title

    _term = field_validator("term_start_year")(_term_year)


class PlanUpdate(Input):
    """Changes to a plan in formulation; absent fields stay as they are."""

    title: Title | None = None
    term_start_year: TermStartYear | None = None

    _term = field_validator("term_start_year")(_term_year)

    @model_validator(mode="after")
    def _required_stay_set(self) -> PlanUpdate:
        _forbid_null(self, ("title", "term_start_year"))
        return self


class PlanTransition(Input):
    """Move a plan along its lifecycle; approval data is required when `to` is `approved`."""

    to: PlanStatus
    reason: Reason | None = Field(
        default=None, description="Required when sending a plan back to formulation"
    )
    approved_on: date | None = Field(default=None, description="Required on approval")
    approving_body: ApprovingBody = ApprovingBody.comite_territorial_orden_publico
    act_reference: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Act or decree number; required on approval",
        examples=["Acta CTOP 004 de 2024"],
    )


class PlanRead(OutputModel):
    id: uuid.UUID
    municipality_code: str
    department_code: str
    term_start_year: int
    term_end_year: int = Field(description="term_start_year + 3")
    title: str
    status: PlanStatus
    status_reason: str | None
    status_changed_at: UtcDatetime | None
    approved_on: date | None
    approving_body: ApprovingBody | None
    act_reference: str | None
    approval_deadline: date = Field(description="30 June of the term's first year")
    approved_on_time: bool | None = Field(
        description="approved_on ≤ approval_deadline; null until approved"
    )
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class PlanPage(OutputModel):
    items: list[PlanRead]
    next_cursor: str | None = None


# --- diagnosis -------------------------------------------------------------------------


class ProblemCreate(Input):
    id: uuid.UUID | None = None
    problem: Problem
    priority: int | None = Field(
        default=None, ge=1, le=100, description="1 = highest; next free rank when omitted"
    )
    baseline_value: Measure
    unit: BaselineUnit
    baseline_year: Year
    source: str = Field(min_length=1, max_length=300, examples=["SIEDCO - Policía Nacional"])


class ProblemUpdate(Input):
    priority: int | None = Field(default=None, ge=1, le=100)
    baseline_value: Measure | None = None
    unit: BaselineUnit | None = None
    baseline_year: Year | None = None
    source: str | None = Field(default=None, min_length=1, max_length=300)

    @model_validator(mode="after")
    def _required_stay_set(self) -> ProblemUpdate:
        _forbid_null(self, ("priority", "baseline_value", "unit", "baseline_year", "source"))
        return self


class ProblemRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    problem: Problem
    priority: int
    baseline_value: float
    unit: BaselineUnit
    baseline_year: int
    source: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class ProblemList(OutputModel):
    items: list[ProblemRead]


# --- lines and actions -----------------------------------------------------------------


class LineCreate(Input):
    id: uuid.UUID | None = None
    name: Title
    objective: Text


class LineUpdate(Input):
    name: Title | None = None
    objective: Text | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> LineUpdate:
        _forbid_null(self, ("name", "objective"))
        return self


class Indicator(Input):
    name: str = Field(
        min_length=1, max_length=300, examples=["Tasa de homicidios por 100.000 habitantes"]
    )
    unit: str = Field(min_length=1, max_length=60, examples=["tasa_100k"])
    baseline: Measure
    target: Measure


class IndicatorRead(OutputModel):
    name: str
    unit: str
    baseline: float
    target: float


Budget = dict[FundingSource, Pesos]


class ActionCreate(Input):
    id: uuid.UUID | None = None
    name: Title
    responsible_institution: Institution
    problems: list[Problem] = Field(
        min_length=1, max_length=14, description="Codes from the plan's diagnosis"
    )
    indicator: Indicator
    budget: Budget = Field(
        default_factory=dict,
        examples=[{"fonset": 120000000, "recursos_propios": 30000000}],
        description="Planned pesos by funding source",
    )

    _dedupe = field_validator("problems")(_dedupe)


class ActionUpdate(Input):
    """Changes to an action; `line_id` moves it to another line of the same plan."""

    line_id: uuid.UUID | None = None
    name: Title | None = None
    responsible_institution: Institution | None = None
    problems: list[Problem] | None = Field(default=None, min_length=1, max_length=14)
    indicator: Indicator | None = None
    budget: Budget | None = Field(default=None, description="Replaces the whole budget")

    _dedupe = field_validator("problems")(_dedupe)

    @model_validator(mode="after")
    def _required_stay_set(self) -> ActionUpdate:
        _forbid_null(
            self, ("line_id", "name", "responsible_institution", "problems", "indicator", "budget")
        )
        return self


class ActionRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    line_id: uuid.UUID
    name: str
    responsible_institution: Institution
    problems: list[Problem]
    indicator: IndicatorRead
    budget: dict[FundingSource, int]
    budget_total_cop: int
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class ActionList(OutputModel):
    items: list[ActionRead]


class LineRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    name: str
    objective: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class LineWithActions(LineRead):
    actions: list[ActionRead]


class LineList(OutputModel):
    items: list[LineRead]


class PlanDetail(PlanRead):
    """A plan with its diagnosis and its lines and actions (archived ones left out)."""

    problems: list[ProblemRead]
    lines: list[LineWithActions]


# --- progress reports ------------------------------------------------------------------


class ReportCreate(Input):
    id: uuid.UUID | None = None
    period: Period
    value: Measure = Field(description="Indicator value at the end of the period")
    budget_executed_cop: Pesos
    note: str | None = Field(default=None, max_length=4000)


class ReportUpdate(Input):
    value: Measure | None = None
    budget_executed_cop: Pesos | None = None
    note: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="after")
    def _required_stay_set(self) -> ReportUpdate:
        _forbid_null(self, ("value", "budget_executed_cop"))
        return self


class ReportRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    action_id: uuid.UUID
    period: str
    value: float
    budget_executed_cop: int
    note: str | None
    reported_by: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime


class ReportList(OutputModel):
    items: list[ReportRead]


# --- execution summary -----------------------------------------------------------------


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
    status: PlanStatus
    as_of: date
    planned_by_source: dict[FundingSource, int]
    recent_periods: list[str] = Field(
        description="The last two completed quarters of the term before `as_of` (empty "
        "before the plan is in implementation)"
    )
    actions_count: int
    actions_without_recent_report: list[uuid.UUID]
    lines: list[LineExecution]


# --- reviews ---------------------------------------------------------------------------


class ChecklistEntry(Input):
    rating: Rating
    comment: str = Field(default="", max_length=4000)


class ChecklistEntryRead(OutputModel):
    rating: Rating
    comment: str


class ReviewCreate(Input):
    id: uuid.UUID | None = None
    reviewer: str = Field(min_length=2, max_length=200)
    reviewed_on: date
    checklist: dict[ChecklistItem, ChecklistEntry] = Field(
        description="Every one of the nine checklist items, rated with a comment"
    )
    recommendations: str | None = Field(default=None, max_length=8000)

    @field_validator("checklist")
    @classmethod
    def _complete(
        cls, value: dict[ChecklistItem, ChecklistEntry]
    ) -> dict[ChecklistItem, ChecklistEntry]:
        missing = [i.value for i in ChecklistItem if i not in value]
        if missing:
            raise ValueError(f"missing checklist items: {', '.join(missing)}")
        return value


class ReviewRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    reviewer: str
    reviewed_on: date
    checklist: dict[ChecklistItem, ChecklistEntryRead]
    recommendations: str | None
    score: float = Field(
        description="cumple = 1, parcial = 0.5, no cumple = 0; mean x 100, two decimals"
    )
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime


class ReviewPage(OutputModel):
    items: list[ReviewRead]
    next_cursor: str | None = None


# --- prevention strategies -------------------------------------------------------------

Reference = Annotated[str, Field(min_length=1, max_length=1000)]


class StrategyCreate(Input):
    id: uuid.UUID | None = None
    title: Title
    municipality_code: MunicipalityCode
    security_plan_id: uuid.UUID | None = Field(
        default=None, description="A plan of the same municipality"
    )
    approach: Approach
    target_problems: list[Problem] = Field(min_length=1, max_length=14)
    target_population: TargetPopulation
    evidence_summary: LongText
    evidence_references: list[Reference] = Field(default_factory=list, max_length=50)
    started_on: date | None = None
    results_note: LongText | None = None

    _dedupe = field_validator("target_problems")(_dedupe)


class StrategyUpdate(Input):
    title: Title | None = None
    security_plan_id: uuid.UUID | None = None
    approach: Approach | None = None
    target_problems: list[Problem] | None = Field(default=None, min_length=1, max_length=14)
    target_population: TargetPopulation | None = None
    evidence_summary: LongText | None = None
    evidence_references: list[Reference] | None = Field(default=None, max_length=50)
    started_on: date | None = None
    results_note: LongText | None = None

    _dedupe = field_validator("target_problems")(_dedupe)

    @model_validator(mode="after")
    def _required_stay_set(self) -> StrategyUpdate:
        _forbid_null(
            self,
            (
                "title",
                "approach",
                "target_problems",
                "target_population",
                "evidence_summary",
                "evidence_references",
            ),
        )
        return self


class StrategyTransition(Input):
    """`implementing` needs `started_on` (here or already set); `evaluated` needs
    `results_note`; `discontinued` needs a `reason`."""

    to: StrategyStatus
    reason: Reason | None = None
    started_on: date | None = None
    results_note: LongText | None = None


class StrategyRead(OutputModel):
    id: uuid.UUID
    title: str
    municipality_code: str
    department_code: str
    security_plan_id: uuid.UUID | None
    approach: Approach
    target_problems: list[Problem]
    target_population: TargetPopulation
    evidence_summary: str
    evidence_references: list[str]
    status: StrategyStatus
    status_reason: str | None
    started_on: date | None
    results_note: str | None
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class StrategyPage(OutputModel):
    items: list[StrategyRead]
    next_cursor: str | None = None


# --- statistics ------------------------------------------------------------------------


class PlanCounts(OutputModel):
    total: int
    by_status: dict[PlanStatus, int]
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
    plans_by_status: dict[PlanStatus, int]
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
    status: PlanStatus
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
    by_status: dict[PlanStatus, int]


class MunicipalitySecurity(OutputModel):
    """One municipality's PISCC situation in one read (the gateway's overview uses it)."""

    municipality_code: str
    as_of: date
    current_term_start_year: int
    current_plan: CurrentPlan | None = Field(description="Null when it has no live plan")
    plans: MunicipalityPlanCounts = Field(description="Live (not archived) plans, every term")
    prevention_strategies: StrategyStats
