"""Progress reports: only in implementation, one per action and quarter of the term."""

from __future__ import annotations

from tests.security_plans.factories import formulated_plan, ok, plan_in_implementation

PLANS = "/api/v1/security-plans"


def report(period: str, value: float, executed: int, note: str | None = None) -> dict:
    body = {"period": period, "value": value, "budget_executed_cop": executed}
    if note:
        body["note"] = note
    return body


async def test_reports_only_in_implementation(client):
    plan = await formulated_plan(client)
    url = f"{PLANS}/{plan['id']}/actions/{plan['action_ids'][0]}/reports"
    r = await client.post(url, json=report("2024-Q3", 10, 1_000_000))
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:plan-not-in-implementation"
    transitions = f"{PLANS}/{plan['id']}/transitions"
    await ok(await client.post(transitions, json={"to": "submitted"}))
    await ok(
        await client.post(
            transitions,
            json={"to": "approved", "approved_on": "2024-05-20", "act_reference": "Acta 4"},
        )
    )
    r = await client.post(url, json=report("2024-Q3", 10, 1_000_000))
    assert r.status_code == 409
    await ok(await client.post(transitions, json={"to": "in_implementation"}))
    created = await ok(await client.post(url, json=report("2024-Q3", 10, 1_000_000)), 201)
    assert created["reported_by"] == "tester"
    await ok(await client.post(transitions, json={"to": "closed"}))
    r = await client.post(url, json=report("2024-Q4", 20, 1_000_000))
    assert r.status_code == 409


async def test_period_rules(client):
    plan = await plan_in_implementation(client)
    url = f"{PLANS}/{plan['id']}/actions/{plan['action_ids'][0]}/reports"
    for period in ("2023-Q4", "2028-Q1"):
        r = await client.post(url, json=report(period, 1, 0))
        assert r.status_code == 422, period
        assert r.json()["errors"][0]["field"] == "period"
        assert "outside the plan's term" in r.json()["errors"][0]["message"]
    for period in ("2024-Q5", "2024Q1", "24-Q1"):
        r = await client.post(url, json=report(period, 1, 0))
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == "period"
    # Within the term but not started yet (today is before 2027-Q4 ends in these tests).
    r = await client.post(url, json=report("2027-Q4", 1, 0))
    assert r.status_code == 422 and "not started" in r.json()["errors"][0]["message"]
    await ok(await client.post(url, json=report("2024-Q1", 1, 0)), 201)
    r = await client.post(url, json=report("2024-Q1", 2, 5))
    assert r.status_code == 409 and r.json()["type"] == "urn:somos:problem:duplicate-report"
    r = await client.post(url, json=report("2024-Q2", 1, -1))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "budget_executed_cop"


async def test_report_correction_needs_if_match(client):
    plan = await plan_in_implementation(client)
    url = f"{PLANS}/{plan['id']}/actions/{plan['action_ids'][0]}/reports"
    created = await ok(await client.post(url, json=report("2024-Q3", 10, 1_000_000)), 201)
    item = f"{url}/{created['id']}"
    assert (await client.patch(item, json={"value": 12})).status_code == 428
    fixed = await ok(
        await client.patch(
            item, json={"value": 12, "note": "Corrección SIEDCO"}, headers={"If-Match": '"1"'}
        )
    )
    assert fixed["value"] == 12 and fixed["version"] == 2 and fixed["note"] == "Corrección SIEDCO"
    listed = await ok(await client.get(url))
    assert [r["period"] for r in listed["items"]] == ["2024-Q3"]
