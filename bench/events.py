"""Benchmark: GET /api/v1/stats/events over seeded data, p50/p99 per query shape.

    .venv/bin/python -m bench.events [--events 50000] [--requests 60] [--stress-events 0]
    .venv/bin/python -m bench.events --stress-events 500000   # the issue's full scale

The default (50,000 events) stays within a couple of minutes; the 500,000-event scenario
is run only when asked for with --stress-events.

Seeds with COPY straight into a fresh, migrated events database (embedded PostgreSQL under
.somos/bench-pg, or the server in SOMOS_BENCH_DATABASE_URL), then drives the real app
in-process (ASGI, lifespan run) so the figures are the service's: routing, auth, four
aggregate queries, serialisation. Participation is one typed row per event, so the
"500,000 participation rows" scenario is run literally as 500,000 events each with a summary;
the 50,000-event scenario also reports its size in (event, dimension, category) counts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from services.common import migrations
from services.common.db import asyncpg_dsn
from services.common.embedded import drop_database, ensure_database, start_embedded
from services.common.testing import asgi_client, bearer, make_token_factory, running_app
from services.events.app import create_app
from services.events.commitments.overdue import announce_overdue_url
from services.events.models import COUNT_COLUMNS
from services.events.pii import Keyring
from services.events.settings import EventsSettings
from services.events.vocabularies import BREAKDOWNS, EventType

REPO = Path(__file__).resolve().parents[1]
# The programme's seven departments and a few municipalities in each.
MUNICIPALITIES = [
    "52835",
    "52001",
    "52356",
    "52473",
    "52621",
    "52520",
    "19698",
    "19001",
    "19573",
    "19130",
    "19450",
    "19532",
    "76109",
    "76001",
    "76520",
    "76834",
    "27001",
    "27361",
    "27615",
    "27250",
    "05001",
    "05837",
    "05045",
    "05154",
    "05490",
    "23001",
    "23807",
    "23417",
    "23580",
    "86001",
    "86568",
    "86865",
    "86320",
    "86749",
]
TYPES = [t.value for t in EventType]


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split at random into ``parts`` non-negative counts."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


async def seed(url: str, events: int, commitments_per_event: float, seed_value: int) -> None:
    rng = random.Random(seed_value)
    now = datetime.now(UTC)
    event_rows: list[tuple[Any, ...]] = []
    participation_rows: list[tuple[Any, ...]] = []
    commitment_rows: list[tuple[Any, ...]] = []
    columns = [c for name in BREAKDOWNS for c in COUNT_COLUMNS[name]]
    for i in range(events):
        eid = uuid.UUID(int=rng.getrandbits(128) | (4 << 76))
        code = rng.choice(MUNICIPALITIES)
        starts = datetime(2023, 1, 1, 14, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 1_500_000))
        status = (
            "held" if starts < now and rng.random() < 0.9 else rng.choice(["planned", "cancelled"])
        )
        kind = rng.choice(TYPES)
        community = f"Vereda {i % 900}"
        trust = kind == "hablemos_de_policia" and status == "held"
        before = round(rng.uniform(1.5, 3.5), 2) if trust else None
        after = round(rng.uniform(2.0, 4.5), 2) if trust else None
        event_rows.append(
            (
                eid,
                kind,
                f"Evento {i}",
                f"evento {i} {community.lower()}",
                code,
                code[:2],
                community,
                community.lower(),
                starts,
                starts + timedelta(hours=3),
                status,
                None,
                [],
                [],
                None,
                30 if trust else None,
                before,
                30 if trust else None,
                after,
                round(after - before, 2) if after is not None and before is not None else None,
                1,
                now,
                now,
                None,
            )
        )
        if status == "held":
            total = rng.randint(5, 80)
            counts = [x for name in BREAKDOWNS for x in split(total, len(COUNT_COLUMNS[name]), rng)]
            participation_rows.append(
                (
                    eid,
                    "manual",
                    total,
                    *counts,
                    rng.randint(0, total),
                    None,
                    rng.randint(0, total // 10),
                    1,
                    now,
                    now,
                )
            )
        for _ in range(int(commitments_per_event) + (rng.random() < commitments_per_event % 1)):
            due = date(2023, 6, 1) + timedelta(days=rng.randint(0, 1200))
            commitment_rows.append(
                (
                    uuid.uuid4(),
                    eid,
                    "Compromiso",
                    rng.choice(["alcaldia", "personeria"]),
                    "institution",
                    due,
                    rng.choice(["open", "in_progress", "fulfilled", "cancelled"]),
                    None,
                    None,
                    1,
                    now,
                    now,
                    None,
                )
            )
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.copy_records_to_table(
            "events",
            records=event_rows,
            columns=[
                "id",
                "type",
                "title",
                "search_text",
                "municipality_code",
                "department_code",
                "community",
                "community_key",
                "starts_at",
                "ends_at",
                "status",
                "status_reason",
                "partner_institutions",
                "organization_ids",
                "security_plan_id",
                "trust_before_respondents",
                "trust_before_mean",
                "trust_after_respondents",
                "trust_after_mean",
                "trust_change",
                "version",
                "created_at",
                "updated_at",
                "archived_at",
            ],
        )
        await conn.copy_records_to_table(
            "participation",
            records=participation_rows,
            columns=[
                "event_id",
                "source",
                "total",
                *columns,
                "conflict_victims",
                "persons_with_disability",
                "lgbtiq",
                "version",
                "created_at",
                "updated_at",
            ],
        )
        await conn.copy_records_to_table(
            "commitments",
            records=commitment_rows,
            columns=[
                "id",
                "event_id",
                "description",
                "responsible_party",
                "responsible_party_kind",
                "due_date",
                "status",
                "status_reason",
                "fulfilled_at",
                "version",
                "created_at",
                "updated_at",
                "archived_at",
            ],
        )
    finally:
        await conn.close()
    # The steady state: commitments past due already announced (else the service's first
    # round would announce tens of thousands while a benchmark runs).
    await announce_overdue_url(url)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


async def sizes(url: str) -> dict[str, int]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        long_form = " + ".join(f"({c} > 0)::int" for cols in COUNT_COLUMNS.values() for c in cols)
        return {
            "events": await conn.fetchval("SELECT count(*) FROM events"),
            "participation": await conn.fetchval("SELECT count(*) FROM participation"),
            "category_counts": await conn.fetchval(
                f"SELECT coalesce(sum({long_form}), 0) FROM participation"
            ),
            "participants": await conn.fetchval(
                "SELECT coalesce(sum(total), 0) FROM participation"
            ),
            "commitments": await conn.fetchval("SELECT count(*) FROM commitments"),
        }
    finally:
        await conn.close()


QUERIES = [
    ("all territories, all dates", "", None),
    ("department 52 (Nariño)", "?department_code=52", None),
    ("municipality 52835 (Tumaco)", "?municipality_code=52835", None),
    ("year 2024", "?from=2024-01-01&to=2024-12-31", None),
    ("token limited to dept 19", "", ["19"]),
]


async def measure(url: str, requests: int) -> list[tuple[str, float, float, float]]:
    keyring = Keyring(keys={"b": os.urandom(32)}, active_key_id="b", hash_key=os.urandom(32))
    app = create_app(EventsSettings(database_url=url), keyring=keyring)
    tokens = make_token_factory()
    out = []
    async with running_app(app), asgi_client(app) as client:
        for label, query, departments in QUERIES:
            headers = bearer(tokens(["events:read"], departments=departments))
            for _ in range(5):  # warm-up
                r = await client.get(f"/api/v1/stats/events{query}", headers=headers)
                assert r.status_code == 200, r.text
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                r = await client.get(f"/api/v1/stats/events{query}", headers=headers)
                times.append((time.perf_counter() - started) * 1000)
                assert r.status_code == 200
            times.sort()
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
            out.append((label, statistics.median(times), p99, r.json()["participants"]["total"]))
    return out


async def scenario(admin_url: str, events: int, requests: int, commitments: float) -> None:
    name = f"somos_bench_events_{os.getpid()}_{events}"
    url = await ensure_database(admin_url, name, recreate=True)
    try:
        await asyncio.to_thread(migrations.upgrade, "events", url)
        started = time.perf_counter()
        await seed(url, events, commitments, seed_value=events)
        seeded = time.perf_counter() - started
        size = await sizes(url)
        print(
            f"\n{size['events']:,} events · {size['participation']:,} participation rows "
            f"(= {size['category_counts']:,} non-zero (event, dimension, category) counts) · "
            f"{size['participants']:,} participants · {size['commitments']:,} commitments "
            f"· seeded in {seeded:.1f} s"
        )
        print(f"{'GET /api/v1/stats/events':<34} {'p50 ms':>8} {'p99 ms':>8} {'participants':>13}")
        for label, p50, p99, total in await measure(url, requests):
            print(f"{label:<34} {p50:>8.1f} {p99:>8.1f} {total:>13,}")
    finally:
        await drop_database(admin_url, name)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument(
        "--stress-events",
        type=int,
        default=0,
        help="second scenario: this many events, each with a summary (0: skip; 500000: "
        "the issue's scale)",
    )
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument(
        "--stress-requests",
        type=int,
        default=20,
        help="requests per row in the second scenario",
    )
    args = parser.parse_args()
    admin_url = os.environ.get("SOMOS_BENCH_DATABASE_URL")
    server = None
    if not admin_url:
        server, admin_url = start_embedded(REPO / ".somos" / "bench-pg")
    try:
        print(f"stats benchmark: {args.requests} sequential requests per row, in-process ASGI")
        await scenario(admin_url, args.events, args.requests, commitments=2.0)
        if args.stress_events:
            await scenario(admin_url, args.stress_events, args.stress_requests, commitments=0.2)
    finally:
        if server is not None:
            server.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
