"""Named attendees: the PII scope, consent, duplicates, If-Match, the PII access log."""

from __future__ import annotations

from services.common.testing import bearer
from tests.events.factories import PERSON, attendee_body, create_event


async def test_attendees_need_the_pii_scope_and_reads_are_logged(client, make_token):
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}/attendees"
    no_pii = bearer(make_token(["events:read", "events:write"], sub="oficial-sin-pii"))
    r = await client.post(url, json=attendee_body(), headers=no_pii)
    assert r.status_code == 403
    assert r.json()["missing_scope"] == "attendees:pii"
    assert "'attendees:pii'" in r.json()["detail"]
    created = await client.post(url, json=attendee_body())
    assert created.status_code == 201, created.text
    attendee = created.json()
    assert attendee["full_name"] == PERSON["full_name"]
    assert attendee["age_group"] == "29_59"
    r = await client.get(url, headers=no_pii)
    assert r.status_code == 403 and r.json()["missing_scope"] == "attendees:pii"
    r = await client.get(f"{url}/{attendee['id']}", headers=no_pii)
    assert r.status_code == 403

    reader = bearer(make_token(["events:read", "attendees:pii"], sub="coordinadora-narino"))
    r = await client.get(url, headers=reader)
    assert r.status_code == 200
    assert [a["document_number"] for a in r.json()["items"]] == [PERSON["document_number"]]
    r = await client.get(f"{url}/{attendee['id']}", headers=reader)
    assert r.status_code == 200 and r.json()["phone"] == PERSON["phone"]

    admin = bearer(make_token(["admin"], sub="auditor"))
    assert (await client.get("/api/v1/pii-access-log", headers=reader)).status_code == 403
    log = await client.get(f"/api/v1/pii-access-log?event_id={event['id']}", headers=admin)
    assert log.status_code == 200
    entries = log.json()["items"]
    assert [(e["subject"], e["action"], e["record_count"], e["event_id"]) for e in entries] == [
        ("coordinadora-narino", "read", 1, event["id"]),
        ("coordinadora-narino", "list", 1, event["id"]),
        ("tester", "create", 1, event["id"]),
    ]
    assert all(e["occurred_at"].endswith("Z") for e in entries)
    mine = await client.get("/api/v1/pii-access-log?subject=coordinadora-narino", headers=admin)
    assert len(mine.json()["items"]) == 2
    # The refused reads left no trace of data and no log entry for that subject.
    refused = await client.get("/api/v1/pii-access-log?subject=oficial-sin-pii", headers=admin)
    assert refused.json()["items"] == []


async def test_consent_must_be_true(client):
    event = await create_event(client)
    r = await client.post(
        f"/api/v1/events/{event['id']}/attendees", json=attendee_body(consent_given=False)
    )
    assert r.status_code == 422
    error = r.json()["errors"][0]
    assert error["field"] == "consent_given"
    assert "Ley 1581 de 2012" in error["message"]
    listed = await client.get(f"/api/v1/events/{event['id']}/attendees")
    assert listed.json()["items"] == []


async def test_duplicate_document_in_same_event_is_409(client):
    event = await create_event(client)
    other = await create_event(client, title="Otro diálogo en Tumaco")
    url = f"/api/v1/events/{event['id']}/attendees"
    assert (await client.post(url, json=attendee_body())).status_code == 201
    # same number written differently, other name: still the same document
    r = await client.post(
        url, json=attendee_body(full_name="Otra Persona", document_number="1.087.654.321")
    )
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:duplicate-attendee"
    assert PERSON["document_number"] not in r.text and "1.087.654.321" not in r.text
    # another document type is another document; another event is fine
    assert (await client.post(url, json=attendee_body(document_type="ti"))).status_code == 201
    r = await client.post(f"/api/v1/events/{other['id']}/attendees", json=attendee_body())
    assert r.status_code == 201
    # no document at all: never a duplicate
    for _ in range(2):
        r = await client.post(
            url, json=attendee_body(document_type="ninguno", document_number=None)
        )
        assert r.status_code == 201
    r = await client.post(url, json=attendee_body(document_type="cc", document_number=None))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "document_number"


async def test_attendee_patch_keeps_duplicate_rule_and_if_match(client):
    event = await create_event(client)
    base = f"/api/v1/events/{event['id']}/attendees"
    await client.post(base, json=attendee_body())
    second = (await client.post(base, json=attendee_body(document_number="55555555"))).json()
    url = f"{base}/{second['id']}"
    assert (await client.patch(url, json={"phone": "3001234567"})).status_code == 428
    r = await client.patch(
        url, json={"document_number": PERSON["document_number"]}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 409


async def test_attendee_with_unknown_organization_is_422(client, organization_id):
    event = await create_event(client)
    base = f"/api/v1/events/{event['id']}/attendees"
    r = await client.post(
        base, json=attendee_body(organization_id="00000000-0000-4000-8000-000000000001")
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_id"
    r = await client.post(base, json=attendee_body(organization_id=organization_id))
    assert r.status_code == 201 and r.json()["organization_id"] == organization_id
