"""Resilience with real processes: a service stopped, made slow, and restarted."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from services.common.settings import PlatformSettings
from services.common.testing import REPO_ROOT, TokenFactory, free_port
from tests.gateway.conftest import INTERNAL, gateway_client, gateway_settings

pytestmark = pytest.mark.e2e


class ServiceProcess:
    """`somos serve organizations` as a real child process on a fixed port."""

    def __init__(self, database_url: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "SOMOS_ORGANIZATIONS_DATABASE_URL": database_url,
            "SOMOS_JWT_SECRET": PlatformSettings().signing_secret(),
            "SOMOS_LOG_LEVEL": "WARNING",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(self.port)],
            env=self.env,
            cwd=REPO_ROOT,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=0.5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("organizations did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=20)

    def pause(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def organizations_process(organizations_db: str) -> Iterator[ServiceProcess]:
    service = ServiceProcess(organizations_db)
    service.start()
    yield service
    service.stop()


async def test_stopped_service_partial_then_circuit_then_recovery(
    organizations_process: ServiceProcess, make_token: TokenFactory
) -> None:
    settings = gateway_settings(
        organizations_url=organizations_process.url,
        breaker_failure_threshold=2,
        breaker_reset_seconds=1.0,
        retries=1,
        retry_backoff_seconds=0.01,
    )
    org_id = "6a1c1b8e-5b9b-4e43-9a55-3c9b1b1c0a11"
    async with gateway_client(settings, make_token()) as client:
        assert (await client.get("/api/v1/organizations")).status_code == 200
        organizations_process.stop()

        started = time.monotonic()
        broken = await client.get("/api/v1/organizations")
        assert broken.status_code == 502
        assert broken.json()["type"] == "urn:somos:problem:bad-gateway"
        assert "127.0.0.1" not in broken.text  # no internal host names in answers
        profile = await client.get(f"/api/v1/organizations/{org_id}/profile")
        assert profile.status_code == 200
        assert profile.json()["partial"] is True
        assert set(profile.json()["unavailable"]) == {"organizations", "events"}
        assert time.monotonic() - started < 2.0

        opened = await client.get("/api/v1/organizations")
        assert opened.status_code == 503
        assert 1 <= int(opened.headers["retry-after"]) <= 1
        metrics = (await client.get(INTERNAL + "/metrics")).text
        assert 'somos_gateway_circuit_state{upstream="organizations"} 2.0' in metrics

        await asyncio.to_thread(organizations_process.start)
        await asyncio.sleep(1.1)  # the circuit lets one probe through
        recovered = await client.get("/api/v1/organizations")
        assert recovered.status_code == 200
        metrics = (await client.get(INTERNAL + "/metrics")).text
        assert 'somos_gateway_circuit_state{upstream="organizations"} 0.0' in metrics


async def test_slow_service_times_out_with_504_and_views_stay_partial(
    organizations_process: ServiceProcess, make_token: TokenFactory
) -> None:
    settings = gateway_settings(
        organizations_url=organizations_process.url,
        organizations_read_timeout=0.5,
        composition_budget_seconds=1.0,
        breaker_failure_threshold=10,
    )
    async with gateway_client(settings, make_token()) as client:
        assert (await client.get("/api/v1/organizations")).status_code == 200
        organizations_process.pause()
        try:
            started = time.monotonic()
            slow = await client.get("/api/v1/organizations")
            elapsed = time.monotonic() - started
            assert slow.status_code == 504
            assert slow.json()["type"] == "urn:somos:problem:gateway-timeout"
            assert elapsed < 2.0
            started = time.monotonic()
            overview = await client.get("/api/v1/municipalities/52835/overview")
            assert overview.status_code == 200
            assert "organizations" in overview.json()["unavailable"]
            assert time.monotonic() - started < 2.0
        finally:
            organizations_process.resume()
        assert (await client.get("/api/v1/organizations")).status_code == 200
