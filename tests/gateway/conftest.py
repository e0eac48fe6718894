"""Fixtures of the gateway tests: real services on real ports, stub upstreams, the gateway."""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from gateway.app import create_app
from gateway.settings import GatewaySettings
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

Routes = dict[str, Any]


def service_available(service: str) -> bool:
    try:
        return importlib.util.find_spec(f"services.{service}.app") is not None
    except ModuleNotFoundError:
        return False


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
        "retries": 0,
        "rate_limit_per_minute": 0,
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
