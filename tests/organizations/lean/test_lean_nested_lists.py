"""Lists nested under a record (assessments of an organization, actions of a plan) on the lean
path: byte for byte like their routes; an unknown or invisible parent is the route's 404."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from services.common.testing import bearer
from tests.lean_lists import same_answer, walk
from tests.organizations.helpers import add_action, create_assessment, create_plan

RID = {"X-Request-ID": "lean-compare-0004"}


async def _seed(client: httpx.AsyncClient) -> dict[str, Any]:
    plan = await create_plan(client, name="Asociación Ñandú", municipality_code="52835")
    organization_id = plan["organization_id"]
    await create_assessment(  # fractional domain and overall scores
        client,
        organization_id,
        kind="follow_up",
        assessed_on="2024-09-01",
        values=(1, 2, 3, 4, 2, 3, 4, 4),
        verify=False,
    )
    actions = [
        await add_action(client, plan["id"], opi_area="results", due_date="2020-01-31"),
        await add_action(client, plan["id"], opi_area="learning"),
        await add_action(client, plan["id"], opi_area="results", due_date="2031-02-28"),
    ]
    r = await client.delete(
        f"/api/v1/strengthening-plans/{plan['id']}/actions/{actions[1]['id']}",
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    return {
        "assessments": f"/api/v1/organizations/{organization_id}/assessments",
        "actions": f"/api/v1/strengthening-plans/{plan['id']}/actions",
    }


@pytest.mark.parametrize(
    ("which", "filters", "count"),
    [
        ("assessments", [{}, {"include_archived": "true"}], 2),
        (
            "actions",
            [{}, {"status": "pending"}, {"opi_area": "results"}, {"include_archived": "true"}],
            3,
        ),
    ],
)
async def test_nested_pages_are_byte_identical(client, route, spy, which, filters, count):
    paths = await _seed(client)
    route.headers.update(client.headers)
    seen = set()
    for params in filters:
        for limit in ({}, {"limit": "1"}, {"limit": "200"}):
            seen.update(await walk(client, route, spy, paths[which], {**params, **limit}, RID))
    assert len(seen) == count
    if which == "assessments":
        r = await same_answer(client, route, spy, paths[which], params={}, headers=RID)
        follow_up = next(a for a in r.json()["items"] if a["kind"] == "follow_up")
        assert follow_up["overall_score"] == 2.88
        assert sorted(follow_up["domain_scores"].values()) == [1.5, 2.5, 3.5, 4.0]


async def test_overdue_is_computed_on_the_lean_path(client, route, spy):
    paths = await _seed(client)
    route.headers.update(client.headers)
    r = await same_answer(client, route, spy, paths["actions"], headers=RID)
    assert [a["overdue"] for a in r.json()["items"]] == [True, False]


@pytest.mark.parametrize("which", ["assessments", "actions"])
async def test_unknown_or_invisible_parent_is_the_routes_404(client, route, spy, make_token, which):
    paths = await _seed(client)
    route.headers.update(client.headers)
    other = paths[which].replace(paths[which].split("/")[4], str(uuid.uuid4()))
    broken = paths[which].replace(paths[which].split("/")[4], "not-a-uuid")
    for path, status in ((other, 404), (broken, 422)):
        r = await same_answer(client, route, spy, path, headers=RID, lean_answers=False)
        assert r.status_code == status
    elsewhere = {**RID, **bearer(make_token(["organizations:read"], municipalities=["05001"]))}
    r = await same_answer(client, route, spy, paths[which], headers=elsewhere, lean_answers=False)
    assert r.status_code == 404
    here = {**RID, **bearer(make_token(["organizations:read"], departments=["52"]))}
    r = await same_answer(client, route, spy, paths[which], headers=here)
    assert r.status_code == 200


PLANS = "/api/v1/strengthening-plans"


async def test_strengthening_plans_with_their_progress_are_byte_identical(client, route, spy):
    first = await create_plan(client, name="Asociación Ñandú", municipality_code="52835")
    second = await create_plan(client, name="Red de Medellín", municipality_code="05001")
    await create_plan(client, name="Mesa de Pasto", municipality_code="52001")  # no actions
    done = await add_action(client, first["id"], opi_area="results", due_date="2020-01-31")
    r = await client.patch(
        f"{PLANS}/{first['id']}/actions/{done['id']}",
        json={"status": "done", "progress_pct": 100},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    await add_action(client, first["id"], opi_area="learning", due_date="2020-02-29")
    await add_action(client, first["id"], opi_area="results")
    archived = await add_action(client, second["id"], opi_area="resources", due_date="2020-01-31")
    r = await client.delete(
        f"{PLANS}/{second['id']}/actions/{archived['id']}", headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    await add_action(client, second["id"], opi_area="delivery")
    route.headers.update(client.headers)
    filters = [
        {},
        {"organization_id": first["organization_id"]},
        {"department_code": "52"},
        {"municipality_code": "05001"},
        {"status": first["status"]},
        {"include_archived": "true"},
    ]
    for params in filters:
        for limit in ({}, {"limit": "1"}, {"limit": "200"}):
            await walk(client, route, spy, PLANS, {**params, **limit}, RID)
    r = await same_answer(client, route, spy, PLANS, headers=RID)
    by_id = {p["id"]: p for p in r.json()["items"]}
    assert by_id[first["id"]]["actions_count"] == 3
    assert by_id[first["id"]]["overdue_actions"] == 1
    assert by_id[first["id"]]["opi_areas_covered"] == ["results", "learning"]
    assert by_id[second["id"]]["actions_count"] == 1
