"""Fixtures of the security_plans tests: one migrated database and app per session."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from services.common.testing import (
    TokenFactory,
    asgi_client,
    bearer,
    migrated_database,
    running_app,
    truncate_all,
)
from services.security_plans.app import create_app
from services.security_plans.settings import SecurityPlansSettings


@pytest.fixture(scope="session")
async def security_plans_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "security_plans") as url:
        yield url


@pytest.fixture(scope="session")
async def security_plans_app(security_plans_db: str) -> AsyncIterator[FastAPI]:
    app = create_app(SecurityPlansSettings(database_url=security_plans_db))
    async with running_app(app):
        yield app


@pytest.fixture
async def client(
    security_plans_app: FastAPI, security_plans_db: str, make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """A client with a token carrying every scope; tables are emptied after each test."""
    async with asgi_client(security_plans_app, headers=bearer(make_token())) as c:
        yield c
    await truncate_all(security_plans_db)


@pytest.fixture
async def anonymous(
    security_plans_app: FastAPI, security_plans_db: str
) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(security_plans_app) as c:
        yield c
    await truncate_all(security_plans_db)


@pytest.fixture
def client_for(security_plans_app: FastAPI, make_token: TokenFactory):
    """Clients with other tokens: ``async with client_for("plans:read", municipalities=[…])``."""

    def make(*scopes: str, **claims: object) -> httpx.AsyncClient:
        token = make_token(scopes or ("plans:read", "plans:write"), **claims)
        return asgi_client(security_plans_app, headers=bearer(token))

    return make
