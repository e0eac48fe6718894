"""List pages against their floor, driven by wrk, alternating rounds in one run.

Seeds organizations (``bench.run``'s synthetic rows) in a scratch database, starts the real
organizations service (``somos serve``, one uvicorn worker) and a floor (Starlette + asyncpg,
the same rows by the same SQL, ``json.dumps``), then for each scenario runs wrk against the
floor and the service in turn, ``--rounds`` times, and prints req/s (median of rounds), the
spread and the ratio. ``--before DIR`` also serves the organizations service from another
checkout (``git archive main | tar -x -C DIR``) in the same rounds. Usage::

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
from contextlib import ExitStack, asynccontextmanager
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

ORGS = "/api/v1/organizations"

# (name, query string): the floor reads the same parameters
SCENARIOS = [
    ("limit 50", "limit=50"),
    ("limit 200", "limit=200"),
    ("limit 50, department filter", "limit=50&department_code=05"),
    ("limit 200, department filter", "limit=200&department_code=05"),
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
    parser.add_argument("--before", help="a checkout of the code to compare with (e.g. main)")
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
    floor_port, port, before_port = free_port(), free_port(), free_port()
    env = {"SOMOS_ORGANIZATIONS_DATABASE_URL": url, "SOMOS_JWT_SECRET": secret}

    def serve(p: int) -> list[str]:
        return [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(p)]

    floor = [sys.executable, "-m", "scripts.bench_lists", "--floor", str(floor_port)]
    with ExitStack() as stack:
        stack.enter_context(
            server_process(floor, floor_port, env={"SOMOS_BENCH_FLOOR_DATABASE_URL": url})
        )
        stack.enter_context(server_process(serve(port), port, env=env))
        targets = [("floor", floor_port, "/organizations", []), ("lean", port, ORGS, auth)]
        if args.before:
            stack.enter_context(
                server_process(serve(before_port), before_port, env=env, cwd=args.before)
            )
            targets.append(("before", before_port, ORGS, auth))
        names = [t[0] for t in targets]
        print(f"uptime at start: {uptime()}")
        print(
            "| scenario | "
            + " | ".join(f"{n} req/s" for n in names)
            + " | "
            + " | ".join(f"{n} / floor (median, min-max)" for n in names[1:])
            + " | load avg after |"
        )
        print("|---" * (2 * len(names) + 1) + "|")
        for name, query in SCENARIOS:
            rps: dict[str, list[float]] = {n: [] for n in names}
            for _n, p, path, headers in targets:  # warm up
                wrk(p, f"{path}?{query}", headers, 2, args.connections)
            for _ in range(args.rounds):
                for n, p, path, headers in targets:
                    rps[n].append(
                        wrk(p, f"{path}?{query}", headers, args.duration, args.connections)
                    )
            cells = [f"{statistics.median(rps[n]):,.0f}" for n in names]
            for n in names[1:]:
                ratios = [s / f for s, f in zip(rps[n], rps["floor"], strict=True)]
                cells.append(
                    f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
                )
            print(f"| {name} | " + " | ".join(cells) + f" | {load_average()} |", flush=True)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    main()
