"""Routes of named attendees: personal data behind `attendees:pii`, every access logged."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from services.common.auth import Principal
from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import Computed, FastList, Parent
from services.common.idempotency import PERSONAL_DATA_HEADERS, PersonalData
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, child_loader, record_loader
from services.events.attendees import service
from services.events.attendees.schemas import (
    AttendeeCreate,
    AttendeePage,
    AttendeeRead,
    AttendeeUpdate,
)
from services.events.dependencies import (
    EVENT,
    EVENTS,
    EVERY_ROUTE,
    KeyringDep,
    PageQuery,
    PiiReader,
    PiiWriter,
    set_location,
)
from services.events.events.service import load_event
from services.events.models import Attendee, Event
from services.events.pii import open_attendee, open_attendee_row
from services.events.pii_access_log.service import list_access_sql, record_access
from services.events.records import colombian_year
from services.events.upstreams import ReferencesDep

# Every answer carries personal data: `Cache-Control: no-store`, and idempotency records keep
# only what a replay needs to re-read the record (see services/common/idempotency.py).
router = APIRouter(
    prefix=EVENT + "/attendees",
    tags=["attendees"],
    responses=EVERY_ROUTE,
    dependencies=[PersonalData],
)

# The path's event (and attendee), loaded with the PII scopes so that those are checked first.
EventForPii = Annotated[
    Event, Depends(record_loader(load_event, id_param="event_id", principal=PiiReader))
]
EventForPiiChange = Annotated[
    Event,
    Depends(record_loader(load_event, id_param="event_id", principal=PiiWriter, for_update=True)),
]
CurrentAttendee = Annotated[
    Attendee,
    Depends(
        child_loader(
            service.load_attendee,
            id_param="attendee_id",
            parent_param="event_id",
            parent=EventForPii,
        )
    ),
]
AttendeeToChange = Annotated[
    Attendee,
    Depends(
        child_loader(
            service.load_attendee,
            id_param="attendee_id",
            parent_param="event_id",
            parent=EventForPiiChange,
            for_update=True,
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="attendees-create",
    response_model=AttendeeRead,
    responses=problem_responses(404, 409, 503),
    summary="Register a named attendee (needs attendees:pii and consent)",
)
async def create_attendee(
    body: AttendeeCreate,
    event: EventForPiiChange,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiWriter,
    keyring: KeyringDep,
    references: ReferencesDep,
) -> AttendeeRead:
    attendee, payload, created = await service.create_attendee(
        session, event=event, data=body, keyring=keyring, references=references, request=request
    )
    if not created:
        response.status_code = 200
    await record_access(
        session, principal=principal, action="create", event=event, count=1, attendee_id=attendee.id
    )
    set_etag(response, attendee.version)
    set_location(response, f"{EVENTS}/{event.id}/attendees/{attendee.id}")
    return service.attendee_read(attendee, payload, event)


@router.get(
    "",
    operation_id="attendees-list",
    response_model=AttendeePage,
    responses=problem_responses(404),
    summary="Attendees with their personal data (needs attendees:pii; logged)",
)
async def list_attendees(
    event: EventForPii,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiReader,
    keyring: KeyringDep,
    page: PageQuery,
    include_archived: bool = False,
) -> AttendeePage:
    items, next_cursor = await service.list_attendees(
        session, event=event, page=page, include_archived=include_archived
    )
    await record_access(session, principal=principal, action="list", event=event, count=len(items))
    set_link_header(request, response, next_cursor)
    return AttendeePage(
        items=[service.attendee_read(a, open_attendee(keyring, a), event) for a in items],
        next_cursor=next_cursor,
    )


@router.get(
    "/{attendee_id}",
    operation_id="attendees-get",
    response_model=AttendeeRead,
    responses=problem_responses(404),
)
async def get_attendee(
    event: EventForPii,
    attendee: CurrentAttendee,
    session: SessionDep,
    principal: PiiReader,
    keyring: KeyringDep,
    write: WriteGuardDep,
) -> AttendeeRead:
    await record_access(
        session, principal=principal, action="read", event=event, count=1, attendee_id=attendee.id
    )
    write.etag(attendee)
    return service.attendee_read(attendee, open_attendee(keyring, attendee), event)


@router.patch(
    "/{attendee_id}",
    operation_id="attendees-update",
    response_model=AttendeeRead,
    responses=problem_responses(404, 409, 412, 428, 503),
)
async def update_attendee(
    body: AttendeeUpdate,
    event: EventForPiiChange,
    attendee: AttendeeToChange,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiWriter,
    keyring: KeyringDep,
    references: ReferencesDep,
) -> AttendeeRead:
    require_if_match(request, attendee.version)
    attendee, payload = await service.update_attendee(
        session,
        event=event,
        attendee=attendee,
        changes=body,
        keyring=keyring,
        references=references,
        request=request,
    )
    await record_access(
        session, principal=principal, action="update", event=event, count=1, attendee_id=attendee.id
    )
    set_etag(response, attendee.version)
    return service.attendee_read(attendee, payload, event)


@router.delete(
    "/{attendee_id}",
    operation_id="attendees-archive",
    response_model=AttendeeRead,
    responses=problem_responses(404, 409, 412, 428),
    summary="Archive an attendee record (leaves the participation summary)",
)
async def archive_attendee(
    event: EventForPiiChange,
    attendee: AttendeeToChange,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiWriter,
    keyring: KeyringDep,
) -> AttendeeRead:
    require_if_match(request, attendee.version)
    attendee, payload = await service.archive_attendee(
        session, event=event, attendee=attendee, keyring=keyring
    )
    await record_access(
        session,
        principal=principal,
        action="archive",
        event=event,
        count=1,
        attendee_id=attendee.id,
    )
    set_etag(response, attendee.version)
    return service.attendee_read(attendee, payload, event)


def _attendee_fields(
    app: Any, principal: Principal
) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
    """The personal fields of a row opened with the service's keyring, as
    ``service.attendee_read`` shows them (age groups at the event's start year, which the
    row carries)."""
    keyring = app.state.keyring

    def fields(row: Mapping[str, Any]) -> Mapping[str, Any]:
        payload = open_attendee_row(keyring, row)
        return service.personal_fields(payload, colombian_year(row["event_starts_at"]))

    return fields


# The list above on the lean path (``fastlist``): both scopes, the event visible, each row
# decrypted, the page's read logged in the PII access log by the same statement, no-store.
FAST_LIST = FastList(
    path=EVENT + "/attendees",
    scope=("events:read", "attendees:pii"),
    select=(
        "SELECT a.id, a.event_id, a.pii_key_id, a.pii_ciphertext, a.consent_given, "
        "a.consent_at, a.version, a.created_at, a.updated_at, a.archived_at, "
        "e.starts_at AS event_starts_at FROM attendees a JOIN events e ON e.id = a.event_id"
    ),
    page=AttendeePage,
    order=(("a.created_at", "t"), ("a.id", "u")),
    archived="a.archived_at",
    parent=Parent(
        "event_id", "SELECT municipality_code FROM events WHERE id = $1", column="a.event_id"
    ),
    computed=Computed(service.PERSONAL_READ_FIELDS, _attendee_fields),
    headers=PERSONAL_DATA_HEADERS,
    record=list_access_sql,
)
