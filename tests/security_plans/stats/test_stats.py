"""Statistics against hand-counted fixtures."""

from __future__ import annotations

import pytest

from services.common.colombia import colombia_today
from tests.security_plans.factories import (
    POPAYAN,
    SANTANDER_DE_QUILICHAO,
    TUMACO,
    formulated_plan,
    ok,
    plan_in_implementation,
    review_body,
    strategy_body,
)

PLANS = "/api/v1/security-plans"
STATS = "/api/v1/stats/security-plans"
SUMMARY = STATS + "/municipalities/{}"


@pytest.fixture
async def fixtures(client) -> dict:
    """
    Quilichao 2024: in implementation, approved 2024-05-20 (on time), 1 line x 2 actions of
      150M (120M FONSET + 30M own), reports 30M + 45M (2024) and 10M (2025-Q1); reviews
      77.78 (2024-04-10) then 100 (2024-05-01).
    Quilichao 2020: formulation, 1 action (150M), no review.
    Popayán 2024: approved 2024-08-01 (late), 1 action (150M); review 0 (2024-07-01).
    Tumaco 2024: formulation, 1 action (150M). Tumaco 2020: archived (ignored).
    Strategies: Quilichao situacional/designed + social/implementing (started 2024-09-01);
      Popayán comunitaria/designed; one archived in Tumaco (ignored).
    """
    q24 = await plan_in_implementation(client, lines=1, actions=2)
    a1, a2 = q24["action_ids"]
    for action, period, executed in (
        (a1, "2024-Q3", 30_000_000),
        (a1, "2024-Q4", 45_000_000),
        (a2, "2025-Q1", 10_000_000),
    ):
        await ok(
            await client.post(
                f"{PLANS}/{q24['id']}/actions/{action}/reports",
                json={"period": period, "value": 1, "budget_executed_cop": executed},
            ),
            201,
        )
    await ok(
        await client.post(
            f"{PLANS}/{q24['id']}/reviews", json=review_body(6, 2, 1, reviewed_on="2024-04-10")
        ),
        201,
    )
    await ok(
        await client.post(
            f"{PLANS}/{q24['id']}/reviews", json=review_body(9, 0, 0, reviewed_on="2024-05-01")
        ),
        201,
    )
    await formulated_plan(client, term_start_year=2020)
    pop = await formulated_plan(client, municipality_code=POPAYAN)
    transitions = f"{PLANS}/{pop['id']}/transitions"
    await ok(await client.post(transitions, json={"to": "submitted"}))
    await ok(
        await client.post(
            transitions,
            json={
                "to": "approved",
                "approved_on": "2024-08-01",
                "act_reference": "Decreto 112 de 2024",
            },
        )
    )
    await ok(
        await client.post(
            f"{PLANS}/{pop['id']}/reviews", json=review_body(0, 0, 9, reviewed_on="2024-07-01")
        ),
        201,
    )
    await formulated_plan(client, municipality_code=TUMACO)
    old = await formulated_plan(client, municipality_code=TUMACO, term_start_year=2020)
    await ok(await client.delete(f"{PLANS}/{old['id']}", headers={"If-Match": '"1"'}))
    await ok(await client.post("/api/v1/prevention-strategies", json=strategy_body()), 201)
    social = await ok(
        await client.post("/api/v1/prevention-strategies", json=strategy_body(approach="social")),
        201,
    )
    await ok(
        await client.post(
            f"/api/v1/prevention-strategies/{social['id']}/transitions",
            json={"to": "implementing", "started_on": "2024-09-01"},
        )
    )
    await ok(
        await client.post(
            "/api/v1/prevention-strategies",
            json=strategy_body(municipality_code=POPAYAN, approach="comunitaria"),
        ),
        201,
    )
    gone = await ok(
        await client.post(
            "/api/v1/prevention-strategies", json=strategy_body(municipality_code=TUMACO)
        ),
        201,
    )
    await ok(
        await client.delete(
            f"/api/v1/prevention-strategies/{gone['id']}", headers={"If-Match": '"1"'}
        )
    )
    return {"q24": q24["id"], "pop": pop["id"]}


async def test_stats_match_hand_counts(client, fixtures):
    s = await ok(await client.get(STATS))
    assert s["plans"] == {
        "total": 4,
        "by_status": {
            "formulation": 2,
            "submitted": 0,
            "approved": 1,
            "in_implementation": 1,
            "closed": 0,
        },
        "by_term": {"2020": 1, "2024": 3},
        "approved": 2,
        "approved_on_time": 1,
    }
    assert s["reviews"]["reviewed_plans"] == 2
    assert s["reviews"]["municipalities_with_review"] == 2
    assert s["reviews"]["mean_latest_score"] == 50.0
    assert [
        (p["municipality_code"], p["score"]) for p in s["reviews"]["latest_score_per_plan"]
    ] == [("19001", 0.0), ("19698", 100.0)]
    assert s["budget"]["planned_cop"] == 750_000_000
    assert s["budget"]["planned_by_source"]["fonset"] == 600_000_000
    assert s["budget"]["planned_by_source"]["recursos_propios"] == 150_000_000
    assert s["budget"]["planned_by_source"]["sgr"] == 0
    assert s["budget"]["executed_cop"] == 85_000_000
    assert s["budget"]["execution_pct"] == 11.33
    assert s["prevention_strategies"]["total"] == 3
    assert s["prevention_strategies"]["by_status"]["designed"] == 2
    assert s["prevention_strategies"]["by_status"]["implementing"] == 1
    assert s["prevention_strategies"]["by_approach"] == {
        "situacional": 1,
        "social": 1,
        "comunitaria": 1,
        "policia_relacional": 0,
        "institucional": 0,
    }
    assert list(s["by_municipality"]) == ["19001", "19698", "52835"]
    q = s["by_municipality"]["19698"]
    assert (q["plans"], q["approved_on_time"], q["reviewed_plans"]) == (2, 1, 1)
    assert q["latest_review_score"] == 100.0
    assert (q["budget_planned_cop"], q["budget_executed_cop"]) == (450_000_000, 85_000_000)
    assert q["prevention_strategies"] == 2
    assert q["prevention_strategies_by_status"] == {
        "designed": 1,
        "implementing": 1,
        "implemented": 0,
        "evaluated": 0,
        "discontinued": 0,
    }
    assert q["plans_by_status"]["in_implementation"] == 1
    assert q["plans_by_status"]["formulation"] == 1
    p = s["by_municipality"]["19001"]
    assert (p["plans"], p["approved_on_time"], p["latest_review_score"]) == (1, 0, 0.0)
    t = s["by_municipality"]["52835"]
    assert (t["plans"], t["reviewed_plans"], t["latest_review_score"]) == (1, 0, None)
    assert t["prevention_strategies"] == 0
    assert sum(t["prevention_strategies_by_status"].values()) == 0  # the archived one is gone


async def test_stats_filters(client, fixtures):
    cauca = await ok(await client.get(STATS, params={"department_code": "19"}))
    assert cauca["plans"]["total"] == 3 and "52835" not in cauca["by_municipality"]
    pop = await ok(await client.get(STATS, params={"municipality_code": POPAYAN}))
    assert list(pop["by_municipality"]) == ["19001"] and pop["budget"]["planned_cop"] == 150_000_000
    y2024 = await ok(await client.get(STATS, params={"from": "2024-01-01", "to": "2024-12-31"}))
    assert y2024["plans"]["total"] == 3  # the 2020-2023 term does not overlap 2024
    assert y2024["budget"]["executed_cop"] == 75_000_000  # 2025-Q1 left out
    assert y2024["prevention_strategies"]["by_status"]["implementing"] == 1
    april = await ok(await client.get(STATS, params={"from": "2024-04-01", "to": "2024-04-30"}))
    assert [p["score"] for p in april["reviews"]["latest_score_per_plan"]] == [77.78]
    r = await client.get(STATS, params={"from": "2024-05-01", "to": "2024-01-01"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "from"
    r = await client.get(STATS, params={"municipality_code": "123"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "municipality_code"


async def test_stats_empty(client):
    s = await ok(await client.get(STATS))
    assert s["plans"]["total"] == 0 and s["by_municipality"] == {}
    assert s["budget"]["execution_pct"] is None and s["reviews"]["mean_latest_score"] is None


async def test_municipality_summary_of_the_running_term(client, fixtures):
    q = await ok(
        await client.get(SUMMARY.format(SANTANDER_DE_QUILICHAO), params={"as_of": "2025-06-01"})
    )
    assert (q["municipality_code"], q["as_of"], q["current_term_start_year"]) == (
        "19698",
        "2025-06-01",
        2024,
    )
    plan = q["current_plan"]
    assert plan["id"] == fixtures["q24"] and plan["current_term"] is True
    assert (plan["status"], plan["term_start_year"], plan["term_end_year"]) == (
        "in_implementation",
        2024,
        2027,
    )
    assert (plan["approved_on"], plan["approved_on_time"]) == ("2024-05-20", True)
    assert (plan["latest_review_score"], plan["latest_review_on"]) == (100.0, "2024-05-01")
    assert (plan["budget_planned_cop"], plan["budget_executed_cop"]) == (300_000_000, 85_000_000)
    assert plan["execution_pct"] == 28.33
    # the same figures as the plan's own execution read
    execution = await ok(await client.get(f"{PLANS}/{fixtures['q24']}/execution"))
    assert (execution["planned_cop"], execution["executed_cop"], execution["execution_pct"]) == (
        plan["budget_planned_cop"],
        plan["budget_executed_cop"],
        plan["execution_pct"],
    )
    assert q["plans"]["total"] == 2
    assert q["plans"]["by_status"] == {
        "formulation": 1,
        "submitted": 0,
        "approved": 0,
        "in_implementation": 1,
        "closed": 0,
    }
    strategies = q["prevention_strategies"]
    assert strategies["total"] == 2
    assert (strategies["by_status"]["designed"], strategies["by_status"]["implementing"]) == (1, 1)
    assert strategies["by_approach"]["situacional"] == 1
    assert strategies["by_approach"]["social"] == 1


async def test_municipality_summary_picks_the_plan_of_the_date(client, fixtures):
    url = SUMMARY.format(SANTANDER_DE_QUILICHAO)
    in_2023 = (await ok(await client.get(url, params={"as_of": "2023-06-01"})))["current_plan"]
    assert (in_2023["term_start_year"], in_2023["status"], in_2023["current_term"]) == (
        2020,
        "formulation",
        True,
    )
    assert (in_2023["budget_planned_cop"], in_2023["execution_pct"]) == (150_000_000, 0.0)
    assert in_2023["latest_review_score"] is None and in_2023["approved_on_time"] is None
    # no plan for the 2028 term yet: the latest one, marked as not the running term's
    in_2029 = (await ok(await client.get(url, params={"as_of": "2029-01-01"})))["current_plan"]
    assert (in_2029["id"], in_2029["current_term"]) == (fixtures["q24"], False)
    today = await ok(await client.get(url))
    assert today["as_of"] == colombia_today().isoformat()


async def test_municipality_summary_leaves_archived_records_out(client, fixtures):
    tumaco = await ok(await client.get(SUMMARY.format(TUMACO), params={"as_of": "2025-01-01"}))
    assert tumaco["plans"]["total"] == 1  # the archived 2020 plan is not counted
    plan = tumaco["current_plan"]
    assert (plan["term_start_year"], plan["status"], plan["approved_on"]) == (
        2024,
        "formulation",
        None,
    )
    assert tumaco["prevention_strategies"]["total"] == 0  # nor the archived strategy
    popayan = (await ok(await client.get(SUMMARY.format(POPAYAN))))["current_plan"]
    assert (popayan["approved_on_time"], popayan["latest_review_score"]) == (False, 0.0)
    nothing = await ok(await client.get(SUMMARY.format("23001")))
    assert nothing["current_plan"] is None and nothing["plans"]["total"] == 0
    assert nothing["prevention_strategies"]["total"] == 0


async def test_municipality_summary_territory_and_input(client, client_for, fixtures):
    async with client_for("plans:read", municipalities=[SANTANDER_DE_QUILICHAO]) as partner:
        own = await partner.get(SUMMARY.format(SANTANDER_DE_QUILICHAO))
        other = await partner.get(SUMMARY.format(TUMACO))
    assert own.status_code == 200 and own.json()["plans"]["total"] == 2
    assert other.status_code == 403
    assert other.headers["content-type"] == "application/problem+json"
    assert "52835" in other.json()["detail"]
    bad = await client.get(SUMMARY.format("123"))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "municipality_code"
    bad_date = await client.get(SUMMARY.format(TUMACO), params={"as_of": "soon"})
    assert bad_date.status_code == 422
