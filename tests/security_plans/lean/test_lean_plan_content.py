"""A plan's content (diagnosis, lines, a line's actions, an action's reports): these lists are
not keyset pages but the records in full; on the lean path they are byte for byte the routes'.
Each parent in the path must exist, belong to the one before it and lie in the caller's
territory; otherwise the route answers (its 404 or 422)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from services.common.testing import bearer
from tests.lean_lists import items_of, same_answer
from tests.security_plans.factories import formulated_plan, ok, plan_in_implementation

PLANS = "/api/v1/security-plans"
RID = {"X-Request-ID": "lean-compare-plan-content"}


async def _seed(client: httpx.AsyncClient) -> dict[str, Any]:
    """A plan in implementation: 2 problems, 2 lines of 2 actions, 3 reports on the
    first action (entered out of order)."""
    plan = await plan_in_implementation(client, lines=2, actions=2)
    base = f"{PLANS}/{plan['id']}"
    action = plan["action_ids"][0]
    for period, value in (("2024-Q4", 20), ("2024-Q3", 10), ("2025-Q1", 35)):
        body = {"period": period, "value": value, "budget_executed_cop": 1_000_000}
        await ok(await client.post(f"{base}/actions/{action}/reports", json=body), 201)
    return {
        "plan": plan,
        "problems": f"{base}/problems",
        "lines": f"{base}/lines",
        "actions": f"{base}/lines/{plan['line_ids'][0]}/actions",
        "reports": f"{base}/actions/{action}/reports",
    }


@pytest.mark.parametrize(
    ("which", "count"), [("problems", 2), ("lines", 2), ("actions", 2), ("reports", 3)]
)
async def test_plan_content_is_byte_identical(client, route, spy, which, count):
    paths = await _seed(client)
    route.headers.update(client.headers)
    for params in ({}, {"include_archived": "true"}, {"limit": "1"}, {"cursor": "x"}):
        r = await same_answer(client, route, spy, paths[which], params=params, headers=RID)
        assert r.status_code == 200
        assert "link" not in r.headers
        assert list(r.json()) == ["items"]
        assert len(items_of(r)) == count
    if which == "reports":
        r = await same_answer(client, route, spy, paths[which], headers=RID)
        assert [i["period"] for i in items_of(r)] == ["2024-Q3", "2024-Q4", "2025-Q1"]


async def test_archived_content_is_hidden_unless_asked(client, route, spy):
    paths = await _seed(client)
    route.headers.update(client.headers)
    # Archiving needs a plan still in formulation; a line only once its actions are archived.
    plan = await formulated_plan(client, lines=2, actions=2, municipality_code="19001")
    base = f"{PLANS}/{plan['id']}"
    actions, lines = plan["action_ids"], plan["line_ids"]
    for kind, ident in (
        ("actions", actions[2]),
        ("actions", actions[3]),
        ("lines", lines[1]),
        ("actions", actions[0]),
    ):
        r = await client.delete(f"{base}/{kind}/{ident}", headers={"If-Match": '"1"'})
        assert r.status_code == 200, r.text
    for path, counts in (
        (f"{base}/lines", (1, 2)),
        (f"{base}/lines/{plan['line_ids'][0]}/actions", (1, 2)),
        (paths["problems"], (2, 2)),
    ):
        for params, count in zip(({}, {"include_archived": "true"}), counts, strict=True):
            r = await same_answer(client, route, spy, path, params=params, headers=RID)
            assert len(items_of(r)) == count, path


@pytest.mark.parametrize("which", ["problems", "lines", "actions", "reports"])
async def test_missing_foreign_or_invisible_parents_are_the_routes(
    client, route, spy, make_token, which
):
    paths = await _seed(client)
    other = await formulated_plan(client, municipality_code="19001")
    route.headers.update(client.headers)
    path = paths[which]
    plan_id = paths["plan"]["id"]
    wrong = [
        (path.replace(plan_id, str(uuid.uuid4())), 404),
        (path.replace(plan_id, "not-a-uuid"), 422),
        (path.replace(plan_id, other["id"]), 404 if which in ("actions", "reports") else 200),
    ]
    inner = {"actions": paths["plan"]["line_ids"][0], "reports": paths["plan"]["action_ids"][0]}
    if which in inner:
        wrong.append((path.replace(inner[which], str(uuid.uuid4())), 404))
    for candidate, status in wrong:
        r = await same_answer(
            client, route, spy, candidate, headers=RID, lean_answers=status == 200
        )
        assert r.status_code == status, candidate
    department = paths["plan"]["municipality_code"][:2]
    elsewhere = {**RID, **bearer(make_token(["plans:read"], municipalities=["05001"]))}
    r = await same_answer(client, route, spy, path, headers=elsewhere, lean_answers=False)
    assert r.status_code == 404
    here = {**RID, **bearer(make_token(["plans:read"], departments=[department]))}
    r = await same_answer(client, route, spy, path, headers=here)
    assert r.status_code == 200
    r = await same_answer(
        client, route, spy, path, headers={**RID, **bearer(make_token(["events:read"]))}
    )
    assert r.status_code == 403
