"""List pages against their floor, driven by wrk, alternating rounds in one run.

Seeds organizations (``bench.run``'s synthetic rows) in a scratch database, starts the real
organizations service (``somos serve``, one uvicorn worker) and a floor (Starlette + asyncpg,
the same rows by the same SQL, ``json.dumps``), then for each scenario runs wrk against the
floor and the service in turn, ``--rounds`` times, and prints req/s (median of rounds), the
spread and the ratio. Usage::

    SOMOS_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m scripts.bench_lists --organizations 100000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from bench.common import admin_url, free_port, server_process
from bench.run import seed_organizations
from services.common import migrations
from services.common.auth import mint_token
from services.common.db import asyncpg_dsn
from services.common.embedded import drop_database, ensure_database
from services.common.settings import PlatformSettings
from services.organizations.registry.repository import ORGANIZATION_COLUMNS

# (name, service query, floor WHERE, floor limit)
SCENARIOS = [
    ("limit 50", "limit=50", "", 50),
    ("limit 200", "limit=200", "", 200),
    ("limit 50, department filter", "limit=50&department_code=05", "AND department_code = $1", 50),
    ("limit 200, department filter", "limit=200&department_code=05", "AND department_code = $1", 200),
]


def floor_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    dsn = asyncpg_dsn(os.environ["SOMOS_BENCH_FLOOR_DATABASE_URL"])
    state: dict[str, asyncpg.Pool] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
        state["pool"] = await asyncpg.create_pool(dsn, min_size=1, max_size=10)
        yield
        await state["pool"].close()

    async def page(request: Request) -> Response:
        limit = int(request.query_params.get("limit", "50"))
        department = request.query_params.get("department_code")
        where, args = ("AND department_code = $1", [department]) if department else ("", [])
        async with state["pool"].acquire() as conn:
            rows = await conn.fetch(
                f"SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE archived_at IS NULL "
                f"{where} ORDER BY created_at, id LIMIT {limit + 1}",
                *args,
            )
        items = [dict(r) for r in rows[:limit]]
        body = {"items": items, "next_cursor": "x" if len(rows) > limit else None}
        return Response(json.dumps(body, default=str), media_type="application/json")

    return Starlette(routes=[Route("/organizations", page)], lifespan=lifespan)


def wrk(port: int, path: str, headers: list[str], duration: int, connections: int) -> float:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s"]
    for h in headers:
        args += ["-H", h]
    out = subprocess.run(
        [*args, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx" in out:
        raise RuntimeError(out)
    match = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    assert match, out
    return float(match.group(1))


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--floor", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        import uvicorn

        uvicorn.run(floor_app(), host="127.0.0.1", port=args.floor, log_level="warning")
        return

    _, admin = admin_url()
    # Its own database name: the bench (and other runs) on the same server keep theirs.
    database = f"somos_lists_bench_{os.getpid()}"
    url = asyncio.run(ensure_database(admin, database, recreate=True))
    try:
        migrations.upgrade("organizations", url)
        run(url, args)
    finally:
        asyncio.run(drop_database(admin, database))


def run(url: str, args: argparse.Namespace) -> None:
    print(f"seeding {args.organizations:,} organizations …", flush=True)
    asyncio.run(seed_organizations(url, args.organizations))
    secret = secrets.token_urlsafe(48)
    token = mint_token(
        PlatformSettings(jwt_secret=secret), scopes=["organizations:read"], sub="bench"
    )
    auth = [f"Authorization: Bearer {token}"]
    floor_port, port = free_port(), free_port()
    env = {"SOMOS_ORGANIZATIONS_DATABASE_URL": url, "SOMOS_JWT_SECRET": secret}
    serve = [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(port)]
    floor = [sys.executable, "-m", "scripts.bench_lists", "--floor", str(floor_port)]
    with (
        server_process(floor, floor_port, env={"SOMOS_BENCH_FLOOR_DATABASE_URL": url}),
        server_process(serve, port, env=env),
    ):
        print("| scenario | floor req/s | service req/s | ratio (median, min–max) | load avg |")
        print("|---|---|---|---|---|")
        for name, query, _, _ in SCENARIOS:
            floors, services, ratios = [], [], []
            wrk(port, f"/api/v1/organizations?{query}", auth, 2, args.connections)  # warm up
            wrk(floor_port, f"/organizations?{query}", [], 2, args.connections)
            for _ in range(args.rounds):
                f = wrk(floor_port, f"/organizations?{query}", [], args.duration, args.connections)
                s = wrk(
                    port, f"/api/v1/organizations?{query}", auth, args.duration, args.connections
                )
                floors.append(f)
                services.append(s)
                ratios.append(s / f)
            print(
                f"| {name} | {statistics.median(floors):,.0f} | {statistics.median(services):,.0f}"
                f" | {statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})"
                f" | {load_average()} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
