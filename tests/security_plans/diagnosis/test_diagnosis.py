"""The diagnosis: one entry per problem, priorities, none taken out while actions use it."""

from __future__ import annotations

from tests.security_plans.factories import action_body, line_body, ok, plan_body, problem_body

PLANS = "/api/v1/security-plans"


async def test_diagnosis_rules(client):
    plan = await ok(await client.post(PLANS, json=plan_body()), 201)
    url = f"{PLANS}/{plan['id']}"
    first = await ok(await client.post(f"{url}/problems", json=problem_body()), 201)
    assert first["priority"] == 1
    second = await ok(
        await client.post(
            f"{url}/problems", json=problem_body("extorsion", baseline_value=12, unit="casos")
        ),
        201,
    )
    assert second["priority"] == 2
    r = await client.post(f"{url}/problems", json=problem_body())
    assert r.status_code == 409 and r.json()["type"] == "urn:somos:problem:duplicate-problem"
    r = await client.post(f"{url}/problems", json=problem_body("robo_de_ganado"))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "problem"
    line = await ok(await client.post(f"{url}/lines", json=line_body()), 201)
    r = await client.post(
        f"{url}/lines/{line['id']}/actions",
        json=action_body(problems=["homicidio", "microtrafico"]),
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "problems"
    assert "microtrafico" in r.json()["errors"][0]["message"]
    action = await ok(
        await client.post(
            f"{url}/lines/{line['id']}/actions", json=action_body(problems=["homicidio"])
        ),
        201,
    )
    assert action["budget_total_cop"] == 150_000_000
    r = await client.delete(f"{url}/problems/{first['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 409 and r.json()["type"] == "urn:somos:problem:in-use"
    archived = await ok(
        await client.delete(f"{url}/problems/{second['id']}", headers={"If-Match": '"1"'})
    )
    assert archived["archived_at"] is not None
    problems = await ok(await client.get(f"{url}/problems"))
    assert [p["problem"] for p in problems["items"]] == ["homicidio"]
    r = await client.patch(
        f"{url}/actions/{action['id']}",
        json={"problems": ["extorsion"]},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "problems"
