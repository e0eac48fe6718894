"""The record kit as this service uses it: constraint names, PATCH nulls, loaders, ETags."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from services.common.db import sqlalchemy_url
from services.common.records import IdReused, flush
from services.security_plans.diagnosis.service import ERRORS as PROBLEM_ERRORS
from services.security_plans.diagnosis.service import DuplicateProblem
from services.security_plans.models import (
    PlanLine,
    PlanProblem,
    ProgressReport,
    SecurityPlan,
    SecurityPlanAction,
)
from services.security_plans.plans.service import ERRORS as PLAN_ERRORS
from services.security_plans.plans.service import DuplicatePlan
from services.security_plans.reports.service import ERRORS as REPORT_ERRORS
from services.security_plans.reports.service import DuplicateReport
from tests.security_plans.factories import (
    SANTANDER_DE_QUILICHAO,
    TUMACO,
    formulated_plan,
    ok,
    plan_in_implementation,
    strategy_body,
)

PLANS = "/api/v1/security-plans"


# --- flush: the registered constraint names are the database's ------------------------


@pytest.fixture
async def session(security_plans_db: str) -> AsyncIterator[AsyncSession]:
    """A session whose work is rolled back: nothing is left in the database."""
    engine = create_async_engine(sqlalchemy_url(security_plans_db))
    try:
        async with AsyncSession(engine, expire_on_commit=False) as s:
            yield s
            await s.rollback()
    finally:
        await engine.dispose()


def _plan(**overrides: object) -> SecurityPlan:
    fields: dict[str, object] = {
        "municipality_code": SANTANDER_DE_QUILICHAO,
        "department_code": "19",
        "term_start_year": 2024,
        "term_end_year": 2027,
        "title": "PISCC Santander de Quilichao 2024-2027",
    }
    fields.update(overrides)
    return SecurityPlan(**fields)


async def _flushed_plan(session: AsyncSession) -> SecurityPlan:
    plan = _plan()
    session.add(plan)
    await flush(session, PLAN_ERRORS)
    return plan


async def test_a_second_live_plan_for_the_term_is_duplicate_plan(session: AsyncSession) -> None:
    await _flushed_plan(session)
    session.add(_plan(title="Otro plan para el mismo periodo"))
    with pytest.raises(DuplicatePlan) as caught:
        await flush(session, PLAN_ERRORS)
    assert caught.value.status == 409
    assert caught.value.slug == "duplicate-plan"
    assert str(caught.value) == "The municipality already has a plan for that term."


async def test_a_problem_twice_in_the_diagnosis_is_duplicate_problem(
    session: AsyncSession,
) -> None:
    plan = await _flushed_plan(session)
    for source in ("SIEDCO", "Medicina Legal"):
        session.add(
            PlanProblem(
                plan_id=plan.id,
                problem="homicidio",
                priority=1,
                baseline_value=48.3,
                unit="tasa_100k",
                baseline_year=2023,
                source=source,
            )
        )
    with pytest.raises(DuplicateProblem) as caught:
        await flush(session, PROBLEM_ERRORS)
    assert caught.value.slug == "duplicate-problem"


async def test_two_reports_of_one_quarter_are_duplicate_report(session: AsyncSession) -> None:
    plan = await _flushed_plan(session)
    line = PlanLine(plan_id=plan.id, name="Prevención", objective="Menos homicidios")
    session.add(line)
    await flush(session)
    action = SecurityPlanAction(
        plan_id=plan.id,
        line_id=line.id,
        name="Entornos seguros",
        responsible_institution="alcaldia",
        problems=["homicidio"],
        indicator={"name": "Jóvenes", "unit": "personas", "baseline": 0, "target": 400},
        budget={"fonset": 1000},
        budget_total_cop=1000,
    )
    session.add(action)
    await flush(session)
    for value in (10.0, 12.0):
        session.add(
            ProgressReport(
                plan_id=plan.id,
                action_id=action.id,
                period="2024-Q3",
                period_start=date(2024, 7, 1),
                value=value,
                budget_executed_cop=100,
                reported_by="tester",
            )
        )
    with pytest.raises(DuplicateReport) as caught:
        await flush(session, REPORT_ERRORS)
    assert caught.value.slug == "duplicate-report"


async def test_a_reused_primary_key_is_id_reused(session: AsyncSession) -> None:
    plan = await _flushed_plan(session)
    session.expunge(plan)
    session.add(_plan(id=plan.id, municipality_code=TUMACO, department_code="52"))
    with pytest.raises(IdReused) as caught:
        await flush(session, PLAN_ERRORS)
    assert caught.value.slug == "id-reused"
    assert str(caught.value) == "That id is already in use."


# --- PATCH: null is refused for the fields a record must keep --------------------------


async def test_every_patch_refuses_null_for_a_required_field(client) -> None:
    plan = await formulated_plan(client)
    base = f"{PLANS}/{plan['id']}"
    problems = await ok(await client.get(f"{base}/problems"))
    strategy = await ok(
        await client.post("/api/v1/prevention-strategies", json=strategy_body()), 201
    )
    cases = [
        (base, "title"),
        (base, "term_start_year"),
        (f"{base}/problems/{problems['items'][0]['id']}", "source"),
        (f"{base}/lines/{plan['line_ids'][0]}", "objective"),
        (f"{base}/actions/{plan['action_ids'][0]}", "budget"),
        (f"/api/v1/prevention-strategies/{strategy['id']}", "evidence_summary"),
    ]
    for url, field in cases:
        r = await client.patch(url, json={field: None}, headers={"If-Match": '"1"'})
        assert r.status_code == 422, (url, r.text)
        assert r.json()["errors"] == [{"field": "body", "message": f"{field} cannot be null"}]
    # Nothing changed: every record is still at version 1.
    for url, _ in cases:
        assert (await ok(await client.get(url)))["version"] == 1


async def test_a_report_patch_refuses_null_value_but_clears_the_note(client) -> None:
    plan = await plan_in_implementation(client)
    url = f"{PLANS}/{plan['id']}/actions/{plan['action_ids'][0]}/reports"
    report = await ok(
        await client.post(
            url,
            json={"period": "2024-Q3", "value": 12, "budget_executed_cop": 100, "note": "Bien"},
        ),
        201,
    )
    r = await client.patch(
        f"{url}/{report['id']}", json={"value": None}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "body", "message": "value cannot be null"}]
    r = await client.patch(
        f"{url}/{report['id']}", json={"note": None}, headers={"If-Match": '"1"'}
    )
    changed = await ok(r)
    assert changed["note"] is None and changed["version"] == 2
    assert r.headers["ETag"] == '"2"'


# --- loaders and WriteGuard --------------------------------------------------------------


async def test_unknown_plan_is_404_even_with_an_invalid_body(client) -> None:
    # The kit's documented order: the plan is loaded (dependencies) before the body is
    # validated, so an unknown plan answers 404 rather than 422.
    missing = uuid.uuid4()
    r = await client.patch(f"{PLANS}/{missing}", json={"title": None}, headers={"If-Match": '"1"'})
    assert r.status_code == 404
    assert r.json()["detail"] == f"No security plan with id {missing}."
    r = await client.post(f"{PLANS}/{missing}/lines", json={"name": ""})
    assert r.status_code == 404


async def test_scope_is_checked_before_the_plan_is_loaded(client, client_for) -> None:
    plan = await formulated_plan(client)
    async with client_for("plans:read") as reader:
        r = await reader.patch(
            f"{PLANS}/{uuid.uuid4()}", json={"title": "Nuevo"}, headers={"If-Match": '"1"'}
        )
        assert r.status_code == 403
        r = await reader.delete(
            f"{PLANS}/{plan['id']}/lines/{plan['line_ids'][0]}", headers={"If-Match": '"1"'}
        )
        assert r.status_code == 403
    async with client_for("plans:read", "plans:write", municipalities=[TUMACO]) as outsider:
        r = await outsider.get(f"{PLANS}/{plan['id']}/lines/{plan['line_ids'][0]}")
        assert r.status_code == 404
        assert r.json()["detail"] == f"No security plan with id {plan['id']}."


async def test_a_child_of_another_plan_is_not_found(client) -> None:
    first = await formulated_plan(client)
    second = await formulated_plan(client, term_start_year=2028)
    line = first["line_ids"][0]
    r = await client.get(f"{PLANS}/{second['id']}/lines/{line}")
    assert r.status_code == 404
    assert r.json()["detail"] == f"No line with id {line} in this plan."
    r = await client.patch(
        f"{PLANS}/{second['id']}/actions/{first['action_ids'][0]}",
        json={"name": "Otra"},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 404


async def test_write_guard_checks_if_match_and_answers_the_new_etag(client) -> None:
    plan = await formulated_plan(client)
    url = f"{PLANS}/{plan['id']}/lines/{plan['line_ids'][0]}"
    assert (await client.patch(url, json={"name": "Línea nueva"})).status_code == 428
    stale = await client.patch(url, json={"name": "Línea nueva"}, headers={"If-Match": '"9"'})
    assert stale.status_code == 412
    r = await client.patch(url, json={"name": "Línea nueva"}, headers={"If-Match": '"1"'})
    assert (await ok(r))["name"] == "Línea nueva"
    assert r.headers["ETag"] == '"2"'
    got = await client.get(url)
    assert got.headers["ETag"] == '"2"' and got.json()["version"] == 2
    moved = await client.post(f"{PLANS}/{plan['id']}/transitions", json={"to": "submitted"})
    assert (await ok(moved))["status"] == "submitted"
    assert moved.headers["ETag"] == f'"{moved.json()["version"]}"'
