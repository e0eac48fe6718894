"""Routes of indicators and the measures they are built from."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.reporting.dependencies import (
    EVERY_ROUTE,
    INDICATOR,
    INDICATORS,
    Admin,
    CurrentIndicator,
    Reader,
)
from services.reporting.indicators import service
from services.reporting.indicators.schemas import (
    IndicatorCreate,
    IndicatorList,
    IndicatorRead,
    MeasureList,
)
from services.reporting.measures import MEASURES

router = APIRouter(tags=["indicators"], responses=EVERY_ROUTE)


@router.get(
    INDICATORS,
    operation_id="indicators-list",
    response_model=IndicatorList,
    summary="The programme's indicators with their reference sheets (PIRS)",
)
async def list_indicators(session: SessionDep, principal: Reader) -> IndicatorList:
    return IndicatorList(items=await service.list_indicators(session))


@router.get(
    INDICATOR,
    operation_id="indicators-get",
    response_model=IndicatorRead,
    responses=problem_responses(404),
    summary="One indicator's reference sheet (PIRS)",
)
async def get_indicator(
    indicator: CurrentIndicator, session: SessionDep, response: Response
) -> IndicatorRead:
    set_etag(response, indicator.version)
    return await service.read_indicator(session, indicator)


@router.post(
    INDICATORS,
    status_code=201,
    operation_id="indicators-create",
    response_model=IndicatorRead,
    responses=problem_responses(409),
    summary="Add an indicator built from a measure the services expose (admin)",
)
async def create_indicator(
    body: IndicatorCreate, session: SessionDep, principal: Admin, response: Response
) -> IndicatorRead:
    indicator = await service.create_indicator(session, data=body, principal=principal)
    response.headers["Location"] = f"{INDICATORS}/{indicator.code}"
    set_etag(response, indicator.version)
    return service.indicator_read(indicator, None)


@router.get(
    "/api/v1/measures",
    operation_id="measures-list",
    response_model=MeasureList,
    summary="What the services count that an indicator can be built from",
)
async def list_measures(principal: Reader) -> MeasureList:
    return MeasureList(items=[service.measure_read(m) for m in MEASURES.values()])
