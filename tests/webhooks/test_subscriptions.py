"""The subscriptions API: the secret shown once and kept encrypted, owners, territories,
If-Match, re-enabling, pings and redeliveries queued with their rows."""

from __future__ import annotations

import asyncpg
import pytest
from standardwebhooks.webhooks import Webhook

from services.common.db import asyncpg_dsn
from services.webhooks.signing import SecretBox
from tests.webhooks.harness import TEST_SECRET_KEY

BODY = {
    "url": "http://127.0.0.1:9/hooks",
    "event_types": ["organization.created", "event.held"],
    "municipalities": ["52835"],
    "description": "Gobernación de Nariño — oficina de seguridad",
}


async def create(client, **changes):
    response = await client.post("/api/v1/webhook-subscriptions", json={**BODY, **changes})
    assert response.status_code == 201, response.text
    return response


async def test_create_shows_the_secret_once_and_stores_it_encrypted(client, webhooks_db):
    response = await create(client)
    created = response.json()
    assert created["secret"].startswith("whsec_")
    Webhook(created["secret"])  # the library accepts it as a signing secret
    assert response.headers["etag"] == '"1"'
    assert response.headers["location"] == f"/api/v1/webhook-subscriptions/{created['id']}"
    assert response.headers["cache-control"] == "no-store"
    assert created["status"] == "active"
    assert created["owner_sub"] == "tester"
    assert created["event_types"] == ["organization.created", "event.held"]
    assert created["description"] == BODY["description"]

    read = (await client.get(f"/api/v1/webhook-subscriptions/{created['id']}")).json()
    assert "secret" not in read
    listed = (await client.get("/api/v1/webhook-subscriptions")).json()
    assert [s["id"] for s in listed["items"]] == [created["id"]]
    assert "secret" not in listed["items"][0]

    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:
        stored = await conn.fetchval(
            "SELECT secret_ciphertext FROM webhook_subscriptions WHERE id = $1",
            __import__("uuid").UUID(created["id"]),
        )
        dumped = "\n".join(str(r) for r in await conn.fetch("SELECT * FROM webhook_subscriptions"))
        dumped += "\n".join(str(r) for r in await conn.fetch("SELECT * FROM idempotency_keys"))
    finally:
        await conn.close()
    assert created["secret"] not in dumped
    assert created["secret"][6:] not in dumped
    import base64

    box = SecretBox(base64.b64decode(TEST_SECRET_KEY))
    assert (
        box.open(stored, subscription_id=__import__("uuid").UUID(created["id"]))
        == (created["secret"])
    )


async def test_an_idempotent_replay_does_not_keep_the_secret(client, webhooks_db):
    headers = {"Idempotency-Key": "alta-gobernacion-1"}
    first = await client.post("/api/v1/webhook-subscriptions", json=BODY, headers=headers)
    again = await client.post("/api/v1/webhook-subscriptions", json=BODY, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert "secret" not in again.json()  # the replay re-reads the record: secret shown once
    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:
        bodies = await conn.fetch("SELECT response_body FROM idempotency_keys")
    finally:
        await conn.close()
    assert all(row["response_body"] in (None, b"") for row in bodies)


async def test_someone_elses_subscription_is_not_found(client, client_for):
    created = (await create(client)).json()
    async with client_for("webhooks:manage", sub="otra-entidad") as other:
        assert (
            await other.get(f"/api/v1/webhook-subscriptions/{created['id']}")
        ).status_code == 404
        assert (await other.get("/api/v1/webhook-subscriptions")).json()["items"] == []
        deliveries = await other.get(f"/api/v1/webhook-subscriptions/{created['id']}/deliveries")
        assert deliveries.status_code == 404
    async with client_for("webhooks:manage", "admin", sub="operador") as operator:
        listed = (await operator.get("/api/v1/webhook-subscriptions")).json()
        assert [s["id"] for s in listed["items"]] == [created["id"]]


async def test_scope_and_token_territory(client_for):
    async with client_for("organizations:read") as reader:
        response = await reader.post("/api/v1/webhook-subscriptions", json=BODY)
        assert response.status_code == 403
        assert response.json()["missing_scope"] == "webhooks:manage"
    async with client_for("webhooks:manage") as no_reads:
        response = await no_reads.post("/api/v1/webhook-subscriptions", json=BODY)
        assert response.status_code == 403
        assert response.json()["missing_scope"] == "organizations:read"
    async with client_for(
        "webhooks:manage", "organizations:read", "events:read", municipalities=["05001"]
    ) as medellin:
        response = await medellin.post("/api/v1/webhook-subscriptions", json=BODY)
        assert response.status_code == 403
        assert "52835" in response.json()["detail"]
        ok = await medellin.post(
            "/api/v1/webhook-subscriptions", json={**BODY, "municipalities": ["05001"]}
        )
        assert ok.status_code == 201


async def test_overdue_commitments_may_be_subscribed_to_with_events_read(client, client_for):
    created = (await create(client, event_types=["commitment.overdue"])).json()
    assert created["event_types"] == ["commitment.overdue"]
    async with client_for("webhooks:manage", "organizations:read") as no_events:
        response = await no_events.post(
            "/api/v1/webhook-subscriptions", json={**BODY, "event_types": ["commitment.overdue"]}
        )
    assert response.status_code == 403
    assert response.json()["missing_scope"] == "events:read"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"event_types": []}, "event_types"),
        ({"event_types": ["Organization Created"]}, "event_types.0"),
        ({"event_types": ["event.held", "organization.exploded"]}, "event_types.1"),
        ({"event_types": ["attendee.created"]}, "event_types.0"),  # personal: never sent
        ({"event_types": ["commitment.due"]}, "event_types.0"),
        ({"municipalities": ["5001"]}, "municipalities.0"),
        ({"municipalities": ["99999"]}, "municipalities.0"),
        ({"url": "ftp://example.org/hooks"}, "url"),
        ({"secret": "whsec_mine"}, "secret"),
    ],
)
async def test_bad_bodies_name_the_field(client, changes, field):
    response = await client.post("/api/v1/webhook-subscriptions", json={**BODY, **changes})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert field in [e["field"] for e in response.json()["errors"]]


async def test_patch_needs_if_match_and_reenables(client, webhooks_db):
    created = (await create(client)).json()
    path = f"/api/v1/webhook-subscriptions/{created['id']}"
    assert (await client.patch(path, json={"description": "x"})).status_code == 428
    stale = await client.patch(path, json={"description": "x"}, headers={"If-Match": '"7"'})
    assert stale.status_code == 412

    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:
        await conn.execute(
            "UPDATE webhook_subscriptions SET status = 'disabled', disabled_reason = 'the "
            "endpoint answered 410 Gone', disabled_at = now(), failing_since = now(), "
            "version = version + 1"
        )
    finally:
        await conn.close()
    disabled = await client.get(path)
    assert disabled.json()["status"] == "disabled"
    assert disabled.json()["disabled_reason"] == "the endpoint answered 410 Gone"
    ping = await client.post(f"{path}/ping")
    assert ping.status_code == 409

    enabled = await client.patch(
        path,
        json={"status": "active", "event_types": ["event.held"]},
        headers={"If-Match": disabled.headers["etag"]},
    )
    assert enabled.status_code == 200
    body = enabled.json()
    assert body["status"] == "active"
    assert body["disabled_reason"] is None and body["failing_since"] is None
    assert body["event_types"] == ["event.held"]
    assert body["version"] == 3
    assert (
        await client.patch(path, json={"url": None}, headers={"If-Match": '"3"'})
    ).status_code == 422


async def test_delete_archives(client):
    created = (await create(client)).json()
    path = f"/api/v1/webhook-subscriptions/{created['id']}"
    deleted = await client.delete(path, headers={"If-Match": '"1"'})
    assert deleted.status_code == 200
    assert deleted.json()["archived_at"] is not None
    assert (await client.get("/api/v1/webhook-subscriptions")).json()["items"] == []
    archived = await client.get("/api/v1/webhook-subscriptions?include_archived=true")
    assert [s["id"] for s in archived.json()["items"]] == [created["id"]]


async def test_ping_and_redeliver_are_queued_with_their_delivery(client, webhooks_db):
    created = (await create(client)).json()
    path = f"/api/v1/webhook-subscriptions/{created['id']}"
    ping = await client.post(f"{path}/ping")
    assert ping.status_code == 202
    delivery = ping.json()
    assert delivery["event_type"] == "webhook.ping"
    assert delivery["payload"]["type"] == "webhook.ping"
    assert delivery["payload"]["data"] == {"subscription_id": created["id"]}
    assert delivery["status"] == "pending" and delivery["attempts"] == 0
    assert ping.headers["location"] == f"/api/v1/webhook-deliveries/{delivery['id']}"

    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:
        jobs = await conn.fetch("SELECT task_name, args, status FROM procrastinate_jobs")
        assert [(j["task_name"], j["status"]) for j in jobs] == [("webhooks.deliver", "todo")]
        assert delivery["id"] in jobs[0]["args"]
        # Still pending: a redelivery is refused (it will be attempted by itself).
        again = await client.post(f"/api/v1/webhook-deliveries/{delivery['id']}/redeliver")
        assert again.status_code == 409
        await conn.execute("UPDATE webhook_deliveries SET status = 'failed'")
        again = await client.post(f"/api/v1/webhook-deliveries/{delivery['id']}/redeliver")
        assert again.status_code == 202
        assert again.json()["status"] == "pending" and again.json()["id"] == delivery["id"]
        assert await conn.fetchval("SELECT count(*) FROM procrastinate_jobs") == 2
    finally:
        await conn.close()

    listed = (await client.get(f"{path}/deliveries")).json()
    assert [d["id"] for d in listed["items"]] == [delivery["id"]]
    assert (await client.get(f"{path}/deliveries?status=succeeded")).json()["items"] == []


def test_a_change_reaches_a_subscription_only_within_its_owners_claims():
    from datetime import UTC, datetime, timedelta

    from services.webhooks.feeds.service import Change, matches

    made = datetime.now(UTC) - timedelta(minutes=1)
    subscription = {
        "event_types": ["organization.created", "event.held"],
        "municipalities": [],
        "owner_scopes": ["webhooks:manage", "organizations:read"],
        "owner_municipalities": None,
        "owner_departments": ["05"],
        "created_at": made,
    }

    def change(type_: str, municipality: str | None, at: datetime | None = None) -> Change:
        when = at or datetime.now(UTC)
        return Change("c1", type_, "x", "1", 1, municipality, when, when.isoformat())

    assert matches(subscription, change("organization.created", "05001"))
    assert not matches(subscription, change("organization.created", "52835"))  # territory
    assert not matches(subscription, change("organization.created", None))  # not territorial
    assert not matches(subscription, change("event.held", "05001"))  # no events:read then
    assert not matches(subscription, change("organization.updated", "05001"))  # not asked for
    early = made - timedelta(seconds=1)
    assert not matches(subscription, change("organization.created", "05001", early))
    assert not matches(
        {**subscription, "municipalities": ["05045"]}, change("organization.created", "05001")
    )


def test_backoff_doubles_with_jitter_up_to_the_cap_and_spans_more_than_a_day():
    import random

    from services.webhooks.deliveries.jobs import backoff
    from services.webhooks.settings import WebhooksSettings

    rng = random.Random(7)
    first = [backoff(1, base=5, cap=36000, rng=rng) for _ in range(200)]
    assert 2.5 <= min(first) < max(first) <= 5  # half fixed, half random
    assert len({round(d, 3) for d in first}) > 100  # jittered: not in step
    assert all(5 <= backoff(2, base=5, cap=36000, rng=rng) <= 10 for _ in range(50))
    assert all(18000 <= backoff(30, base=5, cap=36000, rng=rng) <= 36000 for _ in range(50))

    # With the defaults, a delivery that always fails is attempted as the job does: after each
    # failure, retried unless it is already retry_window_seconds old. The last attempt comes
    # after 24 hours, and no later than the window plus one longest delay.
    settings = WebhooksSettings(database_url="postgresql://unused/x")
    for seed in range(20):
        rng = random.Random(seed)
        age, attempts = 0.0, 1
        while age < settings.retry_window_seconds:
            age += backoff(
                attempts,
                base=settings.retry_base_seconds,
                cap=settings.retry_max_delay_seconds,
                rng=rng,
            )
            attempts += 1
        assert 24 * 3600 <= age <= settings.retry_window_seconds + 36000, (seed, age)
        assert 15 <= attempts <= 25, attempts
