"""Habeas data (Ley 1581 de 2012) and retention: find, export and erase one person's attendee
records across events by their keyed person hash, and erase attendees' personal data once
their event is older than the retention period. Erasing deletes the attendee rows (ciphertext
and both keyed hashes) and keeps the anonymous counts they contributed to the summaries."""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import FastAPI
from sqlalchemy.exc import DBAPIError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from services.common.auth import Principal
from services.common.db import sqlalchemy_url
from services.common.models import utcnow
from services.events.attendees.service import attendee_read, person_hash
from services.events.data_subject_requests import repository
from services.events.data_subject_requests.schemas import (
    ExportedEvent,
    ExportedRecord,
    PersonDocument,
    PersonExport,
    PersonRecord,
    PersonRecords,
)
from services.events.models import COUNT_COLUMNS, Attendee, Event
from services.events.participation import repository as participation_repository
from services.events.participation.service import attendee_categories, recompute_participation
from services.events.pii import Keyring, open_attendee
from services.events.pii_access_log.service import record_access
from services.events.vocabularies import count_column

logger = logging.getLogger("somos.events.data_subject_requests")

PersonRows = Sequence[tuple[Attendee, Event]]
SUMMARY_COLUMNS = ["total", *(c for columns in COUNT_COLUMNS.values() for c in columns)]
RETENTION_SUBJECT = "somos purge-pii"  # who the PII access log names for retention erasures


async def find_person(
    session: AsyncSession,
    *,
    keyring: Keyring,
    principal: Principal,
    person: PersonDocument,
    for_update: bool = False,
) -> PersonRows:
    """Every record of the person in the caller's territories, by keyed hash."""
    digest = keyring.person_hash(document_type=person.document_type, number=person.document_number)
    return await repository.records_of_person(
        session, person_hash=digest, principal=principal, for_update=for_update
    )


async def log_request(
    session: AsyncSession, *, principal: Principal, action: str, rows: PersonRows
) -> None:
    """One PII access log entry per event touched; one without an event when none was."""
    if not rows:
        await record_access(session, principal=principal, action=action, event=None, count=0)
        return
    by_event: dict[uuid.UUID, list[Attendee]] = {}
    events: dict[uuid.UUID, Event] = {}
    for attendee, event in rows:
        by_event.setdefault(event.id, []).append(attendee)
        events[event.id] = event
    for event_id, attendees in by_event.items():
        await record_access(
            session,
            principal=principal,
            action=action,
            event=events[event_id],
            count=len(attendees),
            attendee_id=attendees[0].id if len(attendees) == 1 else None,
        )


def person_records(rows: PersonRows) -> PersonRecords:
    """Where the person appears: event and attendee ids, the event's title and start."""
    return PersonRecords(
        records=[
            PersonRecord(
                event_id=event.id,
                attendee_id=attendee.id,
                event_title=event.title,
                starts_at=event.starts_at,
            )
            for attendee, event in rows
        ]
    )


def person_export(rows: PersonRows, *, keyring: Keyring) -> PersonExport:
    """Every record of the person in clear, each with its event."""
    return PersonExport(
        exported_at=utcnow(),
        records=[
            ExportedRecord(
                event=ExportedEvent.model_validate(event, from_attributes=True),
                attendee=attendee_read(attendee, open_attendee(keyring, attendee), event),
            )
            for attendee, event in rows
        ],
    )


async def erase_person(
    session: AsyncSession, *, keyring: Keyring, principal: Principal, person: PersonDocument
) -> PersonRows:
    """Erase every record of the person in the caller's territories; the erased rows."""
    found = await find_person(session, keyring=keyring, principal=principal, person=person)
    if not found:
        return found
    await repository.lock_events(session, list({event.id for _, event in found}))
    rows = await find_person(
        session, keyring=keyring, principal=principal, person=person, for_update=True
    )
    by_event: dict[uuid.UUID, tuple[Event, list[Attendee]]] = {}
    for attendee, event in rows:
        by_event.setdefault(event.id, (event, []))[1].append(attendee)
    for event, attendees in by_event.values():
        # Active attendees are in the summary: their counts move to the erased counts.
        counted: Counter[str] = Counter()
        for attendee in attendees:
            if attendee.archived_at is None:
                counted["total"] += 1
                categories = attendee_categories(open_attendee(keyring, attendee), event)
                for name, code in categories.items():
                    counted[count_column(name, code)] += 1
        await repository.delete_attendees(session, [a.id for a in attendees])
        for attendee in attendees:
            session.expunge(attendee)
        if counted:
            await repository.add_erased_counts(session, event_id=event.id, counts=counted)
            await recompute_participation(session, event=event, keyring=keyring)
    return rows


# --- retention ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeResult:
    records: int
    events: int


async def purge_expired_pii(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    retention_days: int,
    now: datetime | None = None,
    batch_size: int = 100,
) -> PurgeResult:
    """Erase the attendees of every event ended more than ``retention_days`` ago.

    Needs no decryption key: an event loses all its attendees at once, so its erased counts
    become its whole summary. Each batch of events commits on its own.
    """
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    purge = Principal(sub=RETENTION_SUBJECT, scopes=frozenset())
    records = events = 0
    while True:
        async with sessionmaker() as session, session.begin():
            batch = await repository.events_past_retention(
                session, ended_before=cutoff, limit=batch_size
            )
            if not batch:
                break
            for event in batch:
                summary = await participation_repository.get_participation(
                    session, event.id, for_update=True
                )
                if summary is not None and summary.source == "attendees":
                    counts = {name: int(getattr(summary, name)) for name in SUMMARY_COLUMNS}
                    await repository.add_erased_counts(
                        session, event_id=event.id, counts=counts, replace=True
                    )
                erased = await repository.delete_event_attendees(session, event.id)
                await record_access(
                    session, principal=purge, action="retention-erase", event=event, count=erased
                )
                records += erased
                events += 1
    return PurgeResult(records=records, events=events)


async def purge_expired_pii_url(database_url: str, *, retention_days: int) -> PurgeResult:
    """`somos purge-pii`: the retention purge on the events database at this URL."""
    engine = create_async_engine(sqlalchemy_url(database_url))
    try:
        sessionmaker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        return await purge_expired_pii(sessionmaker, retention_days=retention_days)
    finally:
        await engine.dispose()


async def backfill_person_hashes(
    sessionmaker: async_sessionmaker[AsyncSession], *, keyring: Keyring, batch_size: int = 500
) -> int:
    """Fill in the person hash of rows written before it existed; how many were filled.

    Idempotent and safe with several replicas starting at once (rows locked, skipped when
    another holds them). Rows without a document number keep no hash.
    """
    filled = 0
    last = uuid.UUID(int=0)
    while True:
        async with sessionmaker() as session, session.begin():
            rows = await repository.attendees_without_person_hash(
                session, after=last, limit=batch_size
            )
            if not rows:
                return filled
            for attendee in rows:
                digest = person_hash(keyring, open_attendee(keyring, attendee))
                if digest is not None:
                    attendee.person_hash = digest  # not a change the client sees: no version
                    filled += 1
            last = rows[-1].id


@asynccontextmanager
async def person_hash_backfill(app: FastAPI) -> AsyncIterator[None]:
    """At start-up, fill in missing person hashes (a migration holds no keys to do it)."""
    try:
        filled = await backfill_person_hashes(
            app.state.database.sessionmaker, keyring=app.state.keyring
        )
    except (ProgrammingError, DBAPIError) as exc:  # not migrated yet: /readyz says so
        logger.warning("person hash backfill skipped", extra={"error_type": type(exc).__name__})
    else:
        if filled:
            logger.info("person hashes filled in", extra={"count": filled})
    yield
