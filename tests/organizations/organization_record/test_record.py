"""GET /api/v1/organizations/{id}/record: the organization's endpoints in one read."""

from __future__ import annotations

from tests.organizations.helpers import (
    add_action,
    create_assessment,
    create_organization,
    organization_with_baseline,
    plan_body,
    support_body,
)

ORGS = "/api/v1/organizations"


async def _json(client, path: str, **params):
    r = await client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


async def test_record_is_what_each_endpoint_answers(client):
    organization, baseline = await organization_with_baseline(client)
    oid = organization["id"]
    await create_assessment(
        client, oid, kind="follow_up", assessed_on="2025-03-01", values=(3,) * 8
    )
    plan = (
        await client.post("/api/v1/strengthening-plans", json=plan_body(oid, baseline["id"]))
    ).json()
    await add_action(client, plan["id"])
    for kind, hours in (("communications", 4.5), ("legal", 2)):
        r = await client.post(
            "/api/v1/support-activities", json=support_body(oid, kind=kind, hours=hours)
        )
        assert r.status_code == 201, r.text
    # another organization's records stay out
    other, other_baseline = await organization_with_baseline(client, name="Otra organización")
    await client.post(
        "/api/v1/strengthening-plans", json=plan_body(other["id"], other_baseline["id"])
    )
    await client.post("/api/v1/support-activities", json=support_body(other["id"]))

    record = await _json(client, f"{ORGS}/{oid}/record")
    assert record["organization"] == await _json(client, f"{ORGS}/{oid}")
    assert record["performance"] == await _json(client, f"{ORGS}/{oid}/performance")
    assert record["performance"]["improved"] is True
    assessments = await _json(client, f"{ORGS}/{oid}/assessments", limit=200)
    assert record["assessments"] == assessments["items"]
    assert [a["kind"] for a in record["assessments"]] == ["baseline", "follow_up"]
    plans = await _json(client, "/api/v1/strengthening-plans", organization_id=oid, limit=200)
    assert record["strengthening_plans"] == plans["items"]
    assert [p["id"] for p in record["strengthening_plans"]] == [plan["id"]]
    support = await _json(client, "/api/v1/support-activities", organization_id=oid, limit=200)
    assert record["support_activities"] == support["items"]
    assert sorted(s["kind"] for s in record["support_activities"]) == ["communications", "legal"]


async def test_record_of_a_new_organization_and_of_none(client, make_token):
    organization = await create_organization(client)
    record = await _json(client, f"{ORGS}/{organization['id']}/record")
    assert record["assessments"] == [] and record["strengthening_plans"] == []
    assert record["support_activities"] == []
    assert record["performance"]["baseline"] is None
    missing = await client.get(f"{ORGS}/33333333-3333-3333-3333-333333333333/record")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    # outside the token's territory it does not exist either
    cauca = {"Authorization": "Bearer " + make_token(["organizations:read"], departments=["19"])}
    hidden = await client.get(f"{ORGS}/{organization['id']}/record", headers=cauca)
    assert hidden.status_code == 404
