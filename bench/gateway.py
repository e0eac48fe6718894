"""Gateway benchmark: pass-through vs direct, overview vs its slowest upstream call, results.

`.venv/bin/python -m bench.gateway` — one run, one table. Organizations are seeded directly
with SQL (COPY) for speed; services not in this code base are left out and said so. Load comes
from `bench.load` in its own process on loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import sys
from typing import Any

from bench.common import admin_url, free_port, fresh_database, load, print_table, server_process
from bench.run import seed_organizations
from services.common.auth import mint_token
from services.common.settings import PlatformSettings

SERVICES = ("organizations", "security_plans", "events")


def _available(service: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(f"services.{service}.app") is not None
    except ModuleNotFoundError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=2_000)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()

    present = [s for s in SERVICES if _available(s)]
    missing = [s for s in SERVICES if s not in present]
    server, admin = admin_url()
    url = fresh_database(admin, "organizations")
    print(f"seeding {args.organizations:,} organizations with SQL COPY …", flush=True)
    ids = asyncio.run(seed_organizations(url, args.organizations))
    if missing:
        print(f"not in this code base (left out, their parts show as unavailable): {missing}")
    secret = secrets.token_urlsafe(48)
    token = mint_token(
        PlatformSettings(jwt_secret=secret),
        scopes=["organizations:read", "plans:read", "events:read"],
        sub="bench",
    )
    auth = [f"Authorization: Bearer {token}"]
    sample = [f"/api/v1/organizations/{i}" for i in random.Random(1).sample(ids, 200)]
    org_port, gw_port = free_port(), free_port()
    dead = {s: f"http://127.0.0.1:{free_port()}" for s in SERVICES}
    gw_env = {
        "SOMOS_JWT_SECRET": secret,
        "SOMOS_GATEWAY_ORGANIZATIONS_URL": f"http://127.0.0.1:{org_port}",
        "SOMOS_GATEWAY_SECURITY_PLANS_URL": dead["security_plans"],
        "SOMOS_GATEWAY_EVENTS_URL": dead["events"],
        "SOMOS_GATEWAY_RATE_LIMIT_PER_MINUTE": "0",
        "SOMOS_LOG_LEVEL": "WARNING",
    }
    rows: list[dict[str, Any]] = []
    run = {"duration": args.duration, "connections": args.connections}
    with (
        server_process(
            [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(org_port)],
            org_port,
            env={
                "SOMOS_ORGANIZATIONS_DATABASE_URL": url,
                "SOMOS_JWT_SECRET": secret,
                "SOMOS_LOG_LEVEL": "WARNING",
            },
        ),
        server_process(
            [sys.executable, "-m", "somos.cli", "serve", "gateway", "--port", str(gw_port)],
            gw_port,
            env=gw_env,
        ),
    ):
        direct = load(org_port, sample, headers=auth, **run)
        rows.append({"scenario": "organizations direct: GET by id", **direct, "ratio": "1.00"})
        via = load(gw_port, sample, headers=auth, **run)
        rows.append(
            {
                "scenario": "gateway pass-through: GET by id",
                **via,
                "ratio": f"{via['rps'] / direct['rps']:.2f} of direct rps (target ≥ 0.60)",
            }
        )
        listing = load(gw_port, ["/api/v1/organizations?limit=50"], headers=auth, **run)
        rows.append(
            {"scenario": "gateway pass-through: list page (limit 50)", **listing, "ratio": ""}
        )

        municipality = "52835"
        upstream_calls = [
            (org_port, f"/api/v1/stats/organizations?municipality_code={municipality}"),
            (org_port, f"/api/v1/community-initiatives?municipality_code={municipality}&limit=200"),
        ]
        slowest = 0.0
        for port, path in upstream_calls:
            one = load(port, [path], headers=auth, duration=args.duration, connections=4)
            slowest = max(slowest, one["p50_ms"])
            rows.append(
                {"scenario": f"upstream call direct: {path.split('?')[0]}", **one, "ratio": ""}
            )
        overview = load(
            gw_port,
            [f"/api/v1/municipalities/{municipality}/overview"],
            headers=auth,
            duration=args.duration,
            connections=4,
        )
        rows.append(
            {
                "scenario": "overview (4 connections)",
                **overview,
                "ratio": f"p50 {overview['p50_ms'] / slowest:.2f}x slowest upstream p50 "
                "(target ≤ 1.3)"
                if slowest
                else "",
            }
        )
        results = load(
            gw_port, ["/api/v1/results"], headers=auth, duration=args.duration, connections=2
        )
        rows.append(
            {
                "scenario": f"/api/v1/results ({args.organizations:,} organizations)",
                **results,
                "ratio": "",
            }
        )
    print_table(
        "Gateway (one run, loopback, "
        f"{args.connections} connections unless said; missing services: {missing or 'none'})",
        rows,
        ["scenario", "rps", "p50_ms", "p99_ms", "errors", "ratio"],
    )
    if server is not None:
        server.cleanup()


if __name__ == "__main__":
    main()
