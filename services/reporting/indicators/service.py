"""Indicator rules: the reference sheet read, and an indicator added from a measure."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.errors import Conflict, InvalidInput
from services.common.records import flush
from services.reporting.framework import calculation
from services.reporting.indicators import repository
from services.reporting.indicators.schemas import (
    IndicatorCreate,
    IndicatorRead,
    MeasureRead,
    Name,
)
from services.reporting.measures import MEASURES, Measure
from services.reporting.models import Indicator


class IndicatorCodeTaken(Conflict):
    slug, title = "indicator-code-taken", "An indicator with that code exists"


def indicator_read(indicator: Indicator, lop_target: float | None) -> IndicatorRead:
    return IndicatorRead(
        code=indicator.code,
        name=Name(es=indicator.name_es, en=indicator.name_en),
        definition=indicator.definition,
        unit=indicator.unit,  # type: ignore[arg-type]
        direction=indicator.direction,  # type: ignore[arg-type]
        measure=indicator.measure,
        parameter=indicator.parameter,
        calculation=calculation(indicator.measure, indicator.parameter),
        disaggregations=list(indicator.disaggregations),
        frequency=indicator.frequency,
        data_source=indicator.data_source,
        limitations=indicator.limitations,
        baseline=indicator.baseline,
        baseline_year=indicator.baseline_year,
        lop_target=lop_target,
        version=indicator.version,
        created_by=indicator.created_by,
        updated_at=indicator.updated_at,
    )


async def list_indicators(session: AsyncSession) -> list[IndicatorRead]:
    indicators = await repository.list_indicators(session)
    lop = await repository.programme_targets(session, fiscal_year=None)
    return [indicator_read(i, lop.get(i.id)) for i in indicators]


async def read_indicator(session: AsyncSession, indicator: Indicator) -> IndicatorRead:
    lop = await repository.programme_targets(session, fiscal_year=None)
    return indicator_read(indicator, lop.get(indicator.id))


def measure_read(measure: Measure) -> MeasureRead:
    return MeasureRead(
        code=measure.code,
        services=list(measure.services),
        description=measure.description,
        unit=measure.unit,
        parameter=measure.parameter,
        choices=list(measure.choices),
        people=measure.people,
        dated_by=measure.dated_by,
    )


def _check_measure(data: IndicatorCreate) -> Measure:
    measure = MEASURES.get(data.measure)
    if measure is None:
        raise InvalidInput("measure", f"must be one of: {', '.join(sorted(MEASURES))}")
    if measure.parameter is None and data.parameter is not None:
        raise InvalidInput("parameter", f"the measure {measure.code} takes no parameter")
    if measure.parameter == "event_type" and data.parameter is None:
        raise InvalidInput("parameter", "give the event type this indicator counts")
    if data.parameter is not None and data.parameter not in measure.choices:
        raise InvalidInput("parameter", f"must be one of: {', '.join(measure.choices)}")
    return measure


async def create_indicator(
    session: AsyncSession, *, data: IndicatorCreate, principal: Principal
) -> Indicator:
    measure = _check_measure(data)
    if await repository.code_taken(session, data.code):
        raise IndicatorCodeTaken(f"An indicator with code {data.code} already exists.")
    indicator = Indicator(
        code=data.code,
        position=await repository.next_position(session),
        name_es=data.name.es,
        name_en=data.name.en,
        definition=data.definition,
        unit=measure.unit,
        direction=data.direction,
        measure=measure.code,
        parameter=data.parameter,
        disaggregations=list(data.disaggregations),
        frequency=data.frequency,
        data_source=data.data_source
        or ", ".join(f"Somos {s} service statistics" for s in measure.services),
        limitations=data.limitations,
        baseline=data.baseline,
        baseline_year=data.baseline_year,
        created_by=principal.sub,
    )
    session.add(indicator)
    await flush(session, {"uq_indicators_code": lambda: IndicatorCodeTaken()})
    return indicator
