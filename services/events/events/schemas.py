"""Request and response models of events (with the trust survey of police sessions)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from pydantic import Field, field_validator

from services.common.disclosure import Suppressed
from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.events.records import EventTime, Reason
from services.events.vocabularies import EventStatus, EventType, PartnerInstitution

Title = Annotated[
    str, Field(min_length=3, max_length=300, examples=["Diálogo de Resiliencia — vereda El Carmen"])
]
Community = Annotated[
    str,
    Field(
        min_length=2,
        max_length=200,
        description="Vereda, barrio, corregimiento or community council",
        examples=["Vereda El Carmen"],
    ),
]


def _unique(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


# --- trust survey ----------------------------------------------------------------------


class TrustMeasure(InputModel):
    respondents: int = Field(ge=1, le=100_000)
    mean_score: float = Field(ge=1, le=5, description="Mean trust score on a 1-5 scale")

    @field_validator("mean_score")
    @classmethod
    def _two_places(cls, value: float) -> float:
        return round(value, 2)


class TrustSurvey(InputModel):
    """Trust in police before and after a *Hablemos de Policía* session."""

    before: TrustMeasure | None = None
    after: TrustMeasure | None = None


class TrustMeasureRead(OutputModel):
    respondents: int
    mean_score: float | None = Field(
        description="Null for tokens without attendees:pii when fewer than "
        "SOMOS_MIN_CELL_SIZE people answered (see `suppressed`)"
    )


class TrustSurveyRead(OutputModel):
    before: TrustMeasureRead | None
    after: TrustMeasureRead | None
    change: float | None = Field(
        description="after.mean_score - before.mean_score (null until both are recorded)"
    )


# --- events ----------------------------------------------------------------------------


class EventCreate(InputModel):
    """A new event (created `planned`). `id` may be sent by offline clients."""

    id: uuid.UUID | None = None
    type: EventType
    title: Title
    municipality_code: MunicipalityCode
    community: Community
    starts_at: EventTime
    ends_at: EventTime
    partner_institutions: list[PartnerInstitution] = Field(default_factory=list, max_length=8)
    organization_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    security_plan_id: uuid.UUID | None = None
    trust_survey: TrustSurvey | None = Field(
        default=None, description="Only for hablemos_de_policia sessions"
    )

    _dedupe = field_validator("partner_institutions", "organization_ids")(_unique)


class EventUpdate(PatchModel):
    """Fields to change; absent fields stay as they are. Status changes go through transitions."""

    required_fields = (
        "type",
        "title",
        "municipality_code",
        "community",
        "starts_at",
        "ends_at",
        "partner_institutions",
        "organization_ids",
    )

    type: EventType | None = None
    title: Title | None = None
    municipality_code: MunicipalityCode | None = None
    community: Community | None = None
    starts_at: EventTime | None = None
    ends_at: EventTime | None = None
    partner_institutions: list[PartnerInstitution] | None = Field(default=None, max_length=8)
    organization_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)
    security_plan_id: uuid.UUID | None = None
    trust_survey: TrustSurvey | None = None

    _dedupe = field_validator("partner_institutions", "organization_ids")(
        lambda v: _unique(v) if v is not None else v
    )


class EventRead(OutputModel):
    id: uuid.UUID
    type: EventType
    title: str
    municipality_code: str
    department_code: str = Field(description="First two digits of the municipality code")
    community: str
    starts_at: UtcDatetime
    ends_at: UtcDatetime
    status: EventStatus
    status_reason: str | None
    partner_institutions: list[PartnerInstitution]
    organization_ids: list[uuid.UUID]
    security_plan_id: uuid.UUID | None
    trust_survey: TrustSurveyRead | None
    suppressed: Suppressed = []
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class EventPage(Page[EventRead]):
    pass


class EventTransition(InputModel):
    """`{"to": "held"}` or `{"to": "cancelled", "reason": "..."}`."""

    to: EventStatus
    reason: Reason | None = None
