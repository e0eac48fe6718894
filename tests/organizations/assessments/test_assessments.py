"""OPI assessments and performance: rules and computed values."""

from __future__ import annotations

import uuid

from services.common.testing import bearer
from tests.organizations.factories import assessment_body, organization_body, scores

ORGS = "/api/v1/organizations"


async def new_org(client, **overrides):
    r = await client.post(ORGS, json=organization_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def record(client, org_id, **kwargs):
    r = await client.post(f"{ORGS}/{org_id}/assessments", json=assessment_body(**kwargs))
    assert r.status_code == 201, r.text
    return r.json()


async def verify(client, assessment_id):
    r = await client.post(
        f"/api/v1/assessments/{assessment_id}/transitions", json={"to": "verified"}
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_baseline_computes_domain_and_overall_scores(client):
    org = await new_org(client)
    a = await record(client, org, values=(1, 2, 3, 4, 4, 3, 2, 1))
    assert a["status"] == "draft" and a["kind"] == "baseline"
    assert a["domain_scores"] == {
        "effectiveness": 1.5,
        "efficiency": 3.5,
        "relevance": 3.5,
        "sustainability": 1.5,
    }
    assert a["overall_score"] == 2.5
    assert a["scores"]["reach"] == {"score": 4, "evidence": "Actas y registros revisados"}
    b_org = await new_org(client, name="Otra")
    b = await record(client, b_org, values=(3, 3, 3, 3, 3, 3, 3, 4))
    assert b["overall_score"] == 3.13  # 3.125 rounded half up to two decimals


async def test_score_outside_one_to_four_names_the_sub_area(client):
    org = await new_org(client)
    body = assessment_body()
    body["scores"]["learning"]["score"] = 5
    r = await client.post(f"{ORGS}/{org}/assessments", json=body)
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["scores.learning.score"]
    body["scores"]["learning"]["score"] = 0
    body["scores"]["innovation"] = {"score": 2}
    r = await client.post(f"{ORGS}/{org}/assessments", json=body)
    fields = {e["field"] for e in r.json()["errors"]}
    assert "scores.learning.score" in fields
    assert any(f.startswith("scores.innovation") for f in fields)


async def test_one_baseline_per_organization(client):
    org = await new_org(client)
    await record(client, org)
    r = await client.post(f"{ORGS}/{org}/assessments", json=assessment_body())
    assert r.status_code == 409
    assert "baseline" in r.json()["detail"]


async def test_follow_up_needs_a_verified_earlier_baseline(client):
    org = await new_org(client)
    r = await client.post(
        f"{ORGS}/{org}/assessments",
        json=assessment_body(kind="follow_up", assessed_on="2025-03-01"),
    )
    assert r.status_code == 409
    baseline = await record(client, org, assessed_on="2024-03-01")
    r = await client.post(
        f"{ORGS}/{org}/assessments",
        json=assessment_body(kind="follow_up", assessed_on="2025-03-01"),
    )
    assert r.status_code == 409  # baseline still a draft
    await verify(client, baseline["id"])
    r = await client.post(
        f"{ORGS}/{org}/assessments",
        json=assessment_body(kind="follow_up", assessed_on="2024-03-01"),
    )
    assert r.status_code == 422
    assert r.json()["errors"] == [
        {"field": "assessed_on", "message": "must be after the baseline's date (2024-03-01)"}
    ]
    ok = await record(client, org, kind="follow_up", assessed_on="2025-03-01")
    assert ok["kind"] == "follow_up"


async def test_verification_records_who_and_makes_the_assessment_immutable(client, make_token):
    org = await new_org(client)
    a = await record(client, org)
    r = await client.post(
        f"/api/v1/assessments/{a['id']}/transitions",
        json={"to": "verified"},
        headers=bearer(make_token(sub="verificadora@somos")),
    )
    assert r.status_code == 200
    v = r.json()
    assert v["status"] == "verified" and v["verified_by"] == "verificadora@somos"
    assert v["verified_at"].endswith("Z") and v["version"] == 2
    r = await client.patch(
        f"/api/v1/assessments/{a['id']}", json={"facilitator": "Otro"}, headers={"If-Match": '"2"'}
    )
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:assessment-verified"
    r = await client.post(f"/api/v1/assessments/{a['id']}/transitions", json={"to": "verified"})
    assert r.status_code == 409 and r.json()["allowed"] == []
    r = await client.post(f"/api/v1/assessments/{a['id']}/transitions", json={"to": "draft"})
    assert r.status_code == 409


async def test_draft_can_be_completed_then_verified(client):
    org = await new_org(client)
    partial = assessment_body()
    partial["scores"] = {
        k: v
        for k, v in scores(3, 3, 2, 2, 4, 4, 1, 1).items()
        if k not in ("resources", "social_capital")
    }
    r = await client.post(f"{ORGS}/{org}/assessments", json=partial)
    assert r.status_code == 201
    a = r.json()
    assert a["overall_score"] is None and a["domain_scores"]["sustainability"] is None
    assert a["domain_scores"]["effectiveness"] == 3.0
    r = await client.post(f"/api/v1/assessments/{a['id']}/transitions", json={"to": "verified"})
    assert r.status_code == 409 and "resources" in r.json()["detail"]
    r = await client.patch(
        f"/api/v1/assessments/{a['id']}",
        json={
            "scores": {
                "resources": {"score": 2, "evidence": "Presupuesto"},
                "social_capital": {"score": 4, "evidence": "Alianzas"},
            }
        },
    )
    assert r.status_code == 428
    r = await client.patch(
        f"/api/v1/assessments/{a['id']}",
        headers={"If-Match": '"1"'},
        json={
            "scores": {
                "resources": {"score": 2, "evidence": "Presupuesto"},
                "social_capital": {"score": 4, "evidence": "Alianzas"},
            }
        },
    )
    assert r.status_code == 200
    assert r.json()["overall_score"] == 3.0 and r.json()["domain_scores"]["sustainability"] == 3.0
    assert (await verify(client, a["id"]))["status"] == "verified"


async def test_performance_compares_latest_verified_follow_up_with_baseline(client):
    org = await new_org(client)
    empty = (await client.get(f"{ORGS}/{org}/performance")).json()
    assert empty == {
        "organization_id": org,
        "baseline": None,
        "latest": None,
        "change": None,
        "improved": None,
    }
    base = await record(client, org, assessed_on="2024-02-01", values=(2, 2, 2, 2, 2, 2, 2, 2))
    await verify(client, base["id"])
    first = await record(
        client, org, kind="follow_up", assessed_on="2024-09-01", values=(2, 2, 3, 3, 2, 2, 2, 2)
    )
    await verify(client, first["id"])
    latest = await record(
        client, org, kind="follow_up", assessed_on="2025-06-01", values=(3, 3, 3, 3, 2, 2, 1, 1)
    )
    await verify(client, latest["id"])
    # A newer draft does not count.
    await record(
        client, org, kind="follow_up", assessed_on="2025-09-01", values=(4, 4, 4, 4, 4, 4, 4, 4)
    )
    p = (await client.get(f"{ORGS}/{org}/performance")).json()
    assert p["baseline"]["assessment_id"] == base["id"]
    assert p["latest"]["assessment_id"] == latest["id"]
    assert p["latest"]["overall_score"] == 2.25
    assert p["change"] == {
        "effectiveness": 1.0,
        "efficiency": 1.0,
        "relevance": 0.0,
        "sustainability": -1.0,
        "overall": 0.25,
    }
    assert p["improved"] is True


async def test_performance_not_improved_when_equal(client):
    org = await new_org(client)
    base = await record(client, org, assessed_on="2024-02-01")
    await verify(client, base["id"])
    f = await record(client, org, kind="follow_up", assessed_on="2025-02-01")
    await verify(client, f["id"])
    p = (await client.get(f"{ORGS}/{org}/performance")).json()
    assert p["improved"] is False and p["change"]["overall"] == 0.0


async def test_assessment_list_get_and_territory(client, make_token):
    org = await new_org(client, municipality_code="05001", name="Red Comuna 13")
    a = await record(client, org)
    listed = (await client.get(f"{ORGS}/{org}/assessments")).json()
    assert [x["id"] for x in listed["items"]] == [a["id"]] and listed["next_cursor"] is None
    got = await client.get(f"/api/v1/assessments/{a['id']}")
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    outsider = bearer(
        make_token("organizations:read organizations:write", municipalities=["52835"])
    )
    assert (await client.get(f"/api/v1/assessments/{a['id']}", headers=outsider)).status_code == 404
    assert (await client.get(f"{ORGS}/{org}/assessments", headers=outsider)).status_code == 404
    r = await client.post(
        f"{ORGS}/{org}/assessments", json=assessment_body(kind="follow_up"), headers=outsider
    )
    assert r.status_code == 404
    assert (await client.get(f"/api/v1/assessments/{uuid.uuid4()}")).status_code == 404
