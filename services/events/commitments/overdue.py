"""Announcing overdue commitments: ``commitment.overdue`` in the change feed.

No write happens when a due date passes, so the service looks for pending commitments past
their due date and inserts a notice for each (``commitment_overdue_notices``); the notice's
deferred trigger writes the change at commit, in commit order like every other change, and
the notice's key (commitment, due date) keeps it to one announcement per due date: a due date
moved later that passes again is announced again. Runs are serialized by an advisory lock, so
replicas (and `somos announce-overdue`) never announce one twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import date

import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from services.common.colombia import colombia_today
from services.common.db import sqlalchemy_url
from services.events.commitments import repository

logger = logging.getLogger("somos.events.overdue")

# One run at a time per database ('overdue' in ASCII): a second run waits, then finds the
# first one's notices and inserts none.
OVERDUE_LOCK = 0x6F766572647565


async def announce_overdue_commitments(
    sessionmaker: async_sessionmaker[AsyncSession], *, today: date | None = None
) -> int:
    """Announce every commitment still pending after its due date (today in Colombia) and not
    yet announced for that date; how many were announced."""
    today = today or colombia_today()
    async with sessionmaker() as session, session.begin():
        await session.execute(sa.select(sa.func.pg_advisory_xact_lock(OVERDUE_LOCK)))
        return await repository.insert_overdue_notices(session, today=today)


async def announce_overdue_url(database_url: str) -> int:
    """`somos announce-overdue`: one announcement on the events database at this URL."""
    engine = create_async_engine(sqlalchemy_url(database_url), poolclass=sa.pool.NullPool)
    try:
        return await announce_overdue_commitments(
            async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        )
    finally:
        await engine.dispose()


async def announce_every(sessionmaker: async_sessionmaker[AsyncSession], seconds: float) -> None:
    """Announce now and then every ``seconds``; a failed round is logged and retried next."""
    while True:
        try:
            count = await announce_overdue_commitments(sessionmaker)
        except Exception as exc:  # database down or not migrated yet: the next round retries
            logger.warning(
                "overdue commitments not announced", extra={"error_type": type(exc).__name__}
            )
        else:
            if count:
                logger.info("commitments announced overdue", extra={"count": count})
        await asyncio.sleep(seconds)


def overdue_lifespan(seconds: float) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan hook running ``announce_every`` for the app's lifetime (0: never)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not seconds:
            yield
            return
        task = asyncio.create_task(
            announce_every(app.state.database.sessionmaker, seconds), name="overdue-commitments"
        )
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return lifespan
