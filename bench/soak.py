"""Soak: minutes of mixed traffic through the gateway, with every process's memory sampled.

`make soak` (`.venv/bin/python -m bench.soak`) seeds the three databases with the services'
benchmark seeders, runs every service and the gateway as real processes, and drives a steady
mix through the gateway's port only — GET by id, list pages (with and without filters), the
municipal overview (half of its polls conditional, with `If-None-Match`), results, statistics
and creates of organizations and events — from ``--clients`` concurrent keep-alive clients.

Every ``--sample-seconds`` it reads each process's resident memory (VmRSS of the process and
its children, from /proc). At the end it prints, per process, RSS at the start of minute 2
(after warm-up), at the end and its maximum, the growth between the two, and the bounds of
issue 16: 0 errors, RSS ≤ ``--max-rss-mb`` (150) and growth ≤ ``--max-growth`` (5 %) from
minute 2 to the end. It exits 1 when a bound fails. Latency per operation is printed too,
for reading, not for judging (the load is steady, not saturating).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg

from bench.common import loader_banner, print_table, running_stack, scratch_databases
from bench.gateway import seed_all
from services.common.auth import mint_token
from services.common.db import asyncpg_dsn
from services.common.settings import PlatformSettings

# Real DIVIPOLA codes (creates are checked against the list), all in the seeders' data.
MUNICIPALITIES = ("52001", "52835", "05001", "13001", "19001", "23001")
SCOPES = (
    "organizations:read",
    "organizations:write",
    "plans:read",
    "events:read",
    "events:write",
)
# (operation, weight): the mix a day of frontend screens and dashboards makes.
MIX = (
    ("organization by id", 30),
    ("organizations list", 12),
    ("organizations list, filtered", 8),
    ("events list", 10),
    ("overview", 8),
    ("overview poll (If-None-Match)", 8),
    ("organizations stats", 4),
    ("results", 2),
    ("create organization", 12),
    ("create event", 6),
)
OK = {200, 201, 304}


def rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and its children (KiB), from /proc; 0 once it is gone."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(c) for c in children.read_text().split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total


@dataclass
class Tally:
    """What the clients saw: latencies per operation, errors by operation and status."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)


def organization_create(rng: random.Random) -> dict[str, Any]:
    return {
        "name": f"[SOAK] Junta de Acción Comunal {rng.randrange(10**9)}",
        "type": "junta_accion_comunal",
        "ethnic_focus": "ninguno",
        "municipality_code": rng.choice(MUNICIPALITIES),
        "founded_year": 2010,
        "focus_areas": ["convivencia"],
    }


def event_create(rng: random.Random) -> dict[str, Any]:
    day = 1 + rng.randrange(28)
    return {
        "type": "dialogo_resiliencia",
        "title": f"[SOAK] Diálogo de Resiliencia {rng.randrange(10**9)}",
        "municipality_code": rng.choice(MUNICIPALITIES),
        "community": "Barrio de prueba",
        "starts_at": f"2025-03-{day:02d}T09:00:00-05:00",
        "ends_at": f"2025-03-{day:02d}T12:00:00-05:00",
        "partner_institutions": ["alcaldia"],
    }


async def client(
    base: str,
    token: str,
    ids: list[str],
    stop_at: float,
    tally: Tally,
    seed: int,
) -> None:
    rng = random.Random(seed)
    operations = [name for name, _ in MIX]
    weights = [weight for _, weight in MIX]
    etags: dict[str, str] = {}
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=1)
    session = aiohttp.ClientSession(base, headers=headers, timeout=timeout, connector=connector)
    async with session as s:
        while time.monotonic() < stop_at:
            op = rng.choices(operations, weights)[0]
            municipality = rng.choice(MUNICIPALITIES)
            extra: dict[str, str] = {}
            body: dict[str, Any] | None = None
            if op == "organization by id":
                path = f"/api/v1/organizations/{rng.choice(ids)}"
            elif op == "organizations list":
                path = f"/api/v1/organizations?limit={rng.choice((50, 200))}"
            elif op == "organizations list, filtered":
                path = f"/api/v1/organizations?limit=50&department_code={municipality[:2]}"
            elif op == "events list":
                path = f"/api/v1/events?limit=50&municipality_code={municipality}"
            elif op.startswith("overview"):
                path = f"/api/v1/municipalities/{municipality}/overview"
                if op.endswith("(If-None-Match)") and path in etags:
                    extra["If-None-Match"] = etags[path]
            elif op == "organizations stats":
                path = "/api/v1/stats/organizations"
            elif op == "results":
                path = "/api/v1/results"
            elif op == "create organization":
                path, body = "/api/v1/organizations", organization_create(rng)
            else:
                path, body = "/api/v1/events", event_create(rng)
            if body is not None:
                extra["Idempotency-Key"] = str(uuid.uuid4())
            started = time.perf_counter()
            try:
                if body is None:
                    response = await s.get(path, headers=extra)
                else:
                    response = await s.post(path, json=body, headers=extra)
                async with response:
                    await response.read()
                    status = response.status
                    if status == 200 and "ETag" in response.headers:
                        etags[path] = response.headers["ETag"]
            except (aiohttp.ClientError, TimeoutError) as exc:
                tally.errors[f"{op}: {type(exc).__name__}"] += 1
                continue
            tally.statuses[status] += 1
            if status in OK:
                tally.latencies[op].append(time.perf_counter() - started)
            else:
                tally.errors[f"{op}: {status}"] += 1


async def sample_memory(
    pids: dict[str, int], every: float, stop_at: float, started: float
) -> list[tuple[float, dict[str, int]]]:
    samples: list[tuple[float, dict[str, int]]] = []
    while True:
        samples.append((time.monotonic() - started, {n: rss_kib(p) for n, p in pids.items()}))
        if time.monotonic() >= stop_at:
            return samples
        await asyncio.sleep(min(every, max(0.0, stop_at - time.monotonic())))


async def drive(
    base: str, token: str, ids: list[str], pids: dict[str, int], args: argparse.Namespace
) -> tuple[Tally, list[tuple[float, dict[str, int]]]]:
    tally = Tally()
    started = time.monotonic()
    stop_at = started + args.minutes * 60
    memory = asyncio.create_task(sample_memory(pids, args.sample_seconds, stop_at, started))
    await asyncio.gather(
        *(client(base, token, ids, stop_at, tally, seed) for seed in range(args.clients))
    )
    return tally, await memory


def memory_rows(
    samples: list[tuple[float, dict[str, int]]], args: argparse.Namespace
) -> tuple[list[dict[str, Any]], bool]:
    """Per process: RSS at the start of minute 2 (the first sample at or after ``warm``
    seconds), at the end, its maximum and the growth; and whether every bound holds."""
    warm = min(60.0, samples[-1][0] / 5)  # minute 2 of a 10-minute soak; a fifth of a short one
    start = next(s for t, s in samples if t >= warm)
    end = samples[-1][1]
    rows: list[dict[str, Any]] = []
    ok = True
    for name in end:
        peak = max(s[name] for _, s in samples)
        growth = (end[name] - start[name]) / start[name] if start[name] else 0.0
        within = peak <= args.max_rss_mb * 1024 and growth <= args.max_growth
        ok &= within
        rows.append(
            {
                "process": name,
                "rss_after_warmup_mb": start[name] / 1024,
                "rss_end_mb": end[name] / 1024,
                "rss_max_mb": peak / 1024,
                "growth": f"{100 * growth:+.1f} %",
                "bounds": "ok" if within else "FAIL",
            }
        )
    return rows, ok


def latency_rows(tally: Tally, seconds: float) -> list[dict[str, Any]]:
    rows = []
    for op, _ in MIX:
        taken = sorted(tally.latencies.get(op, []))
        if not taken:
            rows.append({"operation": op, "requests": 0})
            continue
        rows.append(
            {
                "operation": op,
                "requests": len(taken),
                "rps": len(taken) / seconds,
                "p50_ms": 1000 * statistics.median(taken),
                "p99_ms": 1000 * taken[min(len(taken) - 1, int(len(taken) * 0.99))],
                "errors": sum(n for k, n in tally.errors.items() if k.startswith(f"{op}:")),
            }
        )
    return rows


async def organization_ids(url: str) -> list[str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch("SELECT id FROM organizations ORDER BY id LIMIT 5000")
        return [str(r["id"]) for r in rows]
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--organizations", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive clients")
    parser.add_argument("--sample-seconds", type=float, default=10.0)
    parser.add_argument("--max-rss-mb", type=float, default=150.0)
    parser.add_argument("--max-growth", type=float, default=0.05)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    print(loader_banner().split(":")[0] + ": the soak's own asyncio clients (aiohttp).")
    with scratch_databases() as urls:
        seed_all(urls, args.organizations, args.events)
        ids = asyncio.run(organization_ids(urls["organizations"]))
        secret = secrets.token_urlsafe(48)
        ttl = int(args.minutes * 60) + 600
        token = mint_token(
            PlatformSettings(jwt_secret=secret), scopes=SCOPES, sub="soak", ttl_seconds=ttl
        )
        with running_stack(urls, secret, tempfile.mkdtemp(prefix="somos-soak-")) as stack:
            pids = {name: p.pid for name, p in stack.processes.items()}
            base = f"http://127.0.0.1:{stack.gateway_port}"
            print(
                f"soaking {args.minutes:g} min through the gateway ({base}), "
                f"{args.clients} clients, memory every {args.sample_seconds:g} s …",
                flush=True,
            )
            tally, samples = asyncio.run(drive(base, token, ids, pids, args))
    seconds = args.minutes * 60
    rows, memory_ok = memory_rows(samples, args)
    errors = sum(tally.errors.values())
    print_table(
        f"Soak: {args.minutes:g} min, {args.clients} clients, {sum(tally.statuses.values()):,} "
        f"requests through the gateway ({args.organizations:,} organizations, "
        f"{args.events:,} events seeded)",
        latency_rows(tally, seconds),
        ["operation", "requests", "rps", "p50_ms", "p99_ms", "errors"],
    )
    print_table(
        f"Memory (VmRSS; bounds ≤ {args.max_rss_mb:g} MB, growth ≤ {100 * args.max_growth:g} % "
        "from minute 2 to the end)",
        rows,
        ["process", "rss_after_warmup_mb", "rss_end_mb", "rss_max_mb", "growth", "bounds"],
    )
    print(f"\nstatuses: {dict(sorted(tally.statuses.items()))}; errors: {dict(tally.errors)}")
    passed = memory_ok and errors == 0 and sum(tally.statuses.values()) > 0
    print(f"soak: {'PASSED' if passed else 'FAILED'} ({errors} errors)")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "passed": passed,
                    "errors": dict(tally.errors),
                    "statuses": {str(k): v for k, v in tally.statuses.items()},
                    "memory": rows,
                    "samples": [{"t": t, **s} for t, s in samples],
                },
                indent=2,
            )
        )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
