"""Capacity support given to organizations: records, filters, concurrency, access."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from tests.organizations.helpers import create_organization, support_body

SUPPORT = "/api/v1/support-activities"


async def test_create_and_read(client):
    organization = await create_organization(client)
    r = await client.post(SUPPORT, json=support_body(organization["id"], kind="legal", hours=2.25))
    assert r.status_code == 201, r.text
    activity = r.json()
    assert activity["kind"] == "legal"
    assert activity["hours"] == 2.25
    assert activity["delivered_on"] == "2025-03-10"
    assert activity["organization_id"] == organization["id"]
    assert activity["version"] == 1 and r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{SUPPORT}/{activity['id']}"
    got = await client.get(f"{SUPPORT}/{activity['id']}")
    assert got.json() == activity


async def test_validation_names_fields(client):
    organization = await create_organization(client)
    r = await client.post(SUPPORT, json=support_body(organization["id"], kind="cocina", hours=0))
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {"kind", "hours"}
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    r = await client.post(SUPPORT, json=support_body(organization["id"], delivered_on=tomorrow))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "delivered_on"
    r = await client.post(SUPPORT, json=support_body(str(uuid.uuid4())))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_id"
    r = await client.post(SUPPORT, json={**support_body(organization["id"]), "extra": 1})
    assert r.status_code == 422


async def test_archived_organization_gets_no_support(client):
    organization = await create_organization(client)
    r = await client.delete(
        f"/api/v1/organizations/{organization['id']}", headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200
    r = await client.post(SUPPORT, json=support_body(organization["id"]))
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:organization-archived"


async def test_update_and_archive_need_if_match(client):
    organization = await create_organization(client)
    activity = (await client.post(SUPPORT, json=support_body(organization["id"]))).json()
    path = f"{SUPPORT}/{activity['id']}"
    assert (await client.patch(path, json={"hours": 6})).status_code == 428
    assert (
        await client.patch(path, json={"hours": 6}, headers={"If-Match": '"9"'})
    ).status_code == 412
    r = await client.patch(
        path, json={"hours": 6, "kind": "self_protection"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200
    assert (r.json()["hours"], r.json()["kind"], r.json()["version"]) == (6.0, "self_protection", 2)
    assert (await client.delete(path)).status_code == 428
    r = await client.delete(path, headers={"If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["archived_at"] is not None
    assert (await client.get(SUPPORT)).json()["items"] == []
    archived = (await client.get(SUPPORT, params={"include_archived": "true"})).json()
    assert [a["id"] for a in archived["items"]] == [activity["id"]]


async def test_filters(client):
    tumaco = await create_organization(client, name="Asociación de Tumaco")
    medellin = await create_organization(
        client, name="Corporación de Medellín", municipality_code="05001"
    )
    ids = {}
    for key, org, kind, day in (
        ("a", tumaco, "communications", "2025-01-10"),
        ("b", tumaco, "legal", "2025-02-10"),
        ("c", medellin, "legal", "2025-03-10"),
    ):
        r = await client.post(SUPPORT, json=support_body(org["id"], kind=kind, delivered_on=day))
        ids[key] = r.json()["id"]

    async def listed(**params):
        r = await client.get(SUPPORT, params=params)
        assert r.status_code == 200, r.text
        return {a["id"] for a in r.json()["items"]}

    assert await listed() == set(ids.values())
    assert await listed(kind="legal") == {ids["b"], ids["c"]}
    assert await listed(organization_id=tumaco["id"]) == {ids["a"], ids["b"]}
    assert await listed(municipality_code="05001") == {ids["c"]}
    assert await listed(department_code="52") == {ids["a"], ids["b"]}
    assert await listed(**{"from": "2025-02-01"}) == {ids["b"], ids["c"]}
    assert await listed(**{"from": "2025-02-01", "to": "2025-02-28"}) == {ids["b"]}


async def test_client_id(client):
    organization = await create_organization(client)
    body = support_body(organization["id"], id=str(uuid.uuid4()))
    assert (await client.post(SUPPORT, json=body)).status_code == 201
    assert (await client.post(SUPPORT, json=body)).status_code == 200
    r = await client.post(SUPPORT, json={**body, "hours": 9})
    assert r.status_code == 409


async def test_territory_and_scopes(client, anonymous, make_token):
    tumaco = await create_organization(client, name="Asociación de Tumaco")
    cali = await create_organization(client, name="Colectivo de Cali", municipality_code="76001")
    inside = (await client.post(SUPPORT, json=support_body(tumaco["id"]))).json()
    outside = (await client.post(SUPPORT, json=support_body(cali["id"]))).json()
    narino = {
        "Authorization": "Bearer "
        + make_token(["organizations:read", "organizations:write"], departments=["52"])
    }
    listed = (await client.get(SUPPORT, headers=narino)).json()["items"]
    assert [a["id"] for a in listed] == [inside["id"]]
    assert (await client.get(f"{SUPPORT}/{outside['id']}", headers=narino)).status_code == 404
    r = await client.post(SUPPORT, json=support_body(cali["id"]), headers=narino)
    assert r.status_code == 422
    assert (await anonymous.get(SUPPORT)).status_code == 401
    reader = {"Authorization": "Bearer " + make_token(["organizations:read"])}
    r = await client.post(SUPPORT, json=support_body(tumaco["id"]), headers=reader)
    assert r.status_code == 403
