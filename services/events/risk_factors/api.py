"""Routes of the risk factors named in an event."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import FastList, Parent, model_columns
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, child_loader
from services.events.dependencies import EVENT, EVERY_ROUTE, PageQuery
from services.events.events.api import CurrentEvent, EventToChange
from services.events.models import RiskFactor
from services.events.risk_factors import service
from services.events.risk_factors.schemas import RiskFactorCreate, RiskFactorPage, RiskFactorRead

router = APIRouter(
    prefix=EVENT + "/risk-factors", tags=["risk-factors-and-commitments"], responses=EVERY_ROUTE
)

# A risk factor of the path's event, or 404; locked with its event.
RiskFactorToChange = Annotated[
    RiskFactor,
    Depends(
        child_loader(
            service.load_risk_factor,
            id_param="risk_factor_id",
            parent_param="event_id",
            parent=EventToChange,
            for_update=True,
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="risk-factors-create",
    response_model=RiskFactorRead,
    responses=problem_responses(404, 409),
)
async def create_risk_factor(
    body: RiskFactorCreate,
    event: EventToChange,
    response: Response,
    session: SessionDep,
    write: WriteGuardDep,
) -> RiskFactorRead:
    risk, created = await service.create_risk_factor(session, event=event, data=body)
    if not created:
        response.status_code = 200
    write.etag(risk)
    return RiskFactorRead.model_validate(risk)


@router.get(
    "",
    operation_id="risk-factors-list",
    response_model=RiskFactorPage,
    responses=problem_responses(404),
)
async def list_risk_factors(
    event: CurrentEvent,
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageQuery,
    include_archived: bool = False,
) -> RiskFactorPage:
    items, next_cursor = await service.list_risk_factors(
        session, event=event, page=page, include_archived=include_archived
    )
    set_link_header(request, response, next_cursor)
    return RiskFactorPage(
        items=[RiskFactorRead.model_validate(r) for r in items], next_cursor=next_cursor
    )


@router.delete(
    "/{risk_factor_id}",
    operation_id="risk-factors-archive",
    response_model=RiskFactorRead,
    responses=problem_responses(404, 412, 428),
)
async def archive_risk_factor(
    risk: RiskFactorToChange, session: SessionDep, write: WriteGuardDep
) -> RiskFactorRead:
    archived = await write(risk, lambda r: service.archive_risk_factor(session, risk=r))
    return RiskFactorRead.model_validate(archived)


# The list above on the lean path (``fastlist``): the event must exist and be visible.
FAST_LIST = FastList(
    path=EVENT + "/risk-factors",
    scope="events:read",
    select=f"SELECT {model_columns(RiskFactorRead)} FROM risk_factors",
    page=RiskFactorPage,
    order=(("created_at", "t"), ("id", "u")),
    archived="archived_at",
    parent=Parent(
        "event_id", "SELECT municipality_code FROM events WHERE id = $1", column="event_id"
    ),
)
