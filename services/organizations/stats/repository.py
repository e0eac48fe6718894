"""Every statistics statement: raw SQL through the asyncpg pool (services/common/stats.py),
aggregates only, run side by side, one connection each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg

from services.common.stats import Statement, Territory, run_statements
from services.common.tallies import Tally, read_tallies
from services.organizations.vocabularies import AgeGroup, Ethnicity, Sex


@dataclass(frozen=True)
class StatsScope:
    territory: Territory
    date_from: date | None
    date_to: date | None


def _organizations_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Organizations (a stock: the dates do not apply) by municipality, type, ethnic focus."""
    s = Statement()
    sql = f"""
        SELECT o.municipality_code, o.type, o.ethnic_focus, count(*) AS n
        FROM organizations o
        WHERE {s.in_territory(scope.territory, "o")}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _opi_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Verified assessments and OPI figures by municipality, in one join with organizations.

    Baseline: the organization's verified baseline assessed on or before `to` (at most one
    baseline per organization). Latest: its latest verified follow-up assessed within
    from/to (same order as the performance endpoint).
    """
    s = Statement()
    follow_ups = s.within_dates("f.assessed_on", scope.date_from, scope.date_to)
    if scope.territory.narrowed:
        # Only the follow-ups of organizations in scope, not the whole country's.
        follow_ups += (
            " AND f.organization_id IN "
            f"(SELECT t.id FROM organizations t WHERE {s.in_territory(scope.territory, 't')})"
        )
    assessed = s.within_dates("a.assessed_on", scope.date_from, scope.date_to)
    baseline = "a.kind = 'baseline'" + (
        f" AND a.assessed_on <= {s.param(scope.date_to, 'date')}" if scope.date_to else ""
    )
    organizations = s.in_territory(scope.territory, "o")
    sql = f"""
        WITH latest AS (
            SELECT DISTINCT ON (f.organization_id) f.organization_id, f.overall_score
            FROM assessments f
            WHERE f.kind = 'follow_up' AND f.status = 'verified' AND {follow_ups}
            ORDER BY f.organization_id DESC, f.assessed_on DESC, f.created_at DESC
        )
        SELECT o.municipality_code,
               count(*) FILTER (WHERE a.kind = 'baseline' AND {assessed}) AS verified_baseline,
               count(*) FILTER (WHERE a.kind = 'follow_up' AND {assessed})
                   AS verified_follow_up,
               count(*) FILTER (WHERE {baseline}) AS with_baseline,
               sum(a.overall_score) FILTER (WHERE {baseline}) AS baseline_sum,
               sum(coalesce(l.overall_score, a.overall_score)) FILTER (WHERE {baseline})
                   AS latest_sum,
               count(l.organization_id) FILTER (WHERE {baseline}) AS assessed_twice,
               count(*) FILTER (WHERE {baseline} AND l.overall_score > a.overall_score)
                   AS improved
        FROM assessments a
        JOIN organizations o ON o.id = a.organization_id
        LEFT JOIN latest l ON l.organization_id = a.organization_id AND a.kind = 'baseline'
        WHERE {organizations} AND a.status = 'verified'
        GROUP BY 1"""
    return sql, s.args


def _plans_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Strengthening plans (start date within from/to) by municipality and status."""
    s = Statement()
    sql = f"""
        SELECT o.municipality_code, p.status, count(*) AS n
        FROM strengthening_plans p JOIN organizations o ON o.id = p.organization_id
        WHERE {s.in_territory(scope.territory, "o")} AND p.archived_at IS NULL
          AND {s.within_dates("p.start_date", scope.date_from, scope.date_to)}
        GROUP BY 1, 2"""
    return sql, s.args


def _support_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Support by municipality and kind; kind NULL rows: distinct organizations over all kinds."""
    s = Statement()
    sql = f"""
        SELECT o.municipality_code, sa.kind, count(*) AS n, sum(sa.hours) AS hours,
               count(DISTINCT sa.organization_id) AS organizations,
               count(DISTINCT sa.organization_id) FILTER (
                   WHERE sa.kind IN ('communications', 'relationship_with_authorities')
               ) AS organizations_communications_or_relations
        FROM support_activities sa JOIN organizations o ON o.id = sa.organization_id
        WHERE {s.in_territory(scope.territory, "o")} AND sa.archived_at IS NULL
          AND {s.within_dates("sa.delivered_on", scope.date_from, scope.date_to)}
        GROUP BY GROUPING SETS ((o.municipality_code, sa.kind), (o.municipality_code))"""
    return sql, s.args


BENEFICIARY_BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "by_sex": tuple(s.value for s in Sex),
    "by_age_group": tuple(a.value for a in AgeGroup),
    "by_ethnicity": tuple(e.value for e in Ethnicity),
}


def _initiatives_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Initiatives by municipality, status, methodology; sums over the ones not cancelled.

    The beneficiary breakdowns are read key by key (the codes are a closed vocabulary),
    one column per (breakdown, code) in BENEFICIARY_BREAKDOWNS order.
    """
    s = Statement()
    breakdowns = ",\n".join(
        f"coalesce(sum((c.beneficiaries -> '{name}' ->> '{code}')::int)"
        f" FILTER (WHERE c.status <> 'cancelled'), 0)"
        for name, codes in BENEFICIARY_BREAKDOWNS.items()
        for code in codes
    )
    sql = f"""
        SELECT c.municipality_code, c.status, c.methodology, count(*) AS n,
               coalesce(sum(c.budget_cop) FILTER (WHERE c.status <> 'cancelled'), 0)
                   AS budget_cop,
               coalesce(sum(c.beneficiaries_total) FILTER (WHERE c.status <> 'cancelled'), 0)
                   AS beneficiaries,
               {breakdowns}
        FROM community_initiatives c
        WHERE {s.in_territory(scope.territory, "c")}
          AND {s.within_dates("c.start_date", scope.date_from, scope.date_to)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _stats_statements(scope: StatsScope) -> dict[str, tuple[str, list[Any]]]:
    return {
        "organizations": _organizations_sql(scope),
        "opi": _opi_sql(scope),
        "plans": _plans_sql(scope),
        "support": _support_sql(scope),
        "initiatives": _initiatives_sql(scope),
    }


# The statements' rows without dates, kept per municipality by triggers (migration org_0004).
TALLIES = {
    "organizations": Tally("tally_organizations", "municipality_code, type, ethnic_focus, n"),
    "opi": Tally(
        "tally_opi",
        "municipality_code, verified_baseline, verified_follow_up, with_baseline, "
        "baseline_sum, latest_sum, assessed_twice, improved",
    ),
    "plans": Tally("tally_strengthening_plans", "municipality_code, status, n"),
    "support": Tally(
        "tally_support",
        "municipality_code, kind, n, hours, organizations, "
        "organizations_communications_or_relations",
    ),
    "initiatives": Tally(
        "tally_initiatives",
        "municipality_code, status, methodology, n, budget_cop, beneficiaries, "
        + ", ".join(
            f'"{name}.{code}"' for name, codes in BENEFICIARY_BREAKDOWNS.items() for code in codes
        ),
    ),
}


async def organization_stats(
    pool: asyncpg.Pool, scope: StatsScope, *, recount: bool = False
) -> dict[str, list[asyncpg.Record]]:
    """The rows of every statistics statement: from the tallies when no dates are given
    (unless ``recount``), else from the records."""
    if not recount and scope.date_from is None and scope.date_to is None:
        return await read_tallies(pool, TALLIES, territory=scope.territory)
    return await run_statements(pool, _stats_statements(scope), territory=scope.territory)


async def municipality_figures(
    pool: asyncpg.Pool, municipality_code: str, listed: int
) -> dict[str, list[asyncpg.Record]]:
    """One municipality's statistics rows and its ``listed`` latest active initiatives."""
    scope = StatsScope(
        territory=Territory(
            limited=False,  # callers check the token covers the municipality
            municipalities=(),
            departments=(),
            municipality_code=municipality_code,
            department_code=None,
        ),
        date_from=None,
        date_to=None,
    )
    listing = (
        "SELECT id, title, community, methodology, status, start_date, end_date "
        "FROM community_initiatives WHERE municipality_code = $1 AND archived_at IS NULL "
        "ORDER BY start_date DESC, created_at DESC, id LIMIT $2"
    )
    return await run_statements(
        pool,
        {**_stats_statements(scope), "listed": (listing, [municipality_code, listed])},
        territory=scope.territory,
    )
