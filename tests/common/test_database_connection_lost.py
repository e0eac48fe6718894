"""A lost database connection (a PostgreSQL restart, a failover) answers 503, then recovers.

Every connection of the service's database is terminated from the server side, as a restart
would; the next request must not be a 500 (a bug) but a 503 problem with Retry-After, and the
one after it is served on a fresh connection.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest
from fastapi import FastAPI

from services.common.db import asyncpg_dsn
from services.common.testing import (
    TokenFactory,
    asgi_client,
    bearer,
    migrated_database,
    running_app,
)
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings


@pytest.fixture
async def organizations(postgres_admin_url: str) -> AsyncIterator[tuple[FastAPI, str]]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        app = create_app(OrganizationsSettings(database_url=url, db_pool_size=1))
        async with running_app(app):
            yield app, url


async def _terminate_connections(admin_url: str, database_url: str) -> int:
    name = database_url.rsplit("/", 1)[-1].split("?")[0]
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        return int(
            await conn.fetchval(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()) t",
                name,
            )
        )
    finally:
        await conn.close()


async def test_lost_connection_is_a_503_then_the_service_recovers(
    organizations: tuple[FastAPI, str], postgres_admin_url: str, make_token: TokenFactory
) -> None:
    app, url = organizations
    async with asgi_client(app, headers=bearer(make_token())) as client:
        # Writes go through the ORM's pool (lists may be answered on the lean read path,
        # whose asyncpg pool replaces closed connections by itself).
        body = {"type": "consejo_comunitario", "municipality_code": "52835"}
        first = await client.post("/api/v1/organizations", json={**body, "name": "Consejo Uno"})
        assert first.status_code == 201, first.text

        assert await _terminate_connections(postgres_admin_url, url) >= 1

        lost = await client.post("/api/v1/organizations", json={**body, "name": "Consejo Dos"})
        assert lost.status_code == 503, lost.text
        assert lost.headers["content-type"].startswith("application/problem+json")
        assert lost.headers["retry-after"] == "1"
        problem = lost.json()
        assert problem["type"].endswith("database-unavailable")
        assert "SQL" not in problem["detail"] and "asyncpg" not in lost.text

        again = await client.post("/api/v1/organizations", json={**body, "name": "Consejo Dos"})
        assert again.status_code == 201, again.text
        names = [o["name"] for o in (await client.get("/api/v1/organizations")).json()["items"]]
        assert sorted(names) == ["Consejo Dos", "Consejo Uno"]  # the 503 stored nothing


async def test_the_write_pool_is_connected_before_the_first_request(
    organizations: tuple[FastAPI, str], postgres_admin_url: str
) -> None:
    """The engine opens its first connection at start-up, not on the first write: that
    write no longer pays for resolving, connecting and the dialect's first queries (in the
    compose stack it once took longer than the gateway's 10 s read timeout)."""
    app, url = organizations
    stats = app.state.database.pool_stats()
    assert (stats["engine_idle"], stats["engine_in_use"]) == (1, 0)
    assert stats["raw_idle"] >= 1
    name = url.rsplit("/", 1)[-1].split("?")[0]
    conn = await asyncpg.connect(asyncpg_dsn(postgres_admin_url))
    try:
        sessions = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1", name
        )
    finally:
        await conn.close()
    assert sessions >= 2  # the read pool's connection and the engine's
