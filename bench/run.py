"""`make bench`: the organizations service against its floors, on 100,000 organizations.

Seeds a scratch database (embedded PostgreSQL, or SOMOS_BENCH_DATABASE_URL), starts the real
service (`somos serve organizations`, one uvicorn worker) and the floors (`bench/floor.py`:
Starlette + asyncpg, one worker) as processes, and drives them over loopback with wrk when it
is installed (else the Python generator, and the table says so). Each comparison runs in
alternating rounds — baseline, subject, baseline, subject … — so both sides see the same
machine; its ratio is the median of the rounds' ratios and the spread (min-max) is printed.

    python -m bench.run                          # 100,000 organizations, 5 rounds of 4 s
    python -m bench.run --organizations 20000    # a quick run

Nothing is asserted: the figures go in docs/benchmarks-method.md with the date and machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import secrets
import statistics
import subprocess
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from bench.common import (
    admin_url,
    drop_database,
    free_port,
    fresh_database,
    load,
    loader,
    loader_banner,
    print_table,
    server_process,
)
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


def check_answer(port: int, path: str, headers: dict[str, str], status: int) -> dict[str, str]:
    """One request before the load: the scenario measures what it says (e.g. a 304)."""
    import httpx

    r = httpx.get(f"http://127.0.0.1:{port}{path}", headers=headers, timeout=60)
    if r.status_code != status:
        raise SystemExit(f"{path}: expected {status}, got {r.status_code}")
    return dict(r.headers)


@dataclass
class Target:
    """One thing to load: a port, its paths and request headers."""

    label: str
    port: int
    paths: Sequence[str]
    headers: Sequence[str] = ()


@dataclass
class Comparison:
    """A subject measured against a baseline in alternating rounds."""

    name: str
    baseline: Target
    subject: Target
    runs: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def ratios(self, key: str = "rps") -> list[float]:
        """Per round: the subject's figure over the baseline's."""
        return [
            s[key] / b[key] if b[key] else 0.0
            for b, s in zip(self.runs["baseline"], self.runs["subject"], strict=True)
        ]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc; 0.0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    comparison: Comparison,
    rounds: int,
    duration: float,
    connections: int,
    pids: dict[int, int],
) -> None:
    """baseline, subject, baseline, subject …; a warm-up before the first round of each.

    Besides req/s, each run records the CPU the server process spent per request: on a
    machine shared with other work, throughput moves with the neighbours, CPU per request
    much less.
    """
    comparison.runs = {"baseline": [], "subject": []}
    for i in range(rounds):
        for side in ("baseline", "subject"):
            target: Target = getattr(comparison, side)
            for seconds in (1.0, duration) if i == 0 else (duration,):  # warm-up discarded
                before = cpu_seconds(pids[target.port])
                result = load(
                    target.port,
                    target.paths,
                    headers=target.headers,
                    connections=connections,
                    duration=seconds,
                    warmup=0.0,
                )
                spent = cpu_seconds(pids[target.port]) - before
            n = result["requests"]
            result["cpu_ms_per_req"] = spent * 1000 / n if n else 0.0
            comparison.runs[side].append(result)
            print(
                f"  {comparison.name} · round {i + 1}/{rounds} · {target.label}: "
                f"{result['rps']:,.0f} req/s, p50 {result['p50_ms']:.1f} ms, "
                f"server CPU {result['cpu_ms_per_req']:.2f} ms/req, errors {result['errors']:.0f}",
                flush=True,
            )


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def table_rows(comparisons: Sequence[Comparison]) -> list[dict[str, Any]]:
    """Two rows per comparison: its baseline, then its subject with the ratio and spread."""
    rows: list[dict[str, Any]] = []
    for c in comparisons:
        for side in ("baseline", "subject"):
            target: Target = getattr(c, side)
            runs = c.runs[side]
            row: dict[str, Any] = {
                "scenario": target.label,
                "req/s": _median(runs, "rps"),
                "p50 ms": _median(runs, "p50_ms"),
                "p99 ms": _median(runs, "p99_ms"),
                "bytes/resp": _median(runs, "bytes_per_response"),
                "errors": sum(r["errors"] for r in runs),
                "ratio": "1.00",
                "spread (min-max)": "",
                "CPU ms/req": _median(runs, "cpu_ms_per_req"),
                "CPU ratio": "1.00",
            }
            if side == "subject":
                ratios = c.ratios()
                cpu = c.ratios("cpu_ms_per_req")
                row["scenario"] = f"↳ {target.label}"
                row["ratio"] = f"**{statistics.median(ratios):.2f}**"
                row["spread (min-max)"] = f"{min(ratios):.2f}-{max(ratios):.2f}"
                row["CPU ratio"] = f"{statistics.median(cpu):.2f} ({min(cpu):.2f}-{max(cpu):.2f})"
            rows.append(row)
    return rows


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{platform.node()}, {os.cpu_count()} CPUs ({cpu}), Linux {platform.release()}"


def load_average() -> str:
    try:
        out = subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout
        return out.strip()
    except (OSError, subprocess.CalledProcessError):
        one, five, fifteen = os.getloadavg()
        return f"load average: {one:.2f}, {five:.2f}, {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=4.0, help="seconds per side per round")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per comparison")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--loader",
        choices=("auto", "wrk", "python"),
        default=os.environ.get("SOMOS_BENCH_LOADER", "auto"),
        help="wrk when installed (auto), or force one",
    )
    args = parser.parse_args()
    os.environ["SOMOS_BENCH_LOADER"] = args.loader
    print(loader_banner(), flush=True)

    server, admin = admin_url()
    database = f"somos_bench_organizations_{os.getpid()}"  # other runs may share the server
    url = fresh_database(admin, "organizations", database)
    try:
        run(args, url)
    finally:
        drop_database(admin, database)
        if server is not None:
            server.cleanup()


def run(args: argparse.Namespace, url: str) -> None:
    started = datetime.now(UTC)
    load_before = load_average()
    print(f"seeding {args.organizations:,} organizations …", flush=True)
    ids = asyncio.run(seed_organizations(url, args.organizations))
    sample = [f"/api/v1/organizations/{i}" for i in random.Random(1).sample(ids, 200)]
    secret = secrets.token_urlsafe(48)
    token = mint_token(
        PlatformSettings(jwt_secret=secret),
        scopes=["organizations:read"],
        sub="bench",
        ttl_seconds=24 * 3600,
    )
    bearer = f"Bearer {token}"
    auth = [f"Authorization: {bearer}"]

    floor_port, port = free_port(), free_port()
    env = {"SOMOS_ORGANIZATIONS_DATABASE_URL": url, "SOMOS_JWT_SECRET": secret}
    with (
        server_process(
            [sys.executable, "-m", "bench.floor", str(floor_port)],
            floor_port,
            env={"SOMOS_BENCH_FLOOR_DATABASE_URL": url},
        ) as floor_process,
        server_process(
            [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(port)],
            port,
            env=env,
        ) as service_process,
    ):
        pids = {floor_port: floor_process.pid, port: service_process.pid}
        cursor = asyncio.run(deep_cursor(port, token, 1000, 50))
        page1 = "/api/v1/organizations?limit=50"
        deep = f"/api/v1/organizations?limit=50&cursor={cursor}"
        # The polls are really answered 304, and the gzip page really is compressed.
        check_answer(port, sample[0], {"Authorization": bearer, "If-None-Match": '"1"'}, 304)
        page_tag = check_answer(port, page1, {"Authorization": bearer}, 200)["etag"]
        check_answer(port, page1, {"Authorization": bearer, "If-None-Match": page_tag}, 304)
        gz = check_answer(port, page1, {"Authorization": bearer, "Accept-Encoding": "gzip"}, 200)
        if gz.get("content-encoding") != "gzip":
            raise SystemExit("the list page was not gzipped")

        floor_by_id = Target(
            "floor: Starlette + asyncpg, GET by id",
            floor_port,
            [p.replace("/api/v1", "") for p in sample],
        )
        floor_list = Target(
            "floor: Starlette + asyncpg, list page of 50", floor_port, ["/organizations?limit=50"]
        )
        by_id = Target("organizations: GET by id", port, sample, auth)
        list_page1 = Target("organizations: list page 1 (limit 50)", port, [page1], auth)
        comparisons = [
            Comparison("GET by id vs its floor", floor_by_id, by_id),
            Comparison("list page 1 vs the list floor", floor_list, list_page1),
            Comparison(
                "deep page vs the list floor",
                floor_list,
                Target(
                    "organizations: list, deep page (cursor after 1,000 rows)", port, [deep], auth
                ),
            ),
            Comparison(
                "poll GET by id vs plain GET",
                by_id,
                Target(
                    "organizations: poll GET by id, If-None-Match → 304",
                    port,
                    sample,
                    [*auth, 'If-None-Match: "1"'],
                ),
            ),
            Comparison(
                "poll list page 1 vs plain page 1",
                list_page1,
                Target(
                    "organizations: poll list page 1, If-None-Match → 304",
                    port,
                    [page1],
                    [*auth, f"If-None-Match: {page_tag}"],
                ),
            ),
            Comparison(
                "gzip list page 1 vs plain page 1",
                list_page1,
                Target(
                    "organizations: list page 1, Accept-Encoding: gzip",
                    port,
                    [page1],
                    [*auth, "Accept-Encoding: gzip"],
                ),
            ),
        ]
        for comparison in comparisons:
            measure(comparison, args.rounds, args.duration, args.connections, pids)

    load_after = load_average()
    print_table(
        f"Organizations service vs floors, {args.organizations:,} organizations, "
        f"{args.connections} connections, {args.rounds} alternating rounds of "
        f"{args.duration:.0f} s per side ({loader()})",
        table_rows(comparisons),
        [
            "scenario",
            "req/s",
            "p50 ms",
            "p99 ms",
            "bytes/resp",
            "errors",
            "ratio",
            "spread (min-max)",
            "CPU ms/req",
            "CPU ratio",
        ],
    )
    deep_p50 = _median(comparisons[2].runs["subject"], "p50_ms")
    page_p50 = _median(comparisons[1].runs["subject"], "p50_ms")
    deep_cpu = _median(comparisons[2].runs["subject"], "cpu_ms_per_req")
    page_cpu = _median(comparisons[1].runs["subject"], "cpu_ms_per_req") or 1.0
    print(
        f"\nratio = req/s of the row ÷ req/s of its baseline row in the same round; the median "
        f"of the {args.rounds} rounds, spread = lowest-highest round. CPU ms/req = CPU time "
        "of the server process per request (median round); CPU ratio = the row's over its "
        "baseline's, median (lowest-highest round): on a shared machine it moves less than "
        "req/s does."
        f"\ndeep page ÷ page 1: p50 {deep_p50 / page_p50:.2f} (target ≤ 1.5), server CPU per "
        f"request {deep_cpu / page_cpu:.2f} (medians of rounds measured a minute apart)."
        "\nTargets (issue 16): GET by id ≥ 0.5x its floor; every list ≥ 0.6x the list floor."
        f"\n{loader_banner()}"
        f"\nRun {started:%Y-%m-%d %H:%M} UTC on {machine()}."
        f"\nBefore: {load_before}\nAfter:  {load_after}"
    )


if __name__ == "__main__":
    main()
