"""Security plans and prevention strategies: lean lists byte for byte like their routes."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from services.common.testing import bearer
from tests.lean_lists import same_answer, walk
from tests.security_plans.factories import (
    APPROVAL,
    POPAYAN,
    SANTANDER_DE_QUILICHAO,
    TUMACO,
    formulated_plan,
    ok,
    plan_body,
    review_body,
    strategy_body,
)

PLANS = "/api/v1/security-plans"
STRATEGIES = "/api/v1/prevention-strategies"
RID = {"X-Request-ID": "lean-compare-0003"}


async def _seed(client: httpx.AsyncClient) -> dict[str, Any]:
    plans = []
    for i, (code, year) in enumerate(
        [(SANTANDER_DE_QUILICHAO, 2024), (TUMACO, 2024), (POPAYAN, 2020), (TUMACO, 2020)]
    ):
        body = plan_body(municipality_code=code, term_start_year=year, title=f"PISCC Ñ {i} «paz»")
        if i == 0:  # complete enough to be approved
            plans.append(await formulated_plan(client, **body))
        else:
            plans.append(await ok(await client.post(PLANS, json=body), 201))
    approved = plans[0]
    url = f"{PLANS}/{approved['id']}/transitions"
    await ok(await client.post(url, json={"to": "submitted"}))
    await ok(await client.post(url, json=APPROVAL))
    await ok(await client.delete(f"{PLANS}/{plans[3]['id']}", headers={"If-Match": '"1"'}))
    strategies = []
    for i, code in enumerate([SANTANDER_DE_QUILICHAO, TUMACO, POPAYAN, TUMACO]):
        body = strategy_body(
            title=f"Estrategia {i} de prevención",
            municipality_code=code,
            security_plan_id=plans[1]["id"] if code == TUMACO else None,
            approach="situacional" if i % 2 else "social",
            target_problems=["homicidio"] if i % 2 else ["hurto_personas"],
            evidence_references=[] if i == 2 else ["Ref. «uno»", "Ref. dos"],
        )
        strategies.append(await ok(await client.post(STRATEGIES, json=body), 201))
    await ok(
        await client.delete(f"{STRATEGIES}/{strategies[0]['id']}", headers={"If-Match": '"1"'})
    )
    return {"plans": plans, "strategies": strategies}


def plan_filters(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {},
        {"municipality_code": TUMACO},
        {"department_code": "19"},
        {"term_start_year": "2024"},
        {"status": "approved"},
        {"status": "formulation", "department_code": "52"},
        {"include_archived": "true"},
    ]


def strategy_filters(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {},
        {"municipality_code": TUMACO},
        {"department_code": "19"},
        {"security_plan_id": seed["plans"][1]["id"]},
        {"approach": "situacional"},
        {"status": seed["strategies"][1]["status"]},
        {"target_problem": "homicidio"},
        {"include_archived": "true"},
    ]


@pytest.mark.parametrize(
    ("path", "filters"), [(PLANS, plan_filters), (STRATEGIES, strategy_filters)]
)
async def test_pages_are_byte_identical(client, route, spy, path, filters):
    seed = await _seed(client)
    route.headers.update(client.headers)
    seen = set()
    for params in filters(seed):
        for limit in ({}, {"limit": "1"}, {"limit": "200"}):
            seen.update(await walk(client, route, spy, path, {**params, **limit}, RID))
    assert len(seen) == 4


@pytest.mark.parametrize("path", [PLANS, STRATEGIES])
@pytest.mark.parametrize(
    "claims", [{"municipalities": [TUMACO]}, {"departments": ["19"]}, {"municipalities": ["11001"]}]
)
async def test_territorial_tokens(client, route, spy, make_token, path, claims):
    await _seed(client)
    headers = {**RID, **bearer(make_token(["plans:read"], **claims))}
    for params in ({}, {"limit": "1"}, {"include_archived": "true"}):
        await walk(client, route, spy, path, params, headers)


@pytest.mark.parametrize("path", [PLANS, STRATEGIES])
@pytest.mark.parametrize(
    "params",
    [
        {"term_start_year": "2015"},
        {"term_start_year": "02024"},
        {"term_start_year": "2024.0"},
        {"security_plan_id": "nope"},
        {"approach": "nope"},
        {"status": "nope"},
        {"include_archived": "on"},
        {"limit": "-1"},
    ],
)
async def test_doubtful_queries_fall_back(client, route, spy, path, params):
    await _seed(client)
    known = {"status", "include_archived", "limit"} | (
        {"term_start_year"} if path == PLANS else {"security_plan_id", "approach"}
    )
    answers = not set(params) <= known
    r = await same_answer(
        client, route, spy, path, params=params, headers=RID, lean_answers=answers
    )
    assert r.status_code in (200, 422)


async def test_plan_items_carry_the_computed_deadline_fields(client, route, spy):
    seed = await _seed(client)
    route.headers.update(client.headers)
    r = await same_answer(client, route, spy, PLANS, params={"status": "approved"}, headers=RID)
    [plan] = r.json()["items"]
    assert plan["id"] == seed["plans"][0]["id"]
    assert plan["approval_deadline"] == "2024-06-30"
    assert plan["approved_on_time"] is True


async def test_reviews_of_a_plan_are_byte_identical(client, route, spy, make_token):
    seed = await _seed(client)
    route.headers.update(client.headers)
    url = f"{PLANS}/{seed['plans'][1]['id']}/reviews"
    for counts in ((9, 0, 0), (0, 0, 9), (1, 0, 8), (6, 2, 1)):
        await ok(await client.post(url, json=review_body(*counts)), 201)
    for limit in ({}, {"limit": "1"}, {"limit": "3"}):
        assert len(await walk(client, route, spy, url, limit, RID)) == 4
    r = await same_answer(client, route, spy, url, headers=RID)
    assert [x["score"] for x in r.json()["items"]] == [100.0, 0.0, 11.11, 77.78]
    # An unknown plan, or one outside the caller's territory: the route's 404.
    elsewhere = {**RID, **bearer(make_token(["plans:read"], departments=["19"]))}
    for path, headers in ((f"{PLANS}/{uuid.uuid4()}/reviews", RID), (url, elsewhere)):
        r = await same_answer(client, route, spy, path, headers=headers, lean_answers=False)
        assert r.status_code == 404
