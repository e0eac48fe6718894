"""The PII access log: every read or change of attendees' personal data leaves an entry."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.observability import current_request_id
from services.common.pagination import PageParams, finish_page
from services.events import records
from services.events.models import Event, PiiAccess
from services.events.pii_access_log import repository


def record_access(
    session: AsyncSession,
    *,
    principal: Principal,
    action: str,
    event: Event | None,
    count: int,
    attendee_id: uuid.UUID | None = None,
) -> None:
    """Write who saw how many attendee records of which event (same transaction); no event
    for a habeas data search that found nothing."""
    records.add(
        session,
        PiiAccess(
            subject=principal.sub,
            token_id=principal.token_id,
            action=action,
            event_id=event.id if event is not None else None,
            attendee_id=attendee_id,
            record_count=count,
            request_id=current_request_id(),
        ),
    )


async def list_pii_access(
    session: AsyncSession, *, filters: repository.PiiAccessFilters, page: PageParams
) -> tuple[list[PiiAccess], str | None]:
    """One page of the log, and the cursor of the next."""
    rows = await repository.list_pii_access(session, filters=filters, page=page)
    return finish_page(rows, page, lambda p: (p.occurred_at, p.id))
