"""The worker's Prometheus metrics (``somos worker webhooks``, on its own port).

No label carries a URL, a subscription or a secret: outcomes, feeds and job states only.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from psycopg_pool import AsyncConnectionPool

from services.webhooks.queue import QUEUE

# What an attempt came to: the delivery succeeded; it failed and will be retried; it failed
# for good (retry window over, 410, subscription disabled).
OUTCOMES = {"succeeded": "delivered", "pending": "failed", "failed": "gave_up"}
JOB_STATES = ("todo", "doing")
DELIVERY_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 3600, 6 * 3600, 27 * 3600)
ATTEMPT_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)


class WorkerMetrics:
    """The instruments of one worker process, in their own registry."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.attempts = Counter(
            "somos_webhooks_delivery_attempts",
            "Delivery attempts by outcome (delivered, failed: retried, gave_up: failed for good)",
            ["outcome"],
            registry=r,
        )
        for outcome in OUTCOMES.values():
            self.attempts.labels(outcome)
        self.attempt_seconds = Histogram(
            "somos_webhooks_attempt_duration_seconds",
            "Duration of one delivery request (address check, connect, answer)",
            registry=r,
            buckets=ATTEMPT_BUCKETS,
        )
        self.delivery_seconds = Histogram(
            "somos_webhooks_delivery_latency_seconds",
            "From the change's commit (the event's timestamp) to its first successful delivery",
            registry=r,
            buckets=DELIVERY_BUCKETS,
        )
        self.disabled = Counter(
            "somos_webhooks_subscriptions_disabled",
            "Subscriptions disabled by the worker (gone: 410; failing: failed for too long)",
            ["reason"],
            registry=r,
        )
        for reason in ("gone", "failing"):
            self.disabled.labels(reason)
        self.feed_lag = Gauge(
            "somos_webhooks_feed_lag_seconds",
            "At the last read of the feed: age of the newest change it returned (0 when "
            "the feed had nothing new)",
            ["feed"],
            registry=r,
        )
        self.feed_read_at = Gauge(
            "somos_webhooks_feed_last_read_timestamp_seconds",
            "When this worker last read the feed successfully (only the worker holding the "
            "feed's lock reads it)",
            ["feed"],
            registry=r,
        )
        self.feed_changes = Counter(
            "somos_webhooks_feed_changes_read",
            "Changes read from the feed by this worker",
            ["feed"],
            registry=r,
        )
        self.queue_jobs = Gauge(
            "somos_webhooks_queue_jobs",
            "Delivery jobs in the queue by state, sampled at scrape (todo includes retries "
            "waiting for their time)",
            ["state"],
            registry=r,
        )

    def attempt(self, outcome: str, *, seconds: float) -> None:
        """Count one attempt whose delivery is now ``outcome`` (pending, succeeded, failed)."""
        self.attempts.labels(OUTCOMES[outcome]).inc()
        self.attempt_seconds.observe(seconds)

    def delivered(self, committed_at: datetime, delivered_at: datetime) -> None:
        self.delivery_seconds.observe(max(0.0, (delivered_at - committed_at).total_seconds()))

    def subscription_disabled(self, reason: str) -> None:
        self.disabled.labels(reason).inc()

    def feed_read(self, feed: str, newest: datetime | None, *, count: int) -> None:
        """One successful read of ``feed``: ``count`` changes, ``newest`` the last one's time."""
        now = time.time()
        self.feed_read_at.labels(feed).set(now)
        self.feed_lag.labels(feed).set(
            0.0 if newest is None else max(0.0, now - newest.timestamp())
        )
        self.feed_changes.labels(feed).inc(count)

    async def sample_queue(self, pool: AsyncConnectionPool[Any]) -> None:
        """Count the queue's jobs waiting and running now (at scrape time)."""
        async with pool.connection(timeout=5) as conn:
            cur = await conn.execute(
                "SELECT status::text, count(*) FROM procrastinate_jobs "
                "WHERE queue_name = %s AND status IN ('todo', 'doing') GROUP BY status",
                (QUEUE,),
            )
            counts = dict(await cur.fetchall())
        for state in JOB_STATES:
            self.queue_jobs.labels(state).set(counts.get(state, 0))
