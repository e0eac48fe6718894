"""Response models of the PII access log (who read attendees' personal data)."""

from __future__ import annotations

import uuid

from pydantic import Field

from services.common.pagination import Page
from services.common.schemas import OutputModel, UtcDatetime


class PiiAccessRead(OutputModel):
    id: uuid.UUID
    occurred_at: UtcDatetime
    subject: str = Field(description="The token's subject (who)")
    token_id: str | None
    action: str = Field(
        description="list, read, create, update, archive; subject-search, subject-export, "
        "subject-erase (habeas data); retention-erase (somos purge-pii)"
    )
    event_id: uuid.UUID | None = Field(description="None: a habeas data search found nothing")
    attendee_id: uuid.UUID | None
    record_count: int
    request_id: str | None


class PiiAccessPage(Page[PiiAccessRead]):
    pass
