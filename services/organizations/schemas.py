"""Request and response models of the organizations service."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.organizations.vocabularies import (
    AssessmentKind,
    AssessmentStatus,
    EthnicFocus,
    FocusArea,
    OpiArea,
    OpiDomain,
    OrganizationStatus,
    OrganizationType,
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
