"""Every statement about deliveries and their attempts.

Reads for the API go through the request's SQLAlchemy session; writes that must share a
transaction with the job queue (fan-out, ping, redelivery, the outcome of an attempt) run on a
psycopg connection of the queue's pool.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from psycopg import AsyncConnection
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.pagination import PageParams, keyset
from services.webhooks.models import WebhookDelivery, WebhookDeliveryAttempt


async def list_deliveries(
    session: AsyncSession, *, subscription_id: uuid.UUID, status: str | None, page: PageParams
) -> Sequence[WebhookDelivery]:
    """A subscription's deliveries, newest first."""
    stmt = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id)
    if status is not None:
        stmt = stmt.where(WebhookDelivery.status == status)
    stmt = keyset(
        stmt,
        [col(WebhookDelivery.created_at), col(WebhookDelivery.id)],
        page,
        descending=True,
    )
    return (await session.execute(stmt)).scalars().all()


async def get_delivery(session: AsyncSession, delivery_id: uuid.UUID) -> WebhookDelivery | None:
    return await session.get(WebhookDelivery, delivery_id)


async def list_attempts(
    session: AsyncSession, delivery_ids: Sequence[uuid.UUID], *, per_delivery: int
) -> dict[uuid.UUID, list[WebhookDeliveryAttempt]]:
    """The latest ``per_delivery`` attempts of each delivery, oldest first."""
    if not delivery_ids:
        return {}
    stmt = (
        select(WebhookDeliveryAttempt)
        .where(col(WebhookDeliveryAttempt.delivery_id).in_(delivery_ids))
        .order_by(
            col(WebhookDeliveryAttempt.delivery_id),
            col(WebhookDeliveryAttempt.attempted_at).desc(),
        )
    )
    found: dict[uuid.UUID, list[WebhookDeliveryAttempt]] = {}
    for attempt in (await session.execute(stmt)).scalars():
        kept = found.setdefault(attempt.delivery_id, [])
        if len(kept) < per_delivery:
            kept.append(attempt)
    return {k: list(reversed(v)) for k, v in found.items()}


# --- on the queue's psycopg connections -----------------------------------------------------


async def insert_delivery(
    conn: AsyncConnection[Any],
    *,
    subscription_id: uuid.UUID,
    event_type: str,
    payload: dict[str, Any],
    source: str | None = None,
    change_cursor: str | None = None,
) -> uuid.UUID | None:
    """A new pending delivery; None when this change was already fanned out to the subscription."""
    delivery_id = uuid.uuid4()
    cur = await conn.execute(
        """
        INSERT INTO webhook_deliveries (id, subscription_id, event_type, source, change_cursor,
            payload, status, attempts, created_at, updated_at)
        VALUES (%s, %s, %s, %s, %s, %s, 'pending', 0, now(), now())
        ON CONFLICT ON CONSTRAINT uq_webhook_deliveries_subscription_id_source_change_cursor
        DO NOTHING
        RETURNING id
        """,
        (delivery_id, subscription_id, event_type, source, change_cursor, Jsonb(payload)),
    )
    row = await cur.fetchone()
    return None if row is None else row[0]  # type: ignore[no-any-return]


async def set_job(conn: AsyncConnection[Any], delivery_id: uuid.UUID, job_id: int) -> None:
    await conn.execute(
        "UPDATE webhook_deliveries SET job_id = %s WHERE id = %s", (job_id, delivery_id)
    )


async def reopen(conn: AsyncConnection[Any], delivery_id: uuid.UUID) -> dict[str, Any] | None:
    """Make a finished delivery pending again (redelivery); None if it is still pending."""
    cur = conn.cursor(row_factory=dict_row)
    await cur.execute(
        """
        UPDATE webhook_deliveries
           SET status = 'pending', next_attempt_at = NULL, updated_at = now()
         WHERE id = %s AND status <> 'pending'
        RETURNING id, subscription_id, payload
        """,
        (delivery_id,),
    )
    return await cur.fetchone()


async def delivery_to_send(
    conn: AsyncConnection[Any], delivery_id: uuid.UUID
) -> dict[str, Any] | None:
    """The delivery with its subscription's URL, secrets and state (the queue's lock on the
    job keeps two attempts of one delivery from running at once)."""
    cur = conn.cursor(row_factory=dict_row)
    await cur.execute(
        """
        SELECT d.id, d.subscription_id, d.payload, d.status, d.attempts, d.created_at,
               d.delivered_at, s.url, s.secret_ciphertext, s.previous_secret_ciphertext,
               s.previous_secret_expires_at, s.status AS subscription_status,
               s.archived_at AS subscription_archived_at
          FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
         WHERE d.id = %s
        """,
        (delivery_id,),
    )
    return await cur.fetchone()


async def record_attempt(
    conn: AsyncConnection[Any],
    *,
    delivery_id: uuid.UUID,
    at: datetime,
    status_code: int | None,
    error: str | None,
    latency_ms: int,
    outcome: str,
    next_attempt_at: datetime | None,
) -> None:
    """Log one request and move the delivery to ``outcome`` (pending, succeeded, failed)."""
    await conn.execute(
        """
        INSERT INTO webhook_delivery_attempts (id, delivery_id, attempted_at, status_code,
            error, latency_ms)
        VALUES (%s, %s, %s, %s, %s, %s)
        """,
        (uuid.uuid4(), delivery_id, at, status_code, error, latency_ms),
    )
    await conn.execute(
        """
        UPDATE webhook_deliveries
           SET attempts = attempts + 1, last_attempt_at = %(at)s, last_status_code = %(code)s,
               last_error = %(error)s, last_latency_ms = %(latency)s, status = %(outcome)s,
               next_attempt_at = %(next)s,
               delivered_at = CASE WHEN %(delivered)s THEN %(at)s ELSE delivered_at END,
               updated_at = now()
         WHERE id = %(id)s
        """,
        {
            "at": at,
            "code": status_code,
            "error": error,
            "latency": latency_ms,
            "outcome": outcome,
            "delivered": outcome == "succeeded",
            "next": next_attempt_at,
            "id": delivery_id,
        },
    )


async def close_unsent(conn: AsyncConnection[Any], delivery_id: uuid.UUID, reason: str) -> None:
    """A pending delivery that will not be sent (its subscription is disabled or deleted)."""
    await conn.execute(
        """
        UPDATE webhook_deliveries
           SET status = 'cancelled', last_error = %s, next_attempt_at = NULL, updated_at = now()
         WHERE id = %s AND status = 'pending'
        """,
        (reason, delivery_id),
    )
