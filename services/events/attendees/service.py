"""Rules of named attendees: consent, one document per event, sealed personal fields; every
change recomputes the event's participation summary."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from enum import Enum
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.errors import Conflict, InvalidInput, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.records import IdReused, archive, bump_version, flush
from services.events import records
from services.events.attendees import repository
from services.events.attendees.schemas import AttendeeCreate, AttendeeRead, AttendeeUpdate
from services.events.models import Attendee, Event
from services.events.participation.service import recompute_participation
from services.events.pii import Keyring, attendee_aad, open_attendee
from services.events.records import event_year
from services.events.upstreams import ORGANIZATIONS, Reference, ReferenceChecker
from services.events.vocabularies import DocumentType, age_group

PERSONAL_FIELDS = (
    "full_name",
    "document_type",
    "document_number",
    "phone",
    "sex",
    "birth_year",
    "ethnicity",
    "role",
    "organization_id",
    "is_social_leader",
)
DUPLICATE = "An attendee with this document is already registered for this event."


class DuplicateAttendee(Conflict):
    slug, title = "duplicate-attendee", "That document is already registered for this event"


# A document registered meanwhile for the same event (the partial unique index) is a 409 too.
ERRORS = {"uq_attendees_event_id_document_hash": lambda: DuplicateAttendee(DUPLICATE)}


def attendee_read(attendee: Attendee, payload: Mapping[str, Any], event: Event) -> AttendeeRead:
    """The attendee as returned to clients, from its row and its opened payload."""
    return AttendeeRead(
        id=attendee.id,
        event_id=attendee.event_id,
        **personal_fields(payload, event_year(event)),
        consent_given=attendee.consent_given,
        consent_at=attendee.consent_at,
        version=attendee.version,
        created_at=attendee.created_at,
        updated_at=attendee.updated_at,
        archived_at=attendee.archived_at,
    )


PERSONAL_READ_FIELDS = (  # the fields of AttendeeRead its payload gives
    "full_name",
    "document_type",
    "document_number",
    "phone",
    "sex",
    "birth_year",
    "age_group",
    "ethnicity",
    "role",
    "organization_id",
    "is_social_leader",
)


def personal_fields(payload: Mapping[str, Any], year: int) -> dict[str, Any]:
    """The fields of an attendee's opened payload as JSON values (codes as text), with the
    age group at ``year``, the event's start year (the lean list writes the rest from the
    row)."""
    birth_year = payload.get("birth_year")
    org = payload.get("organization_id")
    return {
        "full_name": payload["full_name"],
        "document_type": payload["document_type"],
        "document_number": payload.get("document_number"),
        "phone": payload.get("phone"),
        "sex": payload["sex"],
        "birth_year": birth_year,
        "age_group": age_group(year - birth_year if birth_year else None).value,
        "ethnicity": payload["ethnicity"],
        "role": payload["role"],
        "organization_id": str(uuid.UUID(org)) if org else None,
        "is_social_leader": payload["is_social_leader"],
    }


def _check_document(payload: Mapping[str, Any]) -> None:
    kind, number = payload["document_type"], payload.get("document_number")
    if kind == DocumentType.ninguno and number:
        raise InvalidInput("document_number", "must be empty when document_type is 'ninguno'")
    if kind != DocumentType.ninguno and not number:
        raise InvalidInput("document_number", "is required unless document_type is 'ninguno'")


def _payload(values: Mapping[str, Any]) -> dict[str, Any]:
    """The encrypted part of an attendee, JSON-ready."""
    out: dict[str, Any] = {}
    for name in PERSONAL_FIELDS:
        value = values.get(name)
        if isinstance(value, uuid.UUID):
            value = str(value)
        elif isinstance(value, Enum):
            value = value.value
        out[name] = value
    return out


async def _document_digest(
    session: AsyncSession,
    keyring: Keyring,
    *,
    event: Event,
    payload: Mapping[str, Any],
    excluding: uuid.UUID | None,
) -> bytes | None:
    if not payload.get("document_number"):
        return None
    digest = keyring.document_hash(
        event_id=event.id, document_type=payload["document_type"], number=payload["document_number"]
    )
    if await repository.document_taken(
        session, event_id=event.id, digest=digest, excluding=excluding
    ):
        raise DuplicateAttendee(DUPLICATE)
    return digest


def person_hash(keyring: Keyring, payload: Mapping[str, Any]) -> bytes | None:
    """The person's keyed hash across events (none without a document number)."""
    if not payload.get("document_number"):
        return None
    return keyring.person_hash(
        document_type=payload["document_type"], number=payload["document_number"]
    )


async def create_attendee(
    session: AsyncSession,
    *,
    event: Event,
    data: AttendeeCreate,
    keyring: Keyring,
    references: ReferenceChecker,
    request: Request,
) -> tuple[Attendee, dict[str, Any], bool]:
    """Register a named attendee (encrypted); the participation summary follows."""
    records.ensure_writable(event, allow_cancelled=False)
    if data.consent_given is not True:
        raise InvalidInput(
            "consent_given",
            "must be true: personal data is recorded only "
            "with the person's prior, express and informed consent "
            "(Ley 1581 de 2012)",
        )
    payload = _payload(data.model_dump())
    _check_document(payload)
    if data.id is not None:
        existing = await repository.get_attendee(session, data.id)
        if existing is not None:
            if existing.event_id == event.id and open_attendee(keyring, existing) == payload:
                return existing, payload, False
            raise IdReused(f"Attendee {data.id} already exists with other content.")
    digest = await _document_digest(session, keyring, event=event, payload=payload, excluding=None)
    if data.organization_id is not None:
        await references.check(
            ORGANIZATIONS, [Reference("organization_id", data.organization_id)], request
        )
    attendee_id = data.id or uuid.uuid4()
    key_id, blob = keyring.seal(payload, aad=attendee_aad(attendee_id, event.id))
    attendee = Attendee(
        id=attendee_id,
        event_id=event.id,
        pii_key_id=key_id,
        pii_ciphertext=blob,
        document_hash=digest,
        person_hash=person_hash(keyring, payload),
        consent_given=True,
        consent_at=data.consent_at or utcnow(),
    )
    session.add(attendee)
    await flush(session, ERRORS)
    await recompute_participation(session, event=event, keyring=keyring)
    return attendee, payload, True


async def load_attendee(
    session: AsyncSession, *, event: Event, attendee_id: uuid.UUID, for_update: bool = False
) -> Attendee:
    """The attendee of this event, or 404."""
    attendee = await repository.get_attendee(session, attendee_id, for_update=for_update)
    if attendee is None or attendee.event_id != event.id:
        raise NotFound(f"No attendee with id {attendee_id} in this event.")
    return attendee


async def list_attendees(
    session: AsyncSession, *, event: Event, page: PageParams, include_archived: bool
) -> tuple[list[Attendee], str | None]:
    """One page of the event's attendees (still sealed), and the cursor of the next."""
    rows = await repository.list_attendees(
        session, event.id, page, include_archived=include_archived
    )
    return finish_page(rows, page, lambda a: (a.created_at, a.id))


async def update_attendee(
    session: AsyncSession,
    *,
    event: Event,
    attendee: Attendee,
    changes: AttendeeUpdate,
    keyring: Keyring,
    references: ReferenceChecker,
    request: Request,
) -> tuple[Attendee, dict[str, Any]]:
    """Reseal the attendee with the sent fields changed; the summary follows."""
    records.ensure_writable(event)
    if attendee.archived_at is not None:
        raise Conflict("The attendee record is archived.")
    current = open_attendee(keyring, attendee)
    updates = _payload({**current, **changes.model_dump(exclude_unset=True)})
    payload = {
        k: (updates[k] if k in changes.model_fields_set else current.get(k))
        for k in PERSONAL_FIELDS
    }
    if (
        "document_type" in changes.model_fields_set
        and payload["document_type"] == "ninguno"
        and "document_number" not in changes.model_fields_set
    ):
        payload["document_number"] = None
    _check_document(payload)
    digest = await _document_digest(
        session, keyring, event=event, payload=payload, excluding=attendee.id
    )
    new_org = payload.get("organization_id")
    if new_org and new_org != current.get("organization_id"):
        await references.check(
            ORGANIZATIONS, [Reference("organization_id", uuid.UUID(new_org))], request
        )
    key_id, blob = keyring.seal(payload, aad=attendee_aad(attendee.id, event.id))
    attendee.pii_key_id, attendee.pii_ciphertext, attendee.document_hash = key_id, blob, digest
    attendee.person_hash = person_hash(keyring, payload)  # rectification moves both hashes
    bump_version(attendee)
    await flush(session, ERRORS)
    await recompute_participation(session, event=event, keyring=keyring)
    return attendee, payload


async def archive_attendee(
    session: AsyncSession, *, event: Event, attendee: Attendee, keyring: Keyring
) -> tuple[Attendee, dict[str, Any]]:
    """Archive the attendee (idempotent); the summary follows."""
    records.ensure_writable(event)
    payload = open_attendee(keyring, attendee)
    if archive(attendee):
        await flush(session, ERRORS)
        await recompute_participation(session, event=event, keyring=keyring)
    return attendee, payload
