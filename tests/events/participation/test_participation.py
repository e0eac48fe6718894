"""Participation summaries: by hand, breakdowns that add up, computed from attendees."""

from __future__ import annotations

from tests.events.factories import PERSON, attendee_body, create_event, participation_body


async def test_participation_put_then_get(client):
    event = await create_event(client)
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
    event = await create_event(client)
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


async def test_participation_computed_from_attendees_then_put_is_409(client):
    event = await create_event(client)
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
