"""Which subscriptions an event of a change feed goes to, and the fan-out of one page.

A page is fanned out in one transaction: a delivery row and its queued job for every matching
subscription, and the feed's new cursor. So a change is never lost (the cursor moves only with
its deliveries) and never fanned out twice (the cursor is checked under a lock first).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import procrastinate
from psycopg import AsyncConnection

from services.webhooks import queue
from services.webhooks.deliveries import repository as deliveries
from services.webhooks.event_types import owner_may_receive
from services.webhooks.feeds import repository
from services.webhooks.subscriptions import repository as subscriptions


@dataclass(frozen=True)
class Change:
    """One item of a change feed (no field values, nothing personal)."""

    cursor: str
    type: str
    resource: str
    id: str
    version: int | None
    municipality_code: str | None
    occurred_at: datetime
    occurred_at_text: str
    path: str | None = None

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> Change:
        text = str(item["occurred_at"])
        return cls(
            cursor=str(item["cursor"]),
            type=str(item["type"]),
            resource=str(item["resource"]),
            id=str(item["id"]),
            version=item.get("version"),
            municipality_code=item.get("municipality_code"),
            occurred_at=datetime.fromisoformat(text),
            occurred_at_text=text,
            path=item.get("path"),
        )

    def payload(self, public_base_url: str) -> dict[str, Any]:
        """The thin body partners receive: what changed and where to read it."""
        return {
            "type": self.type,
            "timestamp": self.occurred_at_text,
            "data": {
                "resource": self.resource,
                "id": self.id,
                "version": self.version,
                "municipality_code": self.municipality_code,
                "url": public_base_url + (self.path or f"/api/v1/{self.resource}/{self.id}"),
            },
        }


def owner_covers(subscription: Mapping[str, Any], municipality_code: str | None) -> bool:
    """True when the subscription's owner (at creation) could read this municipality."""
    municipalities = subscription["owner_municipalities"]
    departments = subscription["owner_departments"]
    if municipalities is None and departments is None:
        return True
    if municipality_code is None:
        return False  # a territorially limited owner sees only territorial records
    return municipality_code in (municipalities or ()) or municipality_code[:2] in (
        departments or ()
    )


def matches(subscription: Mapping[str, Any], change: Change) -> bool:
    """Whether ``change`` goes to ``subscription``."""
    if change.type not in subscription["event_types"]:
        return False
    if change.occurred_at < subscription["created_at"]:
        return False  # a subscription receives what happens after it was made
    if not owner_may_receive(change.type, subscription["owner_scopes"]):
        return False
    if not owner_covers(subscription, change.municipality_code):
        return False
    wanted = subscription["municipalities"]
    return not wanted or change.municipality_code in wanted


async def fan_out(
    conn: AsyncConnection[Any],
    job_queue: procrastinate.App,
    *,
    source: str,
    after: str | None,
    changes: Sequence[Change],
    next_cursor: str | None,
    public_base_url: str,
) -> int | None:
    """Queue the page's deliveries and move the cursor, in one transaction; the number of
    deliveries queued, or None when another reader moved the cursor first (page dropped)."""
    async with conn.transaction():
        await repository.lock_feed_for_fan_out(conn, source)
        if await repository.get_cursor(conn, source) != after:
            return None
        queued = 0
        targets = await subscriptions.active_subscriptions(conn) if changes else []
        for change in changes:
            for subscription in targets:
                if not matches(subscription, change):
                    continue
                subscription_id: uuid.UUID = subscription["id"]
                delivery_id = await deliveries.insert_delivery(
                    conn,
                    subscription_id=subscription_id,
                    event_type=change.type,
                    payload=change.payload(public_base_url),
                    source=source,
                    change_cursor=change.cursor,
                )
                if delivery_id is None:
                    continue
                lock = queue.ordering_lock(subscription_id, change.resource, change.id)
                job_id = await queue.enqueue(job_queue, conn, delivery_id=delivery_id, lock=lock)
                await deliveries.set_job(conn, delivery_id, job_id)
                queued += 1
        cursor = next_cursor or (changes[-1].cursor if changes else None)
        if cursor is not None and cursor != after:
            await repository.set_cursor(conn, source, cursor)
    return queued
