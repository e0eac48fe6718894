"""Two real gateway processes share one rate limit through the machine's Redis."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator

import httpx
import pytest

from services.common.testing import REPO_ROOT, free_port
from tests.gateway.test_edge_hardening import wait_for

pytestmark = pytest.mark.e2e

REDIS = ("127.0.0.1", 6379)
BURST = 6


def redis_command(*words: str) -> bytes:
    """One command in RESP, the raw reply (enough to check Redis answers and clean up)."""
    payload = f"*{len(words)}\r\n".encode() + b"".join(
        f"${len(w.encode())}\r\n{w}\r\n".encode() for w in words
    )
    with socket.create_connection(REDIS, timeout=2) as sock:
        sock.sendall(payload)
        return sock.recv(65536)


@pytest.fixture
def prefix() -> Iterator[str]:
    try:
        assert redis_command("PING") == b"+PONG\r\n"
    except OSError as exc:
        pytest.fail(f"Redis does not answer on {REDIS[0]}:{REDIS[1]} ({exc}); .ci/run starts one")
    unique = f"somos-test:{uuid.uuid4().hex}:"
    yield unique
    reply = redis_command("KEYS", unique + "*")
    keys = [line for line in reply.decode().split("\r\n") if line.startswith(unique)]
    if keys:
        redis_command("DEL", *keys)


def start_gateway(prefix: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "SOMOS_ENVIRONMENT": "production",
        "SOMOS_JWT_SECRET": "r" * 48,
        "SOMOS_LOG_LEVEL": "WARNING",
        "SOMOS_GATEWAY_INTERNAL_PORT": str(free_port()),
        "SOMOS_GATEWAY_RATE_LIMIT_REDIS_URL": f"redis://{REDIS[0]}:{REDIS[1]}/0",
        "SOMOS_GATEWAY_RATE_LIMIT_REDIS_PREFIX": prefix,
        # One token a minute after the burst: the test ends long before another is added.
        "SOMOS_GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "1",
        "SOMOS_GATEWAY_RATE_LIMIT_ANONYMOUS_BURST": str(BURST),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "somos.cli", "serve", "gateway", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    return process, f"http://127.0.0.1:{port}"


def test_two_gateway_processes_take_from_one_bucket(prefix: str) -> None:
    started = [start_gateway(prefix) for _ in range(2)]
    try:
        for process, url in started:
            wait_for(url + "/healthz", process)
        urls = [url for _, url in started]
        answers = [
            httpx.get(
                urls[i % 2] + "/api/v1/territories/departments",
                headers={"Authorization": f"Bearer forged-{i}"},
                timeout=10,
            )
            for i in range(2 * BURST)
        ]
        statuses = [a.status_code for a in answers]
        # Alone, each replica would have allowed BURST: 2 x BURST 401s and no 429.
        assert statuses == [401] * BURST + [429] * BURST
        assert all(int(a.headers["retry-after"]) >= 1 for a in answers[BURST:])
        assert {a.json()["type"] for a in answers[BURST:]} == {
            "urn:somos:problem:too-many-requests"
        }
        # The bucket lives in Redis under the test's prefix, keyed by a digest (no address).
        keys = redis_command("KEYS", prefix + "*").decode()
        assert prefix + "anonymous:" in keys and "127.0.0.1" not in keys
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            output = process.communicate(timeout=30)[0].decode()
            assert "Traceback" not in output, output
