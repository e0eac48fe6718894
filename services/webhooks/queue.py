"""The job queue of webhook deliveries: procrastinate on the service's own PostgreSQL database.

The API defers jobs (pings, redeliveries) and the feed readers defer them too, each in the
same transaction as the delivery row it makes; ``somos worker webhooks`` runs them. A job
locks on its subscription and resource, so one resource's events go out in order.
"""

from __future__ import annotations

import uuid
from typing import Any

import procrastinate
from sqlalchemy.engine import make_url

QUEUE = "webhooks"
DELIVER_TASK = "webhooks.deliver"


def libpq_url(url: str) -> str:
    """The database URL in the plain form libpq (psycopg) reads, whatever driver it names."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def create_job_queue(database_url: str, *, pool_size: int = 10) -> procrastinate.App:
    """A procrastinate app on ``database_url`` with the delivery task registered."""
    from services.webhooks.deliveries.jobs import DeliveryRetry, deliver

    connector = procrastinate.PsycopgConnector(
        conninfo=libpq_url(database_url), min_size=1, max_size=pool_size
    )
    app = procrastinate.App(connector=connector)
    app.task(name=DELIVER_TASK, queue=QUEUE, pass_context=True, retry=DeliveryRetry())(deliver)
    return app


def ordering_lock(subscription_id: uuid.UUID, resource: str | None, resource_id: Any) -> str | None:
    """Jobs sharing this lock run one at a time, oldest first: one resource's events in order."""
    if resource is None or resource_id is None:
        return None
    return f"webhooks:{subscription_id}:{resource}:{resource_id}"


async def enqueue(
    app: procrastinate.App, connection: Any, *, delivery_id: uuid.UUID, lock: str | None
) -> int:
    """Defer the delivery's job on ``connection`` (inside the caller's transaction)."""
    return await app.configure_task(DELIVER_TASK, lock=lock, connection=connection).defer_async(
        delivery_id=str(delivery_id)
    )
