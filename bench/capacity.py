"""Capacity at national scale: what one process of each service answers, and how big the
databases are, at ten times the benchmark's data.

`.venv/bin/python -m bench.capacity` seeds the three databases with the services' own
seeders at the national-rollout size of docs/capacity.md (1,000,000 organizations with their
assessments, plans, support and initiatives; 1,000 PISCCs; 500,000 events with participation
and commitments), prints each database's size and largest tables, then runs every service and
the gateway as processes (one uvicorn worker each) and drives each endpoint class with wrk
(else the Python generator, and it says so): requests/s and latency per class, the
whole-country statistics of each service with 8 concurrent callers. These are the per-process
figures the capacity model multiplies. Smaller runs: `--organizations 100000 --events 50000`.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import tempfile
import time
from typing import Any

import asyncpg

from bench import events as events_bench
from bench import organizations_stats, security_plans
from bench.common import (
    load,
    loader_banner,
    print_table,
    running_stack,
    scratch_databases,
)
from services.common.auth import mint_token
from services.common.db import asyncpg_dsn
from services.common.settings import PlatformSettings
from services.common.territory import divipola_list

SIZES_SQL = """
SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes, c.reltuples::bigint AS rows
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public'
ORDER BY bytes DESC LIMIT $1
"""


async def database_sizes(url: str, top: int) -> tuple[int, list[dict[str, Any]]]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        total = await conn.fetchval("SELECT pg_database_size(current_database())")
        return int(total), [dict(r) for r in await conn.fetch(SIZES_SQL, top)]
    finally:
        await conn.close()


async def sample_ids(url: str, table: str, count: int) -> list[str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch(f"SELECT id FROM {table} ORDER BY random() LIMIT $1", count)
        return [str(r["id"]) for r in rows]
    finally:
        await conn.close()


def seed(urls: dict[str, str], organizations: int, events: int) -> float:
    started = time.monotonic()
    print(f"seeding {organizations:,} organizations, 1,000 PISCCs, {events:,} events …", flush=True)
    asyncio.run(
        organizations_stats.seed(
            urls["organizations"],
            organizations=organizations,
            plans=organizations // 5,
            initiatives=organizations // 20,
        )
    )
    asyncio.run(security_plans.seed(urls["security_plans"]))
    asyncio.run(events_bench.seed(urls["events"], events, 1.0, 7))
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=500_000)
    parser.add_argument("--duration", type=float, default=6.0)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args(argv)
    print(loader_banner(), flush=True)
    with scratch_databases() as urls:
        seconds = seed(urls, args.organizations, args.events)
        print(f"seeded in {seconds:.0f} s", flush=True)
        size_rows: list[dict[str, Any]] = []
        for service, url in urls.items():
            total, tables = asyncio.run(database_sizes(url, 4))
            size_rows.append(
                {"database": service, "table": "(whole database)", "mb": total / 2**20}
            )
            size_rows += [
                {"database": "", "table": t["name"], "rows": t["rows"], "mb": t["bytes"] / 2**20}
                for t in tables
            ]
        print_table(
            f"Database sizes ({args.organizations:,} organizations, {args.events:,} events)",
            size_rows,
            ["database", "table", "rows", "mb"],
        )
        org_ids = asyncio.run(sample_ids(urls["organizations"], "organizations", 200))
        event_ids = asyncio.run(sample_ids(urls["events"], "events", 200))
        secret = secrets.token_urlsafe(48)
        token = mint_token(
            PlatformSettings(jwt_secret=secret),
            scopes=["organizations:read", "plans:read", "events:read"],
            sub="capacity",
        )
        auth = [f"Authorization: Bearer {token}"]
        rng = random.Random(3)
        # The seeders' codes that DIVIPOLA knows (the overview answers 404 for the others).
        real_municipalities = [
            m for m in organizations_stats.MUNICIPALITIES if m in divipola_list()
        ]
        with running_stack(urls, secret, tempfile.mkdtemp(prefix="somos-capacity-")) as stack:
            org, plans, events = (
                stack.ports[s] for s in ("organizations", "security_plans", "events")
            )
            gw = stack.gateway_port
            many = args.connections
            classes: list[tuple[str, int, list[str], int]] = [
                (
                    "GET by id (organizations)",
                    org,
                    [f"/api/v1/organizations/{i}" for i in org_ids],
                    many,
                ),
                ("GET by id (events)", events, [f"/api/v1/events/{i}" for i in event_ids], many),
                (
                    "list page, limit 50 (organizations)",
                    org,
                    ["/api/v1/organizations?limit=50"],
                    many,
                ),
                ("list page, limit 50 (events)", events, ["/api/v1/events?limit=50"], many),
                (
                    "list page, filtered by department (organizations)",
                    org,
                    ["/api/v1/organizations?limit=50&department_code=52"],
                    many,
                ),
                (
                    "whole-country statistics (organizations)",
                    org,
                    ["/api/v1/stats/organizations"],
                    8,
                ),
                ("whole-country statistics (events)", events, ["/api/v1/stats/events"], 8),
                (
                    "whole-country statistics (security plans)",
                    plans,
                    ["/api/v1/stats/security-plans"],
                    8,
                ),
                (
                    "municipal overview (gateway)",
                    gw,
                    [
                        f"/api/v1/municipalities/{m}/overview"
                        for m in rng.sample(real_municipalities, 20)
                    ],
                    8,
                ),
                (
                    "gateway pass-through GET by id",
                    gw,
                    [f"/api/v1/organizations/{i}" for i in org_ids],
                    many,
                ),
                ("results (gateway)", gw, ["/api/v1/results"], 1),
            ]
            rows = []
            for label, port, paths, connections in classes:
                figures = load(
                    port, paths, headers=auth, connections=connections, duration=args.duration
                )
                rows.append({"endpoint class": label, "connections": connections, **figures})
                print(
                    f"  {label}: {figures['rps']:.1f} rps, p50 {figures['p50_ms']:.1f} ms",
                    flush=True,
                )
    print_table(
        f"One process each ({args.organizations:,} organizations, {args.events:,} events; "
        "every process and PostgreSQL on the same 2 cores)",
        rows,
        ["endpoint class", "connections", "rps", "p50_ms", "p99_ms", "errors"],
    )
    print(f"\n{loader_banner()}")


if __name__ == "__main__":
    main()
