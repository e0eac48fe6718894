"""The PII access log: every read or change of attendees' personal data leaves an entry, and
the entries form a hash chain (``chain.py``) so that an edited or deleted one is detected."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from services.common import records
from services.common.auth import Principal
from services.common.observability import current_request_id
from services.common.pagination import PageParams, finish_page
from services.events.models import Event, PiiAccess
from services.events.pii_access_log import chain, repository


def _entry(
    *, principal: Principal, action: str, event_id: uuid.UUID | None, attendee_id: uuid.UUID | None
) -> dict[str, Any]:
    """What the caller knows of the next entry; ``pii_access_log_append`` (migration evt_0008)
    adds the time, the position, the previous hash and the record count under the chain's
    lock."""
    return {
        "id": uuid.uuid4(),
        "subject": principal.sub,
        "token_id": principal.token_id,
        "action": action,
        "event_id": event_id,
        "attendee_id": attendee_id,
        "request_id": current_request_id(),
    }


def append_sql(entry: dict[str, Any], bind: Callable[[Any], str], count_sql: str) -> str:
    """SQL calling ``pii_access_log_append`` for ``entry``, with its record count written by
    ``count_sql`` (a number, or a subquery counting the page the same statement reads)."""

    def value(name: str, sql_type: str) -> str:
        return f"CAST({bind(entry[name])} AS {sql_type})"

    return (
        "pii_access_log_append("
        f"{value('id', 'uuid')}, "
        f"{value('subject', 'text')}, {value('token_id', 'text')}, {value('action', 'text')}, "
        f"{value('event_id', 'uuid')}, {value('attendee_id', 'uuid')}, "
        f"CAST(({count_sql}) AS integer), "
        f"{value('request_id', 'text')}, CAST({bind(chain.template(entry))} AS text[]))"
    )


async def record_access(
    session: AsyncSession,
    *,
    principal: Principal,
    action: str,
    event: Event | None,
    count: int,
    attendee_id: uuid.UUID | None = None,
) -> int:
    """Append who saw how many attendee records of which event (same transaction); the
    entry's position in the chain.

    Takes the chain's append lock until the transaction ends: call it last, once the
    request's other rows are locked, so that appends wait on each other and nothing else."""
    await records.flush(session)  # the request's own rows first: the entry may name them
    entry = _entry(
        principal=principal,
        action=action,
        event_id=event.id if event is not None else None,
        attendee_id=attendee_id,
    )
    params: dict[str, Any] = {}

    def bind(value: Any) -> str:
        name = f"p{len(params)}"
        params[name] = value
        return f":{name}"

    statement = text("SELECT " + append_sql(entry, bind, str(int(count))))
    return int((await session.execute(statement, params)).scalar_one())


def list_access_sql(
    principal: Principal, event_id: uuid.UUID | None, bind: Callable[[Any], str], count_sql: str
) -> str:
    """``record_access(action="list")`` as SQL for the lean list path (``FastList.record``):
    called in the statement that reads the page, it is logged in the page's transaction."""
    entry = _entry(principal=principal, action="list", event_id=event_id, attendee_id=None)
    return append_sql(entry, bind, count_sql)


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
