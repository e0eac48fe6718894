"""Risk factors named in an event."""

from __future__ import annotations

from tests.events.factories import held_event


async def test_risk_factors(client):
    event = await held_event(client)
    url = f"/api/v1/events/{event['id']}/risk-factors"
    r = await client.post(
        url,
        json={
            "category": "presencia_grupos_armados",
            "description": "Control de rutas por grupo armado",
        },
    )
    assert r.status_code == 201
    risk = r.json()
    r = await client.post(url, json={"category": "no_existe", "description": "xxx"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "category"
    assert [x["category"] for x in (await client.get(url)).json()["items"]] == [
        "presencia_grupos_armados"
    ]
    assert (await client.delete(f"{url}/{risk['id']}")).status_code == 428
    r = await client.delete(f"{url}/{risk['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200
    assert (await client.get(url)).json()["items"] == []
