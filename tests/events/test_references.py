"""Reference checks with the organizations (real app) and security plans services."""

from __future__ import annotations

import socket

import asyncpg
import httpx

from services.common.db import asyncpg_dsn
from services.common.testing import asgi_client, bearer, running_app
from services.events.app import create_app
from services.events.settings import EventsSettings
from tests.events.conftest import KNOWN_PLANS, TEST_KEYRING
from tests.events.factories import event_body

UNKNOWN = "00000000-0000-4000-8000-00000000abcd"


async def event_count(url: str) -> int:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM events"))
    finally:
        await conn.close()


async def test_known_organization_and_plan_are_accepted(client, organization_id):
    plan = str(next(iter(KNOWN_PLANS)))
    r = await client.post(
        "/api/v1/events",
        json=event_body(
            type="capacitacion_piscc", organization_ids=[organization_id], security_plan_id=plan
        ),
    )
    assert r.status_code == 201, r.text
    assert r.json()["organization_ids"] == [organization_id]
    assert r.json()["security_plan_id"] == plan
    listed = await client.get(f"/api/v1/events?organization_id={organization_id}")
    assert [e["id"] for e in listed.json()["items"]] == [r.json()["id"]]


async def test_unknown_ids_are_422_naming_them(client, organization_id, events_db):
    r = await client.post(
        "/api/v1/events", json=event_body(organization_ids=[organization_id, UNKNOWN])
    )
    assert r.status_code == 422
    body = r.json()
    assert body["type"] == "urn:somos:problem:unknown-reference"
    assert body["errors"] == [
        {
            "field": "organization_ids.1",
            "message": f"no organization {UNKNOWN} exists that this token may see",
        }
    ]
    r = await client.post("/api/v1/events", json=event_body(security_plan_id=UNKNOWN))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "security_plan_id"
    assert await event_count(events_db) == 0


async def test_callers_token_is_forwarded(client, organization_id, make_token):
    # a token that may write events but not read organizations cannot reference one
    token = bearer(make_token(["events:write", "events:read"]))
    r = await client.post(
        "/api/v1/events", json=event_body(organization_ids=[organization_id]), headers=token
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_ids.0"
    # with organizations:read and a claim covering Tumaco it is visible
    token = bearer(make_token(["events:write", "organizations:read"], departments=["52", "19"]))
    r = await client.post(
        "/api/v1/events", json=event_body(organization_ids=[organization_id]), headers=token
    )
    assert r.status_code == 201


async def test_patch_checks_only_new_references(client, organization_id):
    event = (
        await client.post("/api/v1/events", json=event_body(organization_ids=[organization_id]))
    ).json()
    r = await client.patch(
        f"/api/v1/events/{event['id']}",
        headers={"If-Match": '"1"'},
        json={"organization_ids": [organization_id, UNKNOWN]},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_ids.1"
    assert (await client.get(f"/api/v1/events/{event['id']}")).json()["version"] == 1


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_organizations_service_stopped_is_503_and_nothing_stored(events_db, make_token):
    settings = EventsSettings(
        database_url=events_db,
        organizations_url=f"http://127.0.0.1:{closed_port()}",
        upstream_retry_after_seconds=7,
    )
    app = create_app(settings, keyring=TEST_KEYRING)
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as c:
        r = await c.post(
            "/api/v1/events",
            headers={"Idempotency-Key": "k-503"},
            json=event_body(organization_ids=["7d0f9d63-1a7e-4b8e-9f4e-1e2d3c4b5a69"]),
        )
        assert r.status_code == 503
        assert r.headers["retry-after"] == "7"
        assert r.headers["content-type"] == "application/problem+json"
        assert "nothing was stored" in r.json()["detail"]
        assert "127.0.0.1" not in r.text
        assert await event_count(events_db) == 0
        # without references the same app still works
        r = await c.post("/api/v1/events", json=event_body())
        assert r.status_code == 201
    assert await event_count(events_db) == 1
    conn = await asyncpg.connect(asyncpg_dsn(events_db))
    try:
        await conn.execute("TRUNCATE events, idempotency_keys CASCADE")
    finally:
        await conn.close()


async def test_upstream_timeout_is_503(events_db, make_token, organizations_upstream):
    async def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    app = create_app(
        EventsSettings(database_url=events_db),
        keyring=TEST_KEYRING,
        upstream_transports={"organizations": httpx.MockTransport(slow)},
    )
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as c:
        r = await c.post(
            "/api/v1/events",
            json=event_body(organization_ids=["7d0f9d63-1a7e-4b8e-9f4e-1e2d3c4b5a69"]),
        )
        assert r.status_code == 503 and r.headers["retry-after"] == "5"
    assert await event_count(events_db) == 0


async def test_request_id_and_authorization_forwarded(events_db, make_token):
    seen: list[httpx.Request] = []

    async def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404)

    app = create_app(
        EventsSettings(database_url=events_db),
        keyring=TEST_KEYRING,
        upstream_transports={"organizations": httpx.MockTransport(record)},
    )
    token = make_token()
    async with running_app(app), asgi_client(app, headers=bearer(token)) as c:
        r = await c.post(
            "/api/v1/events",
            headers={"X-Request-ID": "req-123"},
            json=event_body(organization_ids=[UNKNOWN]),
        )
        assert r.status_code == 422
    assert len(seen) == 1
    assert seen[0].url.path == f"/api/v1/organizations/{UNKNOWN}"
    assert seen[0].headers["authorization"] == f"Bearer {token}"
    assert seen[0].headers["x-request-id"] == "req-123"
