"""Commit-to-delivery latency of webhooks, on real processes; prints a table.

    .venv/bin/python -m bench.webhooks [--changes 200] [--interval 0.05] [--workers 1]

Starts `somos serve organizations`, `somos serve webhooks` and `somos worker webhooks` on
fresh databases (the embedded PostgreSQL under .somos/bench-pg, or SOMOS_BENCH_DATABASE_URL),
a receiver on 127.0.0.1 that verifies every signature with the standardwebhooks library, and
one subscription to `organization.created`. It then creates organizations through the API one
after another and takes, for each, the time from the create's answer (the transaction has
committed by then) to:

- **feed**: a direct long poll of the service's `GET /api/v1/changes` returning it (the floor:
  what any consumer of the feed waits), and
- **webhook**: the receiver getting the signed delivery (feed + fan-out + queue + HTTP).

Target: webhook p50 <= 2 s (issue 17); the script exits 1 when the run misses it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from bench.common import REPO, admin_url, drop_database, free_port, fresh_database, print_table

TARGET_P50_SECONDS = 2.0


class Receiver:
    """Verifies each request's signature; notes when each organization's event arrived."""

    def __init__(self) -> None:
        self.secret = ""
        self.arrived: dict[str, float] = {}
        self.refused = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                now = time.time()
                try:
                    payload = Webhook(receiver.secret).verify(body, dict(self.headers.items()))
                except WebhookVerificationError:
                    receiver.refused += 1
                    self.send_response(401)
                else:
                    receiver.arrived.setdefault(payload["data"]["id"], now)
                    self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "somos.cli", *args],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{url} exited:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"{url} not ready")


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "p50 (ms)": statistics.median(ordered) * 1000,
        "p90 (ms)": cuts[89] * 1000,
        "p99 (ms)": cuts[98] * 1000,
        "max (ms)": ordered[-1] * 1000,
    }


async def drive(
    organizations: str,
    token: str,
    receiver: Receiver,
    *,
    changes: int,
    interval: float,
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Create ``changes`` organizations; (committed, seen in the feed, delivered) per id."""
    headers = {"Authorization": f"Bearer {token}"}
    committed: dict[str, float] = {}
    in_feed: dict[str, float] = {}
    async with httpx.AsyncClient(base_url=organizations, headers=headers, timeout=60) as client:
        start = await client.get("/api/v1/changes", params={"limit": 1})
        cursor = start.json()["next_cursor"]

        async def watch_feed() -> None:
            nonlocal cursor
            while len(in_feed) < changes:
                page = await client.get(
                    "/api/v1/changes",
                    params={"after": cursor, "wait": 25, "limit": 200},
                )
                now = time.time()
                body = page.json()
                for item in body["items"]:
                    in_feed.setdefault(item["id"], now)
                cursor = body["next_cursor"]

        # Warm-up: one organization delivered end to end, so every process is up and the
        # worker holds the feed's long poll before anything is timed.
        warm = await client.post(
            "/api/v1/organizations",
            json={
                "name": "Organización de calentamiento",
                "type": "organizacion_mujeres",
                "municipality_code": "52835",
            },
        )
        warm.raise_for_status()
        deadline = time.monotonic() + 180
        while warm.json()["id"] not in receiver.arrived:
            if time.monotonic() > deadline:
                raise SystemExit("the warm-up organization was never delivered")
            await asyncio.sleep(0.1)
        receiver.arrived.clear()
        cursor = (await client.get("/api/v1/changes", params={"after": cursor})).json()[
            "next_cursor"
        ]

        watcher = asyncio.create_task(watch_feed())
        for i in range(changes):
            response = await client.post(
                "/api/v1/organizations",
                json={
                    "name": f"Organización de prueba {i + 1:04d}",
                    "type": "organizacion_mujeres",
                    "municipality_code": "52835",
                },
            )
            response.raise_for_status()
            committed[response.json()["id"]] = time.time()
            await asyncio.sleep(interval)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if len(receiver.arrived) >= changes and len(in_feed) >= changes:
                break
            await asyncio.sleep(0.1)
        watcher.cancel()
    return committed, in_feed, dict(receiver.arrived)


async def delivery_times(webhooks_url: str) -> dict[str, tuple[float, float]]:
    """Per organization id: when its delivery was queued and when its first attempt began."""
    import asyncpg

    from services.common.db import asyncpg_dsn

    conn = await asyncpg.connect(asyncpg_dsn(webhooks_url))
    try:
        rows = await conn.fetch(
            "SELECT d.payload->'data'->>'id' AS id, d.created_at, min(a.attempted_at) AS first "
            "FROM webhook_deliveries d JOIN webhook_delivery_attempts a ON a.delivery_id = d.id "
            "GROUP BY d.id"
        )
    finally:
        await conn.close()
    return {r["id"]: (r["created_at"].timestamp(), r["first"].timestamp()) for r in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--interval", type=float, default=0.05, help="seconds between creates")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    server, admin = admin_url()
    logs = REPO / ".somos" / "bench-webhooks"
    logs.mkdir(parents=True, exist_ok=True)
    suffix = secrets.token_hex(3)
    names = {s: f"somos_bench_wh_{s}_{suffix}" for s in ("organizations", "webhooks")}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        urls = {s: fresh_database(admin, s, name) for s, name in names.items()}
        jwt_secret = secrets.token_urlsafe(48)
        ports = {"organizations": free_port(), "webhooks": free_port()}
        base = {k: v for k, v in os.environ.items() if not k.startswith("SOMOS_")}
        env = {
            **base,
            "SOMOS_JWT_SECRET": jwt_secret,
            "SOMOS_LOG_LEVEL": os.environ.get("SOMOS_LOG_LEVEL", "WARNING"),
            "SOMOS_DATA_DIR": str(REPO / ".somos"),
            "SOMOS_ORGANIZATIONS_DATABASE_URL": urls["organizations"],
            "SOMOS_WEBHOOKS_DATABASE_URL": urls["webhooks"],
            "SOMOS_WEBHOOKS_ALLOW_PRIVATE": "true",
            "SOMOS_WEBHOOKS_FEEDS": json.dumps(["organizations"]),
            "SOMOS_WEBHOOKS_ORGANIZATIONS_URL": f"http://127.0.0.1:{ports['organizations']}",
            "SOMOS_WEBHOOKS_WORKER_METRICS_PORT": "0",  # several workers: no metrics port
            **{k: v for k, v in os.environ.items() if k.startswith("SOMOS_WEBHOOKS_")},
        }
        for service, port in ports.items():
            log = logs / f"{service}.log"
            process = start(["serve", service, "--port", str(port)], env, log)
            processes.append(process)
            wait_ready(f"http://127.0.0.1:{port}", process, log)
        for n in range(args.workers):
            processes.append(
                start(["worker", "webhooks", "--name", f"w{n + 1}"], env, logs / f"w{n + 1}.log")
            )

        from services.common.auth import mint_token
        from services.common.settings import PlatformSettings

        platform = PlatformSettings(jwt_secret=jwt_secret)
        token = mint_token(
            platform, scopes=["organizations:read", "organizations:write", "webhooks:manage"]
        )
        receiver = Receiver()
        created = httpx.post(
            f"http://127.0.0.1:{ports['webhooks']}/api/v1/webhook-subscriptions",
            json={"url": receiver.url, "event_types": ["organization.created"]},
            headers={"Authorization": f"Bearer {token}"},
        )
        created.raise_for_status()
        receiver.secret = created.json()["secret"]

        committed, in_feed, delivered = asyncio.run(
            drive(
                f"http://127.0.0.1:{ports['organizations']}",
                token,
                receiver,
                changes=args.changes,
                interval=args.interval,
            )
        )
        queue_times = asyncio.run(delivery_times(urls["webhooks"]))
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        for name in names.values():
            try:
                drop_database(admin, name)
            except Exception as exc:  # the figures matter more than the clean-up
                print(f"could not drop {name}: {type(exc).__name__}", file=sys.stderr)
        if server is not None:
            server.cleanup()

    missing = [i for i in committed if i not in delivered]
    feed = [in_feed[i] - t for i, t in committed.items() if i in in_feed]
    webhook = [delivered[i] - t for i, t in committed.items() if i in delivered]
    queued = [queue_times[i][0] - t for i, t in committed.items() if i in queue_times]
    picked = [queue_times[i][1] - queue_times[i][0] for i in committed if i in queue_times]
    rows = [
        {"path": "feed: commit → long poll returns it", "n": len(feed), **percentiles(feed)},
        {"path": "worker: commit → delivery queued", "n": len(queued), **percentiles(queued)},
        {"path": "queue: queued → first attempt", "n": len(picked), **percentiles(picked)},
        {"path": "webhook: commit → receiver has it", "n": len(webhook), **percentiles(webhook)},
    ]
    print(
        f"\n{args.changes} organizations created one by one every {args.interval * 1000:.0f} ms"
        f" (plus the create's own time), {args.workers} worker(s); signatures verified "
        f"(refused: {receiver.refused}); not delivered: {len(missing)}."
    )
    print_table(
        "Webhooks: commit-to-delivery latency",
        rows,
        ["path", "n", "p50 (ms)", "p90 (ms)", "p99 (ms)", "max (ms)"],
    )
    p50 = statistics.median(webhook) if webhook else float("inf")
    verdict = "met" if p50 <= TARGET_P50_SECONDS and not missing else "MISSED"
    print(f"\nTarget webhook p50 <= {TARGET_P50_SECONDS:.0f} s: {verdict} ({p50 * 1000:.0f} ms).")
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    sys.exit(main())
