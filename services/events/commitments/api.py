"""Routes of commitments: made in an event, followed up across events."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import (
    Binder,
    Computed,
    FastList,
    Filter,
    Parent,
    bool_param,
    date_param,
    department_param,
    enum_param,
    municipality_param,
    text_param,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.schemas import IsoDate
from services.common.territory import DepartmentCode, MunicipalityCode
from services.events.commitments import repository, service
from services.events.commitments.schemas import (
    CommitmentCreate,
    CommitmentPage,
    CommitmentRead,
    CommitmentTransition,
    CommitmentUpdate,
    NoteCreate,
    NoteRead,
)
from services.events.dependencies import (
    COMMITMENTS,
    EVENT,
    EVERY_ROUTE,
    NO_NUL,
    PageQuery,
    Reader,
    Writer,
    optional_if_match,
    set_location,
)
from services.events.events.api import CurrentEvent, EventToChange
from services.events.models import Commitment, Event
from services.events.upstreams import ReferencesDep
from services.events.vocabularies import PENDING_COMMITMENT, CommitmentStatus

TAG = "risk-factors-and-commitments"
event_router = APIRouter(prefix=EVENT + "/commitments", tags=[TAG], responses=EVERY_ROUTE)
router = APIRouter(prefix=COMMITMENTS, tags=[TAG], responses=EVERY_ROUTE)

# The commitment named by the path with its event, 404 unless the caller's territory covers it.
CurrentCommitment = Annotated[
    tuple[Commitment, Event],
    Depends(record_loader(service.load_commitment, id_param="commitment_id", principal=Reader)),
]
CommitmentToChange = Annotated[
    tuple[Commitment, Event],
    Depends(
        record_loader(
            service.load_commitment, id_param="commitment_id", principal=Writer, for_update=True
        )
    ),
]


@event_router.post(
    "",
    status_code=201,
    operation_id="event-commitments-create",
    response_model=CommitmentRead,
    responses=problem_responses(404, 409, 503),
)
async def create_commitment(
    body: CommitmentCreate,
    event: EventToChange,
    request: Request,
    response: Response,
    session: SessionDep,
    references: ReferencesDep,
) -> CommitmentRead:
    commitment, created = await service.create_commitment(
        session, event=event, data=body, references=references, request=request
    )
    if not created:
        response.status_code = 200
    set_etag(response, commitment.version)
    set_location(response, f"{COMMITMENTS}/{commitment.id}")
    return await service.commitment_with_notes(session, commitment, event)


@event_router.get(
    "",
    operation_id="event-commitments-list",
    response_model=CommitmentPage,
    responses=problem_responses(404),
)
async def list_event_commitments(
    event: CurrentEvent,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: PageQuery,
    include_archived: bool = False,
) -> CommitmentPage:
    items, next_cursor = await service.list_commitments(
        session,
        principal=principal,
        page=page,
        filters=repository.CommitmentFilters(event_id=event.id, include_archived=include_archived),
    )
    set_link_header(request, response, next_cursor)
    return CommitmentPage(items=items, next_cursor=next_cursor)


@router.get(
    "",
    operation_id="commitments-list",
    response_model=CommitmentPage,
    summary="The follow-up list: commitments across events, by due date",
)
async def list_commitments(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: PageQuery,
    status: CommitmentStatus | None = None,
    overdue: bool | None = None,
    responsible_party: Annotated[
        str | None, Query(min_length=1, max_length=300, pattern=NO_NUL)
    ] = None,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    due_from: Annotated[IsoDate | None, Query(description="Due on or after")] = None,
    due_to: Annotated[IsoDate | None, Query(description="Due on or before")] = None,
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
    "/{commitment_id}",
    operation_id="commitments-get",
    response_model=CommitmentRead,
    responses=problem_responses(404),
)
async def get_commitment(
    loaded: CurrentCommitment, session: SessionDep, write: WriteGuardDep
) -> CommitmentRead:
    commitment, event = loaded
    write.etag(commitment)
    return await service.commitment_with_notes(session, commitment, event)


@router.patch(
    "/{commitment_id}",
    operation_id="commitments-update",
    response_model=CommitmentRead,
    responses=problem_responses(404, 409, 412, 428, 503),
)
async def update_commitment(
    body: CommitmentUpdate,
    loaded: CommitmentToChange,
    request: Request,
    session: SessionDep,
    references: ReferencesDep,
    write: WriteGuardDep,
) -> CommitmentRead:
    commitment, event = loaded
    changed = await write(
        commitment,
        lambda c: service.update_commitment(
            session, commitment=c, changes=body, references=references, request=request
        ),
    )
    return await service.commitment_with_notes(session, changed, event)


@router.delete(
    "/{commitment_id}",
    operation_id="commitments-archive",
    response_model=CommitmentRead,
    responses=problem_responses(404, 412, 428),
)
async def archive_commitment(
    loaded: CommitmentToChange, session: SessionDep, write: WriteGuardDep
) -> CommitmentRead:
    commitment, event = loaded
    archived = await write(commitment, lambda c: service.archive_commitment(session, commitment=c))
    return await service.commitment_with_notes(session, archived, event)


@router.post(
    "/{commitment_id}/transitions",
    operation_id="commitments-transition",
    response_model=CommitmentRead,
    responses=problem_responses(404, 409, 412),
    summary="open → in_progress → fulfilled; cancelled with a reason",
)
async def transition_commitment(
    body: CommitmentTransition,
    loaded: CommitmentToChange,
    request: Request,
    session: SessionDep,
    write: WriteGuardDep,
) -> CommitmentRead:
    commitment, event = loaded
    optional_if_match(request, commitment.version)
    commitment = await service.transition_commitment(session, commitment=commitment, body=body)
    write.etag(commitment)
    return await service.commitment_with_notes(session, commitment, event)


@router.post(
    "/{commitment_id}/notes",
    status_code=201,
    operation_id="commitment-notes-create",
    response_model=NoteRead,
    responses=problem_responses(404, 409),
    summary="Add a follow-up note (author: the token's subject)",
)
async def add_note(
    body: NoteCreate, loaded: CommitmentToChange, session: SessionDep, principal: Writer
) -> NoteRead:
    commitment, _ = loaded
    note = await service.add_note(session, commitment=commitment, data=body, principal=principal)
    return NoteRead.model_validate(note)


def _commitment_fields(
    _app: Any, _caller: Principal
) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
    """A commitment's ``overdue`` (as of today in Colombia, taken once per request) and
    notes, as ``service.commitment_read`` shows them."""
    return partial(service.commitment_fields, today=colombia_today())


def _overdue(value: bool, bind: Binder) -> str:
    """``overdue_clause`` as of today in Colombia (or its negation)."""
    pending, today = bind(list(PENDING_COMMITMENT)), bind(colombia_today())
    clause = f"c.status = ANY({pending}::text[]) AND c.due_date < {today}"
    return f"({clause})" if value else f"NOT ({clause})"


# Commitments with their event's territory and their notes (oldest first), in one statement.
COMMITMENTS_SELECT = (
    "SELECT c.id, c.event_id, e.municipality_code, e.department_code, c.description, "
    "c.responsible_party, c.responsible_party_kind, c.due_date, c.status, c.status_reason, "
    "c.fulfilled_at, c.version, c.created_at, c.updated_at, c.archived_at, n.notes "
    "FROM commitments c JOIN events e ON e.id = c.event_id "
    "LEFT JOIN LATERAL (SELECT json_agg(json_build_object('id', cn.id, "
    "'commitment_id', cn.commitment_id, 'noted_on', cn.noted_on, 'note', cn.note, "
    "'author', cn.author, 'created_at', cn.created_at) ORDER BY cn.created_at, cn.id) AS notes "
    "FROM commitment_notes cn WHERE cn.commitment_id = c.id) n ON true"
)
# The two lists above on the lean path (``fastlist``).
FAST_LIST = FastList(
    path=COMMITMENTS,
    scope="events:read",
    select=COMMITMENTS_SELECT,
    page=CommitmentPage,
    order=(("c.due_date", "d"), ("c.id", "u")),
    filters={
        "status": Filter.equals("c.status", enum_param(CommitmentStatus)),
        "overdue": Filter(bool_param, build=_overdue),
        "responsible_party": Filter.equals("c.responsible_party", text_param(300)),
        "municipality_code": Filter.equals("e.municipality_code", municipality_param),
        "department_code": Filter.equals("e.department_code", department_param),
        "due_from": Filter.at_least("c.due_date", date_param),
        "due_to": Filter.at_most("c.due_date", date_param),
    },
    territory=("e.municipality_code", "e.department_code"),
    archived=("c.archived_at", "e.archived_at"),
    computed=Computed(("overdue", "notes"), _commitment_fields),
)
FAST_EVENT_LIST = replace(
    FAST_LIST,
    path=EVENT + "/commitments",
    filters={},
    parent=Parent(
        "event_id", "SELECT municipality_code FROM events WHERE id = $1", column="c.event_id"
    ),
)
