"""Route of the events statistics."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.common.db import DatabaseDep
from services.common.disclosure import DisclosureDep
from services.common.stats import Territory
from services.common.tallies import RecountDep, answer_from_tallies
from services.common.territory import DepartmentCode, MunicipalityCode
from services.events.dependencies import EVERY_ROUTE, FromDate, Reader, ToDate
from services.events.records import bogota_today, date_range
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
    request: Request,
    database: DatabaseDep,
    principal: Reader,
    disclosure: DisclosureDep,
    recount: RecountDep,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    from_: FromDate = None,
    to: ToDate = None,
) -> EventStats | Response:
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
    pool = database.pool

    async def figures() -> EventStats:
        return await service.event_stats(
            pool,
            principal=principal,
            disclosure=disclosure,
            filters=filters,
            echo=echo,
            recount=recount,
        )

    if recount or starts_from is not None or starts_before is not None:
        return await figures()
    territory = Territory.of(
        principal, municipality_code=municipality_code, department_code=department_code
    )
    # "overdue" counts against the day in Colombia: a new day is a new answer.
    key = (disclosure, bogota_today())
    return await answer_from_tallies(request, pool, territory=territory, key=key, build=figures)
