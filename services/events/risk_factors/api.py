"""Routes of the risk factors named in an event."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.pagination import set_link_header
from services.events.dependencies import EVENT, EVERY_ROUTE, PageQuery, Reader, Writer
from services.events.events.service import load_event
from services.events.risk_factors import service
from services.events.risk_factors.schemas import RiskFactorCreate, RiskFactorPage, RiskFactorRead

router = APIRouter(
    prefix=EVENT + "/risk-factors", tags=["risk-factors-and-commitments"], responses=EVERY_ROUTE
)


@router.post(
    "",
    status_code=201,
    operation_id="risk-factors-create",
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
    event = await load_event(session, event_id=event_id, principal=principal, for_update=True)
    risk, created = await service.create_risk_factor(session, event=event, data=body)
    if not created:
        response.status_code = 200
    set_etag(response, risk.version)
    return RiskFactorRead.model_validate(risk)


@router.get(
    "",
    operation_id="risk-factors-list",
    response_model=RiskFactorPage,
    responses=problem_responses(404),
)
async def list_risk_factors(
    event_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: PageQuery,
    include_archived: bool = False,
) -> RiskFactorPage:
    event = await load_event(session, event_id=event_id, principal=principal)
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
    event_id: uuid.UUID,
    risk_factor_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> RiskFactorRead:
    event = await load_event(session, event_id=event_id, principal=principal, for_update=True)
    risk = await service.load_risk_factor(
        session, event=event, risk_factor_id=risk_factor_id, for_update=True
    )
    require_if_match(request, risk.version)
    risk = await service.archive_risk_factor(session, risk=risk)
    set_etag(response, risk.version)
    return RiskFactorRead.model_validate(risk)
