"""Attendees and the PII access log on the lean path: the same bytes and headers as their
routes (``Cache-Control: no-store``), the same scope checks, each row decrypted, and every page
of attendees logged in the access log's hash chain exactly as the route logs it."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from services.common.db import asyncpg_dsn
from services.common.testing import bearer
from services.events.pii_access_log import chain
from tests.events.factories import PERSON, attendee_body, create_event
from tests.lean_lists import items_of, same_answer, walk

RID = {"X-Request-ID": "lean-compare-pii"}
LOG = "/api/v1/pii-access-log"


async def _log(url: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return list(await conn.fetch("SELECT * FROM pii_access_log ORDER BY position"))
    finally:
        await conn.close()


async def _seed(client: httpx.AsyncClient) -> dict[str, Any]:
    """An event in Tumaco with three attendees (one archived), one in Medellín with one."""
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}/attendees"
    made = []
    for i, birth_year in enumerate((1990, 2012, 1950)):
        body = attendee_body(
            full_name=f"{PERSON['full_name']} {i}",
            document_number=f"10876543{i:02d}",
            birth_year=birth_year,
        )
        r = await client.post(url, json=body)
        assert r.status_code == 201, r.text
        made.append(r.json())
    r = await client.delete(f"{url}/{made[1]['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    other = await create_event(client, municipality_code="05001", community="Comuna 13")
    r = await client.post(f"/api/v1/events/{other['id']}/attendees", json=attendee_body())
    assert r.status_code == 201, r.text
    return {"event": event, "attendees": url, "other": other}


async def test_attendee_pages_are_identical_and_each_is_logged(client, route, spy, events_db):
    seed = await _seed(client)
    route.headers.update(client.headers)
    before = len(await _log(events_db))
    for params in (
        {},
        {"limit": "1"},
        {"limit": "200"},
        {"include_archived": "true", "limit": "2"},
    ):
        await walk(client, route, spy, seed["attendees"], params, RID)
    r = await same_answer(client, route, spy, seed["attendees"], headers=RID)
    assert r.headers["cache-control"] == "no-store"
    people = items_of(r)
    assert [p["full_name"] for p in people] == [f"{PERSON['full_name']} {i}" for i in (0, 2)]
    assert [p["age_group"] for p in people] == ["29_59", "60_mas"]
    entries = (await _log(events_db))[before:]
    # every page answered twice (lean, then route): two entries each, the same but for id/time
    assert len(entries) % 2 == 0 and entries
    for lean, routed in zip(entries[::2], entries[1::2], strict=True):
        for name in ("subject", "token_id", "action", "event_id", "record_count", "request_id"):
            assert lean[name] == routed[name], name
        assert lean["action"] == "list"
        assert lean["event_id"] == uuid.UUID(seed["event"]["id"])
        assert lean["request_id"] == RID["X-Request-ID"]
    assert [e["record_count"] for e in entries[-2:]] == [2, 2]
    report = await chain.verify_database(events_db)
    assert report.intact and report.count == len(await _log(events_db))


async def test_an_empty_page_is_logged_as_the_route_logs_it(client, route, spy, events_db):
    """No attendees yet: the lean path answers the empty page and logs a read of 0 records."""
    route.headers.update(client.headers)
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}/attendees"
    before = len(await _log(events_db))
    r = await same_answer(client, route, spy, url, headers=RID)
    assert r.json() == {"items": [], "next_cursor": None}
    assert r.headers["cache-control"] == "no-store"
    lean, routed = (await _log(events_db))[before:]
    for name in ("subject", "token_id", "action", "event_id", "record_count", "request_id"):
        assert lean[name] == routed[name], name
    assert (lean["action"], lean["record_count"]) == ("list", 0)
    assert lean["event_id"] == uuid.UUID(event["id"])
    assert (await chain.verify_database(events_db)).intact


async def test_scopes_and_territory_are_the_routes(client, route, spy, make_token, events_db):
    seed = await _seed(client)
    before = len(await _log(events_db))
    for scopes, status in ((["events:read"], 403), (["attendees:pii"], 403)):
        headers = {**RID, **bearer(make_token(scopes))}
        r = await same_answer(client, route, spy, seed["attendees"], headers=headers)
        assert r.status_code == status
        assert "cache-control" not in r.headers
    r = await same_answer(
        client, route, spy, seed["attendees"], headers={**RID, "Authorization": ""}
    )
    assert r.status_code == 401
    pii = ["events:read", "attendees:pii"]
    elsewhere = {**RID, **bearer(make_token(pii, municipalities=["05001"]))}
    r = await same_answer(
        client, route, spy, seed["attendees"], headers=elsewhere, lean_answers=False
    )
    assert r.status_code == 404
    unknown = seed["attendees"].replace(seed["event"]["id"], str(uuid.uuid4()))
    r = await same_answer(client, route, spy, unknown, headers=RID, lean_answers=False)
    assert r.status_code == 404
    assert len(await _log(events_db)) == before  # nothing was read, nothing logged
    here = {**RID, **bearer(make_token(pii, departments=["52"]))}
    r = await same_answer(client, route, spy, seed["attendees"], headers=here)
    assert len(items_of(r)) == 2
    assert len(await _log(events_db)) == before + 2


async def test_access_log_pages_are_byte_identical(client, route, spy, make_token):
    seed = await _seed(client)
    route.headers.update(client.headers)
    for _ in range(2):
        r = await client.get(seed["attendees"], headers=RID)
        assert r.status_code == 200
    today = (await client.get(LOG)).json()["items"][0]["occurred_at"][:10]
    filters = [
        {},
        {"event_id": seed["event"]["id"]},
        {"event_id": str(uuid.uuid4())},
        {"subject": "tester"},
        {"subject": "nadie"},
        {"from": today},
        {"to": "2020-01-01"},
        {"from": today, "to": today},
    ]
    for params in filters:
        for limit in ({}, {"limit": "1"}, {"limit": "3"}, {"limit": "200"}):
            await walk(client, route, spy, LOG, {**params, **limit}, RID)
    r = await same_answer(client, route, spy, LOG, headers=RID)
    assert r.headers["cache-control"] == "no-store"
    assert len(items_of(r)) == 7  # 5 creates, 1 archive, 2 lists (newest first)
    assert [e["action"] for e in items_of(r)[:2]] == ["list", "list"]
    for claims, count in (({"municipalities": ["05001"]}, 1), ({"departments": ["52"]}, 6)):
        headers = {**RID, **bearer(make_token(["admin"], **claims))}
        assert len(await walk(client, route, spy, LOG, {}, headers)) == count


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2025-03-15", "to": "2025-03-14"},
        {"subject": ""},
        {"event_id": "x"},
        {"to": "1-1-1"},
    ],
)
async def test_odd_access_log_queries_are_the_routes(client, route, spy, params):
    await _seed(client)
    route.headers.update(client.headers)
    r = await same_answer(client, route, spy, LOG, params=params, headers=RID, lean_answers=False)
    assert r.status_code == 422


async def test_access_log_needs_admin(client, route, spy, make_token):
    await _seed(client)
    headers = {**RID, **bearer(make_token(["events:read", "attendees:pii"]))}
    r = await same_answer(client, route, spy, LOG, headers=headers)
    assert r.status_code == 403
