"""Test fixtures of the kit: a real PostgreSQL, migrated databases, ASGI clients, tokens.

Loaded as a pytest plugin by ``tests/conftest.py``. The server is the embedded one (under
``.somos/test-pg``) unless ``SOMOS_TEST_DATABASE_URL`` names another; every test session
creates its own databases there, built by running the Alembic migrations.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from services.common import migrations
from services.common.auth import mint_token
from services.common.catalog import SCOPES
from services.common.db import asyncpg_dsn
from services.common.embedded import drop_database, ensure_database, start_embedded
from services.common.settings import SERVICE_KEEP_ALIVE_SECONDS, PlatformSettings

ALL_SCOPES = tuple(SCOPES)
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """Admin URL of the PostgreSQL server the suite uses."""
    url = os.environ.get("SOMOS_TEST_DATABASE_URL")
    if url:
        yield url
        return
    server, uri = start_embedded(REPO_ROOT / ".somos" / "test-pg")
    yield uri
    server.cleanup()


def test_database_name(service: str) -> str:
    return f"somos_test_{service}_{os.getpid()}_{uuid.uuid4().hex[:6]}"


@asynccontextmanager
async def migrated_database(admin_url: str, service: str) -> AsyncIterator[str]:
    """A fresh database for ``service``, migrated to head; dropped afterwards."""
    name = test_database_name(service)
    url = await ensure_database(admin_url, name, recreate=True)
    try:
        await asyncio.to_thread(migrations.upgrade, service, url)
        yield url
    finally:
        await drop_database(admin_url, name)


@asynccontextmanager
async def running_app(app: FastAPI) -> AsyncIterator[FastAPI]:
    """Run the app's lifespan around the block (ASGITransport does not)."""
    async with app.router.lifespan_context(app):
        yield app


def asgi_client(app: FastAPI, **kwargs: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver", **kwargs)


async def truncate_all(url: str) -> None:
    """Empty every table but the migration bookkeeping (isolation between tests)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        tables = await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename NOT LIKE 'alembic_version%'"
        )
        if tables:
            names = ", ".join(f'"{t["tablename"]}"' for t in tables)
            await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


TokenFactory = Callable[..., str]


def make_token_factory(settings: PlatformSettings | None = None) -> TokenFactory:
    platform = settings or PlatformSettings()

    def make(
        scopes: Iterable[str] | str = ALL_SCOPES,
        *,
        sub: str = "tester",
        municipalities: Sequence[str] | None = None,
        departments: Sequence[str] | None = None,
        ttl: int = 3600,
    ) -> str:
        scope_list = scopes.split() if isinstance(scopes, str) else list(scopes)
        return mint_token(
            platform,
            scopes=scope_list,
            sub=sub,
            municipalities=municipalities,
            departments=departments,
            ttl_seconds=ttl,
        )

    return make


@pytest.fixture(scope="session")
def make_token() -> TokenFactory:
    """Sign test tokens: ``make_token("organizations:read", municipalities=["52835"])``."""
    return make_token_factory()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerThread:
    """Run an ASGI app under uvicorn on 127.0.0.1 in a background thread (its own loop).

    For tests that need a real socket (sync clients such as schemathesis', subprocess peers).
    """

    def __init__(self, app: Any, port: int | None = None) -> None:
        import threading

        import uvicorn

        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_config=None,
            access_log=False,
            lifespan="on",
            timeout_keep_alive=SERVICE_KEEP_ALIVE_SECONDS,  # as `somos serve` runs a service
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ServerThread:
        import time

        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def without_long_poll(case: Any) -> Any:
    """A fuzzed call of the change feed without ``wait`` (long polls are tested on their own:
    a generated ``wait`` would hold each call open for up to 25 s)."""
    if case.path == "/api/v1/changes" and case.query:
        case.query.pop("wait", None)
    return case
