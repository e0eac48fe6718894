"""Fixtures of the events tests: migrated databases, a real organizations app as upstream,
a stand-in security plans service, and the events app wired to both in-process."""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from typing import Annotated

import httpx
import pytest
from fastapi import Depends, FastAPI, HTTPException

from services.common.auth import Principal, require_scope
from services.common.testing import (
    TokenFactory,
    asgi_client,
    bearer,
    migrated_database,
    running_app,
    truncate_all,
)
from services.events.app import create_app
from services.events.pii import Keyring
from services.events.settings import EventsSettings
from services.organizations.app import create_app as create_organizations_app
from services.organizations.settings import OrganizationsSettings
from tests.events.factories import organization_body

TEST_KEYRING = Keyring(keys={"k1": b"\x01" * 32}, active_key_id="k1", hash_key=b"\x02" * 32)


def keyring_settings(keyring: Keyring) -> dict[str, object]:
    """Settings fields carrying ``keyring`` the way an operator would set them."""
    keys = ",".join(f"{k}:{base64.b64encode(v).decode()}" for k, v in keyring.keys.items())
    return {
        "pii_keys": keys,
        "pii_active_key_id": keyring.active_key_id,
        "pii_hash_key": base64.b64encode(keyring.hash_key).decode(),
    }


def plans_stub(known: set[uuid.UUID]) -> FastAPI:
    """The security plans service's GET by id, as far as the events service relies on it."""
    app = FastAPI()

    @app.get("/api/v1/security-plans/{plan_id}")
    async def get_plan(
        plan_id: uuid.UUID, _: Annotated[Principal, Depends(require_scope("plans:read"))]
    ) -> dict[str, str]:
        if plan_id not in known:
            raise HTTPException(404)
        return {"id": str(plan_id), "municipality_code": "52835"}

    from services.common.auth import TokenVerifier
    from services.common.settings import PlatformSettings

    app.state.token_verifier = TokenVerifier(PlatformSettings())
    return app


KNOWN_PLANS: set[uuid.UUID] = {uuid.UUID("6f1c1e8e-7c34-4d2a-9a51-2c4b7f3e9d10")}


@pytest.fixture(scope="session")
async def events_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "events") as url:
        yield url


@pytest.fixture(scope="session")
async def upstream_organizations_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


@pytest.fixture(scope="session")
async def organizations_upstream(upstream_organizations_db: str) -> AsyncIterator[FastAPI]:
    app = create_organizations_app(OrganizationsSettings(database_url=upstream_organizations_db))
    async with running_app(app):
        yield app


def events_app_for(database_url: str, organizations: FastAPI, **settings: object) -> FastAPI:
    """An events app whose upstreams are in-process apps (real organizations, stub plans)."""
    transports: dict[str, httpx.AsyncBaseTransport] = {
        "organizations": httpx.ASGITransport(app=organizations),
        "security_plans": httpx.ASGITransport(app=plans_stub(KNOWN_PLANS)),
    }
    return create_app(
        EventsSettings(database_url=database_url, **settings),  # type: ignore[arg-type]
        keyring=TEST_KEYRING,
        upstream_transports=transports,
    )


@pytest.fixture(scope="session")
async def events_app(events_db: str, organizations_upstream: FastAPI) -> AsyncIterator[FastAPI]:
    app = events_app_for(events_db, organizations_upstream)
    async with running_app(app):
        yield app


@pytest.fixture
async def client(
    events_app: FastAPI, events_db: str, upstream_organizations_db: str, make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """A client with a token carrying every scope; tables are emptied after each test."""
    async with asgi_client(events_app, headers=bearer(make_token())) as c:
        yield c
    await truncate_all(events_db)
    await truncate_all(upstream_organizations_db)


@pytest.fixture
async def organizations_client(
    organizations_upstream: FastAPI, make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(organizations_upstream, headers=bearer(make_token())) as c:
        yield c


@pytest.fixture
async def organization_id(organizations_client: httpx.AsyncClient) -> str:
    """A real organization, registered in the organizations service."""
    r = await organizations_client.post("/api/v1/organizations", json=organization_body())
    assert r.status_code == 201, r.text
    return str(r.json()["id"])
