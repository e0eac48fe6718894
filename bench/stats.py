"""Whole-country statistics with 8 concurrent callers, before and after the tallies, in one run.

    python -m bench.stats                        # 100,000 organizations, 50,000 events
    python -m bench.stats --organizations 20000 --events 10000 --rounds 2   # a quick run

Seeds one scratch database per service (embedded PostgreSQL, or SOMOS_BENCH_DATABASE_URL) with
the seeds of bench/organizations_stats.py (organizations, assessments, plans, support,
initiatives), bench/security_plans.py (1,000 PISCCs with actions, reports, reviews,
strategies) and bench/events.py (events, participation, commitments). Each service is served
three times on its database, one uvicorn worker each:

- *before*: SOMOS_STATS_TALLIES=false, every request recounts from the records (as the
  statistics did before the tallies);
- *tallies*: SOMOS_STATS_KEPT_ANSWERS=0, every request builds its answer from the tallies
  (what the first request after a write in the territory costs);
- *after*: the default, answers kept until a write touches their territory.

All three must answer the same document; then each scenario runs in alternating rounds
(before, tallies, after, before …) with 8 connections, driven by wrk when it is installed
(else the Python generator, said above the table). The table prints the median p50 and p95
of the rounds that finished requests, the spread (min-max) of p50 and the speed-up (before
p50 / after p50).
Nothing is asserted: the figures go in docs/performance-statistics.md with date and machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from typing import Any

import httpx

from bench import events as events_bench
from bench import organizations_stats, security_plans
from bench.common import (
    admin_url,
    drop_database,
    free_port,
    fresh_database,
    load,
    loader_banner,
    print_table,
    server_process,
)
from services.common.auth import mint_token
from services.common.settings import PlatformSettings

SERVICES = ("organizations", "security_plans", "events")
# before: every request recounts from the records; tallies: every request rebuilds its answer
# from the tallies (what the first request after a write costs); after: the default, answers
# kept until a write touches their territory.
SIDES = {
    "before": {"SOMOS_STATS_TALLIES": "false"},
    "tallies": {"SOMOS_STATS_KEPT_ANSWERS": "0"},
    "after": {},
}
STATS = {
    "organizations": "/api/v1/stats/organizations",
    "security_plans": "/api/v1/stats/security-plans",
    "events": "/api/v1/stats/events",
}
# The whole country, then one department (the same narrowing every dashboard offers).
SCENARIOS = {
    "organizations": [("whole country", ""), ("department_code=52", "?department_code=52")],
    "security_plans": [("whole country", ""), ("department_code=52", "?department_code=52")],
    "events": [("whole country", ""), ("department_code=52", "?department_code=52")],
}


def seed(urls: dict[str, str], organizations: int, events: int) -> None:
    asyncio.run(
        organizations_stats.seed(
            urls["organizations"],
            organizations=organizations,
            plans=organizations // 5,
            initiatives=organizations // 20,
        )
    )
    asyncio.run(security_plans.seed(urls["security_plans"]))
    asyncio.run(events_bench.seed(urls["events"], events, 2.0, events))


def _same_document(before: dict[str, Any], after: dict[str, Any]) -> bool:
    strip = {"generated_at"}
    return {k: v for k, v in before.items() if k not in strip} == {
        k: v for k, v in after.items() if k not in strip
    }


NO_ANSWER = "none finished"


def _median(values: Sequence[float]) -> float | str:
    return statistics.median(values) if values else NO_ANSWER


def _fmt(value: float | str) -> str:
    return f"{value:,.1f}" if isinstance(value, float) else value


def _spread(values: Sequence[float]) -> str:
    return f"{min(values):,.1f}-{max(values):,.1f}" if values else NO_ANSWER


def measure(
    service: str,
    ports: dict[str, int],
    auth: list[str],
    *,
    rounds: int,
    duration: float,
    connections: int,
) -> list[dict[str, Any]]:
    """Alternating rounds of every side for each scenario of ``service``."""
    rows = []
    for name, query in SCENARIOS[service]:
        path = STATS[service] + query
        runs: dict[str, list[dict[str, float]]] = {side: [] for side in SIDES}
        for _ in range(rounds):
            for side in SIDES:
                # Warm up with one request, not a short load run: a run's unfinished requests
                # would still be queued on the server when the measured run starts.
                httpx.get(
                    f"http://127.0.0.1:{ports[side]}{path}",
                    headers=dict(h.split(": ", 1) for h in auth),
                    timeout=120,
                ).raise_for_status()
                runs[side].append(
                    load(
                        ports[side],
                        [path],
                        headers=auth,
                        connections=connections,
                        duration=duration,
                        warmup=0,
                    )
                )
        # A round in which no request finished (all slower than the run) has no latency.
        p50 = {side: [r["p50_ms"] for r in runs[side] if r["requests"]] for side in runs}
        p95 = {side: [r["p95_ms"] for r in runs[side] if r["requests"]] for side in runs}
        errors = sum(int(r["errors"]) for side in runs for r in runs[side])
        before, after = _median(p50["before"]), _median(p50["after"])
        rows.append(
            {
                "service": service,
                "scenario": name,
                "callers": connections,
                **{f"{side} p50 ms": _median(p50[side]) for side in SIDES},
                **{f"{side} p95 ms": _median(p95[side]) for side in SIDES},
                **{f"p50 spread {side}": _spread(p50[side]) for side in SIDES},
                "after rps": statistics.median(r["rps"] for r in runs["after"]),
                "speed-up": f"{before / after:,.0f}x"
                if isinstance(before, float) and isinstance(after, float) and after
                else "",
                "errors": errors,
            }
        )
        print(
            f"  {service} {name}: p50 "
            + " → ".join(f"{side} {_fmt(_median(p50[side]))}" for side in SIDES)
            + " ms (rounds "
            + ", ".join(f"{side} {_spread(p50[side])}" for side in SIDES)
            + ")",
            flush=True,
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=50_000)
    # Long enough that the slowest side (whole-country recounts, ~0.5 s each on one worker
    # with 8 callers queued) finishes requests in every round.
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--services", nargs="*", default=list(SERVICES), choices=SERVICES)
    args = parser.parse_args()
    print(loader_banner(), flush=True)
    started = time.monotonic()

    server, admin = admin_url()
    names = {s: f"somos_bench_stats_{s}_{os.getpid()}" for s in SERVICES}
    urls = {s: fresh_database(admin, s, names[s]) for s in SERVICES}
    try:
        print(
            f"seeding {args.organizations:,} organizations, 1,000 PISCCs, "
            f"{args.events:,} events (tallies kept by the triggers as rows go in) …",
            flush=True,
        )
        seed(urls, args.organizations, args.events)
        print(f"seeded in {time.monotonic() - started:.0f} s", flush=True)
        secret = secrets.token_urlsafe(48)
        token = mint_token(
            PlatformSettings(jwt_secret=secret),
            scopes=["organizations:read", "plans:read", "events:read"],
            sub="bench",
        )
        auth = [f"Authorization: Bearer {token}"]
        data_dir = tempfile.mkdtemp(prefix="somos-bench-stats-")
        rows: list[dict[str, Any]] = []
        for service in args.services:
            ports = {side: free_port() for side in SIDES}
            env = {
                "SOMOS_JWT_SECRET": secret,
                "SOMOS_LOG_LEVEL": "WARNING",
                "SOMOS_DATA_DIR": data_dir,
                f"SOMOS_{service.upper()}_DATABASE_URL": urls[service],
            }
            with ExitStack() as stack:
                for side, port in ports.items():
                    side_env = {**env, **SIDES[side]}
                    command = [sys.executable, "-m", "somos.cli", "serve", service]
                    stack.enter_context(
                        server_process([*command, "--port", str(port)], port, env=side_env)
                    )
                documents = {
                    side: httpx.get(
                        f"http://127.0.0.1:{port}{STATS[service]}",
                        headers={"Authorization": f"Bearer {token}"},
                        timeout=120,
                    ).json()
                    for side, port in ports.items()
                }
                same = all(
                    _same_document(documents["before"], documents[side]) for side in documents
                )
                print(
                    f"{service}: {len(documents['after'].get('by_municipality', {}))} "
                    f"municipalities; "
                    f"{'the same document' if same else 'DIFFERENT documents'} on every side",
                    flush=True,
                )
                if not same:
                    raise SystemExit(f"{service}: the tallies disagree with a full recount")
                rows += measure(
                    service,
                    ports,
                    auth,
                    rounds=args.rounds,
                    duration=args.duration,
                    connections=args.connections,
                )
        print_table(
            f"Statistics with {args.connections} concurrent callers, before (recount from the "
            f"records) and after (tallies): {args.organizations:,} organizations, 1,000 PISCCs, "
            f"{args.events:,} events; one uvicorn worker each; median of {args.rounds} "
            f"alternating rounds of {args.duration:.0f} s",
            rows,
            [
                "service",
                "scenario",
                "callers",
                "before p50 ms",
                "tallies p50 ms",
                "after p50 ms",
                "before p95 ms",
                "tallies p95 ms",
                "after p95 ms",
                "p50 spread before",
                "p50 spread tallies",
                "p50 spread after",
                "after rps",
                "speed-up",
                "errors",
            ],
        )
        print(f"\ntotal time {time.monotonic() - started:.0f} s")
    finally:
        for name in names.values():
            drop_database(admin, name)
        if server is not None:
            server.cleanup()


if __name__ == "__main__":
    main()
