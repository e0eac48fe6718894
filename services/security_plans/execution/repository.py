"""Statements of a plan's execution summary (raw pool, sums computed by PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import asyncpg

from services.security_plans.plans.repository import PLAN_COLUMNS


async def fetch_execution(
    pool: asyncpg.Pool, plan_id: uuid.UUID, window: Callable[[asyncpg.Record], list[str]]
) -> (
    tuple[
        asyncpg.Record, list[str], list[asyncpg.Record], list[asyncpg.Record], list[asyncpg.Record]
    ]
    | None
):
    """Plan, lines, per-action report aggregates and planned budget by source (four
    statements; the sums are computed by PostgreSQL). ``window`` names, from the plan row,
    the periods that count as recent."""
    async with pool.acquire() as conn:
        plan = await conn.fetchrow(
            f"SELECT {PLAN_COLUMNS} FROM security_plans WHERE id = $1", plan_id
        )
        if plan is None:
            return None
        recent_periods = window(plan)
        lines = await conn.fetch(
            "SELECT id, name FROM plan_lines WHERE plan_id = $1 AND archived_at IS NULL "
            "ORDER BY created_at, id",
            plan_id,
        )
        actions = await conn.fetch(
            """
            SELECT a.id, a.line_id, a.name, a.indicator, a.budget_total_cop,
                   COALESCE(r.executed, 0) AS executed, COALESCE(r.reports, 0) AS reports,
                   r.latest_period, r.latest_value, COALESCE(r.recent, false) AS recent
            FROM plan_actions a
            LEFT JOIN (
                SELECT action_id, SUM(budget_executed_cop) AS executed, COUNT(*) AS reports,
                       (ARRAY_AGG(period ORDER BY period_start DESC))[1] AS latest_period,
                       (ARRAY_AGG(value ORDER BY period_start DESC))[1] AS latest_value,
                       BOOL_OR(period = ANY($2::text[])) AS recent
                FROM progress_reports WHERE plan_id = $1 GROUP BY action_id
            ) r ON r.action_id = a.id
            WHERE a.plan_id = $1 AND a.archived_at IS NULL
            ORDER BY a.created_at, a.id
            """,
            plan_id,
            recent_periods,
        )
        by_source = await conn.fetch(
            "SELECT b.key AS source, SUM(b.value::bigint) AS planned "
            "FROM plan_actions a CROSS JOIN LATERAL jsonb_each_text(a.budget) b "
            "WHERE a.plan_id = $1 AND a.archived_at IS NULL GROUP BY b.key",
            plan_id,
        )
    return plan, recent_periods, list(lines), list(actions), list(by_source)
