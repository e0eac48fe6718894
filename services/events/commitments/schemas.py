"""Request and response models of commitments and their follow-up notes."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.events.records import Reason
from services.events.vocabularies import CommitmentStatus, ResponsibleKind

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


class CommitmentCreate(InputModel):
    id: uuid.UUID | None = None
    description: str = Field(min_length=3, max_length=4000)
    responsible_party: ResponsibleParty
    due_date: date


class CommitmentUpdate(PatchModel):
    required_fields = ("description", "responsible_party", "due_date")

    description: str | None = Field(default=None, min_length=3, max_length=4000)
    responsible_party: ResponsibleParty | None = None
    due_date: date | None = None


class CommitmentTransition(InputModel):
    to: CommitmentStatus
    reason: Reason | None = None


class NoteCreate(InputModel):
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


class CommitmentPage(Page[CommitmentRead]):
    pass
