"""Fixtures of the reporting tests: its own database, the real services on real ports."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI

from services.common.testing import (
    ServerThread,
    TokenFactory,
    asgi_client,
    bearer,
    running_app,
    truncate_all,
)
from services.reporting.app import create_app
from tests.gateway.conftest import (  # noqa: F401  (the real services, session-wide)
    dead_url,
    events_db,
    events_server,
    organizations_db,
    organizations_server,
    reporting_db,
    reporting_server,
    reporting_settings,
    reset_reporting,
    security_plans_db,
    security_plans_server,
)

reset = reset_reporting


@pytest.fixture(scope="session")
async def reporting_app(reporting_db: str) -> AsyncIterator[FastAPI]:
    """The reporting service alone (services unreachable): indicators and targets."""
    app = create_app(reporting_settings(reporting_db))
    async with running_app(app):
        yield app


@pytest.fixture
async def client(
    reporting_app: FastAPI, reporting_db: str, make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """A client with every scope; the database is reset after each test."""
    async with asgi_client(reporting_app, headers=bearer(make_token(sub="oficial-mye"))) as c:
        yield c
    await reset(reporting_db)


@pytest.fixture
def client_for(reporting_app: FastAPI, make_token: TokenFactory):
    """Clients with other tokens: ``async with client_for("reporting:read") as c``."""

    def make(*scopes: str, **claims: object) -> httpx.AsyncClient:
        token = make_token(scopes or ("reporting:read",), **claims)
        return asgi_client(reporting_app, headers=bearer(token))

    return make


@dataclass
class Programme:
    """Clients of the real services (every scope) and of the real reporting service."""

    events: httpx.AsyncClient
    reporting: httpx.AsyncClient
    token: str
    reporting_url: str

    def client(self, token: str) -> httpx.AsyncClient:
        """Another caller of the reporting service."""
        return httpx.AsyncClient(base_url=self.reporting_url, headers=bearer(token), timeout=60)


@pytest.fixture
async def programme(
    reporting_server: ServerThread,
    events_server: ServerThread,
    reporting_db: str,
    events_db: str,
    organizations_db: str,
    security_plans_db: str,
    make_token: TokenFactory,
) -> AsyncIterator[Programme]:
    """Every service for real; all their tables emptied (reporting's reseeded) afterwards."""
    token = make_token(sub="oficial-mye")
    headers = bearer(token)
    async with (
        httpx.AsyncClient(base_url=events_server.url, headers=headers, timeout=30) as events,
        httpx.AsyncClient(base_url=reporting_server.url, headers=headers, timeout=60) as reporting,
    ):
        try:
            yield Programme(events, reporting, token, reporting_server.url)
        finally:
            for url in (events_db, organizations_db, security_plans_db):
                await truncate_all(url)
            await reset(reporting_db)
