"""Database access: one async SQLAlchemy engine and one raw asyncpg pool per process.

Writes and most reads go through SQLAlchemy sessions; hot read paths (GET by id) may use
the raw asyncpg pool to avoid ORM overhead. Only the request boundary commits.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

import asyncpg
from fastapi import Depends, Request
from sqlalchemy import MetaData, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlmodel import SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata: MetaData = SQLModel.metadata


def sqlalchemy_url(url: str) -> str:
    """The URL with the asyncpg driver, whatever driver the operator wrote."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


def asyncpg_dsn(url: str) -> str:
    """The URL in the plain ``postgresql://`` form asyncpg understands."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


# The raw pool serves hand-written reads and aggregates. Their tables stay cached, so an
# index page costs about what a sequential page does (1.1, the usual value for SSDs and
# cached data; PostgreSQL's default of 4 assumes spinning disks and made one municipality's
# statistics take hash joins over whole tables, 3x slower). JIT compilation only ever costs
# these short statements time.
READ_POOL_SETTINGS = {"random_page_cost": "1.1", "jit": "off"}


class Database:
    """The engine, session factory and raw pool of one service process."""

    def __init__(
        self, url: str, *, pool_size: int = 10, max_overflow: int = 5, read_pool_size: int = 10
    ) -> None:
        self.url = url
        self.engine: AsyncEngine = create_async_engine(
            sqlalchemy_url(url),
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_pre_ping=False,
            pool_recycle=1800,
        )
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._read_pool_size = read_pool_size
        self.pool: asyncpg.Pool | None = None

    async def start(self) -> None:
        """Open the raw read pool and the engine's first connection.

        The engine would otherwise connect lazily, on the first write: that request would
        pay for resolving the database host, connecting, authenticating and the dialect's
        first queries, and meet any trouble with them, while reads had answered quickly all
        along from the raw pool. One connection now, kept in the engine's pool, moves that
        to start-up, where /readyz waits for it.
        """
        self.pool = await asyncpg.create_pool(
            asyncpg_dsn(self.url),
            min_size=1,
            max_size=self._read_pool_size,
            server_settings=READ_POOL_SETTINGS,
        )
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def stop(self) -> None:
        if self.pool is not None:
            await self.pool.close()
            self.pool = None
        await self.engine.dispose()

    def pool_stats(self) -> dict[str, int]:
        """Connections in use and idle, for the metrics endpoint."""
        stats = {"engine_in_use": 0, "engine_idle": 0, "raw_in_use": 0, "raw_idle": 0}
        sync_pool: Any = self.engine.sync_engine.pool
        try:
            stats["engine_in_use"] = int(sync_pool.checkedout())
            stats["engine_idle"] = int(sync_pool.checkedin())
        except AttributeError:
            pass
        if self.pool is not None:
            idle = self.pool.get_idle_size()
            stats["raw_idle"] = idle
            stats["raw_in_use"] = self.pool.get_size() - idle
        return stats


async def get_database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A session for one request: committed when the endpoint returns, rolled back on error."""
    db: Database = request.app.state.database
    async with db.sessionmaker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
DatabaseDep = Annotated[Database, Depends(get_database)]


def connection_lost(exc: BaseException) -> bool:
    """A connection to PostgreSQL was lost or refused (a restart, a failover), not a bug."""
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.exc import InterfaceError as SAInterfaceError

    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(
            seen,
            asyncpg.ConnectionDoesNotExistError
            | asyncpg.CannotConnectNowError
            | asyncpg.InterfaceError
            | SAInterfaceError
            | ConnectionError,
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
