"""Fixtures of the reporting tests: its own database, the real services on real ports."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import create_async_engine

from services.common.db import sqlalchemy_url
from services.common.testing import (
    ServerThread,
    TokenFactory,
    asgi_client,
    bearer,
    migrated_database,
    running_app,
    truncate_all,
)
from services.reporting import framework
from services.reporting.app import create_app
from services.reporting.settings import ReportingSettings
from tests.gateway.conftest import (  # noqa: F401  (the real services, session-wide)
    dead_url,
    events_db,
    events_server,
    organizations_db,
    organizations_server,
    security_plans_db,
    security_plans_server,
)


async def reset(url: str) -> None:
    """Empty every table, then seed R1-R10 and the default targets again (as migrated)."""
    await truncate_all(url)
    engine = create_async_engine(sqlalchemy_url(url), poolclass=sa.pool.NullPool)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(framework.seed)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
async def reporting_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "reporting") as url:
        yield url


def reporting_settings(url: str, **overrides: Any) -> ReportingSettings:
    values: dict[str, Any] = {
        "database_url": url,
        "organizations_url": dead_url(),
        "security_plans_url": dead_url(),
        "events_url": dead_url(),
        "budget_seconds": 20.0,
    }
    values.update(overrides)
    return ReportingSettings(**values)


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


@pytest.fixture(scope="session")
def reporting_server(
    reporting_db: str,
    organizations_server: ServerThread,  # noqa: F811
    security_plans_server: ServerThread,  # noqa: F811
    events_server: ServerThread,  # noqa: F811
) -> Iterator[ServerThread]:
    """The real reporting service on a real port, in front of the real services."""
    settings = reporting_settings(
        reporting_db,
        organizations_url=organizations_server.url,
        security_plans_url=security_plans_server.url,
        events_url=events_server.url,
    )
    with ServerThread(create_app(settings)) as server:
        yield server


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
    events_server: ServerThread,  # noqa: F811
    reporting_db: str,
    events_db: str,  # noqa: F811
    organizations_db: str,  # noqa: F811
    security_plans_db: str,  # noqa: F811
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
