"""Habeas data end to end: through the gateway into the real events service, one person's
records are found across events, exported in clear and erased; the summaries keep counts."""

from __future__ import annotations

from typing import Any

import httpx

from tests.events.factories import PERSON, attendee_body, event_body
from tests.gateway.conftest import System

BASE = "/api/v1/data-subject-requests"
PERSON_DOCUMENT = {"document_type": "cc", "document_number": PERSON["document_number"]}


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    r = await client.post(path, json=body)
    assert r.status_code in (200, 201), r.text
    return dict(r.json())


async def summary(client: httpx.AsyncClient, event_id: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/events/{event_id}/participation")
    assert r.status_code == 200, r.text
    return {k: v for k, v in r.json().items() if k == "total" or k.startswith("by_")}


async def test_search_export_erase_through_the_gateway_keeps_the_counts(system: System) -> None:
    client = system.client
    tumaco = await post(client, "/api/v1/events", event_body(title="Hablemos de Policía"))
    medellin = await post(
        client,
        "/api/v1/events",
        event_body(
            title="Diálogo Comuna 13",
            municipality_code="05001",
            community="Comuna 13",
            starts_at="2025-06-10T09:00:00-05:00",
            ends_at="2025-06-10T12:00:00-05:00",
        ),
    )
    ids = []
    for event in (tumaco, medellin):
        attendee = await post(client, f"/api/v1/events/{event['id']}/attendees", attendee_body())
        ids.append(attendee["id"])
    await post(
        client,
        f"/api/v1/events/{tumaco['id']}/attendees",
        attendee_body(full_name="Otra Persona", document_number="12345678", sex="hombre"),
    )
    before = {e["id"]: await summary(client, e["id"]) for e in (tumaco, medellin)}
    assert before[tumaco["id"]]["total"] == 2

    found = await client.post(f"{BASE}/search", json=PERSON_DOCUMENT)
    assert found.status_code == 200, found.text
    assert found.headers["cache-control"] == "no-store"
    assert [(r["event_title"], r["attendee_id"]) for r in found.json()["records"]] == [
        ("Hablemos de Policía", ids[0]),
        ("Diálogo Comuna 13", ids[1]),
    ]

    exported = await client.post(f"{BASE}/export", json=PERSON_DOCUMENT)
    assert exported.headers["cache-control"] == "no-store"
    records = exported.json()["records"]
    assert [r["attendee"]["full_name"] for r in records] == [PERSON["full_name"]] * 2
    assert [r["attendee"]["phone"] for r in records] == [PERSON["phone"]] * 2
    assert [r["event"]["municipality_code"] for r in records] == ["52835", "05001"]

    erased = await client.post(
        f"{BASE}/erase", json={**PERSON_DOCUMENT, "reason": "Solicitud de supresión 2026-77"}
    )
    assert erased.status_code == 200, erased.text
    assert erased.json() == {"erased_records": 2, "event_ids": [tumaco["id"], medellin["id"]]}

    assert (await client.post(f"{BASE}/search", json=PERSON_DOCUMENT)).json() == {"records": []}
    assert {e: await summary(client, e) for e in before} == before
    left = await client.get(f"/api/v1/events/{tumaco['id']}/attendees")
    assert [a["full_name"] for a in left.json()["items"]] == ["Otra Persona"]
    log = await client.get("/api/v1/pii-access-log", params={"subject": "tester"})
    actions = [e["action"] for e in log.json()["items"]]
    assert actions.count("subject-search") == 3  # two events, then one search that found none
    assert actions.count("subject-export") == 2 and actions.count("subject-erase") == 2
