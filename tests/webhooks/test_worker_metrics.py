"""The worker's /metrics and /healthz, on a real `somos worker webhooks` process: its counters
against what the receivers actually got, the queue sampled at scrape, the feeds read."""

from __future__ import annotations

import asyncio
import socket
import sys
import time
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.webhooks.conftest import subscribe
from tests.webhooks.harness import Workers, eventually, worker_environment

pytestmark = pytest.mark.e2e

ORG = "organizations"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Scraper:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"

    def samples(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        """Every sample of /metrics by (name, sorted labels); {} while it does not answer."""
        try:
            response = httpx.get(self.base + "/metrics", timeout=5)
        except httpx.HTTPError:
            return {}
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        return {
            (s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(response.text)
            for s in family.samples
        }

    def request(self, method: str, path: str) -> httpx.Response:
        return httpx.request(method, self.base + path, timeout=5)

    def value(self, name: str, **labels: str) -> float | None:
        return self.samples().get((name, tuple(sorted(labels.items()))))


@pytest.fixture
def metrics_worker(webhooks_db, feeds, tmp_path: Path):
    port = free_port()
    env = worker_environment(
        webhooks_db,
        {name: feed.url for name, feed in feeds.items()},
        SOMOS_WEBHOOKS_WORKER_METRICS_PORT=str(port),
    )
    workers = Workers(env, tmp_path)
    yield workers, Scraper(port)
    workers.stop_all()


async def test_worker_metrics_count_what_the_receivers_got(
    client, feeds, receivers, metrics_worker
):
    workers, scraper = metrics_worker
    orgs, events = feeds["organizations"], feeds["events"]
    slow, ok, failing, gone = receivers("hang"), receivers(), receivers("fail"), receivers("gone")
    await subscribe(client, slow, ["organization.updated"])
    await subscribe(client, ok, ["organization.created"])
    failing_sub = await subscribe(client, failing, ["event.held"])
    await subscribe(client, gone, ["organization.archived"])
    started = time.time()
    workers.start("w1")
    await eventually(lambda: scraper.value("somos_webhooks_queue_jobs", state="todo") == 0)
    health = scraper.request("GET", "/healthz")
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    assert scraper.request("GET", "/other").status_code == 404
    assert scraper.request("POST", "/metrics").status_code == 405
    assert scraper.request("HEAD", "/healthz").content == b""
    # The container health check (compose) passes against it.
    port = scraper.base.rsplit(":", 1)[1]
    checked = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "somos.healthcheck", port, stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await asyncio.wait_for(checked.communicate(), 30)
    assert checked.returncode == 0, stderr

    # Two changes of one record: the first hangs at the receiver, the second waits its turn.
    record = orgs.commit("organization.updated", resource=ORG, version=2)
    orgs.commit("organization.updated", resource=ORG, id_=record["id"], version=3)
    await eventually(lambda: len(slow.hung_ids) == 1)
    await eventually(
        lambda: (
            scraper.value("somos_webhooks_queue_jobs", state="doing") == 1
            and scraper.value("somos_webhooks_queue_jobs", state="todo") == 1
        )
    )
    slow.mode = "ok"
    slow.release.set()  # the hung request is answered 503, then both go through

    for _ in range(3):
        orgs.commit("organization.created", resource=ORG)
    events.commit("event.held", resource="events")
    orgs.commit("organization.archived", resource=ORG, id_=record["id"], version=4)
    await eventually(
        lambda: (
            len(slow.receipts) == 2
            and len(ok.receipts) == 3
            and gone.requests == 1
            and failing.requests >= 2
        )
    )
    path = f"/api/v1/webhook-subscriptions/{failing_sub['id']}"
    deleted = await client.delete(path, headers={"If-Match": '"1"'})
    assert deleted.status_code == 200  # nothing more is attempted for it

    def settled() -> bool:
        s = scraper.samples()
        attempts = {
            outcome: s.get(("somos_webhooks_delivery_attempts_total", (("outcome", outcome),)))
            for outcome in ("delivered", "failed", "gave_up")
        }
        return (
            attempts
            == {
                "delivered": len(slow.receipts) + len(ok.receipts),
                "failed": failing.requests + slow.requests - len(slow.receipts),
                "gave_up": gone.requests,
            }
            and s.get(("somos_webhooks_queue_jobs", (("state", "todo"),))) == 0
        )

    await eventually(settled)
    s = scraper.samples()
    assert s[("somos_webhooks_delivery_attempts_total", (("outcome", "delivered"),))] == 5
    assert s[("somos_webhooks_delivery_attempts_total", (("outcome", "gave_up"),))] == 1
    assert s[("somos_webhooks_delivery_attempts_total", (("outcome", "failed"),))] >= 3
    assert s[("somos_webhooks_subscriptions_disabled_total", (("reason", "gone"),))] == 1
    assert s[("somos_webhooks_subscriptions_disabled_total", (("reason", "failing"),))] == 0
    assert s[("somos_webhooks_queue_jobs", (("state", "doing"),))] == 0
    # Every attempt timed; commit → delivery for each first delivery.
    attempts = sum(
        s[("somos_webhooks_delivery_attempts_total", (("outcome", o),))]
        for o in ("delivered", "failed", "gave_up")
    )
    assert s[("somos_webhooks_attempt_duration_seconds_count", ())] == attempts
    assert s[("somos_webhooks_delivery_latency_seconds_count", ())] == 5
    assert 0 < s[("somos_webhooks_delivery_latency_seconds_sum", ())] < time.time() - started
    # The feeds: every change read, when, and how far behind.
    assert s[("somos_webhooks_feed_changes_read_total", (("feed", "organizations"),))] == 6
    assert s[("somos_webhooks_feed_changes_read_total", (("feed", "events"),))] == 1
    for feed in ("organizations", "events"):
        assert s[("somos_webhooks_feed_last_read_timestamp_seconds", (("feed", feed),))] > started
        assert s[("somos_webhooks_feed_lag_seconds", (("feed", feed),))] >= 0
    # No URL, secret or subscription in any label.
    labels = {value for _, pairs in s for _, value in pairs}
    assert labels <= {
        "delivered",
        "failed",
        "gave_up",
        "gone",
        "failing",
        "todo",
        "doing",
        "organizations",
        "events",
    } | {k for (name, pairs) in s for _, k in pairs if name.endswith("_bucket")}


def test_a_taken_metrics_port_stops_the_worker_with_a_clear_message(
    webhooks_db, feeds, tmp_path: Path
):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = worker_environment(
            webhooks_db,
            {name: feed.url for name, feed in feeds.items()},
            SOMOS_WEBHOOKS_WORKER_METRICS_PORT=str(port),
        )
        workers = Workers(env, tmp_path)
        process = workers.start("w1")
        try:
            assert process.wait(60) != 0
        finally:
            workers.stop_all()
    assert f"cannot serve the worker's metrics on 127.0.0.1:{port}" in workers.log("w1")
