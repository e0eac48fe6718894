"""Property: after any sequence of creates, updates, transitions and archives through the
API, the security plans statistics read from the tallies equal a full recount, in every
territory (whole country, each department, each municipality touched) and for a caller
limited to one department."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from services.common.auth import Principal
from services.common.testing import ALL_SCOPES, asgi_client, bearer
from services.security_plans.plans.service import PLAN_TRANSITIONS
from services.security_plans.stats import repository, service
from services.security_plans.vocabularies import Approach, FundingSource, StrategyStatus
from tests.security_plans.factories import (
    action_body,
    checklist,
    line_body,
    plan_body,
    problem_body,
    review_body,
    strategy_body,
)
from tests.tallies import RandomWriter, assert_fast_equals_recount, territories

STATS = "/api/v1/stats/security-plans"
PLANS = "/api/v1/security-plans"
STRATEGIES = "/api/v1/prevention-strategies"
MUNICIPALITIES = ("19698", "19001", "52835", "52001", "05001")
TERMS = (2016, 2020, 2024)
APPROACHES = [a.value for a in Approach]
STRATEGY_STATUSES = [s.value for s in StrategyStatus]
SOURCES = [s.value for s in FundingSource]
STEPS = 240
CHECK_EVERY = 60


class Programme:
    def __init__(self) -> None:
        self.plans: dict[str, str] = {}  # plan → its line
        self.actions: list[tuple[str, str]] = []  # (plan, action)
        self.reports: list[tuple[str, str, str]] = []  # (plan, action, report)
        self.strategies: list[str] = []


def _budget(rng: Any) -> dict[str, int]:
    return {s: rng.randint(1, 90) * 1_000_000 for s in rng.sample(SOURCES, rng.randint(1, 3))}


async def _plan(w: RandomWriter, p: Programme) -> None:
    rng = w.rng
    body = plan_body(
        municipality_code=rng.choice(MUNICIPALITIES), term_start_year=rng.choice(TERMS)
    )
    plan = await w.create("create plan", PLANS, body)
    if plan is None:
        return  # one plan per municipality and term: a 409 is expected now and then
    base = f"{PLANS}/{plan['id']}"
    await w.create("create problem", f"{base}/problems", problem_body())
    line = await w.create("create line", f"{base}/lines", line_body())
    assert line is not None, w.failure()
    p.plans[plan["id"]] = line["id"]
    await _action(w, p, plan["id"])


async def _action(w: RandomWriter, p: Programme, plan: str) -> None:
    path = f"{PLANS}/{plan}/lines/{p.plans[plan]}/actions"
    body = action_body(name=f"Acción {w.rng.randrange(10**6)}", budget=_budget(w.rng))
    if action := await w.create("create action", path, body):
        p.actions.append((plan, action["id"]))


async def _step(w: RandomWriter, p: Programme) -> None:
    rng = w.rng
    op = rng.choice(
        [
            "plan",
            "plan",
            "plan_term",
            "plan_transition",
            "plan_transition",
            "implement_plan",
            "implement_plan",
            "archive_plan",
            "action",
            "action_budget",
            "archive_action",
            "report",
            "report",
            "report_update",
            "review",
            "strategy",
            "strategy_update",
            "strategy_transition",
            "archive_strategy",
        ]
    )
    plan = w.pick(p.plans)
    if op == "plan" or plan is None:
        await _plan(w, p)
    elif op == "plan_term":
        await w.update("update plan", f"{PLANS}/{plan}", {"term_start_year": rng.choice(TERMS)})
    elif op == "plan_transition":
        current = (await w.client.get(f"{PLANS}/{plan}")).json()
        # Mostly a step the plan may take (so plans reach implementation), now and then any.
        allowed = PLAN_TRANSITIONS.get(current.get("status", ""), [])
        to = rng.choice(allowed if allowed and rng.random() < 0.85 else list(PLAN_TRANSITIONS))
        if to == "closed" and rng.random() < 0.7:
            return  # keep most plans in implementation, where they take reports
        extra: dict[str, Any] = {"formulation": {"reason": "Ajustes del CTOP"}}.get(to, {})
        if to == "approved":  # on time (by June 30 of the first year) or late
            day = rng.choice(["03-30", "06-30", "09-15"])
            term = current.get("term_start_year", 2024)
            extra = {"approved_on": f"{term}-{day}", "act_reference": "Acta CTOP"}
        await w.transition("plan transition", f"{PLANS}/{plan}", to, **extra)
    elif op == "implement_plan":
        # submitted → approved → in_implementation, as far as the plan's status allows
        term = (await w.client.get(f"{PLANS}/{plan}")).json().get("term_start_year", 2024)
        for to, extra in (
            ("submitted", {}),
            (
                "approved",
                {"approved_on": f"{term}-0{rng.randint(3, 9)}-15", "act_reference": "Acta"},
            ),
            ("in_implementation", {}),
        ):
            await w.transition("plan transition", f"{PLANS}/{plan}", to, **extra)
    elif op == "archive_plan" and rng.random() < 0.3:  # plans are few: archive them rarely
        await w.archive("archive plan", f"{PLANS}/{plan}")
    elif op == "action":
        await _action(w, p, plan)
    elif op == "action_budget" and (target := w.pick(p.actions)):
        path = f"{PLANS}/{target[0]}/actions/{target[1]}"
        await w.update("update action", path, {"budget": _budget(rng)})
    elif op == "archive_action" and (target := w.pick(p.actions)):
        await w.archive("archive action", f"{PLANS}/{target[0]}/actions/{target[1]}")
    elif op == "report" and (target := w.pick(p.actions)):
        term = (await w.client.get(f"{PLANS}/{target[0]}")).json().get("term_start_year", 2024)
        period = f"{term + rng.randint(0, 1)}-Q{rng.randint(1, 4)}"
        body = {"period": period, "value": 1, "budget_executed_cop": rng.randint(1, 50) * 10**6}
        path = f"{PLANS}/{target[0]}/actions/{target[1]}/reports"
        if report := await w.create("create report", path, body):
            p.reports.append((*target, report["id"]))
    elif op == "report_update" and (target := w.pick(p.reports)):
        path = f"{PLANS}/{target[0]}/actions/{target[1]}/reports/{target[2]}"
        await w.update("update report", path, {"budget_executed_cop": rng.randint(0, 9) * 10**6})
    elif op == "review":
        cumple = rng.randint(0, 9)
        parcial = rng.randint(0, 9 - cumple)
        body = review_body(
            reviewed_on=f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            checklist=checklist(cumple, parcial, 9 - cumple - parcial),
        )
        await w.create("create review", f"{PLANS}/{plan}/reviews", body)
    elif op == "strategy":
        body = strategy_body(
            municipality_code=rng.choice(MUNICIPALITIES), approach=rng.choice(APPROACHES)
        )
        if strategy := await w.create("create strategy", STRATEGIES, body):
            p.strategies.append(strategy["id"])
    elif op == "strategy_update" and (strategy := w.pick(p.strategies)):
        body = {"approach": rng.choice(APPROACHES)}
        await w.update("update strategy", f"{STRATEGIES}/{strategy}", body)
    elif op == "strategy_transition" and (strategy := w.pick(p.strategies)):
        to = rng.choice(STRATEGY_STATUSES)
        extra = {"started_on": "2024-09-01"} if to == "implementing" else {}
        await w.transition("strategy transition", f"{STRATEGIES}/{strategy}", to, **extra)
    elif op == "archive_strategy" and (strategy := w.pick(p.strategies)):
        await w.archive("archive strategy", f"{STRATEGIES}/{strategy}")


@pytest.mark.parametrize("seed", [16, 2026])
async def test_tallies_equal_a_full_recount_after_random_writes(
    seed, client, security_plans_app, make_token
):
    everyone = Principal(sub="tester", scopes=frozenset(ALL_SCOPES))
    cauca = Principal(sub="cauca", scopes=frozenset({"plans:read"}), departments=frozenset({"19"}))
    pool = security_plans_app.state.database.pool

    def recount(principal: Principal):
        async def run(params: Mapping[str, str]) -> dict[str, Any]:
            filters = repository.StatsFilters(
                municipality_code=params.get("municipality_code"),
                department_code=params.get("department_code"),
            )
            stats = await service.statistics(
                pool, principal=principal, filters=filters, recount=True
            )
            return stats.model_dump(mode="json", by_alias=True)

        return run

    writer = RandomWriter(client, seed)
    programme = Programme()
    compared = 0
    limited_token = make_token("plans:read", sub="cauca", departments=["19"])
    async with asgi_client(security_plans_app, headers=bearer(limited_token)) as limited:
        for step in range(1, STEPS + 1):
            await _step(writer, programme)
            if step % CHECK_EVERY == 0:
                compared += await assert_fast_equals_recount(
                    client, STATS, recount(everyone), territories(MUNICIPALITIES), writer=writer
                )
                compared += await assert_fast_equals_recount(
                    limited,
                    STATS,
                    recount(cauca),
                    [{}, {"municipality_code": "19698"}],
                    writer=writer,
                )

    assert compared == (STEPS // CHECK_EVERY) * (1 + 3 + 5 + 2)
    for kind in (
        "create plan",
        "plan transition",
        "archive plan",
        "create action",
        "update action",
        "archive action",
        "create report",
        "update report",
        "create review",
        "create strategy",
        "update strategy",
        "strategy transition",
        "archive strategy",
    ):
        assert writer.done[kind] > 0, f"{kind} never succeeded; {writer.failure()}"
    final = (await client.get(STATS)).json()
    assert final["plans"]["total"] > 0
