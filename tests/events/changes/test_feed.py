"""The events service's change feed: attendees without names, erasure, long polls."""

from __future__ import annotations

import asyncio
import time

import asyncpg

from services.common.db import asyncpg_dsn
from services.common.testing import bearer
from tests.events.factories import PERSON, attendee_body, create_event

FEED = "/api/v1/changes"


async def test_attendee_changes_carry_no_personal_data_and_need_the_pii_scope(client, make_token):
    event = await create_event(client, municipality_code="19698")
    r = await client.post(f"/api/v1/events/{event['id']}/attendees", json=attendee_body())
    assert r.status_code == 201, r.text
    attendee = r.json()
    page = await client.get(FEED, params={"types": "attendee"})
    assert page.status_code == 200, page.text
    [change] = page.json()["items"]
    assert change["type"] == "attendee.created"
    assert change["id"] == attendee["id"]
    assert change["municipality_code"] == "19698"  # the event's
    assert change["path"] == f"/api/v1/events/{event['id']}/attendees/{attendee['id']}"
    text = page.text
    for value in (PERSON["full_name"], PERSON["document_number"], PERSON["phone"]):
        assert value not in text

    without_pii = bearer(make_token("events:read"))
    r = await client.get(FEED, headers=without_pii)
    # The attendee made the event's participation summary: anonymous counts, visible.
    assert [c["type"] for c in r.json()["items"]] == ["event.created", "participation.created"]
    r = await client.get(FEED, params={"types": "attendee"}, headers=without_pii)
    assert r.status_code == 403
    assert r.json()["missing_scope"] == "attendees:pii"


async def test_an_erased_attendee_is_an_erasure_in_the_feed(client):
    event = await create_event(client)
    attendee = (
        await client.post(f"/api/v1/events/{event['id']}/attendees", json=attendee_body())
    ).json()
    r = await client.post(
        "/api/v1/data-subject-requests/erase",
        json={
            "document_type": "cc",
            "document_number": PERSON["document_number"],
            "reason": "Solicitud de supresión radicada 2026-118",
        },
    )
    assert r.status_code == 200, r.text
    types = [
        (c["type"], c["id"])
        for c in (await client.get(FEED, params={"types": "attendee"})).json()["items"]
    ]
    assert types[0] == ("attendee.created", attendee["id"])
    assert ("attendee.erased", attendee["id"]) in types


async def test_a_long_poll_returns_when_a_matching_change_commits(client, make_token):
    start = (await client.get(FEED)).json()["next_cursor"]
    began = time.monotonic()
    poll = asyncio.ensure_future(
        client.get(FEED, params={"after": start, "wait": 20, "types": "event.held"}, timeout=40)
    )
    await asyncio.sleep(0.3)
    event = await create_event(client)  # event.created: not what the poll waits for
    await asyncio.sleep(0.3)
    assert not poll.done()
    r = await client.post(f"/api/v1/events/{event['id']}/transitions", json={"to": "held"})
    assert r.status_code == 200, r.text
    answer = await poll
    assert answer.status_code == 200, answer.text
    assert [(c["type"], c["id"]) for c in answer.json()["items"]] == [("event.held", event["id"])]
    assert time.monotonic() - began < 15  # well before the 20 s wait ran out


async def test_a_long_poll_outside_the_callers_territory_is_not_woken(client, make_token):
    start = (await client.get(FEED)).json()["next_cursor"]
    cauca = bearer(make_token("events:read", departments=["19"]))
    began = time.monotonic()
    poll = asyncio.ensure_future(
        client.get(FEED, params={"after": start, "wait": 2}, headers=cauca, timeout=30)
    )
    await asyncio.sleep(0.2)
    await create_event(client, municipality_code="52835")  # Nariño: not the caller's
    answer = await poll
    assert answer.json()["items"] == []
    assert time.monotonic() - began >= 1.8  # held for the whole wait
    # The cursor moved past the change the caller does not see.
    assert answer.json()["next_cursor"] != start


async def test_a_long_poll_survives_a_lost_listening_connection(client, events_app, events_db):
    start = (await client.get(FEED)).json()["next_cursor"]
    await client.get(FEED, params={"after": start, "wait": 1})  # the listener now exists
    listener = events_app.state.change_listener
    conn = await asyncpg.connect(asyncpg_dsn(events_db))
    try:
        killed = await conn.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
        )
    finally:
        await conn.close()
    assert killed == 1
    poll = asyncio.ensure_future(client.get(FEED, params={"after": start, "wait": 20}))
    await asyncio.sleep(0.5)
    event = await create_event(client)
    answer = await poll
    assert [c["id"] for c in answer.json()["items"]] == [event["id"]]
    assert listener.listening  # connected again
