"""Gateway benchmark: pass-through vs direct, overview and profile vs their slowest upstream
call, results.

`.venv/bin/python -m bench.gateway` — one run, one table. The three services' databases are
seeded directly with SQL (the services' own benchmark seeders: 2,000 organizations with their
assessments, plans, support and initiatives; 1,000 security plans with reviews, reports and
strategies; 20,000 events with participation and commitments), then every service and the
gateway run as real processes and wrk (else `bench.load`, and it says so) drives them on loopback.

The target comparisons are paired, because on shared cores the same call's figures move by
20-30 % from one 5-second window to the next: pass-through and direct alternate in rounds
and the ratio is the median of the rounds' ratios; a composed view and its upstream calls
are timed interleaved, one request at a time in turn, and the ratio is again the median of
the rounds'.

`--baseline DIR` also runs the gateway package found in DIR (e.g. an older revision, taken
with `git archive <rev> gateway | tar -x -C DIR`) beside the current one, in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import statistics
import sys
import tempfile
from contextlib import ExitStack
from typing import Any

import asyncpg

from bench import events as events_bench
from bench import organizations_stats, security_plans
from bench.common import (
    REPO,
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
from services.common.db import asyncpg_dsn
from services.common.settings import PlatformSettings

SERVICES = ("organizations", "security_plans", "events", "reporting")
MUNICIPALITY = "52001"  # Pasto: present in every seeder's municipality list


async def _organization_ids(url: str, count: int) -> list[str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch("SELECT id FROM organizations ORDER BY id LIMIT $1", count)
        return [str(r["id"]) for r in rows]
    finally:
        await conn.close()


async def _parallel(calls: list[tuple[int, str]], token: str, duration: float) -> dict[str, float]:
    """Wall time of the overview's upstream calls sent all at once, straight to the services."""
    import time

    import aiohttp

    latencies: list[float] = []
    headers = {"Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(headers=headers) as session:

        async def one(port: int, path: str) -> None:
            async with session.get(f"http://127.0.0.1:{port}{path}") as response:
                await response.read()

        stop_at = time.perf_counter() + duration
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            await asyncio.gather(*(one(port, path) for port, path in calls))
            latencies.append(time.perf_counter() - started)
    latencies.sort()
    return {
        "rps": round(len(latencies) / duration, 1),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 2),
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 2),
        "errors": 0,
    }


def _slowest_call_ms(server_timing: str) -> float | None:
    """The slowest upstream call named in a composed answer's `Server-Timing` (not `view`),
    or None when a call is missing (a partial answer) or the header is absent."""
    slowest = None
    for entry in server_timing.split(","):
        name, *params = (p.strip() for p in entry.split(";"))
        fields = dict(p.split("=", 1) for p in params if "=" in p)
        if "desc" in fields:
            return None
        if name != "view" and "dur" in fields:
            slowest = max(slowest or 0.0, float(fields["dur"]))
    return slowest


async def _interleaved(
    targets: list[tuple[int, str]], token: str, duration: float, warmup: float = 1.0
) -> list[dict[str, Any]]:
    """One request at a time, taking the targets in turn, each on its own keep-alive
    connection: every target is timed under the same machine conditions, so the ratio of
    two targets' p50s is paired. (Measured one after another, 5 s apart, the p50 of the
    same call moved by 20-30 % on this shared machine.)

    A composed view's answers carry `Server-Timing`: each of its upstream calls as the
    gateway timed it. For those, ``call_ms`` is the p50 of the slowest call of each answer
    and ``per_request`` the median of (answer's latency here / its slowest call)."""
    import time

    header = f"Authorization: Bearer {token}\r\n"
    streams = [await asyncio.open_connection("127.0.0.1", port) for port, _ in targets]
    requests = [
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{header}\r\n".encode() for _, path in targets
    ]
    samples: list[list[float]] = [[] for _ in targets]
    slowest_calls: list[list[float]] = [[] for _ in targets]
    per_request: list[list[float]] = [[] for _ in targets]
    errors = [0 for _ in targets]

    async def once(i: int, keep: bool) -> None:
        reader, writer = streams[i]
        started = time.perf_counter()
        writer.write(requests[i])
        status = await reader.readline()
        length = 0
        timing = ""
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name = line[:15].lower()
            if name == b"content-length:":
                length = int(line[15:].strip())
            elif name == b"server-timing: ":
                timing = line[15:].decode().strip()
        if length:
            await reader.readexactly(length)
        taken = time.perf_counter() - started
        if not status.startswith(b"HTTP/1.1 200"):
            errors[i] += 1
        if not keep:
            return
        samples[i].append(taken)
        call = _slowest_call_ms(timing) if timing else None
        if call:
            slowest_calls[i].append(call)
            per_request[i].append(1000 * taken / call)

    try:
        stop_at = time.perf_counter() + warmup
        while time.perf_counter() < stop_at:
            for i in range(len(targets)):
                await once(i, keep=False)
        stop_at = time.perf_counter() + duration
        while time.perf_counter() < stop_at:
            for i in range(len(targets)):
                await once(i, keep=True)
    finally:
        for _, writer in streams:
            writer.close()
    out: list[dict[str, Any]] = []
    for i, taken in enumerate(samples):
        taken.sort()
        one: dict[str, Any] = {
            "rps": round(len(taken) / duration, 1),
            "p50_ms": round(1000 * taken[len(taken) // 2], 2),
            "p99_ms": round(1000 * taken[min(len(taken) - 1, int(len(taken) * 0.99))], 2),
            "errors": errors[i],
        }
        if per_request[i]:
            one["call_ms"] = round(statistics.median(slowest_calls[i]), 2)
            one["per_request"] = statistics.median(per_request[i])
        out.append(one)
    return out


def _paired(
    targets: list[tuple[int, str]], token: str, duration: float, rounds: int
) -> tuple[list[dict[str, Any]], list[float], list[float]]:
    """Interleaved rounds; per target its median-p50 round; per round the ratio of the last
    target's p50 (the composed view) to the slowest of the others (its upstreams, alone), and
    the view's per-request ratio to its slowest call in the same request."""
    runs = [asyncio.run(_interleaved(targets, token, duration)) for _ in range(rounds)]
    ratios = [run[-1]["p50_ms"] / max(r["p50_ms"] for r in run[:-1]) for run in runs]
    in_request = [run[-1]["per_request"] for run in runs if "per_request" in run[-1]]
    medians = [_median([run[i] for run in runs], "p50_ms") for i in range(len(targets))]
    return medians, ratios, in_request


async def _busiest_organization(url: str) -> str:
    """The organization with the most assessments, plans and support (for the profile)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        row = await conn.fetchrow(
            "SELECT o.id FROM organizations o ORDER BY "
            "(SELECT count(*) FROM assessments a WHERE a.organization_id = o.id) + "
            "(SELECT count(*) FROM strengthening_plans p WHERE p.organization_id = o.id) + "
            "(SELECT count(*) FROM support_activities s WHERE s.organization_id = o.id) DESC, "
            "o.id LIMIT 1"
        )
        assert row is not None
        return str(row["id"])
    finally:
        await conn.close()


def _median(runs: list[dict[str, float]], key: str) -> dict[str, float]:
    """The run whose ``key`` is the median of the rounds."""
    return sorted(runs, key=lambda r: r[key])[len(runs) // 2]


def _view_rows(
    label: str,
    view: dict[str, Any],
    alone: list[float],
    in_request: list[float],
    *,
    target: bool = False,
) -> list[dict[str, Any]]:
    """A composed view's two comparisons: with its slowest upstream call as the gateway
    timed it in the same requests (Server-Timing), and with its upstream calls made alone."""
    goal = "target ≤ 1.3; " if target else ""

    def rounds(values: list[float]) -> str:
        return ", ".join(f"{r:.2f}" for r in values)

    return [
        {
            "scenario": f"{label} (interleaved)",
            **{k: view[k] for k in ("rps", "p50_ms", "p99_ms", "errors")},
            "ratio": f"{statistics.median(in_request):.2f}x its slowest upstream call in the "
            f"same request, median of the per-request ratios ({goal}rounds {rounds(in_request)})",
        },
        {
            "scenario": "  its slowest upstream call in those requests (Server-Timing)",
            "rps": "",
            "p50_ms": view["call_ms"],
            "p99_ms": "",
            "errors": "",
            "ratio": "",
        },
        {
            "scenario": f"  {label} vs its upstream calls made alone",
            "rps": "",
            "p50_ms": view["p50_ms"],
            "p99_ms": "",
            "errors": "",
            "ratio": f"p50 {statistics.median(alone):.2f}x the slowest alone, median of the "
            f"paired rounds (rounds {rounds(alone)}): the calls share 2 cores in the view",
        },
    ]


def _serve(service: str, port: int, env: dict[str, str], cwd: str | None = None) -> Any:
    command = [sys.executable, "-m", "somos.cli", "serve", service, "--port", str(port)]
    return server_process(command, port, env=env, cwd=cwd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=2_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--rounds", type=int, default=5, help="alternating rounds of the two target comparisons"
    )
    parser.add_argument("--baseline", help="directory holding an older `gateway` package")
    args = parser.parse_args()
    print(loader_banner(), flush=True)

    server, admin = admin_url()
    # Named per run: other runs may share the server; dropped at the end.
    names = {s: f"somos_bench_{s}_{os.getpid()}" for s in SERVICES}
    urls = {s: fresh_database(admin, s, names[s]) for s in SERVICES}
    try:
        _seed_serve_measure(args, urls)
    finally:
        for name in names.values():
            drop_database(admin, name)
        if server is not None:
            server.cleanup()


def _seed_serve_measure(args: argparse.Namespace, urls: dict[str, str]) -> None:
    """Seed, serve, measure, print: everything between creating and dropping the databases."""
    print(f"seeding {args.organizations:,} organizations, 1,000 PISCCs, {args.events:,} events …")
    asyncio.run(
        organizations_stats.seed(
            urls["organizations"],
            organizations=args.organizations,
            plans=args.organizations // 2,
            initiatives=args.organizations // 4,
        )
    )
    asyncio.run(security_plans.seed(urls["security_plans"]))
    asyncio.run(events_bench.seed(urls["events"], args.events, 1.0, 7))
    ids = asyncio.run(_organization_ids(urls["organizations"], 5_000))
    busiest = asyncio.run(_busiest_organization(urls["organizations"]))

    secret = secrets.token_urlsafe(48)
    token = mint_token(
        PlatformSettings(jwt_secret=secret),
        scopes=["organizations:read", "plans:read", "events:read"],
        sub="bench",
    )
    auth = [f"Authorization: Bearer {token}"]
    sample = [f"/api/v1/organizations/{i}" for i in random.Random(1).sample(ids, 200)]
    ports = {s: free_port() for s in SERVICES}
    data_dir = tempfile.mkdtemp(prefix="somos-bench-gateway-")
    common = {"SOMOS_JWT_SECRET": secret, "SOMOS_LOG_LEVEL": "WARNING", "SOMOS_DATA_DIR": data_dir}
    gateway_env = {
        **common,
        **{f"SOMOS_GATEWAY_{s.upper()}_URL": f"http://127.0.0.1:{ports[s]}" for s in SERVICES},
        "SOMOS_GATEWAY_RATE_LIMIT_PER_MINUTE": "0",
        "SOMOS_GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "0",
        "SOMOS_GATEWAY_INTERNAL_PORT": str(free_port()),  # metrics; 9000 may be taken
    }
    rows: list[dict[str, Any]] = []
    run = {"duration": args.duration, "connections": args.connections}
    with ExitStack() as stack:
        for s in SERVICES:
            env = {**common, f"SOMOS_{s.upper()}_DATABASE_URL": urls[s]}
            if s in ("events", "reporting"):
                # events checks references; reporting reads statistics (/api/v1/results)
                prefix = f"SOMOS_{s.upper()}_"
                env[prefix + "ORGANIZATIONS_URL"] = f"http://127.0.0.1:{ports['organizations']}"
                env[prefix + "SECURITY_PLANS_URL"] = f"http://127.0.0.1:{ports['security_plans']}"
            if s == "reporting":
                env["SOMOS_REPORTING_EVENTS_URL"] = f"http://127.0.0.1:{ports['events']}"
                env["SOMOS_REPORTING_BUDGET_SECONDS"] = "60"
            stack.enter_context(_serve(s, ports[s], env))
        gw_port = free_port()
        stack.enter_context(_serve("gateway", gw_port, gateway_env))
        old_port = None
        if args.baseline:
            old_port = free_port()
            # Run from the baseline directory: `python -m` puts the working directory first
            # on sys.path, so its `gateway` wins; the rest comes from this checkout.
            path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
            stack.enter_context(
                _serve(
                    "gateway",
                    old_port,
                    {
                        **gateway_env,
                        "PYTHONPATH": path,
                        "SOMOS_GATEWAY_INTERNAL_PORT": str(free_port()),
                    },
                    cwd=os.path.abspath(args.baseline),
                )
            )

        org = ports["organizations"]
        # The target pair runs in alternating rounds: on shared cores one run can be off by
        # 10 %; each row shows its median-rps round and the ratio is of the medians.
        targets = {"direct": org, "via": gw_port}
        if old_port is not None:
            targets["baseline"] = old_port
        rounds: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, port in targets.items():
                rounds[name].append(load(port, sample, headers=auth, **run))
        direct = _median(rounds["direct"], "rps")
        paired = [v["rps"] / d["rps"] for v, d in zip(rounds["via"], rounds["direct"], strict=True)]
        per_round = ", ".join(f"{r:.2f}" for r in paired)
        rows.append({"scenario": "organizations direct: GET by id", **direct, "ratio": "1.00"})
        if old_port is not None:
            old = _median(rounds["baseline"], "rps")
            old_paired = [
                b["rps"] / d["rps"]
                for b, d in zip(rounds["baseline"], rounds["direct"], strict=True)
            ]
            rows.append(
                {
                    "scenario": "baseline gateway pass-through: GET by id",
                    **old,
                    "ratio": f"{statistics.median(old_paired):.2f} of direct rps, median of "
                    f"the paired rounds (rounds {', '.join(f'{r:.2f}' for r in old_paired)})",
                }
            )
        via = _median(rounds["via"], "rps")
        rows.append(
            {
                "scenario": "gateway pass-through: GET by id",
                **via,
                "ratio": f"{statistics.median(paired):.2f} of direct rps, median of the "
                f"paired rounds (target ≥ 0.60; rounds {per_round})",
            }
        )
        page = ["/api/v1/organizations?limit=50"]
        pages: dict[str, list[dict[str, float]]] = {"direct": [], "via": []}
        for _ in range(args.rounds):  # alternating too: direct, via, direct, via …
            pages["direct"].append(load(org, page, headers=auth, **run))
            pages["via"].append(load(gw_port, page, headers=auth, **run))
        page_ratios = [
            v["rps"] / d["rps"] if d["rps"] else 0.0
            for v, d in zip(pages["via"], pages["direct"], strict=True)
        ]
        rows.append(
            {
                "scenario": "organizations direct: list page (50)",
                **_median(pages["direct"], "rps"),
                "ratio": "1.00",
            }
        )
        rows.append(
            {
                "scenario": "gateway pass-through: list page (50)",
                **_median(pages["via"], "rps"),
                "ratio": f"{statistics.median(page_ratios):.2f} of direct rps, median of the "
                f"paired rounds (spread {min(page_ratios):.2f}-{max(page_ratios):.2f})",
            }
        )

        m = MUNICIPALITY
        upstream_calls = [
            (ports["events"], f"/api/v1/stats/events?municipality_code={m}"),
            (ports["security_plans"], f"/api/v1/stats/security-plans/municipalities/{m}"),
            (org, f"/api/v1/stats/organizations/municipalities/{m}"),
        ]
        overview_path = f"/api/v1/municipalities/{m}/overview"
        # The overview and its three upstream calls alone, interleaved one request at a time.
        medians, ratios, in_request = _paired(
            [*upstream_calls, (gw_port, overview_path)], token, args.duration, args.rounds
        )
        for one, (_port, path) in zip(medians, upstream_calls, strict=False):
            label = path.replace(f"municipality_code={m}", "m").replace(f"/{m}", "/m")
            rows.append({"scenario": f"upstream direct (interleaved): {label}", **one, "ratio": ""})
        slowest = max(one["p50_ms"] for one in medians[:-1])
        together = asyncio.run(_parallel(upstream_calls, token, args.duration))
        rows.append(
            {
                "scenario": "the same three calls at once, direct (1 client)",
                **together,
                "ratio": f"p50 {together['p50_ms'] / slowest:.2f}x slowest upstream p50",
            }
        )
        rows.extend(_view_rows(f"overview {m}", medians[-1], ratios, in_request, target=True))
        profile_calls = [
            (org, f"/api/v1/organizations/{busiest}/record"),
            (ports["events"], f"/api/v1/events?organization_id={busiest}&limit=200"),
        ]
        medians, ratios, in_request = _paired(
            [*profile_calls, (gw_port, f"/api/v1/organizations/{busiest}/profile")],
            token,
            args.duration,
            args.rounds,
        )
        for one, (_port, path) in zip(medians, profile_calls, strict=False):
            label = path.replace(busiest, "{id}")
            rows.append({"scenario": f"upstream direct (interleaved): {label}", **one, "ratio": ""})
        rows.extend(_view_rows("organization profile", medians[-1], ratios, in_request))
        results = load(
            gw_port, ["/api/v1/results"], headers=auth, duration=args.duration, connections=1
        )
        rows.append(
            {
                "scenario": f"/api/v1/results ({args.organizations:,} orgs, "
                f"{args.events:,} events, 1 conn)",
                **results,
                "ratio": "",
            }
        )
    print_table(
        f"Gateway (one run, loopback, {args.connections} connections unless said)",
        rows,
        ["scenario", "rps", "p50_ms", "p99_ms", "errors", "ratio"],
    )
    print(f"\n{loader_banner()}")


if __name__ == "__main__":
    main()
