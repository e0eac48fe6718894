"""Statements of the statistics (raw pool, grouped by PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg

from services.common.auth import Principal
from services.common.stats import Statement, Territory, run_statements
from services.common.tallies import Tally, read_tallies
from services.security_plans.vocabularies import FundingSource


@dataclass(frozen=True)
class StatsFilters:
    department_code: str | None = None
    municipality_code: str | None = None
    from_: date | None = None
    to: date | None = None


class _Statement(Statement):
    def plans_in_scope(self, territory: Territory, filters: StatsFilters) -> str:
        """Active plans (alias ``p``) in the territory whose term overlaps the dates."""
        conditions = [self.in_territory(territory, "p")]
        if filters.from_:
            conditions.append(f"p.term_end_year >= {self.param(filters.from_.year, 'int')}")
        if filters.to:
            conditions.append(f"p.term_start_year <= {self.param(filters.to.year, 'int')}")
        return " AND ".join(conditions)


def _plans_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Plans grouped by municipality, status and term, with approval counts."""
    s = _Statement()
    sql = f"""
        SELECT p.municipality_code, p.status, p.term_start_year, count(*) AS plans,
               count(p.approved_on) AS approved,
               count(*) FILTER (WHERE p.approved_on <= make_date(p.term_start_year, 6, 30))
                   AS on_time
        FROM security_plans p WHERE {s.plans_in_scope(territory, filters)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _latest_reviews_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """The latest review (within the dates) of every plan in scope."""
    s = _Statement()
    sql = f"""
        SELECT DISTINCT ON (r.plan_id) r.plan_id, p.municipality_code, p.term_start_year,
               r.score, r.reviewed_on
        FROM plan_reviews r JOIN security_plans p ON p.id = r.plan_id
        WHERE {s.plans_in_scope(territory, filters)}
          AND {s.within_dates("r.reviewed_on", filters.from_, filters.to)}
        ORDER BY r.plan_id, r.reviewed_on DESC, r.created_at DESC"""
    return sql, s.args


def _planned_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Planned pesos by municipality, one column per funding source (active actions).

    The sources are a closed vocabulary, so each is read by key instead of expanding every
    budget with jsonb_each_text."""
    s = _Statement()
    sources = ",\n".join(
        f"coalesce(sum((a.budget ->> '{source.value}')::bigint), 0) AS {source.value}"
        for source in FundingSource
    )
    sql = f"""
        SELECT p.municipality_code, {sources}
        FROM plan_actions a JOIN security_plans p ON p.id = a.plan_id
        WHERE a.archived_at IS NULL AND {s.plans_in_scope(territory, filters)}
        GROUP BY 1"""
    return sql, s.args


def _executed_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Executed pesos by municipality (reports of active actions, periods within the dates)."""
    s = _Statement()
    sql = f"""
        SELECT p.municipality_code, sum(r.budget_executed_cop) AS executed
        FROM progress_reports r
        JOIN plan_actions a ON a.id = r.action_id
        JOIN security_plans p ON p.id = r.plan_id
        WHERE a.archived_at IS NULL AND {s.plans_in_scope(territory, filters)}
          AND {s.within_dates("r.period_start", filters.from_, filters.to)}
        GROUP BY 1"""
    return sql, s.args


def _strategies_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Active strategies by municipality, status and approach; dated by start (or creation,
    as a Colombian date)."""
    s = _Statement()
    day = "coalesce(s.started_on, (s.created_at AT TIME ZONE 'America/Bogota')::date)"
    sql = f"""
        SELECT s.municipality_code, s.status, s.approach, count(*) AS strategies
        FROM prevention_strategies s
        WHERE {s.in_territory(territory, "s")}
          AND {s.within_dates(day, filters.from_, filters.to)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


# The statements' rows without dates, kept per municipality by triggers (migration
# plans_0002).
TALLIES = {
    "plans": Tally(
        "tally_plans", "municipality_code, status, term_start_year, plans, approved, on_time"
    ),
    "reviews": Tally(
        "tally_latest_reviews",
        "plan_id, municipality_code, term_start_year, score, reviewed_on",
        order_by="plan_id",
    ),
    "planned": Tally(
        "tally_planned", "municipality_code, " + ", ".join(s.value for s in FundingSource)
    ),
    "executed": Tally("tally_executed", "municipality_code, executed"),
    "strategies": Tally("tally_strategies", "municipality_code, status, approach, strategies"),
}


async def statistics(
    pool: asyncpg.Pool, principal: Principal, filters: StatsFilters, *, recount: bool = False
) -> dict[str, list[asyncpg.Record]]:
    """The rows of the five statistics statements (services/common/stats.py): from the
    tallies when no dates are given (unless ``recount``), else from the records."""
    territory = Territory.of(
        principal,
        municipality_code=filters.municipality_code,
        department_code=filters.department_code,
    )
    if not recount and filters.from_ is None and filters.to is None:
        return await read_tallies(pool, TALLIES, territory=territory)
    return await run_statements(
        pool,
        {
            "plans": _plans_sql(territory, filters),
            "reviews": _latest_reviews_sql(territory, filters),
            "planned": _planned_sql(territory, filters),
            "executed": _executed_sql(territory, filters),
            "strategies": _strategies_sql(territory, filters),
        },
        territory=territory,
    )


async def fetch_municipality_summary(
    pool: asyncpg.Pool, municipality_code: str
) -> tuple[list[asyncpg.Record], list[asyncpg.Record]]:
    """One municipality's live plans, each with its latest review and its budget, and its
    active strategies counted by status and approach: two statements on one connection.

    The budget is the plan execution's: planned pesos of active actions, executed pesos of
    their reports (any period). A municipality has a plan per term, so the correlated
    sub-queries run a handful of times.
    """
    async with pool.acquire() as conn:
        plans = await conn.fetch(
            """
            SELECT p.id, p.title, p.status, p.term_start_year, p.term_end_year, p.approved_on,
                   review.score AS latest_review_score,
                   review.reviewed_on AS latest_review_on,
                   (SELECT COALESCE(SUM(a.budget_total_cop), 0) FROM plan_actions a
                     WHERE a.plan_id = p.id AND a.archived_at IS NULL) AS planned,
                   (SELECT COALESCE(SUM(r.budget_executed_cop), 0)
                      FROM progress_reports r JOIN plan_actions a ON a.id = r.action_id
                     WHERE r.plan_id = p.id AND a.archived_at IS NULL) AS executed
            FROM security_plans p
            LEFT JOIN LATERAL (
                SELECT score, reviewed_on FROM plan_reviews
                WHERE plan_id = p.id ORDER BY reviewed_on DESC, created_at DESC LIMIT 1
            ) review ON true
            WHERE p.municipality_code = $1 AND p.archived_at IS NULL
            ORDER BY p.term_start_year
            """,
            municipality_code,
        )
        strategies = await conn.fetch(
            "SELECT status, approach, count(*) AS strategies FROM prevention_strategies "
            "WHERE municipality_code = $1 AND archived_at IS NULL GROUP BY status, approach",
            municipality_code,
        )
    return list(plans), list(strategies)
