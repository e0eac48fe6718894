"""The gateway as an attacker reads it: forged forwarding headers, floods of bad tokens,
metrics on the public port, retries in lockstep; and it holds no secret of the services."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from starlette.requests import Request

from gateway import contract
from gateway.app import create_app
from gateway.forwarding import TrustedProxies
from gateway.ratelimit import LocalLimiter, Policy, RedisLimiter
from gateway.resilience import backoff_delay
from gateway.settings import GatewaySettings
from services.common.settings import PlatformSettings
from services.common.testing import (
    REPO_ROOT,
    ServerThread,
    TokenFactory,
    bearer,
    free_port,
    running_app,
)
from tests.gateway.conftest import INTERNAL, create_organization, gateway_settings

FORGED = {
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-For": "198.51.100.66",
    "Forwarded": 'for=198.51.100.66;host="evil.example";proto=https',
    "X-Real-IP": "198.51.100.66",
}


@asynccontextmanager
async def client_from(
    settings: GatewaySettings, *peers: str, base_url: str = "http://api.somos.test"
) -> AsyncIterator[list[httpx.AsyncClient]]:
    """One in-process gateway and a client per peer address (as the gateway's socket sees it)."""
    app = create_app(settings)
    async with running_app(app):
        clients = [
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app, client=(peer, 40000)),
                base_url=base_url,
                timeout=30,
            )
            for peer in peers
        ]
        for client in clients:
            client.app = app  # type: ignore[attr-defined]
        try:
            yield clients
        finally:
            for client in clients:
                await client.aclose()


# --- (1) no secrets of the services ---------------------------------------------------------


def production_env(**extra: str) -> dict[str, str]:
    """The gateway's production environment: a JWT secret, nothing of any service."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SOMOS_EVENTS_", "SOMOS_ORGANIZATIONS_", "SOMOS_SECURITY_PLANS_"))
    }
    env.update(
        SOMOS_ENVIRONMENT="production",
        SOMOS_JWT_SECRET="p" * 48,
        SOMOS_LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def test_gateway_app_is_built_in_production_without_any_service_app() -> None:
    """Before: building the gateway built the events app, whose production settings demand
    SOMOS_EVENTS_PII_KEYS. Now no service module is even imported."""
    probe = (
        "import sys\n"
        "from gateway.app import create_app\n"
        "app = create_app()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(("
        "'services.events', 'services.organizations', 'services.security_plans')))\n"
        "print(len(app.openapi()['paths']), loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO_ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1) == [str(len(contract.load()["paths"])), "[]\n"]


@pytest.mark.e2e
def test_somos_serve_gateway_starts_in_production_and_serves_the_checked_in_contract() -> None:
    port, internal = free_port(), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "somos.cli", "serve", "gateway", "--port", str(port)],
        cwd=REPO_ROOT,
        env=production_env(SOMOS_GATEWAY_INTERNAL_PORT=str(internal)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        health = wait_for(f"http://127.0.0.1:{port}/healthz", process)
        assert health.json() == {"status": "ok"}
        served = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=10)
        assert served.json() == contract.load()
        # Metrics only on the internal port; the public one does not serve them.
        public = httpx.get(
            f"http://127.0.0.1:{port}/metrics", headers=bearer(token_for("p" * 48)), timeout=10
        )
        assert public.status_code == 404 and "somos_http_requests_total" not in public.text
        metrics = httpx.get(f"http://127.0.0.1:{internal}/metrics", timeout=10)
        assert 'somos_http_requests_total{method="GET",route="/healthz"' in metrics.text
        # Readiness: the services are not running; only the internal port says which.
        public_ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
        internal_ready = httpx.get(f"http://127.0.0.1:{internal}/readyz", timeout=10)
        assert public_ready.status_code == internal_ready.status_code == 503
        assert "events" not in public_ready.text and "events" in internal_ready.json()["detail"]
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()
    assert "Traceback" not in output


def token_for(secret: str, **claims: Any) -> str:
    from services.common.auth import mint_token

    return mint_token(PlatformSettings(jwt_secret=secret), scopes=["admin"], sub="ops", **claims)


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> httpx.Response:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"process exited {process.returncode}:\n{out}")
        try:
            return httpx.get(url, timeout=1)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


# --- (a) forwarding headers -----------------------------------------------------------------


def test_forwarding_headers_are_believed_only_from_trusted_proxies() -> None:
    proxies = TrustedProxies(["10.0.0.0/8", "2001:db8::/32"])
    headers = [(b"host", b"gw.internal:8000")] + [
        (k.lower().encode(), v.encode()) for k, v in FORGED.items()
    ]
    scope = {"type": "http", "scheme": "http", "client": ("203.0.113.7", 1), "headers": headers}
    direct = proxies.view(scope)
    assert (direct.ip, direct.scheme, direct.host, direct.hops) == (
        "203.0.113.7",
        "http",
        "gw.internal:8000",
        ("203.0.113.7",),
    )
    via_ingress = proxies.view({**scope, "client": ("10.1.2.3", 1)})
    assert (via_ingress.ip, via_ingress.scheme, via_ingress.host) == (
        "198.51.100.66",
        "https",
        "evil.example",
    )
    # A client prepending addresses does not become them: the nearest untrusted hop counts.
    chain = [(b"x-forwarded-for", b"1.1.1.1, 203.0.113.9, 10.0.0.5")]
    spoofed = proxies.view({**scope, "client": ("10.1.2.3", 1), "headers": chain})
    assert spoofed.ip == "203.0.113.9"
    assert spoofed.hops == ("1.1.1.1", "203.0.113.9", "10.0.0.5", "10.1.2.3")
    assert spoofed.forwarded() == 'for="203.0.113.9";host="localhost";proto=http'
    v6_forwarded = [(b"forwarded", b'for="[2001:db9::7]:443";proto=https')]
    v6 = proxies.view({**scope, "client": ("2001:db8::1", 1), "headers": v6_forwarded})
    assert (v6.ip, v6.scheme) == ("2001:db9::7", "https")
    assert v6.forwarded().startswith('for="[2001:db9::7]"')
    with pytest.raises(ValueError, match="not-a-network"):
        GatewaySettings(trusted_proxies=["not-a-network"])


async def test_forged_forwarding_headers_produce_no_forged_link(
    organizations_server: ServerThread, organizations_db: str, make_token: TokenFactory
) -> None:
    from services.common.testing import truncate_all

    settings = gateway_settings(organizations_url=organizations_server.url)
    headers = {**bearer(make_token()), **FORGED}
    try:
        async with client_from(settings, "203.0.113.7") as (client,):
            client.headers.update(bearer(make_token()))
            for name in ("Uno", "Dos"):
                await create_organization(client, name=f"Organización {name}")
            page = await client.get("/api/v1/organizations", params={"limit": 1}, headers=headers)
        assert page.status_code == 200, page.text
        link = page.headers["link"]
        assert link.startswith("<http://api.somos.test/api/v1/organizations?"), link
        assert "evil" not in link and "https" not in link
        # The same headers from a trusted proxy (the ingress) are the client's truth.
        trusted = gateway_settings(
            organizations_url=organizations_server.url, trusted_proxies=["203.0.113.0/24"]
        )
        async with client_from(trusted, "203.0.113.7") as (client,):
            page = await client.get("/api/v1/organizations", params={"limit": 1}, headers=headers)
        assert page.headers["link"].startswith("<https://evil.example/api/v1/organizations?")
    finally:
        await truncate_all(organizations_db)


async def test_services_receive_rebuilt_forwarding_headers(stub_server, make_token) -> None:  # type: ignore[no-untyped-def]
    def echo(request: Request) -> dict[str, str]:
        return dict(request.headers)

    with stub_server({"/api/v1/organizations": echo}) as upstream:
        settings = gateway_settings(organizations_url=upstream.url)
        async with client_from(settings, "203.0.113.7") as (client,):
            token = bearer(make_token())
            seen = (await client.get("/api/v1/organizations", headers={**token, **FORGED})).json()
    assert seen["host"] == "api.somos.test"
    assert seen["x-forwarded-host"] == "api.somos.test"
    assert seen["x-forwarded-proto"] == "http"
    assert seen["forwarded"] == 'for="203.0.113.7";host="api.somos.test";proto=http'
    assert seen["x-forwarded-for"] == "203.0.113.7"  # the peer alone; the forged hop is gone
    assert "x-real-ip" not in seen
    assert "198.51.100.66" not in json.dumps(seen) and "evil" not in json.dumps(seen)


# --- (b) a flood of bad tokens --------------------------------------------------------------


async def test_a_flood_of_bad_tokens_is_refused_before_any_signature_check(
    make_token: TokenFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = gateway_settings(
        rate_limit_per_minute=600,
        rate_limit_burst=100,
        rate_limit_anonymous_per_minute=1,
        rate_limit_anonymous_burst=5,
    )
    good = bearer(make_token(sub="ana"))
    async with client_from(settings, "203.0.113.7", "203.0.113.8") as (attacker, neighbour):
        verifier = attacker.app.state.token_verifier  # type: ignore[attr-defined]
        decoded: list[str] = []
        real_decode = verifier._decode
        monkeypatch.setattr(
            verifier, "_decode", lambda t, kid: decoded.append(t) or real_decode(t, kid)
        )
        path = "/api/v1/territories/departments"
        assert (await attacker.get(path, headers=good)).status_code == 200  # verified, cached
        flood = [
            await attacker.get(path, headers=bearer(f"forged.token.{i}"), params={"i": i})
            for i in range(12)
        ]
        statuses = [r.status_code for r in flood]
        assert statuses == [401] * 4 + [429] * 8  # the good token's first use took one
        limited = flood[-1]
        assert limited.headers["content-type"] == "application/problem+json"
        assert limited.json()["type"] == "urn:somos:problem:too-many-requests"
        assert limited.json()["status"] == 429
        assert int(limited.headers["retry-after"]) >= 1
        # Signatures were checked for the good token and the first four forgeries only.
        assert len(decoded) == 5
        # No token at all counts the same; a caller with a verified token is not affected;
        # another address has its own bucket.
        assert (await attacker.get(path)).status_code == 429
        assert (await attacker.get(path, headers=good)).status_code == 200
        assert (await neighbour.get(path, headers=bearer("forged"))).status_code == 401


async def test_forged_x_forwarded_for_does_not_buy_a_fresh_bucket(make_token: TokenFactory) -> None:
    settings = gateway_settings(rate_limit_anonymous_per_minute=1, rate_limit_anonymous_burst=2)
    async with client_from(settings, "203.0.113.7") as (client,):
        statuses = [
            (
                await client.get(
                    "/api/v1/territories/departments",
                    headers={"X-Forwarded-For": f"198.51.100.{i}", **bearer("bad")},
                )
            ).status_code
            for i in range(4)
        ]
    assert statuses == [401, 401, 429, 429]


async def test_redis_limiter_falls_back_to_per_replica_buckets_when_redis_is_down() -> None:
    limiter = RedisLimiter(f"redis://127.0.0.1:{free_port()}/0", prefix="somos-test:")
    policy = Policy("anonymous", per_minute=1, burst=2)
    try:
        waits = [await limiter.take("ip:203.0.113.7", policy) for _ in range(3)]
    finally:
        await limiter.close()
    assert waits[:2] == [0, 0] and waits[2] >= 1


def test_local_buckets_refill_at_the_policy_rate() -> None:
    limiter = LocalLimiter()
    policy = Policy("caller", per_minute=60, burst=2)
    assert [limiter.take_now("sub:a", policy) for _ in range(3)] == [0, 0, 1]
    assert limiter.take_now("sub:b", policy) == 0
    assert limiter.take_now("sub:a", Policy("anonymous", per_minute=60, burst=1)) == 0


# --- (d) metrics on the internal port only -----------------------------------------------


async def test_metrics_and_readiness_details_are_not_served_on_the_public_port(
    make_token: TokenFactory,
) -> None:
    settings = gateway_settings()
    async with client_from(settings, "203.0.113.7", base_url="http://testserver") as (client,):
        token = bearer(make_token())
        public = await client.get("/metrics", headers=token)
        assert public.status_code == 404
        assert public.headers["content-type"] == "application/problem+json"
        assert "somos_" not in public.text
        assert (await client.get("/metrics")).status_code == 401
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["detail"] == "The gateway is not ready to serve requests."
        internal = await client.get(INTERNAL + "/metrics")
        assert internal.status_code == 200
        assert 'somos_http_requests_total{method="GET",route="/readyz"' in internal.text
        details = (await client.get(INTERNAL + "/readyz")).json()["detail"]
        assert "organizations" in details and "events" in details
        # The internal port serves nothing else: no API, no contract.
        assert (await client.get(INTERNAL + "/openapi.json")).status_code == 404
        assert (await client.get(INTERNAL + "/api/v1/territories/departments")).status_code == 404


# --- (e) jitter -------------------------------------------------------------------------------


def test_retry_backoff_has_full_jitter() -> None:
    class Fixed(random.Random):
        def uniform(self, a: float, b: float) -> float:
            return (a, b)  # type: ignore[return-value]

    assert backoff_delay(0, 0.05, rng=Fixed()) == (0.0, 0.05)
    assert backoff_delay(3, 0.05, rng=Fixed()) == (0.0, 0.4)
    rng = random.Random(13)
    delays = [backoff_delay(2, 0.1, rng=rng) for _ in range(200)]
    assert all(0.0 <= d <= 0.4 for d in delays)
    assert len(set(delays)) == 200  # no two replicas wait the same
    assert min(delays) < 0.05 and max(delays) > 0.35  # spread over the whole window
