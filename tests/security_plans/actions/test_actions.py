"""Actions: budget by source, indicator, problems of the diagnosis, moves between lines."""

from __future__ import annotations

import uuid

from tests.security_plans.factories import action_body, formulated_plan, ok

PLANS = "/api/v1/security-plans"


async def test_actions_budget_indicator_and_moves(client):
    plan = await formulated_plan(client, lines=2, actions=1)
    url = f"{PLANS}/{plan['id']}"
    line_a, line_b = plan["line_ids"]
    action_id = plan["action_ids"][0]
    r = await client.post(f"{url}/lines/{line_a}/actions", json=action_body(budget={"fonset": -5}))
    assert r.status_code == 422
    r = await client.post(
        f"{url}/lines/{line_a}/actions", json=action_body(budget={"regalias_directas": 5})
    )
    assert r.status_code == 422
    r = await client.post(f"{url}/lines/{line_a}/actions", json=action_body(budget={"fonset": 1.5}))
    assert r.status_code == 422
    moved = await ok(
        await client.patch(
            f"{url}/actions/{action_id}",
            json={"line_id": line_b, "budget": {"sgr": 80_000_000, "fonsecon": 20_000_000}},
            headers={"If-Match": '"1"'},
        )
    )
    assert moved["line_id"] == line_b
    assert moved["budget"] == {"sgr": 80_000_000, "fonsecon": 20_000_000}
    assert moved["budget_total_cop"] == 100_000_000
    r = await client.patch(
        f"{url}/actions/{action_id}",
        json={"line_id": str(uuid.uuid4())},
        headers={"If-Match": '"2"'},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "line_id"
    in_a = await ok(await client.get(f"{url}/lines/{line_a}/actions"))
    in_b = await ok(await client.get(f"{url}/lines/{line_b}/actions"))
    assert action_id in [a["id"] for a in in_b["items"]] and len(in_b["items"]) == 2
    assert in_a["items"] == []
    r = await client.delete(f"{url}/lines/{line_b}", headers={"If-Match": '"1"'})
    assert r.status_code == 409 and r.json()["type"] == "urn:somos:problem:in-use"
    await ok(await client.delete(f"{url}/lines/{line_a}", headers={"If-Match": '"1"'}))
    detail = await ok(await client.get(url))
    assert [line["id"] for line in detail["lines"]] == [line_b]
    assert len(detail["lines"][0]["actions"]) == 2
