"""GET /api/v1/stats/organizations over 100,000 organizations and 20,000 plans.

`python -m bench.organizations_stats` seeds a fresh scratch database (embedded PostgreSQL, or
SOMOS_BENCH_DATABASE_URL) with SQL `INSERT … SELECT generate_series` after running the
migrations, starts the real service (`somos serve organizations`, one uvicorn worker) on a
free 127.0.0.1 port, drives the statistics endpoint from a separate load process and prints
one table of p50/p99. Nothing is asserted; bounded to well under three minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
import time
from typing import Any

import asyncpg
import httpx

from bench.common import admin_url, free_port, load, print_table, server_process
from services.common import migrations
from services.common.auth import mint_token
from services.common.db import asyncpg_dsn
from services.common.embedded import ensure_database
from services.common.settings import PlatformSettings
from services.common.territory import DEPARTMENTS

DATABASE = "somos_bench_organizations_stats"
# Six synthetic municipality codes per department: 198 municipalities with data.
MUNICIPALITIES = [
    d + s for d in sorted(DEPARTMENTS) for s in ("001", "045", "079", "142", "430", "835")
]

SEED_SQL = """
CREATE TEMP TABLE munis AS SELECT * FROM unnest($1::text[]) WITH ORDINALITY AS m(code, n);

INSERT INTO organizations (id, name, name_key, search_text, type, ethnic_focus,
    municipality_code, department_code, focus_areas, status, version, created_at, updated_at)
SELECT gen_random_uuid(), 'Organización ' || i, 'organizacion ' || i, 'organizacion ' || i,
       (ARRAY['consejo_comunitario', 'resguardo_cabildo_indigena', 'plataforma_juvenil',
              'organizacion_mujeres', 'organizacion_victimas', 'junta_accion_comunal',
              'otra'])[1 + i % 7],
       (ARRAY['afrocolombiano', 'indigena', 'ninguno', 'ninguno'])[1 + i % 4],
       m.code, left(m.code, 2), ARRAY['convivencia'], 'active', 1,
       now() - (i || ' seconds')::interval, now()
FROM generate_series(1, {organizations}) AS i
JOIN munis m ON m.n = 1 + (i::bigint * 7919) % cardinality($1::text[]);

CREATE TEMP TABLE numbered AS
SELECT id, row_number() OVER (ORDER BY id) AS i FROM organizations;

-- Verified baselines for 60 % of the organizations, follow-ups for half of those.
INSERT INTO assessments (id, organization_id, kind, assessed_on, facilitator, scores,
    overall_score, status, verified_by, verified_at, version, created_at, updated_at)
SELECT gen_random_uuid(), id, 'baseline', DATE '2024-01-01' + (i % 300)::int, 'bench',
       '{{}}'::jsonb, 1 + (i % 300) / 100.0, 'verified', 'bench', now(), 1, now(), now()
FROM numbered WHERE i % 5 IN (0, 1, 2);
INSERT INTO assessments (id, organization_id, kind, assessed_on, facilitator, scores,
    overall_score, status, verified_by, verified_at, version, created_at, updated_at)
SELECT gen_random_uuid(), id, 'follow_up', DATE '2025-03-01' + (i % 200)::int, 'bench',
       '{{}}'::jsonb, 1 + (i * 13 % 300) / 100.0, 'verified', 'bench', now(), 1, now(), now()
FROM numbered WHERE i % 5 IN (0, 1) AND i % 2 = 0;

-- Plans for the organizations with i % 5 = 0 (one each), actions three per plan.
INSERT INTO strengthening_plans (id, organization_id, baseline_assessment_id, title,
    start_date, end_date, status, version, created_at, updated_at)
SELECT gen_random_uuid(), n.id, a.id, 'Plan ' || n.i, DATE '2025-01-01' + (n.i % 200)::int,
       DATE '2025-12-31' + (n.i % 200)::int,
       (ARRAY['draft', 'approved', 'in_progress', 'completed', 'cancelled'])[1 + n.i / 5 % 5],
       1, now(), now()
FROM numbered n JOIN assessments a ON a.organization_id = n.id AND a.kind = 'baseline'
WHERE n.i % 5 = 0 AND n.i <= {plans} * 5;
INSERT INTO strengthening_actions (id, plan_id, opi_area, description, strategy, evidence_reference,
    responsible, due_date, status, progress_pct, version, created_at, updated_at)
SELECT gen_random_uuid(), p.id, (ARRAY['results', 'reach', 'learning'])[k], 'Acción', 'Estrategia',
       'Manual OPI', 'Coordinación', DATE '2025-06-30', 'in_progress', 30 * k, 1, now(), now()
FROM strengthening_plans p CROSS JOIN generate_series(1, 3) AS k;

INSERT INTO support_activities (id, organization_id, kind, delivered_on, hours, delivered_by,
    description, version, created_at, updated_at)
SELECT gen_random_uuid(), n.id,
       (ARRAY['communications', 'relationship_with_authorities', 'psychosocial_support',
              'self_protection', 'organizational_management', 'legal', 'other'])[1 + n.i % 7],
       DATE '2024-06-01' + (n.i % 500)::int, 1 + n.i % 8, 'bench', '', 1, now(), now()
FROM numbered n WHERE n.i % 3 = 0;

INSERT INTO community_initiatives (id, title, municipality_code, department_code, community,
    methodology, objective, risk_factors_addressed, status, start_date, budget_cop,
    beneficiaries_total, beneficiaries, version, created_at, updated_at)
SELECT gen_random_uuid(), 'Iniciativa ' || i, m.code, left(m.code, 2), 'Vereda ' || i,
       (ARRAY['ibp', 'ibp', 'other'])[1 + i % 3], 'Objetivo', ARRAY['entorno_inseguro'],
       (ARRAY['designed', 'in_implementation', 'completed', 'cancelled'])[1 + i % 4],
       DATE '2025-01-01' + (i % 300)::int, 1000000 * (1 + i % 20), 40,
       '{{"total": 40,
         "by_sex": {{"mujer": 20, "hombre": 15, "otro": 0, "no_reporta": 5}},
         "by_age_group": {{"0_13": 10, "14_28": 10, "29_59": 10, "60_mas": 5, "no_reporta": 5}},
         "by_ethnicity": {{"afrocolombiano": 20, "indigena": 5, "raizal": 0, "palenquero": 0,
                          "rrom": 0, "ninguno": 10, "no_reporta": 5}}}}'::jsonb,
       1, now(), now()
FROM generate_series(1, {initiatives}) AS i
JOIN munis m ON m.n = 1 + (i::bigint * 104729) % cardinality($1::text[]);
"""

COUNTS_SQL = """
SELECT (SELECT count(*) FROM organizations) AS organizations,
       (SELECT count(*) FROM assessments) AS assessments,
       (SELECT count(*) FROM strengthening_plans) AS plans,
       (SELECT count(*) FROM strengthening_actions) AS actions,
       (SELECT count(*) FROM support_activities) AS support,
       (SELECT count(*) FROM community_initiatives) AS initiatives
"""


async def seed(url: str, *, organizations: int, plans: int, initiatives: int) -> dict[str, Any]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            script = SEED_SQL.format(
                organizations=int(organizations), plans=int(plans), initiatives=int(initiatives)
            )
            # asyncpg prepares one statement per call: split the script.
            for statement in filter(str.strip, script.split(";\n")):
                await conn.execute(statement, *([MUNICIPALITIES] if "$1" in statement else []))
        # Settled tables, as autovacuum leaves them: statistics and the visibility map that
        # index-only scans rely on.
        await conn.execute("VACUUM ANALYZE")
        return dict(await conn.fetchrow(COUNTS_SQL) or {})
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--plans", type=int, default=20_000)
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--duration", type=float, default=6.0)
    args = parser.parse_args()
    if args.plans * 5 > args.organizations:
        parser.error("--plans may be at most a fifth of --organizations")

    started = time.monotonic()
    server, admin = admin_url()
    url = asyncio.run(ensure_database(admin, DATABASE, recreate=True))
    migrations.upgrade("organizations", url)
    counts = asyncio.run(
        seed(url, organizations=args.organizations, plans=args.plans, initiatives=args.initiatives)
    )
    seeded_in = time.monotonic() - started
    print(
        f"seeded in {seeded_in:.1f} s: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()),
        flush=True,
    )

    secret = secrets.token_urlsafe(48)
    platform = PlatformSettings(jwt_secret=secret)
    everywhere = mint_token(platform, scopes=["organizations:read"], sub="bench")
    narino = mint_token(platform, scopes=["organizations:read"], sub="bench", departments=["52"])
    stats = "/api/v1/stats/organizations"
    scenarios = [
        ("all territories", stats, everywhere, 1),
        ("all territories", stats, everywhere, 8),
        ("department_code=52", f"{stats}?department_code=52", everywhere, 8),
        ("municipality_code=52835", f"{stats}?municipality_code=52835", everywhere, 8),
        ("from=2025-03-01&to=2025-09-30", f"{stats}?from=2025-03-01&to=2025-09-30", everywhere, 8),
        ("token limited to department 52", stats, narino, 8),
    ]

    port = free_port()
    env = {"SOMOS_ORGANIZATIONS_DATABASE_URL": url, "SOMOS_JWT_SECRET": secret}
    rows = []
    with server_process(
        [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(port)],
        port,
        env=env,
    ):
        response = httpx.get(
            f"http://127.0.0.1:{port}{stats}",
            headers={"Authorization": f"Bearer {everywhere}"},
            timeout=60,
        )
        response.raise_for_status()
        body = response.json()
        print(
            f"response: {len(response.content) / 1024:,.0f} KiB, "
            f"{len(body['by_municipality'])} municipalities, "
            f"{body['totals']['organizations']['total']:,} organizations, "
            f"{body['totals']['strengthening_plans']['total']:,} plans",
            flush=True,
        )
        for name, path, token, connections in scenarios:
            result = load(
                port,
                [path],
                headers=[f"Authorization: Bearer {token}"],
                connections=connections,
                duration=args.duration,
                warmup=1.0,
            )
            rows.append({"scenario": name, "connections": connections, **result})

    print_table(
        f"GET /api/v1/stats/organizations: {counts['organizations']:,} organizations, "
        f"{counts['plans']:,} plans, {counts['assessments']:,} assessments, "
        f"{counts['support']:,} support activities, {counts['initiatives']:,} initiatives "
        f"(one uvicorn worker, {args.duration:.0f} s per row, one run)",
        rows,
        ["scenario", "connections", "rps", "p50_ms", "p99_ms", "errors"],
    )
    print(f"\ntotal time {time.monotonic() - started:.0f} s")
    if server is not None:
        server.cleanup()


if __name__ == "__main__":
    main()
