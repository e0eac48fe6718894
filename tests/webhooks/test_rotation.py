"""Rotating a subscription's signing secret: the new secret shown once, both secrets signing
during the grace period (receivers holding either verify with the standardwebhooks library),
only the new one after it, the expired secret wiped from the row."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from services.common.db import asyncpg_dsn
from services.webhooks.signing import SecretBox
from tests.webhooks.conftest import subscribe
from tests.webhooks.harness import TEST_SECRET_KEY, Receiver, eventually
from tests.webhooks.test_subscriptions import create

SUBSCRIPTIONS = "/api/v1/webhook-subscriptions"


def rotate_path(subscription_id: str) -> str:
    return f"{SUBSCRIPTIONS}/{subscription_id}/rotate-secret"


async def stored_secrets(webhooks_db: str, subscription_id: str) -> asyncpg.Record:
    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:
        return await conn.fetchrow(
            "SELECT secret_ciphertext, previous_secret_ciphertext, previous_secret_expires_at "
            "FROM webhook_subscriptions WHERE id = $1",
            uuid.UUID(subscription_id),
        )
    finally:
        await conn.close()


async def test_rotate_shows_the_new_secret_once_and_keeps_the_old_one_sealed(client, webhooks_db):
    created = (await create(client)).json()
    before = datetime.now(UTC)
    response = await client.post(rotate_path(created["id"]))
    assert response.status_code == 200, response.text
    rotated = response.json()
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != created["secret"]
    Webhook(rotated["secret"])
    assert rotated["version"] == 2 and response.headers["etag"] == '"2"'
    assert response.headers["cache-control"] == "no-store"
    expires = datetime.fromisoformat(rotated["previous_secret_expires_at"])
    assert before + timedelta(hours=24) <= expires <= datetime.now(UTC) + timedelta(hours=24)
    assert created["previous_secret_expires_at"] is None

    read = (await client.get(f"{SUBSCRIPTIONS}/{created['id']}")).json()
    assert "secret" not in read
    assert read["previous_secret_expires_at"] == rotated["previous_secret_expires_at"]

    row = await stored_secrets(webhooks_db, created["id"])
    box = SecretBox(base64.b64decode(TEST_SECRET_KEY))
    sid = uuid.UUID(created["id"])
    assert box.open(row["secret_ciphertext"], subscription_id=sid) == rotated["secret"]
    assert box.open(row["previous_secret_ciphertext"], subscription_id=sid) == created["secret"]
    for secret in (created["secret"], rotated["secret"]):
        assert secret[6:] not in str(row)


async def test_grace_seconds_bounds_and_zero(client):
    created = (await create(client)).json()
    for bad in (-1, 7 * 24 * 3600 + 1, "tomorrow"):
        response = await client.post(rotate_path(created["id"]), json={"grace_seconds": bad})
        assert response.status_code == 422, bad
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["field"].endswith("grace_seconds")
    week = await client.post(rotate_path(created["id"]), json={"grace_seconds": 7 * 24 * 3600})
    assert week.status_code == 200
    at_once = await client.post(rotate_path(created["id"]), json={"grace_seconds": 0})
    assert at_once.status_code == 200
    assert datetime.fromisoformat(at_once.json()["previous_secret_expires_at"]) <= datetime.now(UTC)
    assert at_once.json()["version"] == 3


async def test_if_match_is_honoured_when_sent_and_idempotent_replays_keep_no_secret(
    client, webhooks_db
):
    created = (await create(client)).json()
    stale = await client.post(rotate_path(created["id"]), headers={"If-Match": '"7"'})
    assert stale.status_code == 412 and stale.headers["etag"] == '"1"'
    headers = {"Idempotency-Key": "rotacion-1", "If-Match": '"1"'}
    first = await client.post(
        rotate_path(created["id"]), json={"grace_seconds": 60}, headers=headers
    )
    again = await client.post(
        rotate_path(created["id"]), json={"grace_seconds": 60}, headers=headers
    )
    assert first.status_code == again.status_code == 200
    assert "secret" in first.json() and "secret" not in again.json()  # not rotated twice
    assert again.json()["version"] == first.json()["version"] == 2
    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:
        bodies = await conn.fetch("SELECT response_body FROM idempotency_keys")
    finally:
        await conn.close()
    assert bodies and all(row["response_body"] in (None, b"") for row in bodies)
    other_body = await client.post(
        rotate_path(created["id"]), json={"grace_seconds": 61}, headers=headers
    )
    assert other_body.status_code == 422


async def test_only_the_owner_rotates_and_never_a_deleted_subscription(client, client_for):
    created = (await create(client)).json()
    async with client_for("webhooks:manage", sub="otra-entidad") as other:
        assert (await other.post(rotate_path(created["id"]))).status_code == 404
    async with client_for("organizations:read") as reader:
        assert (await reader.post(rotate_path(created["id"]))).status_code == 403
    deleted = await client.delete(f"{SUBSCRIPTIONS}/{created['id']}", headers={"If-Match": '"1"'})
    assert deleted.status_code == 200
    response = await client.post(rotate_path(created["id"]))
    assert response.status_code == 409
    assert response.json()["type"].endswith("subscription-deleted")


def verifies(secret: str, request: tuple[bytes, dict[str, str]]) -> bool:
    body, headers = request
    try:
        Webhook(secret).verify(body, headers)
    except WebhookVerificationError:
        return False
    return True


async def ping(client, receiver: Receiver, subscription_id: str) -> tuple[bytes, dict[str, str]]:
    """Ping the subscription; the request the receiver got for it."""
    response = await client.post(f"{SUBSCRIPTIONS}/{subscription_id}/ping")
    assert response.status_code == 202, response.text
    delivery_id = response.json()["id"]
    await eventually(lambda: any(r.webhook_id == delivery_id for r in receiver.receipts))
    (request,) = [r for r in receiver.raw if r[1]["webhook-id"] == delivery_id]
    return request


@pytest.mark.e2e
async def test_both_secrets_sign_during_the_grace_period_and_only_the_new_one_after(
    client, webhooks_db, receivers, workers
):
    receiver = receivers()
    created = await subscribe(client, receiver, ["organization.created"])
    first = created["secret"]
    workers.start("w1")
    request = await ping(client, receiver, created["id"])
    assert len(request[1]["webhook-signature"].split(" ")) == 1

    second = (await client.post(rotate_path(created["id"]))).json()["secret"]
    receiver.secret = second  # a receiver already holding only the new secret
    request = await ping(client, receiver, created["id"])
    signatures = request[1]["webhook-signature"].split(" ")
    assert len(signatures) == 2 and all(s.startswith("v1,") for s in signatures)
    assert verifies(second, request) and verifies(first, request)  # old-only receivers too
    # The new secret's signature comes first.
    assert verifies(second, (request[0], {**request[1], "webhook-signature": signatures[0]}))
    assert not verifies(first, (request[0], {**request[1], "webhook-signature": signatures[0]}))

    # A second rotation during the grace period: the first secret stops at once.
    third = (await client.post(rotate_path(created["id"]), json={"grace_seconds": 3600})).json()[
        "secret"
    ]
    receiver.secret = third
    request = await ping(client, receiver, created["id"])
    assert verifies(third, request) and verifies(second, request)
    assert not verifies(first, request)

    # The grace period is over (moved into the past): only the newest secret signs, and the
    # previous one is wiped from the row at the next delivery.
    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:
        await conn.execute(
            "UPDATE webhook_subscriptions SET previous_secret_expires_at = now() - interval '1s' "
            "WHERE id = $1",
            uuid.UUID(created["id"]),
        )
    finally:
        await conn.close()
    request = await ping(client, receiver, created["id"])
    assert len(request[1]["webhook-signature"].split(" ")) == 1
    assert verifies(third, request) and not verifies(second, request)
    row = await stored_secrets(webhooks_db, created["id"])
    assert row["previous_secret_ciphertext"] is None
    assert row["previous_secret_expires_at"] is not None  # as read: unchanged
    assert receiver.refused == 0
