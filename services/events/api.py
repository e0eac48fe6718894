"""Routes of the events service: parse, call the service, return."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal, PrincipalDep, require_scope
from services.common.concurrency import require_if_match, set_etag
from services.common.db import DatabaseDep, SessionDep
from services.common.errors import MissingScope, NotFound, problem_responses
from services.common.pagination import PageParams, finish_page, page_params, set_link_header
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.common.vocabulary import vocabularies_router
from services.events import repository, service, vocabularies
from services.events.pii import Keyring
from services.events.schemas import (
    AttendeeCreate,
    AttendeePage,
    AttendeeRead,
    AttendeeUpdate,
    CommitmentCreate,
    CommitmentPage,
    CommitmentRead,
    CommitmentTransition,
    CommitmentUpdate,
    EventCreate,
    EventPage,
    EventRead,
    EventStats,
    EventTransition,
    EventUpdate,
    NoteCreate,
    NoteRead,
    ParticipationRead,
    ParticipationWrite,
    PiiAccessPage,
    PiiAccessRead,
    RiskFactorCreate,
    RiskFactorPage,
    RiskFactorRead,
)
from services.events.upstreams import ReferencesDep
from services.events.vocabularies import CommitmentStatus, EventStatus, EventType


def require_scopes(*scopes: str) -> Any:
    """A dependency returning the principal when it carries every scope (403 naming the first
    missing one otherwise)."""

    async def dependency(principal: PrincipalDep) -> Principal:
        for scope in scopes:
            if not principal.has_scope(scope):
                raise MissingScope(scope)
        return principal

    dependency.__name__ = "require_" + "_".join(s.replace(":", "_") for s in scopes)
    return dependency


def _keyring(request: Request) -> Keyring:
    keyring: Keyring = request.app.state.keyring
    return keyring


Reader = Annotated[Principal, Depends(require_scope("events:read"))]
Writer = Annotated[Principal, Depends(require_scope("events:write"))]
PiiReader = Annotated[Principal, Depends(require_scopes("events:read", "attendees:pii"))]
PiiWriter = Annotated[Principal, Depends(require_scopes("events:write", "attendees:pii"))]
Admin = Annotated[Principal, Depends(require_scope("admin"))]
KeyringDep = Annotated[Keyring, Depends(_keyring)]
Page = Annotated[PageParams, Depends(page_params)]
FromDate = Annotated[
    date | None, Query(alias="from", description="From this date (inclusive, Colombian calendar)")
]
ToDate = Annotated[date | None, Query(description="Up to this date (inclusive)")]

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL characters

# Malformed JSON (400) and oversized bodies (413) can meet any route.
router = APIRouter(responses=problem_responses(400, 413))
EVENTS = "/api/v1/events"
EVENT = EVENTS + "/{event_id}"
COMMITMENTS = "/api/v1/commitments"
TAG_EVENTS = "events"
TAG_PARTICIPATION = "participation"
TAG_ATTENDEES = "attendees"
TAG_OUTCOMES = "risk-factors-and-commitments"
TAG_STATS = "statistics"


def _location(response: Response, path: str) -> None:
    response.headers["Location"] = path


def _optional_if_match(request: Request, version: int) -> None:
    """Transitions are POSTs: If-Match is optional there, but honoured when sent."""
    if request.headers.get("if-match") is not None:
        require_if_match(request, version)


# --- events ----------------------------------------------------------------------------


@router.post(
    EVENTS,
    status_code=201,
    operation_id="events-create",
    tags=[TAG_EVENTS],
    response_model=EventRead,
    responses=problem_responses(409, 503),
    summary="Record an event (planned); organization and plan ids are checked",
)
async def create_event(
    body: EventCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    references: ReferencesDep,
) -> EventRead:
    event, created = await service.create_event(
        session,
        data=body,
        principal=principal,
        territories=territories,
        references=references,
        request=request,
    )
    if not created:
        response.status_code = 200
    set_etag(response, event.version)
    _location(response, f"{EVENTS}/{event.id}")
    return service.event_read(event)


@router.get(
    EVENTS,
    operation_id="events-list",
    tags=[TAG_EVENTS],
    response_model=EventPage,
    summary="List events, newest first",
)
async def list_events(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    type: EventType | None = None,
    status: EventStatus | None = None,
    organization_id: uuid.UUID | None = None,
    security_plan_id: uuid.UUID | None = None,
    from_: FromDate = None,
    to: ToDate = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            pattern=NO_NUL,
            description="Accent- and case-insensitive text in title or community",
        ),
    ] = None,
    include_archived: bool = False,
) -> EventPage:
    starts_from, starts_before = service.date_range(from_, to)
    filters = repository.EventFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        type=type,
        status=status,
        organization_id=organization_id,
        security_plan_id=security_plan_id,
        starts_from=starts_from,
        starts_before=starts_before,
        q=q,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_events(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return EventPage(items=[service.event_read(e) for e in items], next_cursor=next_cursor)


@router.get(
    EVENT,
    operation_id="events-get",
    tags=[TAG_EVENTS],
    response_model=EventRead,
    responses=problem_responses(404),
)
async def get_event(
    event_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> EventRead:
    event = await service.load_event(session, event_id=event_id, principal=principal)
    set_etag(response, event.version)
    return service.event_read(event)


@router.patch(
    EVENT,
    operation_id="events-update",
    tags=[TAG_EVENTS],
    response_model=EventRead,
    responses=problem_responses(404, 409, 412, 428, 503),
)
async def update_event(
    event_id: uuid.UUID,
    body: EventUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    references: ReferencesDep,
    keyring: KeyringDep,
) -> EventRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    require_if_match(request, event.version)
    event = await service.update_event(
        session,
        event=event,
        changes=body,
        principal=principal,
        territories=territories,
        references=references,
        request=request,
        keyring=keyring,
    )
    set_etag(response, event.version)
    return service.event_read(event)


@router.delete(
    EVENT,
    operation_id="events-archive",
    tags=[TAG_EVENTS],
    response_model=EventRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive an event (it stays readable with include_archived)",
)
async def archive_event(
    event_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> EventRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    require_if_match(request, event.version)
    event = await service.archive_event(session, event=event)
    set_etag(response, event.version)
    return service.event_read(event)


@router.post(
    EVENT + "/transitions",
    operation_id="events-transition",
    tags=[TAG_EVENTS],
    response_model=EventRead,
    responses=problem_responses(404, 409, 412),
    summary="planned → held (once started) or cancelled (with a reason)",
)
async def transition_event(
    event_id: uuid.UUID,
    body: EventTransition,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> EventRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    _optional_if_match(request, event.version)
    event = await service.transition_event(session, event=event, body=body)
    set_etag(response, event.version)
    return service.event_read(event)


# --- participation ---------------------------------------------------------------------


@router.get(
    EVENT + "/participation",
    operation_id="participation-get",
    tags=[TAG_PARTICIPATION],
    response_model=ParticipationRead,
    responses=problem_responses(404),
)
async def get_participation(
    event_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> ParticipationRead:
    event = await service.load_event(session, event_id=event_id, principal=principal)
    participation = await repository.get_participation(session, event.id)
    if participation is None:
        raise NotFound("No participation summary has been recorded for this event.")
    set_etag(response, participation.version)
    return service.participation_read(participation)


@router.put(
    EVENT + "/participation",
    operation_id="participation-put",
    tags=[TAG_PARTICIPATION],
    response_model=ParticipationRead,
    responses={
        **problem_responses(404, 409, 412, 428),
        201: {"description": "Created", "model": ParticipationRead},
    },
    summary="Record the anonymous participation summary (If-Match once it exists)",
)
async def put_participation(
    event_id: uuid.UUID,
    body: ParticipationWrite,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ParticipationRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    current = await repository.get_participation(session, event.id, for_update=True)
    if current is not None:
        require_if_match(request, current.version)
    participation, created = await service.put_participation(
        session, event=event, data=body, current=current
    )
    if created:
        response.status_code = 201
    set_etag(response, participation.version)
    return service.participation_read(participation)


# --- attendees -------------------------------------------------------------------------


@router.post(
    EVENT + "/attendees",
    status_code=201,
    operation_id="attendees-create",
    tags=[TAG_ATTENDEES],
    response_model=AttendeeRead,
    responses=problem_responses(404, 409, 503),
    summary="Register a named attendee (needs attendees:pii and consent)",
)
async def create_attendee(
    event_id: uuid.UUID,
    body: AttendeeCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiWriter,
    keyring: KeyringDep,
    references: ReferencesDep,
) -> AttendeeRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    attendee, payload, created = await service.create_attendee(
        session, event=event, data=body, keyring=keyring, references=references, request=request
    )
    if not created:
        response.status_code = 200
    service.record_access(
        session, principal=principal, action="create", event=event, count=1, attendee_id=attendee.id
    )
    set_etag(response, attendee.version)
    _location(response, f"{EVENTS}/{event.id}/attendees/{attendee.id}")
    return service.attendee_read(attendee, payload, event)


@router.get(
    EVENT + "/attendees",
    operation_id="attendees-list",
    tags=[TAG_ATTENDEES],
    response_model=AttendeePage,
    responses=problem_responses(404),
    summary="Attendees with their personal data (needs attendees:pii; logged)",
)
async def list_attendees(
    event_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiReader,
    keyring: KeyringDep,
    page: Page,
    include_archived: bool = False,
) -> AttendeePage:
    event = await service.load_event(session, event_id=event_id, principal=principal)
    rows = await repository.list_attendees(
        session, event.id, page, include_archived=include_archived
    )
    items, next_cursor = finish_page(rows, page, lambda a: (a.created_at, a.id))
    service.record_access(
        session, principal=principal, action="list", event=event, count=len(items)
    )
    set_link_header(request, response, next_cursor)
    return AttendeePage(
        items=[service.attendee_read(a, service.open_attendee(keyring, a), event) for a in items],
        next_cursor=next_cursor,
    )


@router.get(
    EVENT + "/attendees/{attendee_id}",
    operation_id="attendees-get",
    tags=[TAG_ATTENDEES],
    response_model=AttendeeRead,
    responses=problem_responses(404),
)
async def get_attendee(
    event_id: uuid.UUID,
    attendee_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PiiReader,
    keyring: KeyringDep,
) -> AttendeeRead:
    event = await service.load_event(session, event_id=event_id, principal=principal)
    attendee = await service.load_attendee(session, event=event, attendee_id=attendee_id)
    service.record_access(
        session, principal=principal, action="read", event=event, count=1, attendee_id=attendee.id
    )
    set_etag(response, attendee.version)
    return service.attendee_read(attendee, service.open_attendee(keyring, attendee), event)


@router.patch(
    EVENT + "/attendees/{attendee_id}",
    operation_id="attendees-update",
    tags=[TAG_ATTENDEES],
    response_model=AttendeeRead,
    responses=problem_responses(404, 409, 412, 428, 503),
)
async def update_attendee(
    event_id: uuid.UUID,
    attendee_id: uuid.UUID,
    body: AttendeeUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiWriter,
    keyring: KeyringDep,
    references: ReferencesDep,
) -> AttendeeRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    attendee = await service.load_attendee(
        session, event=event, attendee_id=attendee_id, for_update=True
    )
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
    service.record_access(
        session, principal=principal, action="update", event=event, count=1, attendee_id=attendee.id
    )
    set_etag(response, attendee.version)
    return service.attendee_read(attendee, payload, event)


@router.delete(
    EVENT + "/attendees/{attendee_id}",
    operation_id="attendees-archive",
    tags=[TAG_ATTENDEES],
    response_model=AttendeeRead,
    responses=problem_responses(404, 409, 412, 428),
    summary="Archive an attendee record (leaves the participation summary)",
)
async def archive_attendee(
    event_id: uuid.UUID,
    attendee_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PiiWriter,
    keyring: KeyringDep,
) -> AttendeeRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    attendee = await service.load_attendee(
        session, event=event, attendee_id=attendee_id, for_update=True
    )
    require_if_match(request, attendee.version)
    attendee, payload = await service.archive_attendee(
        session, event=event, attendee=attendee, keyring=keyring
    )
    service.record_access(
        session,
        principal=principal,
        action="archive",
        event=event,
        count=1,
        attendee_id=attendee.id,
    )
    set_etag(response, attendee.version)
    return service.attendee_read(attendee, payload, event)


@router.get(
    "/api/v1/pii-access-log",
    operation_id="pii-access-log-list",
    tags=[TAG_ATTENDEES],
    response_model=PiiAccessPage,
    summary="Who read attendees' personal data, when, of which event, how many (admin)",
)
async def list_pii_access(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Admin,
    page: Page,
    event_id: uuid.UUID | None = None,
    subject: Annotated[str | None, Query(min_length=1, max_length=255, pattern=NO_NUL)] = None,
    from_: FromDate = None,
    to: ToDate = None,
) -> PiiAccessPage:
    occurred_from, occurred_before = service.date_range(from_, to)
    rows = await repository.list_pii_access(
        session,
        filters=repository.PiiAccessFilters(
            event_id=event_id,
            subject=subject,
            occurred_from=occurred_from,
            occurred_before=occurred_before,
        ),
        page=page,
    )
    items, next_cursor = finish_page(rows, page, lambda p: (p.occurred_at, p.id))
    set_link_header(request, response, next_cursor)
    return PiiAccessPage(
        items=[PiiAccessRead.model_validate(p) for p in items], next_cursor=next_cursor
    )


# --- risk factors ----------------------------------------------------------------------


@router.post(
    EVENT + "/risk-factors",
    status_code=201,
    operation_id="risk-factors-create",
    tags=[TAG_OUTCOMES],
    response_model=RiskFactorRead,
    responses=problem_responses(404, 409),
)
async def create_risk_factor(
    event_id: uuid.UUID,
    body: RiskFactorCreate,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> RiskFactorRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    risk, created = await service.create_risk_factor(session, event=event, data=body)
    if not created:
        response.status_code = 200
    set_etag(response, risk.version)
    return RiskFactorRead.model_validate(risk)


@router.get(
    EVENT + "/risk-factors",
    operation_id="risk-factors-list",
    tags=[TAG_OUTCOMES],
    response_model=RiskFactorPage,
    responses=problem_responses(404),
)
async def list_risk_factors(
    event_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    include_archived: bool = False,
) -> RiskFactorPage:
    event = await service.load_event(session, event_id=event_id, principal=principal)
    rows = await repository.list_risk_factors(
        session, event.id, page, include_archived=include_archived
    )
    items, next_cursor = finish_page(rows, page, lambda r: (r.created_at, r.id))
    set_link_header(request, response, next_cursor)
    return RiskFactorPage(
        items=[RiskFactorRead.model_validate(r) for r in items], next_cursor=next_cursor
    )


@router.delete(
    EVENT + "/risk-factors/{risk_factor_id}",
    operation_id="risk-factors-archive",
    tags=[TAG_OUTCOMES],
    response_model=RiskFactorRead,
    responses=problem_responses(404, 412, 428),
)
async def archive_risk_factor(
    event_id: uuid.UUID,
    risk_factor_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> RiskFactorRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    risk = await service.load_risk_factor(
        session, event=event, risk_factor_id=risk_factor_id, for_update=True
    )
    require_if_match(request, risk.version)
    risk = await service.archive_risk_factor(session, risk=risk)
    set_etag(response, risk.version)
    return RiskFactorRead.model_validate(risk)


# --- commitments -----------------------------------------------------------------------


@router.post(
    EVENT + "/commitments",
    status_code=201,
    operation_id="event-commitments-create",
    tags=[TAG_OUTCOMES],
    response_model=CommitmentRead,
    responses=problem_responses(404, 409, 503),
)
async def create_commitment(
    event_id: uuid.UUID,
    body: CommitmentCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
    references: ReferencesDep,
) -> CommitmentRead:
    event = await service.load_event(
        session, event_id=event_id, principal=principal, for_update=True
    )
    commitment, created = await service.create_commitment(
        session, event=event, data=body, references=references, request=request
    )
    if not created:
        response.status_code = 200
    set_etag(response, commitment.version)
    _location(response, f"{COMMITMENTS}/{commitment.id}")
    return await service.commitment_with_notes(session, commitment, event)


@router.get(
    EVENT + "/commitments",
    operation_id="event-commitments-list",
    tags=[TAG_OUTCOMES],
    response_model=CommitmentPage,
    responses=problem_responses(404),
)
async def list_event_commitments(
    event_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    include_archived: bool = False,
) -> CommitmentPage:
    event = await service.load_event(session, event_id=event_id, principal=principal)
    items, next_cursor = await service.list_commitments(
        session,
        principal=principal,
        page=page,
        filters=repository.CommitmentFilters(event_id=event.id, include_archived=include_archived),
    )
    set_link_header(request, response, next_cursor)
    return CommitmentPage(items=items, next_cursor=next_cursor)


@router.get(
    COMMITMENTS,
    operation_id="commitments-list",
    tags=[TAG_OUTCOMES],
    response_model=CommitmentPage,
    summary="The follow-up list: commitments across events, by due date",
)
async def list_commitments(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    status: CommitmentStatus | None = None,
    overdue: bool | None = None,
    responsible_party: Annotated[
        str | None, Query(min_length=1, max_length=300, pattern=NO_NUL)
    ] = None,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    due_from: Annotated[date | None, Query(description="Due on or after")] = None,
    due_to: Annotated[date | None, Query(description="Due on or before")] = None,
    include_archived: bool = False,
) -> CommitmentPage:
    items, next_cursor = await service.list_commitments(
        session,
        principal=principal,
        page=page,
        filters=repository.CommitmentFilters(
            status=status,
            overdue=overdue,
            responsible_party=responsible_party,
            municipality_code=municipality_code,
            department_code=department_code,
            due_from=due_from,
            due_to=due_to,
            include_archived=include_archived,
        ),
    )
    set_link_header(request, response, next_cursor)
    return CommitmentPage(items=items, next_cursor=next_cursor)


@router.get(
    COMMITMENTS + "/{commitment_id}",
    operation_id="commitments-get",
    tags=[TAG_OUTCOMES],
    response_model=CommitmentRead,
    responses=problem_responses(404),
)
async def get_commitment(
    commitment_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> CommitmentRead:
    commitment, event = await service.load_commitment(
        session, commitment_id=commitment_id, principal=principal
    )
    set_etag(response, commitment.version)
    return await service.commitment_with_notes(session, commitment, event)


@router.patch(
    COMMITMENTS + "/{commitment_id}",
    operation_id="commitments-update",
    tags=[TAG_OUTCOMES],
    response_model=CommitmentRead,
    responses=problem_responses(404, 409, 412, 428, 503),
)
async def update_commitment(
    commitment_id: uuid.UUID,
    body: CommitmentUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
    references: ReferencesDep,
) -> CommitmentRead:
    commitment, event = await service.load_commitment(
        session, commitment_id=commitment_id, principal=principal, for_update=True
    )
    require_if_match(request, commitment.version)
    commitment = await service.update_commitment(
        session, commitment=commitment, changes=body, references=references, request=request
    )
    set_etag(response, commitment.version)
    return await service.commitment_with_notes(session, commitment, event)


@router.delete(
    COMMITMENTS + "/{commitment_id}",
    operation_id="commitments-archive",
    tags=[TAG_OUTCOMES],
    response_model=CommitmentRead,
    responses=problem_responses(404, 412, 428),
)
async def archive_commitment(
    commitment_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> CommitmentRead:
    commitment, event = await service.load_commitment(
        session, commitment_id=commitment_id, principal=principal, for_update=True
    )
    require_if_match(request, commitment.version)
    commitment = await service.archive_commitment(session, commitment=commitment)
    set_etag(response, commitment.version)
    return await service.commitment_with_notes(session, commitment, event)


@router.post(
    COMMITMENTS + "/{commitment_id}/transitions",
    operation_id="commitments-transition",
    tags=[TAG_OUTCOMES],
    response_model=CommitmentRead,
    responses=problem_responses(404, 409, 412),
    summary="open → in_progress → fulfilled; cancelled with a reason",
)
async def transition_commitment(
    commitment_id: uuid.UUID,
    body: CommitmentTransition,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> CommitmentRead:
    commitment, event = await service.load_commitment(
        session, commitment_id=commitment_id, principal=principal, for_update=True
    )
    _optional_if_match(request, commitment.version)
    commitment = await service.transition_commitment(session, commitment=commitment, body=body)
    set_etag(response, commitment.version)
    return await service.commitment_with_notes(session, commitment, event)


@router.post(
    COMMITMENTS + "/{commitment_id}/notes",
    status_code=201,
    operation_id="commitment-notes-create",
    tags=[TAG_OUTCOMES],
    response_model=NoteRead,
    responses=problem_responses(404, 409),
    summary="Add a follow-up note (author: the token's subject)",
)
async def add_note(
    commitment_id: uuid.UUID, body: NoteCreate, session: SessionDep, principal: Writer
) -> NoteRead:
    commitment, _ = await service.load_commitment(
        session, commitment_id=commitment_id, principal=principal, for_update=True
    )
    note = await service.add_note(session, commitment=commitment, data=body, principal=principal)
    return NoteRead.model_validate(note)


# --- statistics ------------------------------------------------------------------------


@router.get(
    "/api/v1/stats/events",
    operation_id="events-stats",
    tags=[TAG_STATS],
    response_model=EventStats,
    summary="Events held, communities, participants, commitments and trust — "
    "aggregates only, by municipality",
)
async def event_stats(
    database: DatabaseDep,
    principal: Reader,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    from_: FromDate = None,
    to: ToDate = None,
) -> EventStats:
    starts_from, starts_before = service.date_range(from_, to)
    filters = repository.StatsFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        starts_from=starts_from,
        starts_before=starts_before,
    )
    echo = {
        "municipality_code": municipality_code,
        "department_code": department_code,
        "from": from_.isoformat() if from_ else None,
        "to": to.isoformat() if to else None,
    }
    assert database.pool is not None
    return await service.event_stats(database.pool, principal=principal, filters=filters, echo=echo)


vocabulary_router = vocabularies_router(
    service="events",
    path="/api/v1/vocabularies/events",
    vocabularies=vocabularies.ALL,
    tag="vocabularies",
    operation_id="events-vocabularies",
    guard=require_scope("events:read"),
)
