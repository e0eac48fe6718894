"""Participation summaries, named attendees (consent, encryption, duplicates), PII access log."""

from __future__ import annotations

from services.common.testing import bearer
from tests.events.factories import PERSON, attendee_body, event_body, participation_body


async def new_event(client, **overrides):
    r = await client.post("/api/v1/events", json=event_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


async def test_participation_put_then_get(client):
    event = await new_event(client)
    url = f"/api/v1/events/{event['id']}/participation"
    assert (await client.get(url)).status_code == 404
    r = await client.put(url, json=participation_body())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["total"] == 42 and body["source"] == "manual"
    assert body["by_sex"] == {"mujer": 24, "hombre": 17, "otro": 0, "no_reporta": 1}
    assert body["by_role"]["lider_social"] == 8
    assert body["conflict_victims"] == 19
    r = await client.get(url)
    assert r.headers["etag"] == '"1"'
    assert r.json()["by_age_group"] == {
        "0_13": 2,
        "14_28": 15,
        "29_59": 20,
        "60_mas": 5,
        "no_reporta": 0,
    }
    # replacing it needs If-Match
    assert (await client.put(url, json=participation_body())).status_code == 428
    assert (
        await client.put(url, json=participation_body(), headers={"If-Match": '"9"'})
    ).status_code == 412
    r = await client.put(
        url,
        json=participation_body(
            total=10,
            by_sex={"mujer": 10},
            by_age_group={"14_28": 10},
            by_ethnicity={"indigena": 10},
            by_role={"comunidad": 10},
            conflict_victims=None,
            persons_with_disability=None,
            lgbtiq=None,
        ),
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200
    assert r.json()["total"] == 10 and r.json()["version"] == 2


async def test_breakdown_not_adding_up_is_422_naming_it(client):
    event = await new_event(client)
    url = f"/api/v1/events/{event['id']}/participation"
    r = await client.put(
        url, json=participation_body(by_sex={"mujer": 24, "hombre": 17}, by_role={"comunidad": 50})
    )
    assert r.status_code == 422
    body = r.json()
    assert body["errors"] == [
        {"field": "by_sex", "message": "adds up to 41, not to total 42"},
        {"field": "by_role", "message": "adds up to 50, not to total 42"},
    ]
    r = await client.put(url, json=participation_body(lgbtiq=43))
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "lgbtiq", "message": "43 is more than total 42"}]
    r = await client.put(url, json=participation_body(by_sex={"mujer": -1}))
    assert r.status_code == 422
    assert (await client.get(url)).status_code == 404


async def test_attendees_need_the_pii_scope_and_reads_are_logged(client, make_token):
    event = await new_event(client)
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
    event = await new_event(client)
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
    event = await new_event(client)
    other = await new_event(client, title="Otro diálogo en Tumaco")
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


async def test_participation_computed_from_attendees_then_put_is_409(client):
    event = await new_event(client)
    base = f"/api/v1/events/{event['id']}"
    r = await client.put(f"{base}/participation", json=participation_body())
    assert r.status_code == 201
    a1 = (await client.post(f"{base}/attendees", json=attendee_body())).json()
    await client.post(
        f"{base}/attendees",
        json=attendee_body(
            full_name="Jhon Jairo Angulo",
            document_number="94123456",
            sex="hombre",
            birth_year=2008,
            ethnicity="ninguno",
            role="comunidad",
            is_social_leader=False,
        ),
    )
    await client.post(
        f"{base}/attendees",
        json=attendee_body(
            full_name="Rosa Cortés",
            document_type="ninguno",
            document_number=None,
            sex="mujer",
            birth_year=None,
            ethnicity="indigena",
            role="autoridad_local",
        ),
    )
    summary = (await client.get(f"{base}/participation")).json()
    assert summary["source"] == "attendees"
    assert summary["total"] == 3
    assert summary["by_sex"] == {"mujer": 2, "hombre": 1, "otro": 0, "no_reporta": 0}
    # 2025 event: born 1990 → 35 (29_59), born 2008 → 17 (14_28), unknown → no_reporta
    assert summary["by_age_group"] == {
        "0_13": 0,
        "14_28": 1,
        "29_59": 1,
        "60_mas": 0,
        "no_reporta": 1,
    }
    assert summary["by_ethnicity"]["afrocolombiano"] == 1
    assert summary["by_role"] == {
        "comunidad": 1,
        "lider_social": 1,
        "policia": 0,
        "autoridad_local": 1,
        "organizacion_sociedad_civil": 0,
        "otro": 0,
    }
    etag = (await client.get(f"{base}/participation")).headers["etag"]
    r = await client.put(
        f"{base}/participation", json=participation_body(), headers={"If-Match": etag}
    )
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:participation-computed"
    # editing an attendee updates the summary
    r = await client.patch(
        f"{base}/attendees/{a1['id']}", json={"sex": "otro"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.json()["sex"] == "otro"
    assert r.json()["full_name"] == PERSON["full_name"]
    summary = (await client.get(f"{base}/participation")).json()
    assert summary["by_sex"] == {"mujer": 1, "hombre": 1, "otro": 1, "no_reporta": 0}
    # archiving one lowers the total
    r = await client.delete(f"{base}/attendees/{a1['id']}", headers={"If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["archived_at"] is not None
    assert (await client.get(f"{base}/participation")).json()["total"] == 2


async def test_attendee_patch_keeps_duplicate_rule_and_if_match(client):
    event = await new_event(client)
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
    event = await new_event(client)
    base = f"/api/v1/events/{event['id']}/attendees"
    r = await client.post(
        base, json=attendee_body(organization_id="00000000-0000-4000-8000-000000000001")
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_id"
    r = await client.post(base, json=attendee_body(organization_id=organization_id))
    assert r.status_code == 201 and r.json()["organization_id"] == organization_id


async def test_no_personal_field_in_stats(client):
    event = await new_event(client)
    await client.post(f"/api/v1/events/{event['id']}/transitions", json={"to": "held"})
    await client.post(f"/api/v1/events/{event['id']}/attendees", json=attendee_body())
    stats = await client.get("/api/v1/stats/events")
    assert stats.status_code == 200
    assert stats.json()["participants"]["total"] == 1
    for value in PERSON.values():
        assert value not in stats.text
