"""Rules of events: territory, times, references, the trust survey, planned → held/cancelled."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.colombia import COLOMBIA
from services.common.disclosure import Disclosure, protect_mean
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.common.territory import Territories, check_municipality
from services.common.text import normalize
from services.events import records
from services.events.events import repository
from services.events.events.schemas import (
    EventCreate,
    EventRead,
    EventTransition,
    EventUpdate,
    TrustMeasureRead,
    TrustSurvey,
    TrustSurveyRead,
)
from services.events.models import Event
from services.events.participation.service import recompute_participation
from services.events.pii import Keyring
from services.events.records import TWO_PLACES, event_year
from services.events.upstreams import ORGANIZATIONS, SECURITY_PLANS, Reference, ReferenceChecker
from services.events.vocabularies import EVENT_TRANSITIONS, EventStatus, EventType


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


def trust_read(event: Event, *, disclosure: Disclosure) -> tuple[TrustSurveyRead | None, list[str]]:
    """The event's trust survey as returned (None when nothing was measured), and the paths
    withheld: a mean of fewer than k respondents is their answers, and the change would give
    a withheld mean away."""
    withheld: list[str] = []

    def measure(
        side: str, respondents: int | None, mean: Decimal | None
    ) -> TrustMeasureRead | None:
        if respondents is None or mean is None:
            return None
        shown = protect_mean(float(mean), respondents, disclosure=disclosure)
        if shown is None:
            withheld.append(f"trust_survey.{side}.mean_score")
        return TrustMeasureRead(respondents=respondents, mean_score=shown)

    before = measure("before", event.trust_before_respondents, event.trust_before_mean)
    after = measure("after", event.trust_after_respondents, event.trust_after_mean)
    if before is None and after is None:
        return None, []
    change = None if event.trust_change is None else float(event.trust_change)
    if change is not None and withheld:
        change = None
        withheld.append("trust_survey.change")
    return TrustSurveyRead(before=before, after=after, change=change), sorted(withheld)


TRUST_COLUMNS = (
    "trust_before_respondents",
    "trust_before_mean",
    "trust_after_respondents",
    "trust_after_mean",
    "trust_change",
)


def trust_fields(row: Mapping[str, Any], *, disclosure: Disclosure) -> dict[str, Any]:
    """``trust_survey`` and ``suppressed`` of an event's row as JSON values, as
    ``event_read`` shows them (the lean list writes the other fields from the row)."""
    if all(row[column] is None for column in TRUST_COLUMNS):
        return {"trust_survey": None, "suppressed": []}
    survey, suppressed = trust_read(SimpleNamespace(**row), disclosure=disclosure)  # type: ignore[arg-type]
    return {
        "trust_survey": None if survey is None else survey.model_dump(),
        "suppressed": suppressed,
    }


def event_read(event: Event, *, disclosure: Disclosure) -> EventRead:
    """The event as returned to clients (trust means of few respondents withheld unless
    ``disclosure`` is exact)."""
    trust_survey, suppressed = trust_read(event, disclosure=disclosure)
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
        trust_survey=trust_survey,
        suppressed=suppressed,
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
            visible = principal.can_access(existing.municipality_code)
            return replay_or_refuse(existing, values, what="Event", visible=visible), False
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
    session.add(event)
    await flush(session)
    return event, True


async def load_event(
    session: AsyncSession, *, event_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> Event:
    """The event, or 404 when it does not exist or lies outside the caller's territory."""
    event = await repository.get_event(session, event_id, for_update=for_update)
    if event is None or not principal.can_access(event.municipality_code):
        raise NotFound(f"No event with id {event_id}.")
    return event


async def list_events(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.EventFilters,
    page: PageParams,
) -> tuple[list[Event], str | None]:
    """One page of events the caller may see, and the cursor of the next."""
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
    """Apply the sent fields; a new start year recomputes the attendees' age groups."""
    records.ensure_writable(event)
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
        values["starts_at"].astimezone(COLOMBIA).year != event_year(event)
    )
    for key, value in values.items():
        setattr(event, key, value)
    if survey_set:
        for key, value in _trust_columns(changes.trust_survey).items():
            setattr(event, key, value)
    event.department_code = event.municipality_code[:2]
    event.community_key = normalize(event.community)
    event.search_text = normalize(f"{event.title} {event.community}")
    bump_version(event)
    await flush(session)
    if year_changed:  # age groups are taken at the event's year
        await recompute_participation(session, event=event, keyring=keyring)
    return event


async def transition_event(session: AsyncSession, *, event: Event, body: EventTransition) -> Event:
    """planned → held (once started) or cancelled (with a reason)."""
    records.ensure_writable(event)
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
    bump_version(event)
    await flush(session)
    return event


async def archive_event(session: AsyncSession, *, event: Event) -> Event:
    """Archive the event (idempotent); it stays readable."""
    if archive(event):
        await flush(session)
    return event
