"""Rules of commitments: who is responsible, open → in_progress → fulfilled, overdue, notes."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.fastlist_json import JsonField
from services.common.models import utcnow
from services.common.pagination import PageParams, encode_cursor
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.events import records
from services.events.commitments import repository
from services.events.commitments.schemas import (
    CommitmentCreate,
    CommitmentRead,
    CommitmentTransition,
    CommitmentUpdate,
    NoteCreate,
    NoteRead,
)
from services.events.events.repository import get_event
from services.events.models import Commitment, CommitmentNote, Event
from services.events.upstreams import ORGANIZATIONS, Reference, ReferenceChecker
from services.events.vocabularies import (
    COMMITMENT_TRANSITIONS,
    PENDING_COMMITMENT,
    CommitmentStatus,
    PartnerInstitution,
    ResponsibleKind,
)


class CommitmentClosed(Conflict):
    slug, title = "commitment-closed", "The commitment is fulfilled or cancelled"


async def resolve_responsible(
    text: str, *, field: str, references: ReferenceChecker, request: Request
) -> tuple[str, str]:
    """An organization id (checked with its owner), an institution code, or free text."""
    try:
        organization_id = uuid.UUID(text)
    except ValueError:
        pass
    else:
        await references.check(ORGANIZATIONS, [Reference(field, organization_id)], request)
        return str(organization_id), ResponsibleKind.organization.value
    if text in {i.value for i in PartnerInstitution}:
        return text, ResponsibleKind.institution.value
    return " ".join(text.split()), ResponsibleKind.other.value


def is_overdue(commitment: Commitment, today: date) -> bool:
    """Still pending after its due date."""
    return pending_after(commitment.status, commitment.due_date, today)


def pending_after(status: str, due_date: date, today: date) -> bool:
    """A commitment in ``status`` due on ``due_date`` is overdue on ``today``."""
    return status in PENDING_COMMITMENT and due_date < today


_NOTES = JsonField(list[NoteRead])


def commitment_fields(row: Mapping[str, Any], *, today: date) -> dict[str, Any]:
    """``overdue`` and ``notes`` (a JSON array, oldest first) of a commitment's row as JSON
    values, as ``commitment_read`` shows them (the lean lists write the rest from the row)."""
    return {
        "overdue": pending_after(row["status"], row["due_date"], today),
        "notes": [] if row["notes"] is None else _NOTES(row["notes"]),
    }


def commitment_read(
    commitment: Commitment, event: Event, notes: Sequence[CommitmentNote], today: date | None = None
) -> CommitmentRead:
    """The commitment as returned to clients, with its event's territory and its notes."""
    today = today or colombia_today()
    return CommitmentRead(
        id=commitment.id,
        event_id=commitment.event_id,
        municipality_code=event.municipality_code,
        department_code=event.department_code,
        description=commitment.description,
        responsible_party=commitment.responsible_party,
        responsible_party_kind=commitment.responsible_party_kind,
        due_date=commitment.due_date,
        status=commitment.status,
        status_reason=commitment.status_reason,
        overdue=is_overdue(commitment, today),
        fulfilled_at=commitment.fulfilled_at,
        notes=[NoteRead.model_validate(n) for n in notes],
        version=commitment.version,
        created_at=commitment.created_at,
        updated_at=commitment.updated_at,
        archived_at=commitment.archived_at,
    )


async def create_commitment(
    session: AsyncSession,
    *,
    event: Event,
    data: CommitmentCreate,
    references: ReferenceChecker,
    request: Request,
) -> tuple[Commitment, bool]:
    """Record a commitment; returns it and whether it is new (False: same id and content)."""
    records.ensure_writable(event, allow_cancelled=False)
    party, kind = await resolve_responsible(
        data.responsible_party, field="responsible_party", references=references, request=request
    )
    if data.id is not None:
        existing = await repository.get_commitment(session, data.id)
        if existing is not None:
            fields = {
                "event_id": event.id,
                "description": data.description,
                "responsible_party": party,
                "due_date": data.due_date,
            }
            return replay_or_refuse(existing, fields, what="Commitment"), False
    commitment = Commitment(
        id=data.id or uuid.uuid4(),
        event_id=event.id,
        description=data.description,
        responsible_party=party,
        responsible_party_kind=kind,
        due_date=data.due_date,
    )
    session.add(commitment)
    await flush(session)
    return commitment, True


async def load_commitment(
    session: AsyncSession,
    *,
    commitment_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> tuple[Commitment, Event]:
    """The commitment and its event, or 404 when either is outside the caller's territory."""
    commitment = await repository.get_commitment(session, commitment_id, for_update=for_update)
    if commitment is None:
        raise NotFound(f"No commitment with id {commitment_id}.")
    event = await get_event(session, commitment.event_id)
    if event is None or not principal.can_access(event.municipality_code):
        raise NotFound(f"No commitment with id {commitment_id}.")
    return commitment, event


async def commitment_with_notes(
    session: AsyncSession, commitment: Commitment, event: Event
) -> CommitmentRead:
    """The commitment as returned, its notes loaded."""
    notes = await repository.notes_for(session, [commitment.id])
    return commitment_read(commitment, event, notes[commitment.id])


async def list_commitments(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.CommitmentFilters,
    page: PageParams,
) -> tuple[list[CommitmentRead], str | None]:
    """One page of commitments by due date, with their notes, and the cursor of the next."""
    today = colombia_today()
    rows = await repository.list_commitments(
        session, principal=principal, filters=filters, page=page, today=today
    )
    kept = list(rows[: page.limit])
    next_cursor = None
    if len(rows) > page.limit and kept:
        last = kept[-1][0]
        next_cursor = encode_cursor((last.due_date.isoformat(), last.id))
    notes = await repository.notes_for(session, [c.id for c, _ in kept])
    return [commitment_read(c, e, notes[c.id], today) for c, e in kept], next_cursor


def _ensure_open(commitment: Commitment) -> None:
    if commitment.archived_at is not None:
        raise Conflict("The commitment is archived.")
    if commitment.status not in PENDING_COMMITMENT:
        raise CommitmentClosed(f"The commitment is {commitment.status}; it can no longer change.")


async def update_commitment(
    session: AsyncSession,
    *,
    commitment: Commitment,
    changes: CommitmentUpdate,
    references: ReferenceChecker,
    request: Request,
) -> Commitment:
    """Apply the sent fields to a commitment that is still pending."""
    _ensure_open(commitment)
    values = changes.model_dump(exclude_unset=True)
    if "responsible_party" in values:
        party, kind = await resolve_responsible(
            values["responsible_party"],
            field="responsible_party",
            references=references,
            request=request,
        )
        commitment.responsible_party, commitment.responsible_party_kind = party, kind
    if "description" in values:
        commitment.description = values["description"]
    if "due_date" in values:
        commitment.due_date = values["due_date"]
    bump_version(commitment)
    await flush(session)
    return commitment


async def transition_commitment(
    session: AsyncSession, *, commitment: Commitment, body: CommitmentTransition
) -> Commitment:
    """open → in_progress → fulfilled; cancelled with a reason."""
    if commitment.archived_at is not None:
        raise Conflict("The commitment is archived.")
    allowed = list(COMMITMENT_TRANSITIONS[commitment.status])
    if body.to not in allowed:
        raise InvalidTransition(current=commitment.status, requested=body.to, allowed=allowed)
    if body.to == CommitmentStatus.cancelled and not body.reason:
        raise InvalidInput("reason", "is required to cancel a commitment")
    commitment.status = body.to.value
    commitment.status_reason = body.reason
    if body.to == CommitmentStatus.fulfilled:
        commitment.fulfilled_at = utcnow()
    bump_version(commitment)
    await flush(session)
    return commitment


async def archive_commitment(session: AsyncSession, *, commitment: Commitment) -> Commitment:
    """Archive the commitment (idempotent)."""
    if archive(commitment):
        await flush(session)
    return commitment


async def add_note(
    session: AsyncSession, *, commitment: Commitment, data: NoteCreate, principal: Principal
) -> CommitmentNote:
    """Add a follow-up note signed by the caller (default date: today in Colombia)."""
    if commitment.archived_at is not None:
        raise Conflict("The commitment is archived.")
    note = CommitmentNote(
        commitment_id=commitment.id,
        noted_on=data.noted_on or colombia_today(),
        note=data.note,
        author=principal.sub,
    )
    session.add(note)
    await flush(session)
    return note
