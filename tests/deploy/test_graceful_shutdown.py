"""SIGTERM on a real `somos serve` process: it stops taking new connections, finishes the
requests in flight, and exits within SOMOS_SHUTDOWN_GRACE_SECONDS; a request still running
then is cut off, rolled back and answered 503.

The slow request is real, not a test-only route: the test holds a row lock on an
organization (SELECT ... FOR UPDATE in an open transaction), so the PATCH the process is
serving waits in PostgreSQL, exactly as it would behind a long-running writer.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest

from services.common.auth import mint_token
from services.common.db import asyncpg_dsn
from services.common.settings import PlatformSettings
from services.common.testing import free_port, migrated_database
from tests.organizations.factories import organization_body

pytestmark = pytest.mark.e2e
# uvicorn re-raises the signal it handled once it has shut down cleanly.
STOPPED_BY_SIGTERM = (0, -signal.SIGTERM)
SECRET = "graceful-shutdown-test-secret-0123456789abcdef"


@pytest.fixture(scope="module")
async def database(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


def start(database: str, grace: int, tmp_path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "SOMOS_ORGANIZATIONS_DATABASE_URL": database,
        "SOMOS_SHUTDOWN_GRACE_SECONDS": str(grace),
        "SOMOS_JWT_SECRET": SECRET,
        "SOMOS_DATA_DIR": str(tmp_path),
        "SOMOS_LOG_LEVEL": "INFO",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    process.kill()
    raise AssertionError("somos serve did not become ready")


def patch_statuses(process: subprocess.Popen[bytes]) -> list[int]:
    """The statuses of the PATCH requests in the stopped process's access log."""
    assert process.stdout is not None
    lines = [json.loads(line) for line in process.stdout.read().decode().splitlines() if line]
    return [line["status"] for line in lines if line.get("method") == "PATCH"]


async def wait_for_lock_waiter(conn: asyncpg.Connection, within: float = 10) -> None:
    """Until a backend of this database is blocked on a lock (the PATCH)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        waiting = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'"
        )
        if waiting:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the PATCH never reached the row lock")


async def locked_patch(database: str, base: str):
    """Create an organization, lock its row, start a PATCH on it; returns what's needed."""
    headers = {
        "Authorization": "Bearer "
        + mint_token(
            PlatformSettings(jwt_secret=SECRET),
            scopes=["organizations:read", "organizations:write"],
            sub="ops",
        )
    }
    client = httpx.AsyncClient(base_url=base, headers=headers, timeout=30)
    created = await client.post(
        "/api/v1/organizations", json=organization_body(name=f"Junta {time.time_ns()}")
    )
    assert created.status_code == 201, created.text
    org = created.json()
    locker = await asyncpg.connect(asyncpg_dsn(database))
    lock = locker.transaction()
    await lock.start()
    await locker.execute("SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE", org["id"])
    patch = asyncio.create_task(
        client.patch(
            f"/api/v1/organizations/{org['id']}",
            json={"acronym": "JAC"},
            headers={"If-Match": '"1"'},
        )
    )
    await wait_for_lock_waiter(locker)
    return client, locker, lock, patch


async def test_sigterm_finishes_in_flight_requests_and_refuses_new_ones(database, tmp_path):
    process, base = start(database, grace=10, tmp_path=tmp_path)
    try:
        client, locker, lock, patch = await locked_patch(database, base)
        process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        await asyncio.sleep(0.5)

        # Stopping: the listening socket is closed, the process waits for the PATCH.
        with pytest.raises(httpx.ConnectError):
            await httpx.AsyncClient(timeout=2).get(f"{base}/healthz")
        assert process.poll() is None and not patch.done()

        await asyncio.sleep(1)
        await lock.rollback()  # the other writer finishes; the PATCH proceeds
        response = await patch
        assert response.status_code == 200, response.text
        assert response.json()["acronym"] == "JAC" and response.json()["version"] == 2

        returncode = await asyncio.to_thread(process.wait, 10)
        assert returncode in STOPPED_BY_SIGTERM
        assert time.monotonic() - signalled < 10
        await client.aclose()
        await locker.close()
    finally:
        if process.poll() is None:
            process.kill()
    lines = [json.loads(line) for line in process.stdout.read().decode().splitlines() if line]
    patched = [line for line in lines if line.get("method") == "PATCH"]
    assert [line["status"] for line in patched] == [200]


async def test_requests_longer_than_the_grace_period_are_cut_off(database, tmp_path):
    process, base = start(database, grace=2, tmp_path=tmp_path)
    try:
        client, locker, lock, patch = await locked_patch(database, base)
        process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        returncode = await asyncio.to_thread(process.wait, 15)
        stopped_after = time.monotonic() - signalled
        assert returncode in STOPPED_BY_SIGTERM
        # The lock is never released before the exit: only the grace period can end it.
        assert 1.5 < stopped_after < 12, stopped_after
        # Cut off: the cancelled request unwinds (its transaction rolls back) and tells the
        # caller before the process ends, instead of a dropped connection or a bare 500.
        response = await patch
        assert response.status_code == 503, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["connection"] == "close"
        assert response.json()["type"] == "urn:somos:problem:shutting-down"
        await lock.rollback()
        row = await locker.fetchrow(
            "SELECT acronym, version FROM organizations WHERE version = 1 ORDER BY created_at DESC"
        )
        assert row["acronym"] != "JAC"  # the cut-off PATCH did not commit
        await client.aclose()
        await locker.close()
    finally:
        if process.poll() is None:
            process.kill()
    lines = [json.loads(line) for line in process.stdout.read().decode().splitlines() if line]
    patched = [line for line in lines if line.get("method") == "PATCH"]
    assert [line["status"] for line in patched] == [503]
