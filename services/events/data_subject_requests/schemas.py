"""Request and response models of habeas data requests (Ley 1581 de 2012): find, export and
erase one person's attendee records across events."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field, WithJsonSchema, field_validator

from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.events.attendees.schemas import AttendeeRead, DocumentNumber
from services.events.records import Reason
from services.events.vocabularies import DocumentType


class PersonDocument(InputModel):
    """The person's identity document: how every record of theirs is found (keyed hash)."""

    document_type: Annotated[
        DocumentType,
        WithJsonSchema(
            {"type": "string", "enum": [t.value for t in DocumentType if t != DocumentType.ninguno]}
        ),
    ] = Field(description="Any type but 'ninguno'")
    document_number: DocumentNumber

    @field_validator("document_type")
    @classmethod
    def _has_number(cls, value: DocumentType) -> DocumentType:
        if value == DocumentType.ninguno:
            raise ValueError("must name a document: records without one cannot be found by it")
        return value


class ErasureRequest(PersonDocument):
    """Erase every record of the person (also how consent is revoked)."""

    reason: Reason = Field(
        description="Why (e.g. the person's request or revoked consent, with its filing "
        "number); checked, not stored, since it may itself hold personal data"
    )


class PersonRecord(OutputModel):
    event_id: uuid.UUID
    attendee_id: uuid.UUID
    event_title: str
    starts_at: UtcDatetime


class PersonRecords(OutputModel):
    records: list[PersonRecord] = Field(description="Oldest event first")


class ExportedEvent(OutputModel):
    id: uuid.UUID
    type: str
    title: str
    starts_at: UtcDatetime
    ends_at: UtcDatetime
    municipality_code: str
    department_code: str
    community: str


class ExportedRecord(OutputModel):
    event: ExportedEvent
    attendee: AttendeeRead = Field(description="Every field kept about the person, in clear")


class PersonExport(OutputModel):
    """What the person is entitled to receive: every record kept about them."""

    exported_at: UtcDatetime
    records: list[ExportedRecord] = Field(description="Oldest event first")


class ErasureResult(OutputModel):
    erased_records: int = Field(description="Attendee records erased (0 when none was found)")
    event_ids: list[uuid.UUID] = Field(description="Events whose records were erased")
