"""The organizations service's change feed through its API (real PostgreSQL, the real app)."""

from __future__ import annotations

from tests.organizations.factories import assessment_body, organization_body


async def feed(client, **params):
    r = await client.get("/api/v1/changes", params=params)
    assert r.status_code == 200, r.text
    return r.json()


async def test_create_update_archive_are_changes_in_order(client):
    r = await client.post("/api/v1/organizations", json=organization_body())
    org = r.json()
    r = await client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"members_count": 90},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    r = await client.delete(f"/api/v1/organizations/{org['id']}", headers={"If-Match": '"2"'})
    assert r.status_code in (200, 204), r.text
    page = await feed(client)
    assert [(c["type"], c["version"]) for c in page["items"]] == [
        ("organization.created", 1),
        ("organization.updated", 2),
        ("organization.archived", 3),
    ]
    first = page["items"][0]
    assert first["id"] == org["id"]
    assert first["resource"] == "organizations"
    assert first["municipality_code"] == "52835"
    assert first["path"] == f"/api/v1/organizations/{org['id']}"
    assert set(first) == {
        "cursor",
        "type",
        "resource",
        "id",
        "version",
        "municipality_code",
        "path",
        "occurred_at",
    }
    assert page["next_cursor"] == page["items"][-1]["cursor"]
    again = await feed(client, after=page["next_cursor"])
    assert again == {"items": [], "next_cursor": page["next_cursor"]}


async def test_assessment_changes_take_the_organizations_municipality(client):
    org = (await client.post("/api/v1/organizations", json=organization_body())).json()
    r = await client.post(f"/api/v1/organizations/{org['id']}/assessments", json=assessment_body())
    assert r.status_code == 201, r.text
    page = await feed(client, types="assessment")
    assert [c["type"] for c in page["items"]] == ["assessment.created"]
    assert page["items"][0]["municipality_code"] == "52835"
