"""What the change feed costs writers, and what reading it costs; prints two tables.

    .venv/bin/python -m bench.changes [--writers 8] [--seconds 4] [--rounds 3]

Writers: ``--writers`` connections insert organizations (one row per transaction, committed)
for ``--seconds``, under three set-ups alternated round by round on one fresh database:

- no feed: the change triggers disabled (the floor);
- feed, no lock: the triggers write the change row at commit but draw its position without
  the commit-order lock (what a naive outbox costs; it can skip rows, see
  services/common/changes.py);
- feed: the triggers as shipped (deferred, under the transaction-level advisory lock).

Ratio = median commits per second / the floor's median; spread = min-max over rounds. The
same again with ``POST /api/v1/organizations`` through the real app (in-process ASGI).
Readers: one page of 200 after the start of 100,000 changes, unfiltered, filtered to one
department and to one municipality (1 in 50 and 1 in 1,000 rows), median of 200 reads.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from typing import Any

import asyncpg

from bench.common import admin_url, drop_database, fresh_database, print_table
from services.common.changes import COMMIT_ORDER_LOCK, Selection, read_page
from services.common.db import asyncpg_dsn
from services.common.testing import asgi_client, bearer, make_token_factory, running_app
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings

DATABASE = "somos_bench_changes"
INSERT = """
INSERT INTO organizations (id, version, created_at, updated_at, name, name_key, search_text,
    type, ethnic_focus, municipality_code, department_code, focus_areas, status)
VALUES ($1, 1, now(), now(), $2, $2, $2, 'otra', 'ninguno', '52835', '52', '{}', 'active')
"""
LOCK_LINE = f"PERFORM pg_advisory_xact_lock({COMMIT_ORDER_LOCK});"


async def _function_source(conn: asyncpg.Connection) -> str:
    source: str = await conn.fetchval(
        "SELECT pg_get_functiondef("
        "'changes_append(text,text,uuid,integer,text,text)'::regprocedure)"
    )
    return source


async def configure(url: str, setup: str, shipped: str) -> None:
    """Put the database in one of the three set-ups."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        trigger = "DISABLE" if setup == "no feed" else "ENABLE"
        await conn.execute(f"ALTER TABLE organizations {trigger} TRIGGER USER")
        source = shipped.replace(LOCK_LINE, "") if setup == "feed, no lock" else shipped
        await conn.execute(source)
    finally:
        await conn.close()


async def write_for(url: str, *, writers: int, seconds: float) -> float:
    """Commits per second of ``writers`` connections inserting one row per transaction."""
    pool = await asyncpg.create_pool(asyncpg_dsn(url), min_size=writers, max_size=writers)
    stop = time.monotonic() + seconds
    counts = [0] * writers

    async def writer(i: int) -> None:
        async with pool.acquire() as conn:
            while time.monotonic() < stop:
                record_id = uuid.uuid4()
                await conn.execute(INSERT, record_id, f"Organización {record_id}")
                counts[i] += 1

    started = time.monotonic()
    await asyncio.gather(*(writer(i) for i in range(writers)))
    elapsed = time.monotonic() - started
    await pool.close()
    return sum(counts) / elapsed


async def post_for(url: str, *, writers: int, seconds: float) -> float:
    """Organizations created per second through the app (``writers`` concurrent POSTs)."""
    app = create_app(OrganizationsSettings(database_url=url))
    token = make_token_factory()("organizations:write")
    stop = time.monotonic() + seconds
    counts = [0] * writers
    async with running_app(app), asgi_client(app, headers=bearer(token)) as client:

        async def writer(i: int) -> None:
            while time.monotonic() < stop:
                body = {
                    "name": f"Organización {uuid.uuid4()}",
                    "type": "consejo_comunitario",
                    "ethnic_focus": "afrocolombiano",
                    "municipality_code": "52835",
                }
                r = await client.post("/api/v1/organizations", json=body)
                assert r.status_code == 201, r.text
                counts[i] += 1

        started = time.monotonic()
        await asyncio.gather(*(writer(i) for i in range(writers)))
        elapsed = time.monotonic() - started
    return sum(counts) / elapsed


async def writes(
    url: str, *, writers: int, seconds: float, rounds: int, through_app: bool = False
) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        shipped = await _function_source(conn)
    finally:
        await conn.close()
    assert LOCK_LINE in shipped, "the shipped function no longer takes the lock"
    setups = ["no feed", "feed, no lock", "feed"]
    rates: dict[str, list[float]] = {s: [] for s in setups}
    for _ in range(rounds):
        for setup in setups:
            await configure(url, setup, shipped)
            measure = post_for if through_app else write_for
            rates[setup].append(await measure(url, writers=writers, seconds=seconds))
    await configure(url, "feed", shipped)
    floor = statistics.median(rates["no feed"])
    return [
        {
            "set-up": setup,
            "commits/s": round(statistics.median(rates[setup])),
            "ratio": f"{statistics.median(rates[setup]) / floor:.2f}",
            "spread": f"{min(rates[setup]) / floor:.2f}-{max(rates[setup]) / floor:.2f}",
        }
        for setup in setups
    ]


async def reads(url: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute("TRUNCATE changes")
        await conn.execute(
            "INSERT INTO changes (position, type, resource, resource_id, version, "
            "municipality_code, path, occurred_at) "
            "SELECT n, 'organization.updated', 'organizations', gen_random_uuid(), 2, "
            "CASE WHEN n % 1000 = 0 THEN '19698' WHEN n % 50 = 0 THEN '19001' ELSE '52835' END, "
            "'/api/v1/organizations/x', now() FROM generate_series(1, 100000) AS n"
        )
        await conn.execute("ANALYZE changes")
    finally:
        await conn.close()
    pool = await asyncpg.create_pool(asyncpg_dsn(url), min_size=1, max_size=1)
    cases = {
        "every change": Selection(None, None, None),
        "one department (1 in 50)": Selection(None, frozenset(), frozenset({"19"})),
        "one municipality (1 in 1,000)": Selection(None, frozenset({"19698"}), None),
    }
    rows = []
    for name, chosen in cases.items():
        timings = []
        for _ in range(200):
            started = time.perf_counter()
            page = await read_page(pool, after=0, chosen=chosen, limit=200)
            timings.append(time.perf_counter() - started)
        rows.append(
            {
                "page of 200": name,
                "rows returned": len(page.rows),
                "median ms": f"{1000 * statistics.median(timings):.2f}",
            }
        )
    await pool.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server, admin = admin_url()
    url = fresh_database(admin, "organizations", DATABASE)
    try:
        print_table(
            f"Writers: {args.writers} connections, one insert per transaction, "
            f"{args.rounds} rounds of {args.seconds:g} s",
            asyncio.run(
                writes(url, writers=args.writers, seconds=args.seconds, rounds=args.rounds)
            ),
            ["set-up", "commits/s", "ratio", "spread"],
        )
        print_table(
            f"POST /api/v1/organizations through the app (in-process, {args.writers} "
            f"concurrent), {args.rounds} rounds of {args.seconds:g} s",
            asyncio.run(
                writes(
                    url,
                    writers=args.writers,
                    seconds=args.seconds,
                    rounds=args.rounds,
                    through_app=True,
                )
            ),
            ["set-up", "commits/s", "ratio", "spread"],
        )
        print_table(
            "Readers: GET /api/v1/changes's statement on 100,000 changes",
            asyncio.run(reads(url)),
            ["page of 200", "rows returned", "median ms"],
        )
    finally:
        drop_database(admin, DATABASE)
        if server is not None:
            server.cleanup()


if __name__ == "__main__":
    main()
