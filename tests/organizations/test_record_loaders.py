"""Routes on the kit's record loaders: scope first, then the record (404), then the body."""

from __future__ import annotations

import uuid

from tests.organizations.factories import organization_body

ORGS = "/api/v1/organizations"


async def test_unknown_record_is_404_even_when_the_body_is_also_invalid(client):
    # The loader runs before FastAPI validates the body (documented in docs/record-kit.md).
    unknown = uuid.uuid4()
    for method, path, body in (
        ("PATCH", f"{ORGS}/{unknown}", {"name": None}),
        ("POST", f"{ORGS}/{unknown}/assessments", {"kind": "no-such-kind"}),
        ("PATCH", f"/api/v1/assessments/{unknown}", {"facilitator": None}),
        ("PATCH", f"/api/v1/support-activities/{unknown}", {"hours": None}),
        ("PATCH", f"/api/v1/community-initiatives/{unknown}", {"title": None}),
        ("PATCH", f"/api/v1/strengthening-plans/{unknown}", {"title": None}),
    ):
        r = await client.request(method, path, json=body, headers={"If-Match": '"1"'})
        assert r.status_code == 404, (path, r.text)
        assert r.json()["type"] == "urn:somos:problem:not-found"
        assert str(unknown) in r.json()["detail"]


async def test_known_record_with_a_null_required_field_is_422_and_unchanged(client):
    created = (await client.post(ORGS, json=organization_body())).json()
    r = await client.patch(
        f"{ORGS}/{created['id']}",
        json={"name": None, "type": None},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "body", "message": "name cannot be null"}]
    again = await client.get(f"{ORGS}/{created['id']}")
    assert again.json()["name"] == created["name"] and again.headers["ETag"] == '"1"'


async def test_scope_is_checked_before_the_record_is_looked_up(client, anonymous, make_token):
    created = (await client.post(ORGS, json=organization_body())).json()
    reader = {"Authorization": f"Bearer {make_token('organizations:read')}"}
    for organization_id in (created["id"], str(uuid.uuid4())):
        r = await anonymous.patch(
            f"{ORGS}/{organization_id}",
            json={"name": "Otra"},
            headers={**reader, "If-Match": '"1"'},
        )
        assert r.status_code == 403
        assert r.json()["missing_scope"] == "organizations:write"


async def test_write_routes_still_require_if_match_and_answer_the_new_etag(client):
    created = (await client.post(ORGS, json=organization_body())).json()
    path = f"{ORGS}/{created['id']}"
    missing = await client.patch(path, json={"acronym": "AMT"})
    stale = await client.patch(path, json={"acronym": "AMT"}, headers={"If-Match": '"7"'})
    done = await client.delete(path, headers={"If-Match": '"1"'})
    assert missing.status_code == 428 and stale.status_code == 412
    assert done.status_code == 200 and done.headers["ETag"] == '"2"'
    assert done.json()["archived_at"] is not None and done.json()["acronym"] == "AMUT"
