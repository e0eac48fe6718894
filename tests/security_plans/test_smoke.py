from tests.security_plans.factories import ok, plan_in_implementation


async def test_smoke(client):
    plan = await plan_in_implementation(client, lines=2, actions=2)
    detail = await ok(await client.get(f"/api/v1/security-plans/{plan['id']}"))
    assert len(detail["lines"]) == 2
    ex = await ok(await client.get(f"/api/v1/security-plans/{plan['id']}/execution"))
    assert ex["planned_cop"] == 600_000_000
    st = await ok(await client.get("/api/v1/stats/security-plans"))
    assert st["plans"]["total"] == 1
