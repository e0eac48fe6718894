"""Request and response models of OPI assessments and an organization's performance."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.organizations.vocabularies import (
    AssessmentKind,
    AssessmentStatus,
    OpiArea,
    OpiDomain,
)


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


class AssessmentUpdate(PatchModel):
    """Changes to a draft assessment; `scores` entries replace the sub-areas they name."""

    required_fields = "*"

    assessed_on: date | None = None
    facilitator: str | None = Field(default=None, min_length=2, max_length=200)
    scores: Scores | None = None


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


class AssessmentPage(Page[AssessmentRead]):
    pass


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
