"""Request and response models of named attendees (personal data, encrypted at rest)."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.events.records import EventTime
from services.events.vocabularies import AgeGroup, DocumentType, Ethnicity, ParticipantRole, Sex

FullName = Annotated[str, Field(min_length=2, max_length=200)]
DocumentNumber = Annotated[
    str, Field(min_length=3, max_length=30, pattern=r"^[A-Za-z0-9][A-Za-z0-9 .\-]*$")
]
Phone = Annotated[str, Field(max_length=30, pattern=r"^\+?[0-9 ()\-]{7,25}$")]
BirthYear = Annotated[int, Field(ge=1900, le=2100)]


class AttendeeCreate(InputModel):
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
        description="Must be true: prior, express and informed consent (Ley 1581 de 2012)",
        json_schema_extra={"const": True},
    )
    consent_at: EventTime | None = Field(
        default=None, description="When consent was given (default: now)"
    )


class AttendeeUpdate(PatchModel):
    required_fields = ("full_name", "document_type", "sex", "ethnicity", "role", "is_social_leader")

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


class AttendeePage(Page[AttendeeRead]):
    pass
