"""Events statistics: grouped aggregates tallied per municipality and in total."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import asyncpg

from services.common.auth import Principal
from services.common.disclosure import Disclosure, protect_areas, protect_means
from services.common.stats import Territory
from services.events.records import TWO_PLACES, bogota_today
from services.events.stats import repository
from services.events.stats.schemas import EventStats
from services.events.vocabularies import (
    BREAKDOWNS,
    OPTIONAL_COUNTS,
    CommitmentStatus,
    EventStatus,
    EventType,
    count_column,
)

_EVENT_STATUSES = tuple(s.value for s in EventStatus)
_EVENT_TYPES = tuple(t.value for t in EventType)
_COMMITMENT_STATUSES = tuple(s.value for s in CommitmentStatus)
_BREAKDOWN_COLUMNS = {
    name: [(code.value, count_column(name, code.value)) for code in codes]
    for name, codes in BREAKDOWNS.items()
}


class _Area:
    """Running totals of one area (all, or one municipality) built from grouped rows."""

    def __init__(self) -> None:
        self.by_status = dict.fromkeys(_EVENT_STATUSES, 0)
        self.held_by_type = dict.fromkeys(_EVENT_TYPES, 0)
        self.communities = dict.fromkeys(_EVENT_TYPES, 0)
        self.protection_communities = 0
        self.events_with_participation = 0
        self.sums = dict.fromkeys(repository.PARTICIPATION_SUMS, 0)
        self.commitments = dict.fromkeys(_COMMITMENT_STATUSES, 0)
        self.overdue = 0
        self.trust_sessions = 0
        self.trust_sum = Decimal(0)
        self.trust_respondents = 0

    def read(self) -> dict[str, Any]:
        """The figures as plain data (validated once, with every area, by the caller)."""
        sums = self.sums
        mean = (
            float((self.trust_sum / self.trust_sessions).quantize(TWO_PLACES, ROUND_HALF_UP))
            if self.trust_sessions
            else None
        )
        return {
            "events_total": sum(self.by_status.values()),
            "events_by_status": self.by_status,
            "held_by_type": self.held_by_type,
            "communities_by_type": self.communities,
            "communities_in_protection_workshops": self.protection_communities,
            "participants": {
                "total": sums["total"],
                "events_with_participation": self.events_with_participation,
                **{
                    name: {code: sums[column] for code, column in columns}
                    for name, columns in _BREAKDOWN_COLUMNS.items()
                },
                "conflict_victims": sums["conflict_victims"],
                "persons_with_disability": sums["persons_with_disability"],
                "lgbtiq": sums["lgbtiq"],
            },
            "commitments": {
                "total": sum(self.commitments.values()),
                "by_status": self.commitments,
                "overdue": self.overdue,
            },
            "trust": {"sessions_with_change": self.trust_sessions, "mean_change": mean},
        }


async def event_stats(
    pool: asyncpg.Pool,
    *,
    principal: Principal,
    disclosure: Disclosure,
    filters: repository.StatsFilters,
    echo: Mapping[str, str | None],
    recount: bool = False,
) -> EventStats:
    """Statistics from five grouped aggregate statements run side by side, or, without
    dates (and unless ``recount``), from their per-municipality tallies; no row-by-row
    reading. Areas are tallied as plain data and validated in one ``model_validate``; the
    participants' small cells are withheld (in total and per municipality) unless
    ``disclosure`` is exact."""
    scope = repository.StatsScope(
        territory=Territory.of(
            principal,
            municipality_code=filters.municipality_code,
            department_code=filters.department_code,
        ),
        starts_from=filters.starts_from,
        starts_before=filters.starts_before,
    )
    rows = await repository.event_stats(pool, scope, bogota_today(), recount=recount)
    total = _Area()
    areas: dict[str, _Area] = {}

    def both(code: str) -> tuple[_Area, _Area]:
        area = areas.get(code)
        if area is None:
            area = areas[code] = _Area()
        return total, area

    for code, kind, status, count, communities in rows["counts"]:
        for area in both(code):
            area.by_status[status] += count
            if status == EventStatus.held:
                area.held_by_type[kind] += count
                # communities include their municipality, so per-municipality counts add up
                area.communities[kind] += communities
    for code, communities in rows["protection"]:
        for area in both(code):
            area.protection_communities += communities
    for row in rows["participation"]:
        code, events, *sums = row
        for area in both(code):
            area.events_with_participation += events
            for name, value in zip(repository.PARTICIPATION_SUMS, sums, strict=True):
                area.sums[name] += int(value)
    for code, status, count, overdue in rows["commitments"]:
        for area in both(code):
            area.commitments[status] += count
            area.overdue += overdue
    for code, sessions, change_sum, respondents in rows["trust"]:
        for area in both(code):
            area.trust_sessions += sessions
            area.trust_sum += Decimal(change_sum)
            area.trust_respondents += int(respondents or 0)
    document = {
        **total.read(),
        "filters": dict(echo),
        "by_municipality": {code: areas[code].read() for code in sorted(areas)},
    }
    suppressed = protect_areas(
        document,
        disclosure=disclosure,
        whole="participants",
        parts={code: f"by_municipality.{code}.participants" for code in areas},
        breakdowns=BREAKDOWNS,
        flags=OPTIONAL_COUNTS,
    )
    trust = {"trust": total.trust_respondents} | {
        f"by_municipality.{code}.trust": area.trust_respondents for code, area in areas.items()
    }
    suppressed += protect_means(
        document, respondents=trust, whole="trust", field="mean_change", disclosure=disclosure
    )
    document["suppressed"] = sorted(suppressed)
    return EventStats.model_validate(document)
