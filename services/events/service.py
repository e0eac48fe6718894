"""Business rules of events, participation, attendees, risk factors and commitments."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any

import asyncpg
from fastapi import Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.errors import (
    Conflict,
    DomainError,
    FieldError,
    InvalidInput,
    InvalidTransition,
    NotFound,
)
from services.common.models import utcnow
from services.common.observability import current_request_id
from services.common.pagination import PageParams, encode_cursor, finish_page
from services.common.stats import Territory
from services.common.territory import Territories
from services.common.text import normalize
from services.events import repository
from services.events.models import (
    Attendee,
    Commitment,
    CommitmentNote,
    Event,
    Participation,
    PiiAccess,
    RiskFactor,
)
from services.events.pii import Keyring, attendee_aad
from services.events.schemas import (
    BOGOTA,
    AttendeeCreate,
    AttendeeRead,
    AttendeeUpdate,
    CommitmentCreate,
    CommitmentRead,
    CommitmentTransition,
    CommitmentUpdate,
    EventCreate,
    EventRead,
    EventStats,
    EventTransition,
    EventUpdate,
    NoteCreate,
    NoteRead,
    ParticipationRead,
    ParticipationWrite,
    RiskFactorCreate,
    TrustMeasureRead,
    TrustSurvey,
    TrustSurveyRead,
    bogota_today,
)
from services.events.upstreams import ORGANIZATIONS, SECURITY_PLANS, Reference, ReferenceChecker
from services.events.vocabularies import (
    BREAKDOWNS,
    COMMITMENT_TRANSITIONS,
    EVENT_TRANSITIONS,
    OPTIONAL_COUNTS,
    PENDING_COMMITMENT,
    CommitmentStatus,
    DocumentType,
    EventStatus,
    EventType,
    Institution,
    ResponsibleKind,
    age_group,
    count_column,
)

TWO_PLACES = Decimal("0.01")


class IdReused(Conflict):
    slug, title = "id-reused", "That id already belongs to different content"


class EventArchived(Conflict):
    slug, title = "event-archived", "The event is archived"


class EventCancelled(Conflict):
    slug, title = "event-cancelled", "The event was cancelled"


class ParticipationComputed(Conflict):
    slug, title = "participation-computed", "Participation is computed from the attendees"


class DuplicateAttendee(Conflict):
    slug, title = "duplicate-attendee", "That document is already registered for this event"


class CommitmentClosed(Conflict):
    slug, title = "commitment-closed", "The commitment is fulfilled or cancelled"


class BreakdownMismatch(DomainError):
    status, slug, title = 422, "breakdown-mismatch", "A participation breakdown does not add up"


def check_municipality(
    territories: Territories, code: str, field: str = "municipality_code"
) -> None:
    """422 naming ``field`` when the code is not a municipality (strict with DIVIPOLA loaded)."""
    problem = territories.problem_with(code)
    if problem:
        raise InvalidInput(field, problem)


def colombian_day_start(day: date) -> datetime:
    """00:00 of a Colombian calendar day, in UTC."""
    return datetime.combine(day, time(), tzinfo=BOGOTA).astimezone(UTC)


def date_range(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """``from``/``to`` calendar dates (inclusive, Colombian days) as a UTC half-open range."""
    if start is not None and end is not None and end < start:
        raise InvalidInput("to", "must not be before 'from'")
    for field, day in (("from", start), ("to", end)):
        if day is not None and not 1900 <= day.year <= 9000:
            raise InvalidInput(field, "must be a date between the years 1900 and 9000")
    return (
        colombian_day_start(start) if start else None,
        colombian_day_start(end + timedelta(days=1)) if end else None,
    )


def _touch(row: Event | Participation | Attendee | RiskFactor | Commitment) -> None:
    row.version += 1
    row.updated_at = utcnow()


async def _flush(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        text = str(exc.orig)
        if "uq_attendees_event_id_document_hash" in text:
            raise DuplicateAttendee(
                "An attendee with this document is already registered for this event."
            ) from exc
        if "pk_" in text:
            raise IdReused("That id is already in use.") from exc
        raise


# --- events ----------------------------------------------------------------------------


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(TWO_PLACES, ROUND_HALF_UP)


def _trust_columns(survey: TrustSurvey | None) -> dict[str, Any]:
    before = survey.before if survey else None
    after = survey.after if survey else None
    change = (
        _money(after.mean_score) - _money(before.mean_score)
        if before is not None and after is not None
        else None
    )
    return {
        "trust_before_respondents": before.respondents if before else None,
        "trust_before_mean": _money(before.mean_score) if before else None,
        "trust_after_respondents": after.respondents if after else None,
        "trust_after_mean": _money(after.mean_score) if after else None,
        "trust_change": change,
    }


def trust_read(event: Event) -> TrustSurveyRead | None:
    def measure(respondents: int | None, mean: Decimal | None) -> TrustMeasureRead | None:
        if respondents is None or mean is None:
            return None
        return TrustMeasureRead(respondents=respondents, mean_score=float(mean))

    before = measure(event.trust_before_respondents, event.trust_before_mean)
    after = measure(event.trust_after_respondents, event.trust_after_mean)
    if before is None and after is None:
        return None
    return TrustSurveyRead(
        before=before,
        after=after,
        change=None if event.trust_change is None else float(event.trust_change),
    )


def event_read(event: Event) -> EventRead:
    return EventRead(
        id=event.id,
        type=event.type,
        title=event.title,
        municipality_code=event.municipality_code,
        department_code=event.department_code,
        community=event.community,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        status=event.status,
        status_reason=event.status_reason,
        partner_institutions=event.partner_institutions,
        organization_ids=event.organization_ids,
        security_plan_id=event.security_plan_id,
        trust_survey=trust_read(event),
        version=event.version,
        created_at=event.created_at,
        updated_at=event.updated_at,
        archived_at=event.archived_at,
    )


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise InvalidInput("ends_at", "must be after starts_at")


def _check_trust(event_type: str, has_survey: bool) -> None:
    if has_survey and event_type != EventType.hablemos_de_policia:
        raise InvalidInput("trust_survey", "is only recorded for hablemos_de_policia sessions")


def _organization_refs(
    ids: Sequence[uuid.UUID], known: Sequence[uuid.UUID] = ()
) -> list[Reference]:
    """References to check, named by their position in the request (``organization_ids.1``)."""
    return [
        Reference(f"organization_ids.{i}", oid) for i, oid in enumerate(ids) if oid not in known
    ]


async def _check_event_references(
    references: ReferenceChecker,
    request: Request,
    *,
    organizations: Sequence[Reference],
    security_plan_id: uuid.UUID | None,
) -> None:
    if organizations:
        await references.check(ORGANIZATIONS, organizations, request)
    if security_plan_id is not None:
        await references.check(
            SECURITY_PLANS, [Reference("security_plan_id", security_plan_id)], request
        )


def _event_values(data: EventCreate) -> dict[str, Any]:
    return {
        "type": data.type.value,
        "title": data.title,
        "municipality_code": data.municipality_code,
        "community": data.community,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "partner_institutions": [p.value for p in data.partner_institutions],
        "organization_ids": list(data.organization_ids),
        "security_plan_id": data.security_plan_id,
        **_trust_columns(data.trust_survey),
    }


async def create_event(
    session: AsyncSession,
    *,
    data: EventCreate,
    principal: Principal,
    territories: Territories,
    references: ReferenceChecker,
    request: Request,
) -> tuple[Event, bool]:
    """Create a planned event; returns it and whether it is new (False: same id and content)."""
    check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    _check_times(data.starts_at, data.ends_at)
    _check_trust(data.type, data.trust_survey is not None)
    values = _event_values(data)
    if data.id is not None:
        existing = await repository.get_event(session, data.id)
        if existing is not None:
            if principal.can_access(existing.municipality_code) and all(
                getattr(existing, k) == v for k, v in values.items()
            ):
                return existing, False
            raise IdReused(f"Event {data.id} already exists with other content.")
    await _check_event_references(
        references,
        request,
        organizations=_organization_refs(data.organization_ids),
        security_plan_id=data.security_plan_id,
    )
    event = Event(
        id=data.id or uuid.uuid4(),
        **values,
        department_code=data.municipality_code[:2],
        community_key=normalize(data.community),
        search_text=normalize(f"{data.title} {data.community}"),
    )
    repository.add(session, event)
    await _flush(session)
    return event, True


async def load_event(
    session: AsyncSession, *, event_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> Event:
    """The event, or 404 when it does not exist or lies outside the caller's territory."""
    event = await repository.get_event(session, event_id, for_update=for_update)
    if event is None or not principal.can_access(event.municipality_code):
        raise NotFound(f"No event with id {event_id}.")
    return event


def ensure_writable(event: Event, *, allow_cancelled: bool = True) -> None:
    """Archived events are read-only; cancelled ones take no new records."""
    if event.archived_at is not None:
        raise EventArchived("The event is archived; it can be read but not changed.")
    if not allow_cancelled and event.status == EventStatus.cancelled:
        raise EventCancelled("The event was cancelled; it takes no new records.")


async def list_events(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.EventFilters,
    page: PageParams,
) -> tuple[list[Event], str | None]:
    rows = await repository.list_events(session, principal=principal, filters=filters, page=page)
    return finish_page(rows, page, lambda e: (e.starts_at, e.id))


async def update_event(
    session: AsyncSession,
    *,
    event: Event,
    changes: EventUpdate,
    principal: Principal,
    territories: Territories,
    references: ReferenceChecker,
    request: Request,
    keyring: Keyring,
) -> Event:
    ensure_writable(event)
    values = changes.model_dump(exclude_unset=True, exclude={"trust_survey"})
    if "municipality_code" in values:
        check_municipality(territories, values["municipality_code"])
        ensure_territory(principal, values["municipality_code"], hide=False)
    starts_at = values.get("starts_at", event.starts_at)
    _check_times(starts_at, values.get("ends_at", event.ends_at))
    if event.status == EventStatus.held and starts_at > utcnow():
        raise InvalidInput("starts_at", "a held event cannot start in the future")
    new_type = values.get("type", event.type)
    survey_set = "trust_survey" in changes.model_fields_set
    has_survey = (
        changes.trust_survey is not None
        if survey_set
        else event.trust_before_mean is not None or event.trust_after_mean is not None
    )
    _check_trust(new_type, has_survey)
    plan = values.get("security_plan_id")
    await _check_event_references(  # only ids the event did not reference yet
        references,
        request,
        organizations=_organization_refs(
            values.get("organization_ids", []), event.organization_ids
        ),
        security_plan_id=plan if plan is not None and plan != event.security_plan_id else None,
    )
    year_changed = "starts_at" in values and (
        values["starts_at"].astimezone(BOGOTA).year != event.starts_at.astimezone(BOGOTA).year
    )
    for key, value in values.items():
        setattr(event, key, value)
    if survey_set:
        for key, value in _trust_columns(changes.trust_survey).items():
            setattr(event, key, value)
    event.department_code = event.municipality_code[:2]
    event.community_key = normalize(event.community)
    event.search_text = normalize(f"{event.title} {event.community}")
    _touch(event)
    await _flush(session)
    if year_changed:  # age groups are taken at the event's year
        await recompute_participation(session, event=event, keyring=keyring)
    return event


async def transition_event(session: AsyncSession, *, event: Event, body: EventTransition) -> Event:
    ensure_writable(event)
    allowed = list(EVENT_TRANSITIONS[event.status])
    if body.to not in allowed:
        raise InvalidTransition(current=event.status, requested=body.to, allowed=allowed)
    if body.to == EventStatus.cancelled and not body.reason:
        raise InvalidInput("reason", "is required to cancel an event")
    if body.to == EventStatus.held and event.starts_at > utcnow():
        raise Conflict(
            f"An event cannot be marked held before it starts (starts_at "
            f"{event.starts_at.astimezone(UTC).isoformat().replace('+00:00', 'Z')})."
        )
    event.status = body.to.value
    event.status_reason = body.reason
    _touch(event)
    await _flush(session)
    return event


async def archive_event(session: AsyncSession, *, event: Event) -> Event:
    if event.archived_at is None:
        event.archived_at = utcnow()
        _touch(event)
        await _flush(session)
    return event


# --- participation ---------------------------------------------------------------------


def participation_read(p: Participation) -> ParticipationRead:
    breakdowns = {
        name: {code.value: getattr(p, count_column(name, code.value)) for code in codes}
        for name, codes in BREAKDOWNS.items()
    }
    return ParticipationRead(
        event_id=p.event_id,
        source=p.source,
        total=p.total,
        **breakdowns,
        conflict_victims=p.conflict_victims,
        persons_with_disability=p.persons_with_disability,
        lgbtiq=p.lgbtiq,
        version=p.version,
        updated_at=p.updated_at,
    )


def check_breakdowns(data: ParticipationWrite) -> None:
    """422 naming each breakdown that does not add up to total, and each count above it."""
    errors: list[FieldError] = []
    for name in BREAKDOWNS:
        counts: Mapping[Any, int] = getattr(data, name)
        added = sum(counts.values())
        if added != data.total:
            errors.append(
                FieldError(field=name, message=f"adds up to {added}, not to total {data.total}")
            )
    for name in OPTIONAL_COUNTS:
        value = getattr(data, name)
        if value is not None and value > data.total:
            errors.append(
                FieldError(field=name, message=f"{value} is more than total {data.total}")
            )
    if errors:
        raise BreakdownMismatch("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


def _count_values(total: int, breakdowns: Mapping[str, Mapping[str, int]]) -> dict[str, int]:
    values = {"total": total}
    for name, codes in BREAKDOWNS.items():
        for code in codes:
            values[count_column(name, code.value)] = int(breakdowns[name].get(code.value, 0))
    return values


async def put_participation(
    session: AsyncSession, *, event: Event, data: ParticipationWrite, current: Participation | None
) -> tuple[Participation, bool]:
    """Record the summary by hand; 409 while it is computed from attendees."""
    ensure_writable(event)
    if (
        current is not None and current.source == "attendees"
    ) or await repository.has_active_attendees(session, event.id):
        raise ParticipationComputed(
            "This event has attendees: its participation summary is computed from them and "
            "cannot be edited by hand. Change the attendees instead."
        )
    check_breakdowns(data)
    breakdowns = {name: {k.value: v for k, v in getattr(data, name).items()} for name in BREAKDOWNS}
    values: dict[str, Any] = _count_values(data.total, breakdowns)
    values.update({name: getattr(data, name) for name in OPTIONAL_COUNTS})
    if current is None:
        participation = Participation(event_id=event.id, source="manual", **values)
        repository.add(session, participation)
        await _flush(session)
        return participation, True
    for key, value in values.items():
        setattr(current, key, value)
    _touch(current)
    await _flush(session)
    return current, False


async def recompute_participation(session: AsyncSession, *, event: Event, keyring: Keyring) -> None:
    """Rebuild the summary from the active attendees (none left: no summary)."""
    attendees = await repository.active_attendees(session, event.id)
    current = await repository.get_participation(session, event.id, for_update=True)
    if not attendees:
        if current is not None and current.source == "attendees":
            await repository.delete_participation(session, event.id)
        return
    breakdowns: dict[str, dict[str, int]] = {name: {} for name in BREAKDOWNS}
    year = event.starts_at.astimezone(BOGOTA).year
    for attendee in attendees:
        payload = open_attendee(keyring, attendee)
        birth_year = payload.get("birth_year")
        categories = {
            "by_sex": payload["sex"],
            "by_ethnicity": payload["ethnicity"],
            "by_role": payload["role"],
            "by_age_group": age_group(year - birth_year if birth_year else None).value,
        }
        for name, code in categories.items():
            breakdowns[name][code] = breakdowns[name].get(code, 0) + 1
    values: dict[str, Any] = _count_values(len(attendees), breakdowns)
    values.update({name: None for name in OPTIONAL_COUNTS})
    if current is None:
        repository.add(session, Participation(event_id=event.id, source="attendees", **values))
    else:
        for key, value in values.items():
            setattr(current, key, value)
        current.source = "attendees"
        _touch(current)
    await _flush(session)


# --- attendees -------------------------------------------------------------------------

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


def open_attendee(keyring: Keyring, attendee: Attendee) -> dict[str, Any]:
    return keyring.open(
        attendee.pii_key_id,
        attendee.pii_ciphertext,
        aad=attendee_aad(attendee.id, attendee.event_id),
    )


def attendee_read(attendee: Attendee, payload: Mapping[str, Any], event: Event) -> AttendeeRead:
    birth_year = payload.get("birth_year")
    year = event.starts_at.astimezone(BOGOTA).year
    org = payload.get("organization_id")
    return AttendeeRead(
        id=attendee.id,
        event_id=attendee.event_id,
        full_name=payload["full_name"],
        document_type=payload["document_type"],
        document_number=payload.get("document_number"),
        phone=payload.get("phone"),
        sex=payload["sex"],
        birth_year=birth_year,
        age_group=age_group(year - birth_year if birth_year else None),
        ethnicity=payload["ethnicity"],
        role=payload["role"],
        organization_id=uuid.UUID(org) if org else None,
        is_social_leader=payload["is_social_leader"],
        consent_given=attendee.consent_given,
        consent_at=attendee.consent_at,
        version=attendee.version,
        created_at=attendee.created_at,
        updated_at=attendee.updated_at,
        archived_at=attendee.archived_at,
    )


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
        raise DuplicateAttendee(
            "An attendee with this document is already registered for this event."
        )
    return digest


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
    ensure_writable(event, allow_cancelled=False)
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
        consent_given=True,
        consent_at=data.consent_at or utcnow(),
    )
    repository.add(session, attendee)
    await _flush(session)
    await recompute_participation(session, event=event, keyring=keyring)
    return attendee, payload, True


async def load_attendee(
    session: AsyncSession, *, event: Event, attendee_id: uuid.UUID, for_update: bool = False
) -> Attendee:
    attendee = await repository.get_attendee(session, attendee_id, for_update=for_update)
    if attendee is None or attendee.event_id != event.id:
        raise NotFound(f"No attendee with id {attendee_id} in this event.")
    return attendee


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
    ensure_writable(event)
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
    _touch(attendee)
    await _flush(session)
    await recompute_participation(session, event=event, keyring=keyring)
    return attendee, payload


async def archive_attendee(
    session: AsyncSession, *, event: Event, attendee: Attendee, keyring: Keyring
) -> tuple[Attendee, dict[str, Any]]:
    ensure_writable(event)
    payload = open_attendee(keyring, attendee)
    if attendee.archived_at is None:
        attendee.archived_at = utcnow()
        _touch(attendee)
        await _flush(session)
        await recompute_participation(session, event=event, keyring=keyring)
    return attendee, payload


def record_access(
    session: AsyncSession,
    *,
    principal: Principal,
    action: str,
    event: Event,
    count: int,
    attendee_id: uuid.UUID | None = None,
) -> None:
    """Write who saw how many attendee records of which event (same transaction)."""
    repository.add(
        session,
        PiiAccess(
            subject=principal.sub,
            token_id=principal.token_id,
            action=action,
            event_id=event.id,
            attendee_id=attendee_id,
            record_count=count,
            request_id=current_request_id(),
        ),
    )


# --- risk factors ----------------------------------------------------------------------


async def create_risk_factor(
    session: AsyncSession, *, event: Event, data: RiskFactorCreate
) -> tuple[RiskFactor, bool]:
    ensure_writable(event, allow_cancelled=False)
    if data.id is not None:
        existing = await repository.get_risk_factor(session, data.id)
        if existing is not None:
            if (existing.event_id, existing.category, existing.description) == (
                event.id,
                data.category,
                data.description,
            ):
                return existing, False
            raise IdReused(f"Risk factor {data.id} already exists with other content.")
    risk = RiskFactor(
        id=data.id or uuid.uuid4(),
        event_id=event.id,
        category=data.category.value,
        description=data.description,
    )
    repository.add(session, risk)
    await _flush(session)
    return risk, True


async def load_risk_factor(
    session: AsyncSession, *, event: Event, risk_factor_id: uuid.UUID, for_update: bool = False
) -> RiskFactor:
    risk = await repository.get_risk_factor(session, risk_factor_id, for_update=for_update)
    if risk is None or risk.event_id != event.id:
        raise NotFound(f"No risk factor with id {risk_factor_id} in this event.")
    return risk


async def archive_risk_factor(session: AsyncSession, *, risk: RiskFactor) -> RiskFactor:
    if risk.archived_at is None:
        risk.archived_at = utcnow()
        _touch(risk)
        await _flush(session)
    return risk


# --- commitments -----------------------------------------------------------------------


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
    if text in {i.value for i in Institution}:
        return text, ResponsibleKind.institution.value
    return " ".join(text.split()), ResponsibleKind.other.value


def is_overdue(commitment: Commitment, today: date) -> bool:
    return commitment.status in PENDING_COMMITMENT and commitment.due_date < today


def commitment_read(
    commitment: Commitment, event: Event, notes: Sequence[CommitmentNote], today: date | None = None
) -> CommitmentRead:
    today = today or bogota_today()
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
    ensure_writable(event, allow_cancelled=False)
    party, kind = await resolve_responsible(
        data.responsible_party, field="responsible_party", references=references, request=request
    )
    if data.id is not None:
        existing = await repository.get_commitment(session, data.id)
        if existing is not None:
            if (
                existing.event_id,
                existing.description,
                existing.responsible_party,
                existing.due_date,
            ) == (event.id, data.description, party, data.due_date):
                return existing, False
            raise IdReused(f"Commitment {data.id} already exists with other content.")
    commitment = Commitment(
        id=data.id or uuid.uuid4(),
        event_id=event.id,
        description=data.description,
        responsible_party=party,
        responsible_party_kind=kind,
        due_date=data.due_date,
    )
    repository.add(session, commitment)
    await _flush(session)
    return commitment, True


async def load_commitment(
    session: AsyncSession,
    *,
    commitment_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> tuple[Commitment, Event]:
    commitment = await repository.get_commitment(session, commitment_id, for_update=for_update)
    if commitment is None:
        raise NotFound(f"No commitment with id {commitment_id}.")
    event = await repository.get_event(session, commitment.event_id)
    if event is None or not principal.can_access(event.municipality_code):
        raise NotFound(f"No commitment with id {commitment_id}.")
    return commitment, event


async def commitment_with_notes(
    session: AsyncSession, commitment: Commitment, event: Event
) -> CommitmentRead:
    notes = await repository.notes_for(session, [commitment.id])
    return commitment_read(commitment, event, notes[commitment.id])


async def list_commitments(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.CommitmentFilters,
    page: PageParams,
) -> tuple[list[CommitmentRead], str | None]:
    today = bogota_today()
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
    _touch(commitment)
    await _flush(session)
    return commitment


async def transition_commitment(
    session: AsyncSession, *, commitment: Commitment, body: CommitmentTransition
) -> Commitment:
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
    _touch(commitment)
    await _flush(session)
    return commitment


async def archive_commitment(session: AsyncSession, *, commitment: Commitment) -> Commitment:
    if commitment.archived_at is None:
        commitment.archived_at = utcnow()
        _touch(commitment)
        await _flush(session)
    return commitment


async def add_note(
    session: AsyncSession, *, commitment: Commitment, data: NoteCreate, principal: Principal
) -> CommitmentNote:
    if commitment.archived_at is not None:
        raise Conflict("The commitment is archived.")
    note = CommitmentNote(
        commitment_id=commitment.id,
        noted_on=data.noted_on or bogota_today(),
        note=data.note,
        author=principal.sub,
    )
    repository.add(session, note)
    await _flush(session)
    return note


# --- statistics ------------------------------------------------------------------------


class _Area:
    """Running totals of one area (all, or one municipality) built from grouped rows."""

    def __init__(self) -> None:
        self.by_status = dict.fromkeys(_EVENT_STATUSES, 0)
        self.held_by_type = dict.fromkeys(_EVENT_TYPES, 0)
        self.communities = dict.fromkeys(_EVENT_TYPES, 0)
        self.protection_communities = 0
        self.events_with_participation = 0
        self.sums = dict.fromkeys(repository.PARTICIPATION_SUMS, 0)
        self.commitments = dict.fromkeys(_COMMITMENT_STATUSES, 0)
        self.overdue = 0
        self.trust_sessions = 0
        self.trust_sum = Decimal(0)

    def read(self) -> dict[str, Any]:
        """The figures as plain data (validated once, with every area, by the caller)."""
        sums = self.sums
        mean = (
            float((self.trust_sum / self.trust_sessions).quantize(TWO_PLACES, ROUND_HALF_UP))
            if self.trust_sessions
            else None
        )
        return {
            "events_total": sum(self.by_status.values()),
            "events_by_status": self.by_status,
            "held_by_type": self.held_by_type,
            "communities_by_type": self.communities,
            "communities_in_protection_workshops": self.protection_communities,
            "participants": {
                "total": sums["total"],
                "events_with_participation": self.events_with_participation,
                **{
                    name: {code: sums[column] for code, column in columns}
                    for name, columns in _BREAKDOWN_COLUMNS.items()
                },
                "conflict_victims": sums["conflict_victims"],
                "persons_with_disability": sums["persons_with_disability"],
                "lgbtiq": sums["lgbtiq"],
            },
            "commitments": {
                "total": sum(self.commitments.values()),
                "by_status": self.commitments,
                "overdue": self.overdue,
            },
            "trust": {"sessions_with_change": self.trust_sessions, "mean_change": mean},
        }


_EVENT_STATUSES = tuple(s.value for s in EventStatus)
_EVENT_TYPES = tuple(t.value for t in EventType)
_COMMITMENT_STATUSES = tuple(s.value for s in CommitmentStatus)
_BREAKDOWN_COLUMNS = {
    name: [(code.value, count_column(name, code.value)) for code in codes]
    for name, codes in BREAKDOWNS.items()
}


async def event_stats(
    pool: asyncpg.Pool,
    *,
    principal: Principal,
    filters: repository.StatsFilters,
    echo: Mapping[str, str | None],
) -> EventStats:
    """Statistics from five grouped aggregate statements run side by side; no row-by-row
    reading. Areas are tallied as plain data and validated in one ``model_validate``."""
    scope = repository.StatsScope(
        territory=Territory.of(
            principal,
            municipality_code=filters.municipality_code,
            department_code=filters.department_code,
        ),
        starts_from=filters.starts_from,
        starts_before=filters.starts_before,
    )
    rows = await repository.event_stats(pool, scope, bogota_today())
    total = _Area()
    areas: dict[str, _Area] = {}

    def both(code: str) -> tuple[_Area, _Area]:
        area = areas.get(code)
        if area is None:
            area = areas[code] = _Area()
        return total, area

    for code, kind, status, count, communities in rows["counts"]:
        for area in both(code):
            area.by_status[status] += count
            if status == EventStatus.held:
                area.held_by_type[kind] += count
                # communities include their municipality, so per-municipality counts add up
                area.communities[kind] += communities
    for code, communities in rows["protection"]:
        for area in both(code):
            area.protection_communities += communities
    for row in rows["participation"]:
        code, events, *sums = row
        for area in both(code):
            area.events_with_participation += events
            for name, value in zip(repository.PARTICIPATION_SUMS, sums, strict=True):
                area.sums[name] += int(value)
    for code, status, count, overdue in rows["commitments"]:
        for area in both(code):
            area.commitments[status] += count
            area.overdue += overdue
    for code, sessions, change_sum in rows["trust"]:
        for area in both(code):
            area.trust_sessions += sessions
            area.trust_sum += Decimal(change_sum)
    return EventStats.model_validate(
        {
            **total.read(),
            "filters": dict(echo),
            "by_municipality": {code: areas[code].read() for code in sorted(areas)},
        }
    )
