"""Prevention strategies: plan of the same municipality, lifecycle, filters."""

from __future__ import annotations

import uuid

from tests.security_plans.factories import POPAYAN, ok, plan_body, strategy_body

PLANS = "/api/v1/security-plans"
STRATEGIES = "/api/v1/prevention-strategies"


async def _plan(client, **overrides) -> dict:
    return await ok(await client.post(PLANS, json=plan_body(**overrides)), 201)


async def test_strategy_create_and_plan_of_same_municipality(client):
    plan = await _plan(client)
    other = await _plan(client, municipality_code=POPAYAN)
    r = await client.post(STRATEGIES, json=strategy_body(security_plan_id=other["id"]))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "security_plan_id"
    assert "19001" in r.json()["errors"][0]["message"]
    r = await client.post(STRATEGIES, json=strategy_body(security_plan_id=str(uuid.uuid4())))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "security_plan_id"
    created = await ok(
        await client.post(STRATEGIES, json=strategy_body(security_plan_id=plan["id"])), 201
    )
    assert created["department_code"] == "19"
    assert created["status"] == "designed"
    assert created["security_plan_id"] == plan["id"]
    assert created["target_problems"] == ["hurto_personas", "lesiones_personales"]
    assert created["evidence_references"] == [
        "Welsh & Farrington (2008), Campbell Systematic Reviews"
    ]
    r = await client.patch(
        f"{STRATEGIES}/{created['id']}",
        json={"security_plan_id": other["id"]},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 422
    listed = await ok(await client.get(STRATEGIES, params={"security_plan_id": plan["id"]}))
    assert [s["id"] for s in listed["items"]] == [created["id"]]


async def test_strategy_client_id_replay(client):
    sid = str(uuid.uuid4())
    await ok(await client.post(STRATEGIES, json=strategy_body(id=sid)), 201)
    again = await client.post(STRATEGIES, json=strategy_body(id=sid))
    assert again.status_code == 200 and again.json()["id"] == sid
    r = await client.post(STRATEGIES, json=strategy_body(id=sid, approach="social"))
    assert r.status_code == 409


async def test_strategy_lifecycle(client):
    s = await ok(await client.post(STRATEGIES, json=strategy_body()), 201)
    url = f"{STRATEGIES}/{s['id']}/transitions"
    r = await client.post(url, json={"to": "evaluated"})
    assert r.status_code == 409 and r.json()["allowed"] == ["implementing", "discontinued"]
    r = await client.post(url, json={"to": "implementing"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "started_on"
    started = await ok(
        await client.post(url, json={"to": "implementing", "started_on": "2024-08-01"})
    )
    assert started["started_on"] == "2024-08-01" and started["status"] == "implementing"
    await ok(await client.post(url, json={"to": "implemented"}))
    r = await client.post(url, json={"to": "evaluated"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "results_note"
    evaluated = await ok(
        await client.post(
            url,
            json={"to": "evaluated", "results_note": "Hurtos en los parques -23 % frente a 2023."},
        )
    )
    assert evaluated["status"] == "evaluated"
    assert evaluated["results_note"] == "Hurtos en los parques -23 % frente a 2023."
    r = await client.post(url, json={"to": "discontinued", "reason": "x"})
    assert r.status_code == 409 and r.json()["allowed"] == []


async def test_strategy_discontinued_needs_reason(client):
    s = await ok(await client.post(STRATEGIES, json=strategy_body()), 201)
    url = f"{STRATEGIES}/{s['id']}/transitions"
    r = await client.post(url, json={"to": "discontinued"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reason"
    done = await ok(
        await client.post(url, json={"to": "discontinued", "reason": "Sin financiación FONSET"})
    )
    assert done["status"] == "discontinued" and done["status_reason"] == "Sin financiación FONSET"


async def test_strategy_patch_delete_and_filters(client):
    s = await ok(await client.post(STRATEGIES, json=strategy_body()), 201)
    await ok(
        await client.post(
            STRATEGIES, json=strategy_body(approach="social", target_population="jovenes")
        ),
        201,
    )
    url = f"{STRATEGIES}/{s['id']}"
    assert (await client.patch(url, json={"title": "Parques seguros"})).status_code == 428
    r = await client.patch(url, json={"title": "Parques seguros"}, headers={"If-Match": '"9"'})
    assert r.status_code == 412
    changed = await ok(
        await client.patch(url, json={"title": "Parques seguros"}, headers={"If-Match": '"1"'})
    )
    assert changed["title"] == "Parques seguros" and changed["version"] == 2
    r = await client.patch(url, json={"approach": None}, headers={"If-Match": '"2"'})
    assert r.status_code == 422
    social = await ok(await client.get(STRATEGIES, params={"approach": "social"}))
    assert [x["approach"] for x in social["items"]] == ["social"]
    by_problem = await ok(await client.get(STRATEGIES, params={"target_problem": "hurto_personas"}))
    assert len(by_problem["items"]) == 2
    assert (await client.delete(url)).status_code == 428
    await ok(await client.delete(url, headers={"If-Match": '"2"'}))
    remaining = await ok(await client.get(STRATEGIES))
    assert [x["id"] for x in remaining["items"]] != [] and s["id"] not in [
        x["id"] for x in remaining["items"]
    ]
    everything = await ok(await client.get(STRATEGIES, params={"include_archived": "true"}))
    assert s["id"] in [x["id"] for x in everything["items"]]
