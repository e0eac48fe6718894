"""`make bench`: the organizations service against the floor, on 100,000 organizations.

Seeds a scratch database (embedded PostgreSQL, or SOMOS_BENCH_DATABASE_URL), starts the real
service (`somos serve organizations`, one uvicorn worker) and the floor (Starlette + asyncpg,
one worker) as processes, drives each from a separate load process over loopback, and
prints one table. Nothing is asserted: the figures go in the closing note.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import sys
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg

from bench.common import admin_url, free_port, fresh_database, load, print_table, server_process
from services.common.auth import mint_token
from services.common.db import asyncpg_dsn
from services.common.settings import PlatformSettings
from services.common.text import normalize

MUNICIPALITIES = [
    "05001",
    "05045",
    "05154",
    "13001",
    "13430",
    "19001",
    "19698",
    "19142",
    "23001",
    "23807",
    "52835",
    "52001",
    "52079",
    "54001",
    "54810",
    "70001",
]
TYPES = [
    "consejo_comunitario",
    "resguardo_cabildo_indigena",
    "plataforma_juvenil",
    "organizacion_mujeres",
    "organizacion_victimas",
    "junta_accion_comunal",
]


async def seed_organizations(url: str, count: int) -> list[uuid.UUID]:
    """COPY ``count`` synthetic organizations in; returns their ids."""
    rng = random.Random(20251125)
    start = datetime(2021, 1, 1, tzinfo=UTC)
    rows = []
    ids = []
    for i in range(count):
        ident = uuid.UUID(int=rng.getrandbits(128), version=4)
        ids.append(ident)
        name = f"Organización sintética {i:06d}"
        muni = rng.choice(MUNICIPALITIES)
        created = start + timedelta(seconds=i * 37)
        rows.append(
            (
                ident,
                name,
                normalize(name),
                normalize(name),
                None,
                rng.choice(TYPES),
                "ninguno",
                muni,
                muni[:2],
                2000 + i % 20,
                10 + i % 300,
                ["convivencia"],
                None,
                None,
                "active",
                1,
                created,
                created,
                None,
            )
        )
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.copy_records_to_table(
            "organizations",
            records=rows,
            columns=[
                "id",
                "name",
                "name_key",
                "search_text",
                "acronym",
                "type",
                "ethnic_focus",
                "municipality_code",
                "department_code",
                "founded_year",
                "members_count",
                "focus_areas",
                "contact_email",
                "contact_phone",
                "status",
                "version",
                "created_at",
                "updated_at",
                "archived_at",
            ],
        )
        await conn.execute("ANALYZE organizations")
    finally:
        await conn.close()
    return ids


async def deep_cursor(port: int, token: str, rows_deep: int, limit: int) -> str:
    """Walk the list to ``rows_deep`` rows and return the cursor of the next page."""
    import httpx

    cursor = None
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"}
    ) as client:
        for _ in range(rows_deep // limit):
            params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
            cursor = (await client.get("/api/v1/organizations", params=params)).json()[
                "next_cursor"
            ]
    assert cursor
    return cursor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()

    server, admin = admin_url()
    url = fresh_database(admin, "organizations")
    print(f"seeding {args.organizations:,} organizations …", flush=True)
    ids = asyncio.run(seed_organizations(url, args.organizations))
    sample = [f"/api/v1/organizations/{i}" for i in random.Random(1).sample(ids, 200)]
    secret = secrets.token_urlsafe(48)
    token = mint_token(
        PlatformSettings(jwt_secret=secret),
        scopes=["organizations:read"],
        sub="bench",
        ttl_seconds=3600,
    )
    auth = [f"Authorization: Bearer {token}"]
    rows = []

    floor_port = free_port()
    with server_process(
        [sys.executable, "-m", "bench.floor", str(floor_port)],
        floor_port,
        env={"SOMOS_BENCH_FLOOR_DATABASE_URL": url},
    ):
        floor_paths = [p.replace("/api/v1", "") for p in sample]
        floor = load(floor_port, floor_paths, duration=args.duration, connections=args.connections)
    rows.append(
        {"scenario": "floor: Starlette + asyncpg, GET by id", **floor, "ratio": "1.00 (floor)"}
    )

    port = free_port()
    env = {"SOMOS_ORGANIZATIONS_DATABASE_URL": url, "SOMOS_JWT_SECRET": secret}
    with server_process(
        [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(port)],
        port,
        env=env,
    ):
        by_id = load(
            port, sample, headers=auth, duration=args.duration, connections=args.connections
        )
        rows.append(
            {
                "scenario": "organizations: GET by id (auth, ETag, logs, metrics)",
                **by_id,
                "ratio": f"{by_id['rps'] / floor['rps']:.2f} of floor rps",
            }
        )
        page1 = load(
            port,
            ["/api/v1/organizations?limit=50"],
            headers=auth,
            duration=args.duration,
            connections=args.connections,
        )
        rows.append(
            {"scenario": "organizations: list page 1 (limit 50)", **page1, "ratio": "1.00 (page 1)"}
        )
        cursor = asyncio.run(deep_cursor(port, token, 1000, 50))
        deep = load(
            port,
            [f"/api/v1/organizations?limit=50&cursor={cursor}"],
            headers=auth,
            duration=args.duration,
            connections=args.connections,
        )
        rows.append(
            {
                "scenario": "organizations: list 1,000 rows deep (limit 50)",
                **deep,
                "ratio": f"{deep['p50_ms'] / page1['p50_ms']:.2f} of page 1 p50",
            }
        )
        q = load(
            port,
            ["/api/v1/organizations?q=sintetica%200421&limit=50"],
            headers=auth,
            duration=args.duration,
            connections=args.connections,
        )
        rows.append({"scenario": "organizations: search q= (accent-insensitive)", **q, "ratio": ""})

    print_table(
        f"Organizations service, {args.organizations:,} rows, {args.connections} "
        f"connections, {args.duration:.0f} s per row (one run)",
        rows,
        ["scenario", "rps", "p50_ms", "p99_ms", "errors", "ratio"],
    )
    print("\nTargets: GET by id >= 0.5x floor rps; deep page p50 <= 1.5x page 1 p50.")
    if server is not None:
        server.cleanup()


if __name__ == "__main__":
    main()
