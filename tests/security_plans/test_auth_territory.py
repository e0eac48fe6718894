"""Tokens, scopes and territory claims."""

from __future__ import annotations

from tests.security_plans.factories import (
    POPAYAN,
    TUMACO,
    formulated_plan,
    ok,
    plan_body,
    problem_body,
    review_body,
    strategy_body,
)

PLANS = "/api/v1/security-plans"


async def test_401_without_token(anonymous):
    for method, path in (
        ("GET", PLANS),
        ("POST", PLANS),
        ("GET", "/api/v1/stats/security-plans"),
        ("GET", "/api/v1/vocabularies/security-plans"),
    ):
        r = await anonymous.request(method, path, json=plan_body() if method == "POST" else None)
        assert r.status_code == 401, path
        assert r.headers["content-type"] == "application/problem+json"
        assert r.headers["www-authenticate"].startswith("Bearer")


async def test_403_without_scope(client_for):
    async with client_for("plans:read") as reader:
        r = await reader.post(PLANS, json=plan_body())
        assert r.status_code == 403 and r.json()["missing_scope"] == "plans:write"
        assert (await reader.get(PLANS)).status_code == 200
    async with client_for("organizations:read", "organizations:write") as other:
        r = await other.get(PLANS)
        assert r.status_code == 403 and r.json()["missing_scope"] == "plans:read"


async def test_municipal_token_works_on_its_plan_only(client, client_for):
    tumaco = await formulated_plan(client, municipality_code=TUMACO)
    async with client_for(municipalities=["19698"]) as partner:
        mine = await formulated_plan(partner)
        url = f"{PLANS}/{mine['id']}"
        await ok(await partner.post(f"{url}/problems", json=problem_body("extorsion")), 201)
        await ok(await partner.post(f"{url}/transitions", json={"to": "submitted"}))
        await ok(await partner.post(f"{url}/reviews", json=review_body()), 201)
        assert [p["id"] for p in (await ok(await partner.get(PLANS)))["items"]] == [mine["id"]]
        # Someone else's plan: as if it did not exist.
        other = f"{PLANS}/{tumaco['id']}"
        for r in (
            await partner.get(other),
            await partner.get(f"{other}/execution"),
            await partner.get(f"{other}/problems"),
            await partner.post(f"{other}/reviews", json=review_body()),
            await partner.post(f"{other}/transitions", json={"to": "submitted"}),
            await partner.patch(other, json={"title": "x" * 5}, headers={"If-Match": '"1"'}),
        ):
            assert r.status_code == 404, r.text
        # Creating elsewhere is forbidden, and says why.
        r = await partner.post(PLANS, json=plan_body(municipality_code=POPAYAN))
        assert r.status_code == 403 and "19001" in r.json()["detail"]
        r = await partner.post(
            "/api/v1/prevention-strategies", json=strategy_body(municipality_code=TUMACO)
        )
        assert r.status_code == 403
        stats = await ok(await partner.get("/api/v1/stats/security-plans"))
        assert list(stats["by_municipality"]) == ["19698"]
        assert stats["plans"]["total"] == 1
    reviews = await ok(await client.get(f"{PLANS}/{tumaco['id']}/reviews"))
    assert reviews["items"] == []


async def test_department_token_sees_its_department(client, client_for):
    await ok(await client.post(PLANS, json=plan_body()), 201)
    await ok(await client.post(PLANS, json=plan_body(municipality_code=POPAYAN)), 201)
    t = await ok(await client.post(PLANS, json=plan_body(municipality_code=TUMACO)), 201)
    async with client_for("plans:read", departments=["19"]) as cauca:
        listed = await ok(await cauca.get(PLANS))
        assert sorted(p["municipality_code"] for p in listed["items"]) == ["19001", "19698"]
        assert (await cauca.get(f"{PLANS}/{t['id']}")).status_code == 404
