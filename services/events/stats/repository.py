"""The five grouped aggregate statements behind the events statistics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import asyncpg

from services.common.stats import Statement, Territory, run_statements
from services.common.tallies import Tally, read_tallies
from services.events.models import COUNT_COLUMNS
from services.events.vocabularies import OPTIONAL_COUNTS, PENDING_COMMITMENT


@dataclass(frozen=True)
class StatsFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None


@dataclass(frozen=True)
class StatsScope:
    """Rows a statistics request covers: territory (claims and filters) and start times."""

    territory: Territory
    starts_from: datetime | None = None
    starts_before: datetime | None = None


class _Statement(Statement):
    def events_in_scope(self, scope: StatsScope) -> str:
        """Active events (alias ``e``) in the territory, starting within the range."""
        conditions = [self.in_territory(scope.territory, "e")]
        if scope.starts_from is not None:
            conditions.append(f"e.starts_at >= {self.param(scope.starts_from, 'timestamptz')}")
        if scope.starts_before is not None:
            conditions.append(f"e.starts_at < {self.param(scope.starts_before, 'timestamptz')}")
        return " AND ".join(conditions)


PROTECTION_WORKSHOPS = ("taller_psicosocial", "taller_autoproteccion")
PARTICIPATION_SUMS = [
    "total",
    *[c for cols in COUNT_COLUMNS.values() for c in cols],
    *OPTIONAL_COUNTS,
]
_PARTICIPATION_COLUMNS = ",\n".join(f"coalesce(sum(p.{c}), 0)" for c in PARTICIPATION_SUMS)
_PENDING = ", ".join(f"'{status}'" for status in PENDING_COMMITMENT)
_WORKSHOPS = ", ".join(f"'{kind}'" for kind in PROTECTION_WORKSHOPS)


def _counts_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """(municipality, type, status, events, distinct communities) groups."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, e.type, e.status, count(*) AS events,
               count(DISTINCT e.community_key) AS communities
        FROM events e WHERE {s.events_in_scope(scope)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _protection_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """(municipality, distinct communities with a held psychosocial or self-protection
    workshop)."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, count(DISTINCT e.community_key) AS communities
        FROM events e
        WHERE {s.events_in_scope(scope)} AND e.status = 'held' AND e.type IN ({_WORKSHOPS})
        GROUP BY 1"""
    return sql, s.args


def _participation_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Per municipality: held events with a summary, then the sum of every count column
    (in PARTICIPATION_SUMS order)."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, count(*) AS events, {_PARTICIPATION_COLUMNS}
        FROM participation p JOIN events e ON e.id = p.event_id
        WHERE {s.events_in_scope(scope)} AND e.status = 'held'
        GROUP BY 1"""
    return sql, s.args


def _commitments_sql(scope: StatsScope, today: date) -> tuple[str, list[Any]]:
    """(municipality, status, commitments, overdue) groups of active commitments."""
    s = _Statement()
    events = s.events_in_scope(scope)
    sql = f"""
        SELECT e.municipality_code, c.status, count(*) AS commitments,
               count(*) FILTER (
                   WHERE c.status IN ({_PENDING}) AND c.due_date < {s.param(today, "date")}
               ) AS overdue
        FROM commitments c JOIN events e ON e.id = c.event_id
        WHERE {events} AND c.archived_at IS NULL
        GROUP BY 1, 2"""
    return sql, s.args


def _trust_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """(municipality, held sessions with a trust change, sum of the changes, people who
    answered both surveys at most)."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, count(*) AS sessions, sum(e.trust_change) AS change_sum,
               sum(least(e.trust_before_respondents, e.trust_after_respondents)) AS respondents
        FROM events e
        WHERE {s.events_in_scope(scope)} AND e.status = 'held' AND e.trust_change IS NOT NULL
        GROUP BY 1"""
    return sql, s.args


def _overdue(today: date) -> Callable[[Statement], str]:
    """The commitments tally with "overdue" counted against ``today``: the pending total
    less the pending ones due on or after ``today`` (kept by due date from the day of each
    recount on, so every later day finds them)."""

    def columns(s: Statement) -> str:
        return (
            "t.municipality_code, t.status, t.n AS commitments, "
            f"CASE WHEN t.status IN ({_PENDING}) THEN t.n - coalesce(("
            "SELECT sum(d.n) FROM tally_commitments_due d "
            "WHERE d.municipality_code = t.municipality_code AND d.status = t.status "
            f"AND d.due_date >= {s.param(today, 'date')}), 0) ELSE 0 END::bigint AS overdue"
        )

    return columns


# The statements' rows without dates, kept per municipality by triggers (migration evt_0005).
_TALLIES = {
    "counts": Tally("tally_event_counts", "municipality_code, type, status, events, communities"),
    "protection": Tally("tally_protection", "municipality_code, communities"),
    "participation": Tally(
        "tally_participation", "municipality_code, events, " + ", ".join(PARTICIPATION_SUMS)
    ),
    "trust": Tally("tally_trust", "municipality_code, sessions, change_sum, respondents"),
}


async def event_stats(
    pool: asyncpg.Pool, scope: StatsScope, today: date, *, recount: bool = False
) -> dict[str, list[asyncpg.Record]]:
    """The rows of the five statistics statements: from the tallies when no dates are given
    (unless ``recount``), else from the records."""
    if not recount and scope.starts_from is None and scope.starts_before is None:
        tallies = {
            **_TALLIES,
            "commitments": Tally("tally_commitments", _overdue(today)),
        }
        return await read_tallies(pool, tallies, territory=scope.territory)
    return await run_statements(
        pool,
        {
            "counts": _counts_sql(scope),
            "protection": _protection_sql(scope),
            "participation": _participation_sql(scope),
            "commitments": _commitments_sql(scope, today),
            "trust": _trust_sql(scope),
        },
        territory=scope.territory,
    )
