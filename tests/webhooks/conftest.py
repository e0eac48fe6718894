"""Fixtures of the webhooks tests: a migrated database, the API in-process, a client; change
feeds, receivers and worker processes for the tests on real processes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

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
from tests.webhooks.harness import (
    TEST_SECRET_KEY,
    ChangeFeed,
    Receiver,
    Workers,
    worker_environment,
)


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


async def subscribe(client, receiver: Receiver, event_types, municipalities=()):
    response = await client.post(
        "/api/v1/webhook-subscriptions",
        json={
            "url": receiver.url,
            "event_types": list(event_types),
            "municipalities": list(municipalities),
        },
    )
    assert response.status_code == 201, response.text
    receiver.secret = response.json()["secret"]
    return response.json()


@pytest.fixture
def feeds():
    with ChangeFeed() as organizations, ChangeFeed() as events:
        yield {"organizations": organizations, "events": events}


@pytest.fixture
def receivers():
    made: list[Receiver] = []

    def make(mode: str = "ok") -> Receiver:
        receiver = Receiver(mode=mode)
        made.append(receiver)
        return receiver

    yield make
    for receiver in made:
        receiver.close()


@pytest.fixture
def workers(webhooks_db, feeds, tmp_path: Path):
    env = worker_environment(webhooks_db, {name: feed.url for name, feed in feeds.items()})
    started = Workers(env, tmp_path)
    yield started
    started.stop_all()
