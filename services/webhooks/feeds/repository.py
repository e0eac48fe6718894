"""Statements on the feed cursors (how far each service's change feed has been read)."""

from __future__ import annotations

from typing import Any

from psycopg import AsyncConnection

# One key per feed for PostgreSQL advisory locks: the reader that holds it reads that feed.
LOCK_NAMESPACE = "somos-webhooks-feed:"


async def try_lock_feed(conn: AsyncConnection[Any], source: str) -> bool:
    """Take the feed's session lock on ``conn`` (kept until it closes); False if held."""
    cur = await conn.execute(
        "SELECT pg_try_advisory_lock(hashtext(%s))", (LOCK_NAMESPACE + source,)
    )
    row = await cur.fetchone()
    return bool(row and row[0])


async def lock_feed_for_fan_out(conn: AsyncConnection[Any], source: str) -> None:
    """Serialise fan-outs of one feed within their transactions (whoever reads it)."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtext(%s))", (LOCK_NAMESPACE + "fan-out:" + source,)
    )


async def get_cursor(conn: AsyncConnection[Any], source: str) -> str | None:
    cur = await conn.execute("SELECT cursor FROM webhook_feed_cursors WHERE source = %s", (source,))
    row = await cur.fetchone()
    return None if row is None else str(row[0])


async def set_cursor(conn: AsyncConnection[Any], source: str, cursor: str) -> None:
    await conn.execute(
        """
        INSERT INTO webhook_feed_cursors (source, cursor, updated_at) VALUES (%s, %s, now())
        ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()
        """,
        (source, cursor),
    )


async def forget_cursor(conn: AsyncConnection[Any], source: str, cursor: str | None) -> None:
    """Read the feed from its oldest kept change next time (unless another reader moved on)."""
    await conn.execute(
        "DELETE FROM webhook_feed_cursors WHERE source = %s AND cursor = %s", (source, cursor)
    )
