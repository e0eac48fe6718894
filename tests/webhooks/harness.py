"""Real pieces for the webhooks tests: a change feed serving the documented contract, a
receiver verifying signatures with the standardwebhooks library, worker processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from services.common.schemas import utc_iso
from services.common.testing import REPO_ROOT, ServerThread

TEST_SECRET_KEY = "c29tb3Mtd2ViaG9va3MtdGVzdC1rZXktMzItYnl0ZXM="  # base64 of 32 bytes


def wait_until(condition: Callable[[], bool], *, timeout: float = 60.0, step: float = 0.1) -> None:
    """Poll ``condition`` until it holds; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(step)


async def eventually(condition: Callable[[], bool], *, within: float = 60.0) -> None:
    """``wait_until`` for async tests (the event loop keeps running while it waits)."""
    import asyncio

    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {within} s")
        await asyncio.sleep(0.1)


class ChangeFeed:
    """One service's change feed as docs/changes.md describes it: ``GET /api/v1/changes?after=
    &limit=&wait=`` → ``{"items": [...], "next_cursor"}`` in commit order, long-polled."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.requests = 0
        self.tokens: list[str] = []
        self.retained_from = 0  # index of the oldest change kept (retention deletes before it)
        app = Starlette(routes=[Route("/api/v1/changes", self.changes)])
        self.server = ServerThread(app)
        self.url = self.server.url

    def __enter__(self) -> ChangeFeed:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__(*exc)

    def commit(
        self,
        type_: str,
        *,
        resource: str,
        id_: str | None = None,
        version: int = 1,
        municipality_code: str | None = "52835",
    ) -> dict[str, Any]:
        """A change committed in the service: it shows up in the feed."""
        with self.lock:
            item = {
                "cursor": f"c{len(self.items) + 1:08d}",
                "type": type_,
                "resource": resource,
                "id": id_ or str(uuid.uuid4()),
                "version": version,
                "municipality_code": municipality_code,
                "occurred_at": utc_iso(datetime.now(UTC)),
            }
            self.items.append(item)
        return item

    async def changes(self, request: Request) -> JSONResponse:
        import asyncio

        self.requests += 1
        self.tokens.append(request.headers.get("authorization", ""))
        after = request.query_params.get("after")
        limit = int(request.query_params.get("limit", "200"))
        wait = float(request.query_params.get("wait", "0"))
        start = self.retained_from if after is None else int(after[1:])
        if start < self.retained_from:
            return JSONResponse(
                {"type": "urn:somos:problem:cursor-expired", "status": 410}, status_code=410
            )
        deadline = time.monotonic() + wait
        while True:
            page = self.items[start : start + limit]
            if page or time.monotonic() >= deadline:
                break
            await asyncio.sleep(0.02)
        next_cursor = page[-1]["cursor"] if page else after
        return JSONResponse({"items": page, "next_cursor": next_cursor})


@dataclass
class Receipt:
    webhook_id: str
    payload: dict[str, Any]
    received_at: float  # time.time()


@dataclass
class Receiver:
    """An HTTP endpoint on 127.0.0.1 that verifies every request's signature.

    ``mode`` decides the answer: ``ok`` (204), ``fail`` (503), ``gone`` (410), ``hang``
    (holds the request until released), ``flaky`` (503 for every third request, else 204).
    Only verified requests answered 2xx are receipts.
    """

    secret: str | None = None
    mode: str = "ok"
    receipts: list[Receipt] = field(default_factory=list)
    refused: int = 0
    requests: int = 0
    in_flight: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    hung_ids: list[str] = field(default_factory=list)
    # Every request as received (body, lower-cased headers), verified or not.
    raw: list[tuple[bytes, dict[str, str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                receiver.requests += 1
                headers = {k.lower(): v for k, v in self.headers.items()}
                receiver.raw.append((body, headers))
                try:
                    assert receiver.secret is not None
                    payload = Webhook(receiver.secret).verify(body, headers)
                except (WebhookVerificationError, AssertionError):
                    receiver.refused += 1
                    self._answer(401)
                    return
                mode = receiver.mode
                if mode == "hang":
                    receiver.hung_ids.append(headers["webhook-id"])
                    receiver.in_flight.set()
                    receiver.release.wait(60)
                    self._answer(503)
                    return
                if mode == "flaky" and receiver.requests % 3 == 0:
                    self._answer(503)
                    return
                if mode == "fail":
                    self._answer(503)
                    return
                if mode == "gone":
                    self._answer(410)
                    return
                receiver.receipts.append(Receipt(headers["webhook-id"], payload, time.time()))
                self._answer(204)

            def _answer(self, status: int) -> None:
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def events(self) -> list[tuple[str, str, int]]:
        """(type, id, version) of every receipt, in arrival order."""
        return [
            (r.payload["type"], r.payload["data"]["id"], r.payload["data"]["version"])
            for r in list(self.receipts)
        ]


def worker_environment(database_url: str, feeds: dict[str, str], **extra: str) -> dict[str, str]:
    """The environment of a `somos worker webhooks` with short timings for tests."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMOS_")}
    env.update(
        {
            "SOMOS_JWT_SECRET": "webhooks-test-secret-" + "x" * 32,
            "SOMOS_DATA_DIR": str(REPO_ROOT / ".somos"),
            "SOMOS_WEBHOOKS_DATABASE_URL": database_url,
            "SOMOS_WEBHOOKS_SECRET_KEY": TEST_SECRET_KEY,
            "SOMOS_WEBHOOKS_ALLOW_PRIVATE": "true",
            "SOMOS_WEBHOOKS_FEEDS": json.dumps(list(feeds)),
            "SOMOS_WEBHOOKS_FEED_WAIT_SECONDS": "2",
            "SOMOS_WEBHOOKS_FEED_ERROR_PAUSE_SECONDS": "0.5",
            "SOMOS_WEBHOOKS_RETRY_BASE_SECONDS": "0.2",
            "SOMOS_WEBHOOKS_RETRY_MAX_DELAY_SECONDS": "1",
            "SOMOS_WEBHOOKS_WORKER_HEARTBEAT_SECONDS": "0.5",
            "SOMOS_WEBHOOKS_WORKER_STALLED_SECONDS": "3",
            "SOMOS_WEBHOOKS_WORKER_POLL_SECONDS": "0.5",
            "SOMOS_WEBHOOKS_DELIVERY_TIMEOUT_SECONDS": "30",
            "SOMOS_LOG_LEVEL": "INFO",
            # Tests run several workers: no metrics port unless a test gives one.
            "SOMOS_WEBHOOKS_WORKER_METRICS_PORT": "0",
        }
    )
    for source, url in feeds.items():
        env[f"SOMOS_WEBHOOKS_{source.upper()}_URL"] = url
    env.update(extra)
    return env


class Workers:
    """`somos worker webhooks` processes started by a test, stopped (or killed) by it."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, name: str) -> subprocess.Popen[bytes]:
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 (kept for the process)
        process = subprocess.Popen(
            [sys.executable, "-m", "somos.cli", "worker", "webhooks", "--name", name],
            env=self.env,
            cwd=REPO_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        process.send_signal(signal.SIGKILL)
        process.wait(10)

    def log(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(errors="replace")

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class Served:
    """`somos serve <service>` on a free port, ready (``/readyz`` 200) when entered."""

    def __init__(self, service: str, env: dict[str, str], log: Path) -> None:
        from services.common.testing import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.service = service
        self.env = env
        self.log = log

    def __enter__(self) -> Served:
        import httpx

        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "somos.cli",
                    "serve",
                    self.service,
                    "--port",
                    str(self.port),
                ],
                env=self.env,
                cwd=REPO_ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

        def ready() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(self.log.read_text(errors="replace")[-3000:])
            try:
                return httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(ready, timeout=120, step=0.25)
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
