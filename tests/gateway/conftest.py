"""Fixtures of the gateway tests: real services on real ports, stub upstreams, the gateway."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import create_async_engine

from gateway.app import create_app
from gateway.settings import GatewaySettings
from services.common.db import sqlalchemy_url
from services.common.testing import (
    ServerThread,
    TokenFactory,
    asgi_client,
    bearer,
    free_port,
    migrated_database,
    running_app,
    truncate_all,
)
from services.reporting import framework
from services.reporting.settings import ReportingSettings

Routes = dict[str, Any]
# The gateway's internal port (metrics, readiness details) as the in-process client reaches it:
# the port of the URL is the server port the app sees.
INTERNAL = "http://testserver:9000"


def dead_url() -> str:
    """A base URL where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"


def stub_app(routes: Routes, *, calls: list[str] | None = None) -> FastAPI:
    """An upstream answering canned JSON: ``{"/api/v1/x": body or callable(request)}``."""
    app = FastAPI()

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ready"}

    @app.api_route("/{path:path}", methods=["GET", "POST", "PATCH", "PUT", "DELETE"])
    async def answer(path: str, request: Request) -> JSONResponse:
        if calls is not None:
            calls.append(f"{request.method} /{path}?{request.url.query}")
        body = routes.get("/" + path)
        if body is None:
            return JSONResponse({"title": "Not found", "status": 404}, status_code=404)
        if callable(body):
            body = body(request)
        if isinstance(body, tuple):
            return JSONResponse(body[1], status_code=body[0])
        return JSONResponse(body)

    return app


@pytest.fixture(scope="session")
def stub_server() -> Callable[..., Any]:
    """Start a stub upstream on a real port: ``with stub_server(routes) as s: s.url``."""

    def start(routes: Routes, calls: list[str] | None = None) -> ServerThread:
        return ServerThread(stub_app(routes, calls=calls))

    return start


def gateway_settings(**overrides: Any) -> GatewaySettings:
    values: dict[str, Any] = {
        "organizations_url": dead_url(),
        "security_plans_url": dead_url(),
        "events_url": dead_url(),
        "webhooks_url": dead_url(),
        "reporting_url": dead_url(),
        "retries": 0,
        "rate_limit_per_minute": 0,
        "rate_limit_anonymous_per_minute": 0,
        "composition_budget_seconds": 2.0,
    }
    values.update(overrides)
    return GatewaySettings(**values)


@asynccontextmanager
async def gateway_client(
    settings: GatewaySettings, token: str | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway in-process (lifespan run) and a client for it."""
    app = create_app(settings)
    async with running_app(app):
        headers = bearer(token) if token else {}
        async with asgi_client(app, headers=headers, timeout=30) as client:
            client.app = app  # type: ignore[attr-defined]
            yield client


@pytest.fixture(scope="session")
async def organizations_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


@pytest.fixture(scope="session")
def organizations_server(organizations_db: str) -> Iterator[ServerThread]:
    """The real organizations service on a real port."""
    from services.organizations.app import create_app as create_organizations
    from services.organizations.settings import OrganizationsSettings

    app = create_organizations(OrganizationsSettings(database_url=organizations_db))
    with ServerThread(app) as server:
        yield server


@pytest.fixture
async def gateway(
    organizations_server: ServerThread, organizations_db: str, make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway in front of the real organizations service, with an all-scopes token."""
    async with gateway_client(
        gateway_settings(organizations_url=organizations_server.url), make_token()
    ) as client:
        yield client
    await truncate_all(organizations_db)


@pytest.fixture(scope="session")
async def security_plans_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "security_plans") as url:
        yield url


@pytest.fixture(scope="session")
async def events_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "events") as url:
        yield url


@pytest.fixture(scope="session")
def security_plans_server(security_plans_db: str) -> Iterator[ServerThread]:
    """The real security plans service on a real port."""
    from services.security_plans.app import create_app as create_security_plans
    from services.security_plans.settings import SecurityPlansSettings

    app = create_security_plans(SecurityPlansSettings(database_url=security_plans_db))
    with ServerThread(app) as server:
        yield server


@pytest.fixture(scope="session")
def events_server(
    events_db: str, organizations_server: ServerThread, security_plans_server: ServerThread
) -> Iterator[ServerThread]:
    """The real events service on a real port, checking references with the real services."""
    from services.events.app import create_app as create_events
    from services.events.pii import Keyring
    from services.events.settings import EventsSettings

    keyring = Keyring(keys={"k1": b"\x01" * 32}, active_key_id="k1", hash_key=b"\x02" * 32)
    settings = EventsSettings(
        database_url=events_db,
        organizations_url=organizations_server.url,
        security_plans_url=security_plans_server.url,
    )
    with ServerThread(create_events(settings, keyring=keyring)) as server:
        yield server


@pytest.fixture(scope="session")
async def reporting_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "reporting") as url:
        yield url


async def reset_reporting(url: str) -> None:
    """Empty every table, then seed R1-R10 and the default targets again (as migrated)."""
    await truncate_all(url)
    engine = create_async_engine(sqlalchemy_url(url), poolclass=sa.pool.NullPool)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(framework.seed)
    finally:
        await engine.dispose()


def reporting_settings(url: str, **overrides: Any) -> ReportingSettings:
    """The reporting service's settings; the services unreachable unless given."""
    values: dict[str, Any] = {
        "database_url": url,
        "organizations_url": dead_url(),
        "security_plans_url": dead_url(),
        "events_url": dead_url(),
        # generous: the suite shares two cores; a slow answer must not read as a service down
        "budget_seconds": 60.0,
        "upstream_timeout_seconds": 60.0,
    }
    values.update(overrides)
    return ReportingSettings(**values)


def reporting_thread(
    reporting_db: str,
    *servers: ServerThread,
    **overrides: Any,
) -> ServerThread:
    """A reporting service on a real port in front of (organizations, security_plans,
    events); ``overrides`` change its settings (``events_url=dead_url()``)."""
    from services.reporting.app import create_app as create_reporting

    urls = dict(
        zip(
            ("organizations_url", "security_plans_url", "events_url"),
            (s.url for s in servers),
            strict=True,
        )
    )
    return ServerThread(create_reporting(reporting_settings(reporting_db, **{**urls, **overrides})))


@pytest.fixture(scope="session")
def reporting_server(
    reporting_db: str,
    organizations_server: ServerThread,
    security_plans_server: ServerThread,
    events_server: ServerThread,
) -> Iterator[ServerThread]:
    """The real reporting service on a real port, in front of the real services."""
    with reporting_thread(
        reporting_db, organizations_server, security_plans_server, events_server
    ) as server:
        yield server


@dataclass
class System:
    """The four real services and the gateway in front of them (in-process)."""

    client: httpx.AsyncClient
    organizations: ServerThread
    security_plans: ServerThread
    events: ServerThread
    reporting: ServerThread
    reporting_db: str = ""

    def settings(self, **overrides: Any) -> GatewaySettings:
        urls = {
            "organizations_url": self.organizations.url,
            "security_plans_url": self.security_plans.url,
            "events_url": self.events.url,
            "reporting_url": self.reporting.url,
        }
        return gateway_settings(**{**urls, **overrides})

    def reporting_with(self, **overrides: Any) -> ServerThread:
        """Another reporting service in front of the same services, other settings."""
        return reporting_thread(
            self.reporting_db, self.organizations, self.security_plans, self.events, **overrides
        )


@pytest.fixture
async def system(
    organizations_server: ServerThread,
    security_plans_server: ServerThread,
    events_server: ServerThread,
    reporting_server: ServerThread,
    organizations_db: str,
    security_plans_db: str,
    events_db: str,
    reporting_db: str,
    make_token: TokenFactory,
) -> AsyncIterator[System]:
    """Every service for real, the gateway in front; all tables emptied afterwards."""
    servers = (organizations_server, security_plans_server, events_server, reporting_server)
    probe = System(httpx.AsyncClient(), *servers, reporting_db=reporting_db)
    try:
        async with gateway_client(probe.settings(), make_token()) as client:
            yield System(client, *servers, reporting_db=reporting_db)
    finally:
        await probe.client.aclose()
        for url in (organizations_db, security_plans_db, events_db):
            await truncate_all(url)
        await reset_reporting(reporting_db)


ORGANIZATION = {
    "name": "Consejo Comunitario Bajo Mira y Frontera",
    "acronym": "CCBMF",
    "type": "consejo_comunitario",
    "ethnic_focus": "afrocolombiano",
    "municipality_code": "52835",
    "focus_areas": ["derechos_humanos", "convivencia"],
}


async def create_organization(client: httpx.AsyncClient, **changes: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/organizations", json={**ORGANIZATION, **changes})
    assert response.status_code == 201, response.text
    return dict(response.json())


def server_timing(response: httpx.Response) -> dict[str, tuple[float, str | None]]:
    """``Server-Timing: name;dur=ms[;desc="…"], …`` → {name: (ms, desc)}."""
    out: dict[str, tuple[float, str | None]] = {}
    for entry in response.headers["server-timing"].split(","):
        name, *params = (p.strip() for p in entry.split(";"))
        fields = dict(p.split("=", 1) for p in params)
        out[name] = (float(fields["dur"]), fields.get("desc", "").strip('"') or None)
    return out


def assert_timed(response: httpx.Response, answered: set[str], unavailable: set[str]) -> None:
    """Every upstream call is in Server-Timing with its outcome, within the view's time."""
    timing = server_timing(response)
    view, _ = timing.pop("view")
    assert set(timing) == answered | unavailable
    assert {name for name, (_, desc) in timing.items() if desc == "unavailable"} == unavailable
    assert all(0 < ms <= view for ms, _ in timing.values()), timing
