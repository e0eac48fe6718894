"""Routes of events: record, list, read, change, archive, move through their states."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal
from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.disclosure import DisclosureDep, disclosure_for
from services.common.errors import problem_responses
from services.common.fastlist import (
    Computed,
    FastList,
    Filter,
    department_param,
    enum_param,
    municipality_param,
    uuid_param,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.common.text import SearchText
from services.events.dependencies import (
    EVENTS,
    EVERY_ROUTE,
    NO_NUL,
    FromDate,
    KeyringDep,
    PageQuery,
    Reader,
    ToDate,
    Writer,
    optional_if_match,
    set_location,
)
from services.events.events import repository, service
from services.events.events.schemas import (
    EventCreate,
    EventPage,
    EventRead,
    EventTransition,
    EventUpdate,
)
from services.events.models import Event
from services.events.records import (
    check_date_range,
    date_range,
    day_after_param,
    day_start_param,
)
from services.events.upstreams import ReferencesDep
from services.events.vocabularies import EventStatus, EventType

router = APIRouter(prefix=EVENTS, tags=["events"], responses=EVERY_ROUTE)

# The event named by the path, 404 unless the caller's territory covers it; the routes of its
# participation, risk factors and commitments use them too (attendees load it with PII scopes).
CurrentEvent = Annotated[
    Event, Depends(record_loader(service.load_event, id_param="event_id", principal=Reader))
]
EventToChange = Annotated[
    Event,
    Depends(
        record_loader(service.load_event, id_param="event_id", principal=Writer, for_update=True)
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="events-create",
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
    disclosure: DisclosureDep,
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
    set_location(response, f"{EVENTS}/{event.id}")
    return service.event_read(event, disclosure=disclosure)


@router.get(
    "",
    operation_id="events-list",
    response_model=EventPage,
    summary="List events, newest first",
)
async def list_events(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    disclosure: DisclosureDep,
    page: PageQuery,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    type: EventType | None = None,
    status: EventStatus | None = None,
    organization_id: uuid.UUID | None = None,
    security_plan_id: uuid.UUID | None = None,
    from_: FromDate = None,
    to: ToDate = None,
    q: SearchText[
        Annotated[
            str | None,
            Query(
                min_length=1,
                max_length=100,
                pattern=NO_NUL,
                description="Accent- and case-insensitive text in title or community",
            ),
        ]
    ] = None,
    include_archived: bool = False,
) -> EventPage:
    starts_from, starts_before = date_range(from_, to)
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
    return EventPage(
        items=[service.event_read(e, disclosure=disclosure) for e in items], next_cursor=next_cursor
    )


@router.get(
    "/{event_id}",
    operation_id="events-get",
    response_model=EventRead,
    responses=problem_responses(404),
)
async def get_event(
    event: CurrentEvent, disclosure: DisclosureDep, write: WriteGuardDep
) -> EventRead:
    write.etag(event)
    return service.event_read(event, disclosure=disclosure)


@router.patch(
    "/{event_id}",
    operation_id="events-update",
    response_model=EventRead,
    responses=problem_responses(404, 409, 412, 428, 503),
)
async def update_event(
    body: EventUpdate,
    event: EventToChange,
    request: Request,
    session: SessionDep,
    principal: Writer,
    disclosure: DisclosureDep,
    territories: TerritoriesDep,
    references: ReferencesDep,
    keyring: KeyringDep,
    write: WriteGuardDep,
) -> EventRead:
    changed = await write(
        event,
        lambda e: service.update_event(
            session,
            event=e,
            changes=body,
            principal=principal,
            territories=territories,
            references=references,
            request=request,
            keyring=keyring,
        ),
    )
    return service.event_read(changed, disclosure=disclosure)


@router.delete(
    "/{event_id}",
    operation_id="events-archive",
    response_model=EventRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive an event (it stays readable with include_archived)",
)
async def archive_event(
    event: EventToChange, session: SessionDep, disclosure: DisclosureDep, write: WriteGuardDep
) -> EventRead:
    archived = await write(event, lambda e: service.archive_event(session, event=e))
    return service.event_read(archived, disclosure=disclosure)


@router.post(
    "/{event_id}/transitions",
    operation_id="events-transition",
    response_model=EventRead,
    responses=problem_responses(404, 409, 412),
    summary="planned → held (once started) or cancelled (with a reason)",
)
async def transition_event(
    body: EventTransition,
    event: EventToChange,
    request: Request,
    session: SessionDep,
    disclosure: DisclosureDep,
    write: WriteGuardDep,
) -> EventRead:
    optional_if_match(request, event.version)
    event = await service.transition_event(session, event=event, body=body)
    write.etag(event)
    return service.event_read(event, disclosure=disclosure)


def _event_trust(
    app: Any, principal: Principal
) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
    """An event's trust survey under the caller's disclosure level (trust means of few
    respondents withheld), as ``service.event_read`` shows it; once per request."""
    return partial(service.trust_fields, disclosure=disclosure_for(app, principal))


# The list above on the lean path (``fastlist``): same filters, territory rule, order, page.
FAST_LIST = FastList(
    path=EVENTS,
    scope="events:read",
    select=(
        "SELECT id, type, title, municipality_code, department_code, community, starts_at, "
        "ends_at, status, status_reason, partner_institutions, organization_ids, "
        "security_plan_id, trust_before_respondents, trust_before_mean, "
        "trust_after_respondents, trust_after_mean, trust_change, version, created_at, "
        "updated_at, archived_at FROM events"
    ),
    page=EventPage,
    order=(("starts_at", "t"), ("id", "u")),
    descending=True,
    filters={
        "municipality_code": Filter.equals("municipality_code", municipality_param),
        "department_code": Filter.equals("department_code", department_param),
        "type": Filter.equals("type", enum_param(EventType)),
        "status": Filter.equals("status", enum_param(EventStatus)),
        "organization_id": Filter(uuid_param, "organization_ids @> ARRAY[{}]::uuid[]"),
        "security_plan_id": Filter.equals("security_plan_id", uuid_param),
        "from": Filter.at_least("starts_at", day_start_param),
        "to": Filter.before("starts_at", day_after_param),
        "q": Filter.like("search_text"),
    },
    check=check_date_range,
    territory=("municipality_code", "department_code"),
    archived="archived_at",
    computed=Computed(("trust_survey", "suppressed"), _event_trust),
)
