"""Fixtures of the webhooks tests: a migrated database, the API in-process, a client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from services.common.testing import (
    TokenFactory,
    asgi_client,
    bearer,
    migrated_database,
    running_app,
    truncate_all,
)
from services.webhooks.app import create_app
from services.webhooks.settings import WebhooksSettings
from tests.webhooks.harness import TEST_SECRET_KEY


def webhooks_settings(database_url: str, **overrides: object) -> WebhooksSettings:
    values: dict[str, object] = {
        "database_url": database_url,
        "allow_private": True,
        "secret_key": SecretStr(TEST_SECRET_KEY),
    }
    values.update(overrides)
    return WebhooksSettings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
async def webhooks_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "webhooks") as url:
        yield url


@pytest.fixture(scope="session")
async def webhooks_app(webhooks_db: str) -> AsyncIterator[FastAPI]:
    app = create_app(webhooks_settings(webhooks_db))
    async with running_app(app):
        yield app


@pytest.fixture
async def client(
    webhooks_app: FastAPI, webhooks_db: str, make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose token carries every scope; tables are emptied after each test."""
    async with asgi_client(webhooks_app, headers=bearer(make_token())) as c:
        yield c
    await truncate_all(webhooks_db)


@pytest.fixture
def client_for(webhooks_app: FastAPI, make_token: TokenFactory):
    """Clients with other tokens: ``client_for("webhooks:manage", sub="ana", …)``."""

    def make(*scopes: str, **claims: object) -> httpx.AsyncClient:
        token = make_token(scopes or ("webhooks:manage",), **claims)
        return asgi_client(webhooks_app, headers=bearer(token))

    return make
