"""The delivery job: send one delivery, record the attempt, decide what happens next.

A 2xx ends it; a 410 disables the subscription; anything else is retried with exponential
backoff and jitter until the delivery is ``retry_window_seconds`` old, and a subscription that
has failed without a success for ``disable_after_seconds`` is disabled. The job is retried by
the queue itself (same job, same lock), so later events of the same resource keep waiting.
"""

from __future__ import annotations

import json
import logging
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from procrastinate import JobContext
from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy, RetryDecision
from psycopg_pool import AsyncConnectionPool

from services.webhooks.deliveries import repository
from services.webhooks.deliveries.sender import Answer, send
from services.webhooks.metrics import WorkerMetrics
from services.webhooks.settings import WebhooksSettings
from services.webhooks.signing import SecretBox
from services.webhooks.subscriptions import repository as subscriptions

logger = logging.getLogger("somos.webhooks.deliveries")

UNEXPECTED_ERROR_RETRIES = 50
UNEXPECTED_ERROR_MAX_DELAY = 300.0


class RetryLater(Exception):
    """The attempt failed; the job runs again at ``retry_at``."""

    def __init__(self, retry_at: datetime) -> None:
        super().__init__(f"retry at {retry_at.isoformat()}")
        self.retry_at = retry_at


class DeliveryRetry(BaseRetryStrategy):
    """Failed attempts come back when the job said; unexpected errors (database down) with a
    capped exponential backoff."""

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if isinstance(exception, RetryLater):
            return RetryDecision(retry_at=exception.retry_at)
        if job.attempts >= UNEXPECTED_ERROR_RETRIES:
            return None
        delay = min(UNEXPECTED_ERROR_MAX_DELAY, 2.0 ** (job.attempts + 1))
        return RetryDecision(retry_at=datetime.now(UTC) + timedelta(seconds=delay))


def backoff(attempts: int, *, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Seconds before the next attempt after ``attempts`` failures: exponential, capped, with
    "equal jitter" (half fixed, half random) so that many deliveries do not retry in step."""
    delay = min(cap, base * 2.0 ** max(0, attempts - 1))
    return delay / 2 + (rng or random).uniform(0, delay / 2)


@dataclass
class DeliveryRuntime:
    """What a worker's delivery jobs share: settings, the queue's pool, the key, one client."""

    settings: WebhooksSettings
    pool: AsyncConnectionPool[Any]
    box: SecretBox
    client: httpx.AsyncClient
    metrics: WorkerMetrics | None = None

    def _secrets(self, row: dict[str, Any], at: datetime) -> tuple[list[str], bool]:
        """The secrets that sign this attempt (current first, then the previous one while its
        grace period lasts), and whether an expired previous secret is left to wipe."""
        subscription_id = row["subscription_id"]
        secrets = [self.box.open(row["secret_ciphertext"], subscription_id=subscription_id)]
        previous = row["previous_secret_ciphertext"]
        if previous is None:
            return secrets, False
        if row["previous_secret_expires_at"] is not None and at < row["previous_secret_expires_at"]:
            secrets.append(self.box.open(previous, subscription_id=subscription_id))
            return secrets, False
        return secrets, True

    async def deliver(self, delivery_id: uuid.UUID) -> None:
        settings = self.settings
        async with self.pool.connection() as conn:
            row = await repository.delivery_to_send(conn, delivery_id)
            if row is None or row["status"] != "pending":
                return  # already delivered, or given up (a duplicate job)
            if row["subscription_archived_at"] is not None:
                await repository.close_unsent(conn, delivery_id, "subscription deleted")
                return
            if row["subscription_status"] != "active":
                await repository.close_unsent(conn, delivery_id, "subscription disabled")
                return
        body = json.dumps(row["payload"], separators=(",", ":"), ensure_ascii=False)
        at = datetime.now(UTC)
        secrets, wipe_previous = self._secrets(row, at)
        answer = await send(
            self.client,
            url=row["url"],
            secrets=secrets,
            message_id=str(delivery_id),
            body=body,
            at=at,
            allow_private=settings.allow_private,
            production=settings.production,
            timeout_seconds=settings.delivery_timeout_seconds,
        )
        retry_at: datetime | None = None
        disabled: str | None = None
        async with self.pool.connection() as conn, conn.transaction():
            subscription_id = row["subscription_id"]
            if wipe_previous:
                await subscriptions.wipe_expired_previous_secret(conn, subscription_id)
            if answer.succeeded:
                outcome = "succeeded"
                await subscriptions.mark_healthy(conn, subscription_id)
            elif answer.status_code == 410:
                outcome = "failed"
                if await subscriptions.disable(
                    conn, subscription_id, "the endpoint answered 410 Gone"
                ):
                    disabled = "gone"
            else:
                failing_since = await subscriptions.mark_failing(conn, subscription_id, at)
                if (at - failing_since).total_seconds() >= settings.disable_after_seconds:
                    outcome = "failed"
                    if await subscriptions.disable(
                        conn, subscription_id, "deliveries failed for too long"
                    ):
                        disabled = "failing"
                elif (at - row["created_at"]).total_seconds() >= settings.retry_window_seconds:
                    outcome = "failed"
                else:
                    outcome = "pending"
                    delay = backoff(
                        row["attempts"] + 1,
                        base=settings.retry_base_seconds,
                        cap=settings.retry_max_delay_seconds,
                    )
                    retry_at = at + timedelta(seconds=delay)
            await repository.record_attempt(
                conn,
                delivery_id=delivery_id,
                at=at,
                status_code=answer.status_code,
                error=answer.error,
                latency_ms=answer.latency_ms,
                outcome=outcome,
                next_attempt_at=retry_at,
            )
        self._measure(row, answer, outcome, disabled)
        logger.info(
            "webhook attempt",
            extra={
                "delivery_id": str(delivery_id),
                "subscription_id": str(row["subscription_id"]),
                "status_code": answer.status_code,
                "outcome": outcome,
                "latency_ms": answer.latency_ms,
            },
        )
        if retry_at is not None:
            raise RetryLater(retry_at)

    def _measure(
        self, row: dict[str, Any], answer: Answer, outcome: str, disabled: str | None
    ) -> None:
        """The attempt in the worker's metrics (first deliveries only in the latency)."""
        if self.metrics is None:
            return
        self.metrics.attempt(outcome, seconds=answer.latency_ms / 1000)
        if outcome == "succeeded" and row["delivered_at"] is None:
            self.metrics.delivered(_committed_at(row), datetime.now(UTC))
        if disabled is not None:
            self.metrics.subscription_disabled(disabled)


def _committed_at(row: dict[str, Any]) -> datetime:
    """When the event's change committed (its payload's timestamp; else the row's creation)."""
    try:
        return datetime.fromisoformat(str(row["payload"]["timestamp"]))
    except (KeyError, TypeError, ValueError):
        created: datetime = row["created_at"]
        return created


async def deliver(context: JobContext, delivery_id: str) -> None:
    """The queue's task: send one delivery (the worker puts its runtime in the context)."""
    runtime: DeliveryRuntime = context.additional_context["deliveries"]
    await runtime.deliver(uuid.UUID(delivery_id))
