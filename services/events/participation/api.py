"""Routes of an event's anonymous participation summary."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.disclosure import DisclosureDep
from services.common.errors import NotFound, problem_responses
from services.events.dependencies import EVENT, EVERY_ROUTE
from services.events.events.api import CurrentEvent, EventToChange
from services.events.participation import repository, service
from services.events.participation.schemas import ParticipationRead, ParticipationWrite

router = APIRouter(prefix=EVENT + "/participation", tags=["participation"], responses=EVERY_ROUTE)


@router.get(
    "",
    operation_id="participation-get",
    response_model=ParticipationRead,
    responses=problem_responses(404),
    summary="An event's anonymous participation summary",
    description="Counts of 1 to k-1 people (k = SOMOS_MIN_CELL_SIZE, default 5) are null for "
    "tokens without attendees:pii, with any count that would reveal them by subtraction; "
    "`suppressed` lists them.",
)
async def get_participation(
    event: CurrentEvent, session: SessionDep, disclosure: DisclosureDep, response: Response
) -> ParticipationRead:
    participation = await repository.get_participation(session, event.id)
    if participation is None:
        raise NotFound("No participation summary has been recorded for this event.")
    set_etag(response, participation.version)
    return service.participation_read(participation, disclosure=disclosure)


@router.put(
    "",
    operation_id="participation-put",
    response_model=ParticipationRead,
    responses={
        **problem_responses(404, 409, 412, 428),
        201: {"description": "Created", "model": ParticipationRead},
    },
    summary="Record the anonymous participation summary (If-Match once it exists)",
)
async def put_participation(
    body: ParticipationWrite,
    event: EventToChange,
    request: Request,
    response: Response,
    session: SessionDep,
    disclosure: DisclosureDep,
) -> ParticipationRead:
    current = await repository.get_participation(session, event.id, for_update=True)
    if current is not None:
        require_if_match(request, current.version)
    participation, created = await service.put_participation(
        session, event=event, data=body, current=current
    )
    if created:
        response.status_code = 201
    set_etag(response, participation.version)
    return service.participation_read(participation, disclosure=disclosure)
