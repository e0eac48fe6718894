"""Commitments and their follow-up: lifecycle, notes, responsible parties, overdue."""

from __future__ import annotations

from datetime import timedelta

from services.common.colombia import colombia_today
from services.common.testing import bearer
from tests.events.factories import commitment_body, held_event


async def test_commitment_lifecycle_with_notes(client):
    event = await held_event(client)
    r = await client.post(f"/api/v1/events/{event['id']}/commitments", json=commitment_body())
    assert r.status_code == 201, r.text
    c = r.json()
    assert (c["status"], c["responsible_party_kind"], c["municipality_code"]) == (
        "open",
        "institution",
        "52835",
    )
    url = f"/api/v1/commitments/{c['id']}"
    r = await client.post(f"{url}/transitions", json={"to": "fulfilled"})
    assert r.status_code == 409
    assert r.json()["allowed"] == ["in_progress", "cancelled"]
    r = await client.post(f"{url}/transitions", json={"to": "in_progress"})
    assert r.status_code == 200 and r.json()["status"] == "in_progress"
    r = await client.post(
        f"{url}/notes", json={"note": "Alcaldía contrató las luminarias", "noted_on": "2025-05-02"}
    )
    assert r.status_code == 201
    assert r.json()["author"] == "tester"
    r = await client.post(
        f"{url}/transitions", json={"to": "fulfilled"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 412
    r = await client.post(
        f"{url}/transitions", json={"to": "fulfilled"}, headers={"If-Match": '"2"'}
    )
    assert r.status_code == 200
    done = r.json()
    assert done["status"] == "fulfilled" and done["fulfilled_at"].endswith("Z")
    assert done["overdue"] is False
    assert [n["note"] for n in done["notes"]] == ["Alcaldía contrató las luminarias"]
    r = await client.patch(url, json={"due_date": "2026-01-01"}, headers={"If-Match": '"3"'})
    assert r.status_code == 409


async def test_cancel_commitment_needs_reason(client):
    event = await held_event(client)
    c = (
        await client.post(f"/api/v1/events/{event['id']}/commitments", json=commitment_body())
    ).json()
    r = await client.post(f"/api/v1/commitments/{c['id']}/transitions", json={"to": "cancelled"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reason"
    r = await client.post(
        f"/api/v1/commitments/{c['id']}/transitions",
        json={"to": "cancelled", "reason": "La alcaldía no asistió"},
    )
    assert r.status_code == 200 and r.json()["status_reason"] == "La alcaldía no asistió"


async def test_responsible_party_kinds(client, organization_id):
    event = await held_event(client)
    url = f"/api/v1/events/{event['id']}/commitments"
    r = await client.post(url, json=commitment_body(responsible_party=organization_id))
    assert r.status_code == 201 and r.json()["responsible_party_kind"] == "organization"
    r = await client.post(
        url, json=commitment_body(responsible_party="7d0f9d63-1a7e-4b8e-9f4e-1e2d3c4b5a69")
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "responsible_party"
    r = await client.post(url, json=commitment_body(responsible_party="  Junta   de acción "))
    assert r.status_code == 201
    assert (r.json()["responsible_party"], r.json()["responsible_party_kind"]) == (
        "Junta de acción",
        "other",
    )


async def test_overdue_filter(client, make_token):
    today = colombia_today()
    event = await held_event(client)
    other = await held_event(client, municipality_code="19698", community="Vereda Lomitas")
    url = f"/api/v1/events/{event['id']}/commitments"
    late = (
        await client.post(
            url,
            json=commitment_body(
                due_date=(today - timedelta(days=3)).isoformat(), description="Mesa con la Policía"
            ),
        )
    ).json()
    late_done = (
        await client.post(
            url, json=commitment_body(due_date=(today - timedelta(days=10)).isoformat())
        )
    ).json()
    for to in ("in_progress", "fulfilled"):
        await client.post(f"/api/v1/commitments/{late_done['id']}/transitions", json={"to": to})
    due_today = (
        await client.post(
            url, json=commitment_body(due_date=today.isoformat(), responsible_party="personeria")
        )
    ).json()
    late_cauca = (
        await client.post(
            f"/api/v1/events/{other['id']}/commitments",
            json=commitment_body(due_date=(today - timedelta(days=1)).isoformat()),
        )
    ).json()
    assert late["overdue"] is True and due_today["overdue"] is False
    r = await client.get("/api/v1/commitments?overdue=true")
    assert [c["id"] for c in r.json()["items"]] == [late["id"], late_cauca["id"]]
    r = await client.get("/api/v1/commitments?overdue=false")
    assert [c["id"] for c in r.json()["items"]] == [late_done["id"], due_today["id"]]
    r = await client.get("/api/v1/commitments?overdue=true&department_code=19")
    assert [c["id"] for c in r.json()["items"]] == [late_cauca["id"]]
    r = await client.get("/api/v1/commitments?responsible_party=personeria")
    assert [c["id"] for c in r.json()["items"]] == [due_today["id"]]
    r = await client.get(f"/api/v1/commitments?due_from={today.isoformat()}")
    assert [c["id"] for c in r.json()["items"]] == [due_today["id"]]
    r = await client.get("/api/v1/commitments?limit=1")
    first = r.json()
    assert [c["id"] for c in first["items"]] == [late_done["id"]]
    r = await client.get(f"/api/v1/commitments?limit=3&cursor={first['next_cursor']}")
    assert [c["id"] for c in r.json()["items"]] == [late["id"], late_cauca["id"], due_today["id"]]
    cauca = bearer(make_token(["events:read"], municipalities=["19698"]))
    r = await client.get("/api/v1/commitments", headers=cauca)
    assert [c["id"] for c in r.json()["items"]] == [late_cauca["id"]]
    r = await client.get(f"/api/v1/commitments/{late['id']}", headers=cauca)
    assert r.status_code == 404
