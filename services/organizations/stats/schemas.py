"""Response models of the programme figures (statistics) of the organizations service."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from services.common.disclosure import Suppressed
from services.common.schemas import OutputModel, UtcDatetime
from services.organizations.initiatives.schemas import BeneficiariesRead
from services.organizations.vocabularies import (
    EthnicFocus,
    InitiativeStatus,
    Methodology,
    OrganizationType,
    StrengtheningPlanStatus,
    SupportKind,
)


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
    by_status: dict[StrengtheningPlanStatus, int]
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
    suppressed: Suppressed = []
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
    suppressed: Suppressed = []
    initiatives: list[InitiativeListing] = Field(
        description="Active initiatives, latest start first (at most 200; "
        "`figures.initiatives.total` counts them all)"
    )
