"""Benchmark of the security_plans hot read paths; prints a table of latencies.

    .venv/bin/python -m bench.security_plans

Runs on a fresh database on the embedded PostgreSQL (under .somos/bench-pg), migrated with
Alembic and seeded with SQL: one plan with 10 lines x 10 actions x 8 quarterly reports, and
1,000 plans (with actions, reports, reviews and strategies) for the statistics. Requests go
through the real app (lifespan, middleware, auth) over httpx's ASGI transport, one at a time,
so the figures are per-request latency without network or concurrency effects.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from services.common import migrations
from services.common.db import asyncpg_dsn
from services.common.embedded import drop_database, ensure_database, start_embedded
from services.common.testing import asgi_client, bearer, make_token_factory, running_app
from services.security_plans.app import create_app
from services.security_plans.settings import SecurityPlansSettings

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "somos_bench_security_plans"
MUNICIPALITIES = [f"{d}{n:03d}" for d in ("05", "19", "52", "76", "25") for n in range(1, 201)]
PERIODS = [f"{y}-Q{q}" for y in (2024, 2025) for q in (1, 2, 3, 4)]
CHECKLIST = (
    "marco_normativo",
    "diagnostico_con_datos",
    "participacion_ciudadana",
    "enfoque_diferencial",
    "articulacion_policia",
    "lineas_alineadas_politica_nacional",
    "indicadores_con_linea_base_y_meta",
    "presupuesto_con_fuentes",
    "mecanismo_seguimiento",
)


def _period_start(period: str) -> date:
    year, quarter = period.split("-Q")
    return date(int(year), 3 * (int(quarter) - 1) + 1, 1)


async def seed(url: str) -> uuid.UUID:
    """Insert the big plan and 1,000 others; returns the big plan's id."""
    rng = random.Random(42)
    now = datetime.now(UTC)
    plans: list[tuple[Any, ...]] = []
    problems: list[tuple[Any, ...]] = []
    lines: list[tuple[Any, ...]] = []
    actions: list[tuple[Any, ...]] = []
    reports: list[tuple[Any, ...]] = []
    reviews: list[tuple[Any, ...]] = []
    strategies: list[tuple[Any, ...]] = []
    big: uuid.UUID | None = None
    for i, code in enumerate(MUNICIPALITIES[:1000]):
        plan_id = uuid.uuid4()
        status = (
            "in_implementation"
            if i < 400
            else "approved"
            if i < 600
            else "submitted"
            if i < 800
            else "formulation"
        )
        approved = date(2024, rng.randint(3, 9), 15) if i < 600 else None
        plans.append(
            (
                plan_id,
                code,
                code[:2],
                2024,
                2027,
                f"PISCC {code} 2024-2027",
                status,
                approved,
                "comite_territorial_orden_publico" if approved else None,
                "Acta CTOP" if approved else None,
                1,
                now,
                now,
            )
        )
        problems.append(
            (uuid.uuid4(), plan_id, "homicidio", 1, 30.5, "tasa_100k", 2023, "SIEDCO", 1, now, now)
        )
        n_lines, n_actions, n_reports = (10, 10, 8) if i == 0 else (2, 2, 2)
        if i == 0:
            big = plan_id
        for _ in range(n_lines):
            line_id = uuid.uuid4()
            lines.append((line_id, plan_id, "Línea estratégica", "Objetivo", 1, now, now))
            for _ in range(n_actions):
                action_id = uuid.uuid4()
                budget = {
                    "fonset": rng.randrange(10, 200) * 1_000_000,
                    "recursos_propios": rng.randrange(0, 50) * 1_000_000,
                }
                actions.append(
                    (
                        action_id,
                        plan_id,
                        line_id,
                        "Acción",
                        "alcaldia",
                        ["homicidio"],
                        json.dumps(
                            {"name": "Indicador", "unit": "casos", "baseline": 0, "target": 100}
                        ),
                        json.dumps(budget),
                        sum(budget.values()),
                        1,
                        now,
                        now,
                    )
                )
                if status == "in_implementation":
                    for period in PERIODS[:n_reports]:
                        reports.append(
                            (
                                uuid.uuid4(),
                                plan_id,
                                action_id,
                                period,
                                _period_start(period),
                                float(rng.randint(0, 100)),
                                rng.randrange(0, 20) * 1_000_000,
                                "bench",
                                1,
                                now,
                                now,
                            )
                        )
        if i % 2 == 0:
            ratings = [
                rng.choice(["cumple", "cumple_parcialmente", "no_cumple"]) for _ in CHECKLIST
            ]
            points = sum(
                {"cumple": 2, "cumple_parcialmente": 1, "no_cumple": 0}[r] for r in ratings
            )
            reviews.append(
                (
                    uuid.uuid4(),
                    plan_id,
                    "Equipo Somos",
                    date(2024, 4, 1),
                    json.dumps(
                        {
                            c: {"rating": r, "comment": ""}
                            for c, r in zip(CHECKLIST, ratings, strict=True)
                        }
                    ),
                    round(points * 100 / 18, 2),
                    1,
                    now,
                    now,
                )
            )
        strategies.append(
            (
                uuid.uuid4(),
                "Estrategia",
                code,
                code[:2],
                plan_id,
                rng.choice(["situacional", "social", "comunitaria"]),
                ["homicidio"],
                "jovenes",
                "Evidencia",
                [],
                "designed",
                1,
                now,
                now,
            )
        )
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.executemany(
            "INSERT INTO security_plans (id, municipality_code, department_code, "
            "term_start_year, term_end_year, title, status, approved_on, approving_body, "
            "act_reference, version, created_at, updated_at) "
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
            plans,
        )
        await conn.executemany(
            "INSERT INTO plan_problems (id, plan_id, problem, priority, baseline_value, unit, "
            "baseline_year, source, version, created_at, updated_at) "
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
            problems,
        )
        await conn.executemany(
            "INSERT INTO plan_lines (id, plan_id, name, objective, version, created_at, "
            "updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7)",
            lines,
        )
        await conn.executemany(
            "INSERT INTO plan_actions (id, plan_id, line_id, name, responsible_institution, "
            "problems, indicator, budget, budget_total_cop, version, created_at, updated_at) "
            "VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8::jsonb,$9,$10,$11,$12)",
            actions,
        )
        await conn.executemany(
            "INSERT INTO progress_reports (id, plan_id, action_id, period, period_start, value, "
            "budget_executed_cop, reported_by, version, created_at, updated_at) "
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
            reports,
        )
        await conn.executemany(
            "INSERT INTO plan_reviews (id, plan_id, reviewer, reviewed_on, checklist, score, "
            "version, created_at, updated_at) VALUES ($1,$2,$3,$4,$5::jsonb,$6,$7,$8,$9)",
            reviews,
        )
        await conn.executemany(
            "INSERT INTO prevention_strategies (id, title, municipality_code, department_code, "
            "security_plan_id, approach, target_problems, target_population, evidence_summary, "
            "evidence_references, status, version, created_at, updated_at) "
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
            strategies,
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    assert big is not None
    print(
        f"seeded {len(plans)} plans, {len(lines)} lines, {len(actions)} actions, "
        f"{len(reports)} reports, {len(reviews)} reviews, {len(strategies)} strategies"
    )
    return big


async def measure(
    name: str, call: Callable[[], Awaitable[httpx.Response]], n: int
) -> tuple[str, int, float, float, float]:
    for _ in range(min(20, n)):  # warm-up
        (await call()).raise_for_status()
    samples = []
    started = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        response = await call()
        samples.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
    elapsed = time.perf_counter() - started
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return name, n, statistics.median(samples), p99, n / elapsed


async def main() -> None:
    server, admin_url = start_embedded(ROOT / ".somos" / "bench-pg")
    try:
        url = await ensure_database(admin_url, DATABASE, recreate=True)
        await asyncio.to_thread(migrations.upgrade, "security_plans", url)
        big = await seed(url)
        app = create_app(SecurityPlansSettings(database_url=url))
        token = make_token_factory()(("plans:read",))
        rows = []
        async with running_app(app), asgi_client(app, headers=bearer(token)) as client:
            plan = f"/api/v1/security-plans/{big}"
            rows.append(
                await measure("plan detail (10 lines x 10 actions)", lambda: client.get(plan), 300)
            )
            rows.append(
                await measure(
                    "plan execution (100 actions x 8 reports)",
                    lambda: client.get(f"{plan}/execution", params={"as_of": "2026-01-15"}),
                    300,
                )
            )
            rows.append(
                await measure(
                    "statistics, 1,000 plans (all)",
                    lambda: client.get("/api/v1/stats/security-plans"),
                    40,
                )
            )
            rows.append(
                await measure(
                    "statistics, one department (19)",
                    lambda: client.get(
                        "/api/v1/stats/security-plans", params={"department_code": "19"}
                    ),
                    100,
                )
            )
            rows.append(
                await measure(
                    "plan list, first page of 50", lambda: client.get("/api/v1/security-plans"), 200
                )
            )
        print()
        print(f"{'endpoint':<44} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8}")
        print("-" * 77)
        for name, n, p50, p99, rps in rows:
            print(f"{name:<44} {n:>5} {p50:>8.2f} {p99:>8.2f} {rps:>8.1f}")
        await drop_database(admin_url, DATABASE)
    finally:
        server.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
