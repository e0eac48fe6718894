"""The PII access log: every read or change of attendees' personal data leaves an entry, and
the entries form a hash chain (``chain.py``) so that an edited or deleted one is detected."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.common import records
from services.common.auth import Principal
from services.common.models import utcnow
from services.common.observability import current_request_id
from services.common.pagination import PageParams, finish_page
from services.events.models import Event, PiiAccess
from services.events.pii_access_log import chain, repository


def _entry(
    *,
    principal: Principal,
    action: str,
    event_id: uuid.UUID | None,
    count: int,
    attendee_id: uuid.UUID | None,
    head: tuple[int, str] | None,
) -> PiiAccess:
    """The next entry of the chain after ``head`` (position and hash of the last one)."""
    position, previous = (head[0] + 1, head[1]) if head else (1, chain.GENESIS)
    entry = PiiAccess(
        occurred_at=utcnow(),
        subject=principal.sub,
        token_id=principal.token_id,
        action=action,
        event_id=event_id,
        attendee_id=attendee_id,
        record_count=count,
        request_id=current_request_id(),
        position=position,
        previous_hash=previous,
        entry_hash="",
    )
    entry.entry_hash = chain.entry_hash(entry.model_dump(), previous)
    return entry


async def record_access(
    session: AsyncSession,
    *,
    principal: Principal,
    action: str,
    event: Event | None,
    count: int,
    attendee_id: uuid.UUID | None = None,
) -> PiiAccess:
    """Append who saw how many attendee records of which event (same transaction).

    Takes the chain's append lock until the transaction ends: call it last, once the
    request's other rows are locked, so that appends wait on each other and nothing else."""
    await repository.lock_chain(session)
    head = await repository.chain_head(session)
    entry = _entry(
        principal=principal,
        action=action,
        event_id=event.id if event is not None else None,
        count=count,
        attendee_id=attendee_id,
        head=head,
    )
    session.add(entry)
    await records.flush(session)
    return entry


async def record_list_access(
    conn: Any, principal: Principal, event_id: uuid.UUID | None, count: int
) -> None:
    """``record_access(action="list")`` on a raw connection (the lean list path), inside the
    transaction that read the page: same lock, same chain, same entry."""
    await repository.lock_chain_raw(conn)
    head = await repository.chain_head_raw(conn)
    entry = _entry(
        principal=principal,
        action="list",
        event_id=event_id,
        count=count,
        attendee_id=None,
        head=head,
    )
    await repository.insert_raw(conn, entry)


async def list_pii_access(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.PiiAccessFilters,
    page: PageParams,
) -> tuple[list[PiiAccess], str | None]:
    """One page of the log within the caller's territories, and the cursor of the next."""
    rows = await repository.list_pii_access(
        session, principal=principal, filters=filters, page=page
    )
    return finish_page(rows, page, lambda p: (p.occurred_at, p.id))
