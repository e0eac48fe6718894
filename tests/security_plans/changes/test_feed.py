"""The security_plans service's change feed: a plan's life cycle and its content."""

from __future__ import annotations

from tests.security_plans.factories import APPROVAL, formulated_plan


async def test_a_plans_life_cycle_is_its_transitions_in_order(client):
    plan = await formulated_plan(client)
    url = f"/api/v1/security-plans/{plan['id']}/transitions"
    for body in (
        {"to": "submitted"},
        {"to": "formulation", "reason": "Falta el diagnóstico de convivencia"},
        {"to": "submitted"},
        APPROVAL,
    ):
        r = await client.post(url, json=body)
        assert r.status_code == 200, r.text
    r = await client.get("/api/v1/changes", params={"types": "security_plan", "limit": 3})
    first = r.json()
    r = await client.get(
        "/api/v1/changes", params={"types": "security_plan", "after": first["next_cursor"]}
    )
    rest = r.json()
    assert [(c["type"], c["version"]) for c in first["items"] + rest["items"]] == [
        ("security_plan.created", 1),
        ("security_plan.submitted", 2),
        ("security_plan.returned", 3),
        ("security_plan.submitted", 4),
        ("security_plan.approved", 5),
    ]
    content = await client.get("/api/v1/changes", params={"types": "plan_line,plan_problem"})
    items = content.json()["items"]
    assert sorted(c["type"] for c in items) == [
        "plan_line.created",
        "plan_problem.created",
        "plan_problem.created",
    ]
    assert {c["municipality_code"] for c in items} == {plan["municipality_code"]}
    line = next(c for c in items if c["type"] == "plan_line.created")
    assert line["path"] == f"/api/v1/security-plans/{plan['id']}/lines/{line['id']}"


async def test_change_types_are_in_the_vocabularies(client):
    r = await client.get("/api/v1/vocabularies/security-plans")
    terms = {t["code"]: t for t in r.json()["vocabularies"]["change_types"]["terms"]}
    assert terms["security_plan.approved"]["en"] == "Security plan (PISCC) approved"
    assert terms["security_plan.approved"]["es"] == "Plan integral de seguridad (PISCC): aprobación"
    assert "prevention_strategy.started" in terms
    assert "plan_review.archived" not in terms  # reviews are never archived
