"""Every statement about webhook subscriptions.

The API's reads and writes go through the request's SQLAlchemy session; the delivery jobs
change a subscription's health on the queue's psycopg connection, in the attempt's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from psycopg import AsyncConnection
from psycopg.rows import dict_row
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.pagination import PageParams, keyset
from services.webhooks.models import WebhookSubscription


async def get_subscription(
    session: AsyncSession, subscription_id: uuid.UUID, *, for_update: bool = False
) -> WebhookSubscription | None:
    stmt = select(WebhookSubscription).where(col(WebhookSubscription.id) == subscription_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_subscriptions(
    session: AsyncSession,
    *,
    owner_sub: str | None,
    status: str | None,
    include_archived: bool,
    page: PageParams,
) -> Sequence[WebhookSubscription]:
    """One keyset page of subscriptions (one owner's, or everyone's for ``owner_sub=None``)."""
    s = WebhookSubscription
    stmt = select(s)
    if owner_sub is not None:
        stmt = stmt.where(col(s.owner_sub) == owner_sub)
    if status is not None:
        stmt = stmt.where(col(s.status) == status)
    if not include_archived:
        stmt = stmt.where(col(s.archived_at).is_(None))
    stmt = keyset(stmt, [col(s.created_at), col(s.id)], page)
    return (await session.execute(stmt)).scalars().all()


# --- on the queue's psycopg connections -----------------------------------------------------


async def active_subscriptions(conn: AsyncConnection[Any]) -> list[dict[str, Any]]:
    """Every subscription that receives events now, with its owner's claims."""
    cur = conn.cursor(row_factory=dict_row)
    await cur.execute(
        """
        SELECT id, event_types, municipalities, owner_scopes, owner_municipalities,
               owner_departments, created_at
          FROM webhook_subscriptions
         WHERE status = 'active' AND archived_at IS NULL
        """
    )
    return await cur.fetchall()


async def mark_healthy(conn: AsyncConnection[Any], subscription_id: uuid.UUID) -> None:
    await conn.execute(
        "UPDATE webhook_subscriptions SET failing_since = NULL "
        "WHERE id = %s AND failing_since IS NOT NULL",
        (subscription_id,),
    )


async def mark_failing(
    conn: AsyncConnection[Any], subscription_id: uuid.UUID, at: datetime
) -> datetime:
    """Note a failure; returns since when the subscription has been failing."""
    cur = await conn.execute(
        "UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, %s) "
        "WHERE id = %s RETURNING failing_since",
        (at, subscription_id),
    )
    row = await cur.fetchone()
    return at if row is None else row[0]  # type: ignore[no-any-return]


async def disable(conn: AsyncConnection[Any], subscription_id: uuid.UUID, reason: str) -> bool:
    """Stop sending to a subscription (a PATCH with status active starts it again); False when
    it was not active any more."""
    cur = await conn.execute(
        """
        UPDATE webhook_subscriptions
           SET status = 'disabled', disabled_reason = %s, disabled_at = now(),
               version = version + 1, updated_at = now()
         WHERE id = %s AND status = 'active'
        """,
        (reason, subscription_id),
    )
    return cur.rowcount > 0


async def wipe_expired_previous_secret(
    conn: AsyncConnection[Any], subscription_id: uuid.UUID
) -> None:
    """Forget the previous signing secret once its grace period is over (its expiry time stays:
    the subscription as read does not change)."""
    await conn.execute(
        """
        UPDATE webhook_subscriptions SET previous_secret_ciphertext = NULL
         WHERE id = %s AND previous_secret_ciphertext IS NOT NULL
           AND previous_secret_expires_at <= now()
        """,
        (subscription_id,),
    )
