"""Technical reviews: the checklist and its score."""

from __future__ import annotations

import uuid

from tests.security_plans.factories import CHECKLIST_ITEMS, checklist, ok, plan_body, review_body

PLANS = "/api/v1/security-plans"


async def _plan(client, **overrides) -> dict:
    return await ok(await client.post(PLANS, json=plan_body(**overrides)), 201)


async def test_review_score_six_cumple_two_parcial_one_no_cumple(client):
    plan = await _plan(client)
    r = await client.post(f"{PLANS}/{plan['id']}/reviews", json=review_body(6, 2, 1))
    review = await ok(r, 201)
    assert review["score"] == 77.78
    assert review["checklist"]["marco_normativo"] == {
        "rating": "cumple",
        "comment": "Revisión de marco_normativo",
    }
    assert review["checklist"]["mecanismo_seguimiento"]["rating"] == "no_cumple"
    assert r.headers["location"] == f"/api/v1/plan-reviews/{review['id']}"
    got = await ok(await client.get(f"/api/v1/plan-reviews/{review['id']}"))
    assert got == review


async def test_review_scores_at_the_extremes(client):
    plan = await _plan(client)
    url = f"{PLANS}/{plan['id']}/reviews"
    assert (await ok(await client.post(url, json=review_body(9, 0, 0)), 201))["score"] == 100.0
    assert (await ok(await client.post(url, json=review_body(0, 0, 9)), 201))["score"] == 0.0
    assert (await ok(await client.post(url, json=review_body(0, 9, 0)), 201))["score"] == 50.0
    assert (await ok(await client.post(url, json=review_body(1, 0, 8)), 201))["score"] == 11.11
    listed = await ok(await client.get(url))
    assert [r["score"] for r in listed["items"]] == [100.0, 0.0, 50.0, 11.11]


async def test_review_checklist_must_be_complete_and_rated(client):
    plan = await _plan(client)
    url = f"{PLANS}/{plan['id']}/reviews"
    incomplete = checklist(6, 2, 1)
    del incomplete["enfoque_diferencial"]
    r = await client.post(url, json=review_body(checklist=incomplete))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "checklist"
    assert "enfoque_diferencial" in r.json()["errors"][0]["message"]
    wrong = checklist(6, 2, 1)
    wrong[CHECKLIST_ITEMS[0]]["rating"] = "excelente"
    assert (await client.post(url, json=review_body(checklist=wrong))).status_code == 422
    extra = {**checklist(6, 2, 1), "otro_criterio": {"rating": "cumple", "comment": ""}}
    assert (await client.post(url, json=review_body(checklist=extra))).status_code == 422
    r = await client.post(url, json=review_body(reviewed_on="2999-01-01"))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reviewed_on"
    assert (await ok(await client.get(url)))["items"] == []


async def test_review_unknown_ids_are_404(client):
    assert (await client.get(f"/api/v1/plan-reviews/{uuid.uuid4()}")).status_code == 404
    r = await client.post(f"{PLANS}/{uuid.uuid4()}/reviews", json=review_body())
    assert r.status_code == 404
