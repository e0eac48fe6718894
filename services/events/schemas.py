"""Request and response models of the events service."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, Field, field_validator, model_validator

from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.events.vocabularies import (
    AgeGroup,
    CommitmentStatus,
    DocumentType,
    Ethnicity,
    EventStatus,
    EventType,
    Institution,
    ParticipantRole,
    ResponsibleKind,
    RiskFactorCategory,
    Sex,
)

BOGOTA = ZoneInfo("America/Bogota")


def _to_utc(value: datetime) -> datetime:
    """A time without offset is Colombian local time (UTC-5); store UTC."""
    if not 1900 <= value.year <= 2200:
        raise ValueError("must be between the years 1900 and 2200")
    if value.tzinfo is None:
        value = value.replace(tzinfo=BOGOTA)
    return value.astimezone(UTC)


class EventsInput(InputModel):
    """Request bodies of this service (NUL characters are refused by the kit)."""


def bogota_today() -> date:
    """Today's date in Colombia (due dates and overdue are Colombian calendar dates)."""
    return datetime.now(BOGOTA).date()


EventTime = Annotated[
    datetime,
    AfterValidator(_to_utc),
    Field(
        description="RFC 3339 with offset (e.g. 2025-03-14T09:00:00-05:00); a time without "
        "offset is read as Colombian time. Returned in UTC with Z.",
        examples=["2025-03-14T09:00:00-05:00"],
    ),
]
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
Reason = Annotated[str, Field(min_length=1, max_length=2000)]


def _unique(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


# --- trust survey ----------------------------------------------------------------------


class TrustMeasure(EventsInput):
    respondents: int = Field(ge=1, le=100_000)
    mean_score: float = Field(ge=1, le=5, description="Mean trust score on a 1-5 scale")

    @field_validator("mean_score")
    @classmethod
    def _two_places(cls, value: float) -> float:
        return round(value, 2)


class TrustSurvey(EventsInput):
    """Trust in police before and after a *Hablemos de Policía* session."""

    before: TrustMeasure | None = None
    after: TrustMeasure | None = None


class TrustMeasureRead(OutputModel):
    respondents: int
    mean_score: float


class TrustSurveyRead(OutputModel):
    before: TrustMeasureRead | None
    after: TrustMeasureRead | None
    change: float | None = Field(
        description="after.mean_score - before.mean_score (null until both are recorded)"
    )


# --- events ----------------------------------------------------------------------------


class EventCreate(EventsInput):
    """A new event (created `planned`). `id` may be sent by offline clients."""

    id: uuid.UUID | None = None
    type: EventType
    title: Title
    municipality_code: MunicipalityCode
    community: Community
    starts_at: EventTime
    ends_at: EventTime
    partner_institutions: list[Institution] = Field(default_factory=list, max_length=8)
    organization_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    security_plan_id: uuid.UUID | None = None
    trust_survey: TrustSurvey | None = Field(
        default=None, description="Only for hablemos_de_policia sessions"
    )

    _dedupe = field_validator("partner_institutions", "organization_ids")(_unique)


class EventUpdate(EventsInput):
    """Fields to change; absent fields stay as they are. Status changes go through transitions."""

    type: EventType | None = None
    title: Title | None = None
    municipality_code: MunicipalityCode | None = None
    community: Community | None = None
    starts_at: EventTime | None = None
    ends_at: EventTime | None = None
    partner_institutions: list[Institution] | None = Field(default=None, max_length=8)
    organization_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)
    security_plan_id: uuid.UUID | None = None
    trust_survey: TrustSurvey | None = None

    _dedupe = field_validator("partner_institutions", "organization_ids")(
        lambda v: _unique(v) if v is not None else v
    )

    @model_validator(mode="after")
    def _required_stay_set(self) -> EventUpdate:
        for name in (
            "type",
            "title",
            "municipality_code",
            "community",
            "starts_at",
            "ends_at",
            "partner_institutions",
            "organization_ids",
        ):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


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
    partner_institutions: list[Institution]
    organization_ids: list[uuid.UUID]
    security_plan_id: uuid.UUID | None
    trust_survey: TrustSurveyRead | None
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class EventPage(OutputModel):
    items: list[EventRead]
    next_cursor: str | None = None


class EventTransition(EventsInput):
    """`{"to": "held"}` or `{"to": "cancelled", "reason": "..."}`."""

    to: EventStatus
    reason: Reason | None = None


# --- participation ---------------------------------------------------------------------

Count = Annotated[int, Field(ge=0, le=1_000_000)]


class ParticipationWrite(EventsInput):
    """Anonymous counts; every breakdown must add up to `total`."""

    total: Count
    by_sex: dict[Sex, Count] = Field(default_factory=dict)
    by_age_group: dict[AgeGroup, Count] = Field(default_factory=dict)
    by_ethnicity: dict[Ethnicity, Count] = Field(default_factory=dict)
    by_role: dict[ParticipantRole, Count] = Field(default_factory=dict)
    conflict_victims: Count | None = None
    persons_with_disability: Count | None = None
    lgbtiq: Count | None = Field(default=None, description="LGBTIQ+ participants")


class ParticipationRead(OutputModel):
    event_id: uuid.UUID
    source: str = Field(
        description="manual, or attendees when computed from the attendee "
        "list (then it cannot be edited by hand)"
    )
    total: int
    by_sex: dict[Sex, int]
    by_age_group: dict[AgeGroup, int]
    by_ethnicity: dict[Ethnicity, int]
    by_role: dict[ParticipantRole, int]
    conflict_victims: int | None
    persons_with_disability: int | None
    lgbtiq: int | None
    version: int
    updated_at: UtcDatetime


# --- attendees -------------------------------------------------------------------------

FullName = Annotated[str, Field(min_length=2, max_length=200)]
DocumentNumber = Annotated[
    str, Field(min_length=3, max_length=30, pattern=r"^[A-Za-z0-9][A-Za-z0-9 .\-]*$")
]
Phone = Annotated[str, Field(max_length=30, pattern=r"^\+?[0-9 ()\-]{7,25}$")]
BirthYear = Annotated[int, Field(ge=1900, le=2100)]


class AttendeeCreate(EventsInput):
    """A named attendee. Needs `consent_given: true` (Ley 1581 de 2012)."""

    id: uuid.UUID | None = None
    full_name: FullName
    document_type: DocumentType
    document_number: DocumentNumber | None = None
    phone: Phone | None = None
    sex: Sex = Sex.no_reporta
    birth_year: BirthYear | None = None
    ethnicity: Ethnicity = Ethnicity.no_reporta
    role: ParticipantRole = ParticipantRole.comunidad
    organization_id: uuid.UUID | None = None
    is_social_leader: bool = False
    consent_given: bool = Field(
        description="Must be true: prior, express and informed consent (Ley 1581 de 2012)"
    )
    consent_at: EventTime | None = Field(
        default=None, description="When consent was given (default: now)"
    )


class AttendeeUpdate(EventsInput):
    full_name: FullName | None = None
    document_type: DocumentType | None = None
    document_number: DocumentNumber | None = None
    phone: Phone | None = None
    sex: Sex | None = None
    birth_year: BirthYear | None = None
    ethnicity: Ethnicity | None = None
    role: ParticipantRole | None = None
    organization_id: uuid.UUID | None = None
    is_social_leader: bool | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> AttendeeUpdate:
        for name in ("full_name", "document_type", "sex", "ethnicity", "role", "is_social_leader"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class AttendeeRead(OutputModel):
    id: uuid.UUID
    event_id: uuid.UUID
    full_name: str
    document_type: DocumentType
    document_number: str | None
    phone: str | None
    sex: Sex
    birth_year: int | None
    age_group: AgeGroup = Field(description="At the event's start year")
    ethnicity: Ethnicity
    role: ParticipantRole
    organization_id: uuid.UUID | None
    is_social_leader: bool
    consent_given: bool
    consent_at: UtcDatetime
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class AttendeePage(OutputModel):
    items: list[AttendeeRead]
    next_cursor: str | None = None


class PiiAccessRead(OutputModel):
    id: uuid.UUID
    occurred_at: UtcDatetime
    subject: str = Field(description="The token's subject (who)")
    token_id: str | None
    action: str = Field(description="list, read, create, update or archive")
    event_id: uuid.UUID
    attendee_id: uuid.UUID | None
    record_count: int
    request_id: str | None


class PiiAccessPage(OutputModel):
    items: list[PiiAccessRead]
    next_cursor: str | None = None


# --- risk factors ----------------------------------------------------------------------


class RiskFactorCreate(EventsInput):
    id: uuid.UUID | None = None
    category: RiskFactorCategory
    description: str = Field(min_length=3, max_length=4000)


class RiskFactorRead(OutputModel):
    id: uuid.UUID
    event_id: uuid.UUID
    category: RiskFactorCategory
    description: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class RiskFactorPage(OutputModel):
    items: list[RiskFactorRead]
    next_cursor: str | None = None


# --- commitments -----------------------------------------------------------------------

ResponsibleParty = Annotated[
    str,
    Field(
        min_length=2,
        max_length=300,
        description="An institution code (`alcaldia`), an organization id (UUID, checked with the "
        "organizations service) or free text",
        examples=["alcaldia"],
    ),
]


class CommitmentCreate(EventsInput):
    id: uuid.UUID | None = None
    description: str = Field(min_length=3, max_length=4000)
    responsible_party: ResponsibleParty
    due_date: date


class CommitmentUpdate(EventsInput):
    description: str | None = Field(default=None, min_length=3, max_length=4000)
    responsible_party: ResponsibleParty | None = None
    due_date: date | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> CommitmentUpdate:
        for name in ("description", "responsible_party", "due_date"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class CommitmentTransition(EventsInput):
    to: CommitmentStatus
    reason: Reason | None = None


class NoteCreate(EventsInput):
    note: str = Field(min_length=1, max_length=4000)
    noted_on: date | None = Field(default=None, description="Default: today (Colombia)")


class NoteRead(OutputModel):
    id: uuid.UUID
    commitment_id: uuid.UUID
    noted_on: date
    note: str
    author: str = Field(description="The token's subject")
    created_at: UtcDatetime


class CommitmentRead(OutputModel):
    id: uuid.UUID
    event_id: uuid.UUID
    municipality_code: str
    department_code: str
    description: str
    responsible_party: str
    responsible_party_kind: ResponsibleKind
    due_date: date
    status: CommitmentStatus
    status_reason: str | None
    overdue: bool = Field(
        description="Still open or in progress after its due date (Colombian calendar)"
    )
    fulfilled_at: UtcDatetime | None
    notes: list[NoteRead]
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class CommitmentPage(OutputModel):
    items: list[CommitmentRead]
    next_cursor: str | None = None


# --- statistics ------------------------------------------------------------------------


class ParticipantsStats(OutputModel):
    total: int
    events_with_participation: int
    by_sex: dict[Sex, int]
    by_age_group: dict[AgeGroup, int]
    by_ethnicity: dict[Ethnicity, int]
    by_role: dict[ParticipantRole, int]
    conflict_victims: int
    persons_with_disability: int
    lgbtiq: int


class CommitmentStats(OutputModel):
    total: int
    by_status: dict[CommitmentStatus, int]
    overdue: int


class TrustStats(OutputModel):
    sessions_with_change: int
    mean_change: float | None


class AreaStats(OutputModel):
    events_total: int = Field(description="Events not archived, any status")
    events_by_status: dict[EventStatus, int]
    held_by_type: dict[EventType, int]
    communities_by_type: dict[EventType, int] = Field(
        description="Distinct communities (municipality + normalised community name) with a "
        "held event of each type"
    )
    communities_in_protection_workshops: int = Field(
        description="Distinct communities with a held taller_psicosocial or "
        "taller_autoproteccion (a community with both counts once)"
    )
    participants: ParticipantsStats = Field(description="Participants of held events")
    commitments: CommitmentStats
    trust: TrustStats


class EventStats(AreaStats):
    filters: dict[str, str | None]
    by_municipality: dict[str, AreaStats] = Field(
        description="The same figures per municipality, keyed by DIVIPOLA code"
    )
