"""Route of the events statistics."""

from __future__ import annotations

from fastapi import APIRouter

from services.common.db import DatabaseDep
from services.common.disclosure import DisclosureDep
from services.common.tallies import RecountDep
from services.common.territory import DepartmentCode, MunicipalityCode
from services.events.dependencies import EVERY_ROUTE, FromDate, Reader, ToDate
from services.events.records import date_range
from services.events.stats import repository, service
from services.events.stats.schemas import EventStats

router = APIRouter(prefix="/api/v1/stats/events", tags=["statistics"], responses=EVERY_ROUTE)


@router.get(
    "",
    operation_id="events-stats",
    response_model=EventStats,
    summary="Events held, communities, participants, commitments and trust — "
    "aggregates only, by municipality",
    description="Participant counts of 1 to k-1 people (k = SOMOS_MIN_CELL_SIZE, default 5), "
    "in total or in a municipality, are null for tokens without attendees:pii, with any count "
    "that would reveal them by subtraction; `suppressed` lists them.",
)
async def event_stats(
    database: DatabaseDep,
    principal: Reader,
    disclosure: DisclosureDep,
    recount: RecountDep,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    from_: FromDate = None,
    to: ToDate = None,
) -> EventStats:
    starts_from, starts_before = date_range(from_, to)
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
    return await service.event_stats(
        database.pool,
        principal=principal,
        disclosure=disclosure,
        filters=filters,
        echo=echo,
        recount=recount,
    )
