"""Rules of deliveries: who sees them, pings, redeliveries (each queued with its row)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import procrastinate
from psycopg_pool import AsyncConnectionPool
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.errors import Conflict, NotFound
from services.common.pagination import PageParams, finish_page
from services.common.schemas import utc_iso
from services.webhooks import queue
from services.webhooks.deliveries import repository
from services.webhooks.deliveries.schemas import AttemptRead, DeliveryRead
from services.webhooks.models import WebhookDelivery, WebhookSubscription
from services.webhooks.subscriptions.service import load_subscription

PING = "webhook.ping"
RECENT_ATTEMPTS = 10


class SubscriptionDisabled(Conflict):
    slug, title = "subscription-disabled", "The subscription is disabled"


class DeliveryInProgress(Conflict):
    slug, title = "delivery-in-progress", "The delivery is still being attempted"


def _pool(job_queue: procrastinate.App) -> AsyncConnectionPool[Any]:
    pool: AsyncConnectionPool[Any] = job_queue.connector.pool  # type: ignore[attr-defined]
    return pool


def _require_active(subscription: WebhookSubscription) -> None:
    if subscription.archived_at is not None or subscription.status != "active":
        raise SubscriptionDisabled(
            "Nothing is sent to a disabled or deleted subscription; PATCH it with "
            '"status": "active" first.'
        )


async def with_attempts(
    session: AsyncSession, deliveries: list[WebhookDelivery]
) -> list[DeliveryRead]:
    """Deliveries as read, each with its latest attempts."""
    attempts = await repository.list_attempts(
        session, [d.id for d in deliveries], per_delivery=RECENT_ATTEMPTS
    )
    return [
        DeliveryRead.model_validate(d).model_copy(
            update={
                "recent_attempts": [AttemptRead.model_validate(a) for a in attempts.get(d.id, [])]
            }
        )
        for d in deliveries
    ]


async def list_deliveries(
    session: AsyncSession,
    *,
    subscription: WebhookSubscription,
    status: str | None,
    page: PageParams,
) -> tuple[list[WebhookDelivery], str | None]:
    rows = await repository.list_deliveries(
        session, subscription_id=subscription.id, status=status, page=page
    )
    return finish_page(rows, page, lambda d: (d.created_at, d.id))


async def load_delivery(
    session: AsyncSession, *, delivery_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> WebhookDelivery:
    """The delivery, or 404 unless its subscription is the caller's."""
    delivery = await repository.get_delivery(session, delivery_id)
    if delivery is not None:
        try:
            await load_subscription(
                session, subscription_id=delivery.subscription_id, principal=principal
            )
        except NotFound:
            delivery = None
    if delivery is None:
        raise NotFound(f"No webhook delivery with id {delivery_id}.")
    return delivery


async def ping(
    session: AsyncSession, *, subscription: WebhookSubscription, job_queue: procrastinate.App
) -> WebhookDelivery:
    """Queue a ``webhook.ping`` event for the subscription (the endpoint's signature check)."""
    _require_active(subscription)
    payload = {
        "type": PING,
        "timestamp": utc_iso(datetime.now(UTC)),
        "data": {"subscription_id": str(subscription.id)},
    }
    async with _pool(job_queue).connection() as conn, conn.transaction():
        delivery_id = await repository.insert_delivery(
            conn, subscription_id=subscription.id, event_type=PING, payload=payload
        )
        assert delivery_id is not None  # no change cursor: never a duplicate
        job_id = await queue.enqueue(job_queue, conn, delivery_id=delivery_id, lock=None)
        await repository.set_job(conn, delivery_id, job_id)
    delivery = await repository.get_delivery(session, delivery_id)
    assert delivery is not None
    return delivery


async def redeliver(
    session: AsyncSession,
    *,
    delivery: WebhookDelivery,
    subscription: WebhookSubscription,
    job_queue: procrastinate.App,
) -> WebhookDelivery:
    """Send a finished delivery again, same webhook-id, after the resource's pending ones."""
    _require_active(subscription)
    async with _pool(job_queue).connection() as conn, conn.transaction():
        reopened = await repository.reopen(conn, delivery.id)
        if reopened is None:
            raise DeliveryInProgress(
                "This delivery is still pending: it will be attempted again by itself."
            )
        data = reopened["payload"].get("data") or {}
        lock = queue.ordering_lock(subscription.id, data.get("resource"), data.get("id"))
        job_id = await queue.enqueue(job_queue, conn, delivery_id=delivery.id, lock=lock)
        await repository.set_job(conn, delivery.id, job_id)
    await session.refresh(delivery)
    return delivery
