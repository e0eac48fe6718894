"""Fixtures of the organizations tests: one migrated database and app per session."""

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
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings


@pytest.fixture(scope="session")
async def organizations_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


@pytest.fixture(scope="session")
async def organizations_app(organizations_db: str) -> AsyncIterator[FastAPI]:
    app = create_app(OrganizationsSettings(database_url=organizations_db))
    async with running_app(app):
        yield app


@pytest.fixture
async def client(
    organizations_app: FastAPI, organizations_db: str, make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """A client with a token carrying every scope; tables are emptied after each test."""
    async with asgi_client(organizations_app, headers=bearer(make_token())) as c:
        yield c
    await truncate_all(organizations_db)


@pytest.fixture
async def anonymous(
    organizations_app: FastAPI, organizations_db: str
) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(organizations_app) as c:
        yield c
    await truncate_all(organizations_db)
