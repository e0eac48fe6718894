"""Request and response models of the organizations service."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator

from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.organizations.vocabularies import (
    ActionStatus,
    AgeGroup,
    AssessmentKind,
    AssessmentStatus,
    EthnicFocus,
    Ethnicity,
    FocusArea,
    InitiativeStatus,
    Methodology,
    OpiArea,
    OpiDomain,
    OrganizationStatus,
    OrganizationType,
    PlanStatus,
    RiskFactor,
    Sex,
    SupportKind,
)

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_PATTERN = r"^\+?[0-9 ()\-]{7,20}$"
Name = Annotated[
    str, Field(min_length=2, max_length=200, examples=["Consejo Comunitario Bajo Mira"])
]
Acronym = Annotated[str, Field(min_length=1, max_length=40)]
Year = Annotated[int, Field(ge=1800, le=2100)]
Members = Annotated[int, Field(ge=0, le=10_000_000)]
Email = Annotated[str, Field(max_length=254, pattern=EMAIL_PATTERN)]
Phone = Annotated[str, Field(max_length=40, pattern=PHONE_PATTERN)]


def _unique(values: list[FocusArea]) -> list[FocusArea]:
    seen: list[FocusArea] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


class OrganizationCreate(InputModel):
    """A new organization. `id` may be sent by offline clients; the server makes one otherwise."""

    id: uuid.UUID | None = None
    name: Name
    acronym: Acronym | None = None
    type: OrganizationType
    ethnic_focus: EthnicFocus = EthnicFocus.ninguno
    municipality_code: MunicipalityCode
    founded_year: Year | None = None
    members_count: Members | None = None
    focus_areas: list[FocusArea] = Field(default_factory=list, max_length=9)
    contact_email: Email | None = None
    contact_phone: Phone | None = None
    status: OrganizationStatus = OrganizationStatus.active

    _dedupe = field_validator("focus_areas")(_unique)


class OrganizationUpdate(InputModel):
    """Fields to change; absent fields stay as they are."""

    name: Name | None = None
    acronym: Acronym | None = None
    type: OrganizationType | None = None
    ethnic_focus: EthnicFocus | None = None
    municipality_code: MunicipalityCode | None = None
    founded_year: Year | None = None
    members_count: Members | None = None
    focus_areas: list[FocusArea] | None = Field(default=None, max_length=9)
    contact_email: Email | None = None
    contact_phone: Phone | None = None
    status: OrganizationStatus | None = None

    _dedupe = field_validator("focus_areas")(lambda v: _unique(v) if v is not None else v)

    @model_validator(mode="after")
    def _required_stay_set(self) -> OrganizationUpdate:
        for name in ("name", "type", "ethnic_focus", "municipality_code", "focus_areas", "status"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class OrganizationRead(OutputModel):
    id: uuid.UUID
    name: str
    acronym: str | None
    type: OrganizationType
    ethnic_focus: EthnicFocus
    municipality_code: str
    department_code: str = Field(description="First two digits of the municipality code")
    founded_year: int | None
    members_count: int | None
    focus_areas: list[FocusArea]
    contact_email: str | None
    contact_phone: str | None
    status: OrganizationStatus
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class OrganizationPage(OutputModel):
    items: list[OrganizationRead]
    next_cursor: str | None = None


# --- OPI assessments -------------------------------------------------------------------


class AreaScore(InputModel):
    """One sub-area's score (1 = lowest, 4 = highest) and the evidence behind it."""

    score: int = Field(ge=1, le=4)
    evidence: str = Field(default="", max_length=4000)


Scores = dict[OpiArea, AreaScore]


class AssessmentCreate(InputModel):
    id: uuid.UUID | None = None
    kind: AssessmentKind
    assessed_on: date
    facilitator: str = Field(min_length=2, max_length=200)
    scores: Scores = Field(
        default_factory=dict,
        description="Score and evidence per OPI sub-area; all eight are needed to verify.",
    )


class AssessmentUpdate(InputModel):
    """Changes to a draft assessment; `scores` entries replace the sub-areas they name."""

    assessed_on: date | None = None
    facilitator: str | None = Field(default=None, min_length=2, max_length=200)
    scores: Scores | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> AssessmentUpdate:
        for name in ("assessed_on", "facilitator", "scores"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class AreaScoreRead(OutputModel):
    score: int
    evidence: str


class AssessmentRead(OutputModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    kind: AssessmentKind
    assessed_on: date
    facilitator: str
    scores: dict[OpiArea, AreaScoreRead]
    domain_scores: dict[OpiDomain, float | None] = Field(
        description="Mean of each domain's two sub-areas (null while one is missing)"
    )
    overall_score: float | None = Field(
        description="Mean of the eight sub-area scores, two decimals (null until all eight)"
    )
    status: AssessmentStatus
    verified_by: str | None
    verified_at: UtcDatetime | None
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime


class AssessmentPage(OutputModel):
    items: list[AssessmentRead]
    next_cursor: str | None = None


class AssessmentTransition(InputModel):
    to: AssessmentStatus
    reason: str | None = Field(default=None, max_length=2000)


class PerformanceSnapshot(OutputModel):
    assessment_id: uuid.UUID
    assessed_on: date
    domain_scores: dict[OpiDomain, float | None]
    overall_score: float | None


class Performance(OutputModel):
    """Baseline vs latest verified follow-up: the basis of 'organizations with improved OPI'."""

    organization_id: uuid.UUID
    baseline: PerformanceSnapshot | None
    latest: PerformanceSnapshot | None = Field(description="Latest verified follow-up")
    change: dict[str, float | None] | None = Field(
        description="Latest minus baseline, per domain and `overall`"
    )
    improved: bool | None = Field(
        description="Latest overall > baseline overall; null until both exist"
    )


def decimal_or_none(value: Decimal | float | None) -> float | None:
    return None if value is None else float(value)


# --- strengthening plans ---------------------------------------------------------------

Title = Annotated[str, Field(min_length=2, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=2000)]


def _dates_in_order(start: date | None, end: date | None, *, strict: bool) -> None:
    if start is None or end is None:
        return
    if end < start or (strict and end == start):
        raise ValueError("must be after start_date" if strict else "must be on or after start_date")


class StrengtheningPlanCreate(InputModel):
    """A new strengthening plan (draft), built on a verified OPI assessment."""

    id: uuid.UUID | None = None
    organization_id: uuid.UUID
    baseline_assessment_id: uuid.UUID = Field(
        description="A verified OPI assessment of the same organization"
    )
    title: Title
    start_date: date
    end_date: date = Field(description="After start_date")

    @field_validator("end_date")
    @classmethod
    def _after_start(cls, value: date, info: ValidationInfo) -> date:
        _dates_in_order(info.data.get("start_date"), value, strict=True)
        return value


class StrengtheningPlanUpdate(InputModel):
    """Fields to change on an open plan; absent fields stay as they are."""

    baseline_assessment_id: uuid.UUID | None = None
    title: Title | None = None
    start_date: date | None = None
    end_date: date | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> StrengtheningPlanUpdate:
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class StrengtheningPlanRead(OutputModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    baseline_assessment_id: uuid.UUID
    title: str
    start_date: date
    end_date: date
    status: PlanStatus
    cancellation_reason: str | None
    approved_by: str | None = Field(description="`sub` of the token that approved the plan")
    approved_at: UtcDatetime | None
    actions_count: int = Field(description="Actions of the plan (archived ones excluded)")
    progress_pct: float | None = Field(
        description="Mean progress of the actions that are not dropped, one decimal "
        "(null while there are none)"
    )
    overdue_actions: int = Field(
        description="Actions due before today (Colombia) that are not done or dropped"
    )
    opi_areas_covered: list[OpiArea] = Field(
        description="OPI sub-areas with at least one action that is not dropped"
    )
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class StrengtheningPlanPage(OutputModel):
    items: list[StrengtheningPlanRead]
    next_cursor: str | None = None


class PlanTransition(InputModel):
    """`{"to": "<status>"}`; `reason` is required to cancel."""

    to: PlanStatus
    reason: str | None = Field(default=None, min_length=1, max_length=2000)


ProgressPct = Annotated[int, Field(ge=0, le=100)]


class PlanActionCreate(InputModel):
    id: uuid.UUID | None = None
    opi_area: OpiArea
    description: LongText
    strategy: LongText = Field(description="The evidence-based strategy the action applies")
    evidence_reference: Annotated[str, Field(min_length=1, max_length=1000)] = Field(
        description="Where the evidence for the strategy comes from"
    )
    responsible: Annotated[str, Field(min_length=2, max_length=200)]
    due_date: date
    status: ActionStatus = ActionStatus.pending
    progress_pct: ProgressPct = Field(default=0, description="0 to 100; `done` forces 100")


class PlanActionUpdate(InputModel):
    opi_area: OpiArea | None = None
    description: LongText | None = None
    strategy: LongText | None = None
    evidence_reference: Annotated[str, Field(min_length=1, max_length=1000)] | None = None
    responsible: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    due_date: date | None = None
    status: ActionStatus | None = None
    progress_pct: ProgressPct | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> PlanActionUpdate:
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class PlanActionRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    opi_area: OpiArea
    description: str
    strategy: str
    evidence_reference: str
    responsible: str
    due_date: date
    status: ActionStatus
    progress_pct: int
    overdue: bool = Field(description="Due before today (Colombia) and not done or dropped")
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class PlanActionPage(OutputModel):
    items: list[PlanActionRead]
    next_cursor: str | None = None


# --- capacity support ------------------------------------------------------------------

Hours = Annotated[Decimal, Field(gt=0, le=1000, max_digits=6, decimal_places=2)]


class SupportActivityCreate(InputModel):
    id: uuid.UUID | None = None
    organization_id: uuid.UUID
    kind: SupportKind
    delivered_on: date = Field(description="Not in the future (Colombia's calendar)")
    hours: Hours
    delivered_by: Annotated[str, Field(min_length=2, max_length=200)]
    description: str = Field(default="", max_length=4000)


class SupportActivityUpdate(InputModel):
    kind: SupportKind | None = None
    delivered_on: date | None = None
    hours: Hours | None = None
    delivered_by: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    description: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="after")
    def _required_stay_set(self) -> SupportActivityUpdate:
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class SupportActivityRead(OutputModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    kind: SupportKind
    delivered_on: date
    hours: float
    delivered_by: str
    description: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class SupportActivityPage(OutputModel):
    items: list[SupportActivityRead]
    next_cursor: str | None = None


# --- community initiatives -------------------------------------------------------------

Count = Annotated[int, Field(ge=0, le=10_000_000)]


class Beneficiaries(InputModel):
    """A total and its breakdowns; each breakdown must add up to the total.

    Codes left out of a breakdown count as 0; a breakdown left out entirely is recorded as
    `{"no_reporta": total}`.
    """

    total: Count
    by_sex: dict[Sex, Count] | None = None
    by_age_group: dict[AgeGroup, Count] | None = None
    by_ethnicity: dict[Ethnicity, Count] | None = None

    @field_validator("by_sex", "by_age_group", "by_ethnicity")
    @classmethod
    def _adds_up(cls, value: dict[str, int] | None, info: ValidationInfo) -> dict[str, int] | None:
        total = info.data.get("total")
        if value is not None and total is not None and sum(value.values()) != total:
            raise ValueError(f"adds up to {sum(value.values())}, but total is {total}")
        return value


class BeneficiariesRead(OutputModel):
    total: int
    by_sex: dict[Sex, int]
    by_age_group: dict[AgeGroup, int]
    by_ethnicity: dict[Ethnicity, int]


def _unique_codes(values: list[RiskFactor]) -> list[RiskFactor]:
    return list(dict.fromkeys(values))


class CommunityInitiativeCreate(InputModel):
    id: uuid.UUID | None = None
    title: Title
    municipality_code: MunicipalityCode
    community: Annotated[str, Field(min_length=2, max_length=200)] = Field(
        description="The vereda, barrio, corregimiento or community council"
    )
    lead_organization_id: uuid.UUID | None = None
    methodology: Methodology = Methodology.ibp
    objective: Annotated[str, Field(min_length=2, max_length=4000)]
    risk_factors_addressed: list[RiskFactor] = Field(min_length=1, max_length=10)
    start_date: date
    end_date: date | None = Field(default=None, description="On or after start_date")
    budget_cop: Annotated[int, Field(ge=0, le=10**13)] | None = Field(
        default=None, description="Colombian pesos, integer"
    )
    beneficiaries: Beneficiaries = Field(default_factory=lambda: Beneficiaries(total=0))

    _dedupe = field_validator("risk_factors_addressed")(_unique_codes)

    @field_validator("end_date")
    @classmethod
    def _after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        _dates_in_order(info.data.get("start_date"), value, strict=False)
        return value


class CommunityInitiativeUpdate(InputModel):
    title: Title | None = None
    municipality_code: MunicipalityCode | None = None
    community: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    lead_organization_id: uuid.UUID | None = None
    methodology: Methodology | None = None
    objective: Annotated[str, Field(min_length=2, max_length=4000)] | None = None
    risk_factors_addressed: list[RiskFactor] | None = Field(
        default=None, min_length=1, max_length=10
    )
    start_date: date | None = None
    end_date: date | None = None
    budget_cop: Annotated[int, Field(ge=0, le=10**13)] | None = None
    beneficiaries: Beneficiaries | None = None

    _dedupe = field_validator("risk_factors_addressed")(
        lambda v: _unique_codes(v) if v is not None else v
    )

    @model_validator(mode="after")
    def _required_stay_set(self) -> CommunityInitiativeUpdate:
        nullable = {"lead_organization_id", "end_date", "budget_cop"}
        for name in self.model_fields_set - nullable:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class CommunityInitiativeRead(OutputModel):
    id: uuid.UUID
    title: str
    municipality_code: str
    department_code: str
    community: str
    lead_organization_id: uuid.UUID | None
    methodology: Methodology
    objective: str
    risk_factors_addressed: list[RiskFactor]
    status: InitiativeStatus
    cancellation_reason: str | None
    start_date: date
    end_date: date | None
    budget_cop: int | None
    beneficiaries: BeneficiariesRead
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class CommunityInitiativePage(OutputModel):
    items: list[CommunityInitiativeRead]
    next_cursor: str | None = None


class InitiativeTransition(InputModel):
    """`{"to": "<status>"}`; `reason` to cancel; completing may carry the final figures."""

    to: InitiativeStatus
    reason: str | None = Field(default=None, min_length=1, max_length=2000)
    end_date: date | None = Field(
        default=None, description="To complete: the end date, if not set yet"
    )
    beneficiaries: Beneficiaries | None = Field(
        default=None, description="To complete: the final beneficiary figures"
    )


# --- statistics ------------------------------------------------------------------------


class StatsFilters(OutputModel):
    department_code: str | None
    municipality_code: str | None
    from_: date | None = Field(alias="from", serialization_alias="from")
    to: date | None


class OrganizationFigures(OutputModel):
    total: int
    by_type: dict[OrganizationType, int]
    by_ethnic_focus: dict[EthnicFocus, int]


class AssessmentFigures(OutputModel):
    verified: int = Field(description="Verified assessments assessed within from/to")
    verified_baseline: int
    verified_follow_up: int


class OpiFigures(OutputModel):
    organizations_with_baseline: int = Field(
        description="Organizations with a verified baseline assessed on or before `to`"
    )
    mean_baseline_overall: float | None
    mean_latest_overall: float | None = Field(
        description="Same organizations: latest verified follow-up in range, else baseline"
    )
    organizations_assessed_twice: int = Field(
        description="Denominator: verified baseline and a verified follow-up in range"
    )
    organizations_improved: int = Field(
        description="Numerator: latest follow-up overall score above the baseline's"
    )
    improved_pct: float | None = Field(description="100 * numerator / denominator, one decimal")


class PlanFigures(OutputModel):
    total: int
    by_status: dict[PlanStatus, int]
    approved_or_later: int = Field(description="approved + in_progress + completed")


class SupportKindFigures(OutputModel):
    activities: int
    organizations: int = Field(description="Distinct organizations supported")
    hours: float


class SupportFigures(OutputModel):
    activities: int
    hours: float
    organizations_supported: int = Field(description="Distinct organizations supported")
    organizations_communications_or_relations: int = Field(
        description="Distinct organizations supported in communications or in relations with "
        "authorities (one with both counts once)"
    )
    by_kind: dict[SupportKind, SupportKindFigures]


class InitiativeFigures(OutputModel):
    total: int
    by_status: dict[InitiativeStatus, int]
    by_methodology: dict[Methodology, int]
    by_methodology_and_status: dict[Methodology, dict[InitiativeStatus, int]]
    budget_cop: int = Field(description="Sum over initiatives that are not cancelled")
    beneficiaries: BeneficiariesRead = Field(
        description="Sum over initiatives that are not cancelled"
    )


class Figures(OutputModel):
    organizations: OrganizationFigures
    assessments: AssessmentFigures
    opi: OpiFigures
    strengthening_plans: PlanFigures
    support: SupportFigures
    initiatives: InitiativeFigures


class OrganizationStats(OutputModel):
    """Programme figures; `by_municipality` (DIVIPOLA keys) lets a consumer roll up."""

    filters: StatsFilters
    generated_at: UtcDatetime
    totals: Figures
    by_municipality: dict[str, Figures]


class InitiativeListing(OutputModel):
    id: uuid.UUID
    title: str
    community: str
    methodology: Methodology
    status: InitiativeStatus
    start_date: date
    end_date: date | None


class MunicipalityOrganizations(OutputModel):
    """One municipality's organizations, OPI, plans, support and initiatives in one read
    (the gateway's overview uses it)."""

    municipality_code: str
    generated_at: UtcDatetime
    figures: Figures = Field(description="As `totals` of the statistics for this municipality")
    initiatives: list[InitiativeListing] = Field(
        description="Active initiatives, latest start first (at most 200; "
        "`figures.initiatives.total` counts them all)"
    )


class OrganizationRecord(OutputModel):
    """An organization with what the programme did with it, in one read (the gateway's
    profile uses it). Lists hold their first 200 items, in each list's own order."""

    organization: OrganizationRead
    performance: Performance
    assessments: list[AssessmentRead]
    strengthening_plans: list[StrengtheningPlanRead] = Field(description="Active plans")
    support_activities: list[SupportActivityRead] = Field(description="Active activities")
