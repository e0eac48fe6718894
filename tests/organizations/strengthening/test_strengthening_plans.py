"""Strengthening plans and their actions: rules, computed figures, state machine, access."""

from __future__ import annotations

import uuid

from tests.organizations.helpers import (
    action_body,
    add_action,
    create_assessment,
    create_organization,
    create_plan,
    organization_with_baseline,
    plan_body,
    transition,
)

PLANS = "/api/v1/strengthening-plans"


async def test_create_plan_on_verified_baseline(client):
    organization, baseline = await organization_with_baseline(client)
    r = await client.post(PLANS, json=plan_body(organization["id"], baseline["id"]))
    assert r.status_code == 201, r.text
    plan = r.json()
    assert plan["status"] == "draft"
    assert plan["organization_id"] == organization["id"]
    assert plan["baseline_assessment_id"] == baseline["id"]
    assert plan["actions_count"] == 0
    assert plan["progress_pct"] is None
    assert plan["overdue_actions"] == 0
    assert plan["opi_areas_covered"] == []
    assert plan["approved_by"] is None and plan["approved_at"] is None
    assert plan["version"] == 1
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{PLANS}/{plan['id']}"
    got = await client.get(f"{PLANS}/{plan['id']}")
    assert got.status_code == 200
    assert got.json() == plan


async def test_baseline_not_verified_is_422(client):
    organization = await create_organization(client)
    draft = await create_assessment(client, organization["id"], verify=False)
    r = await client.post(PLANS, json=plan_body(organization["id"], draft["id"]))
    assert r.status_code == 422, r.text
    problem = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert problem["errors"][0]["field"] == "baseline_assessment_id"
    assert "not verified" in problem["errors"][0]["message"]


async def test_baseline_of_another_organization_is_422(client):
    _, other_baseline = await organization_with_baseline(client, name="Otra organización")
    organization = await create_organization(client)
    r = await client.post(PLANS, json=plan_body(organization["id"], other_baseline["id"]))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "baseline_assessment_id"


async def test_unknown_organization_is_422_naming_it(client):
    _, baseline = await organization_with_baseline(client)
    r = await client.post(PLANS, json=plan_body(str(uuid.uuid4()), baseline["id"]))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_id"


async def test_end_date_must_follow_start_date(client):
    organization, baseline = await organization_with_baseline(client)
    body = plan_body(
        organization["id"], baseline["id"], start_date="2025-06-01", end_date="2025-06-01"
    )
    r = await client.post(PLANS, json=body)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "end_date"


async def test_second_open_plan_is_409_until_the_first_is_closed(client):
    organization, baseline = await organization_with_baseline(client)
    first = (await client.post(PLANS, json=plan_body(organization["id"], baseline["id"]))).json()
    r = await client.post(
        PLANS, json=plan_body(organization["id"], baseline["id"], title="Otro plan")
    )
    assert r.status_code == 409, r.text
    assert r.json()["type"] == "urn:somos:problem:open-plan-exists"
    assert first["id"] in r.json()["detail"]
    cancelled = await transition(
        client, f"{PLANS}/{first['id']}", "cancelled", reason="Se reformula con la junta directiva"
    )
    assert cancelled.status_code == 200
    r = await client.post(
        PLANS, json=plan_body(organization["id"], baseline["id"], title="Otro plan")
    )
    assert r.status_code == 201, r.text


async def test_progress_is_mean_of_actions_not_dropped(client):
    plan = await create_plan(client)
    path = f"{PLANS}/{plan['id']}"
    await add_action(client, plan["id"], opi_area="results", progress_pct=0)
    await add_action(client, plan["id"], opi_area="delivery", status="in_progress", progress_pct=50)
    await add_action(client, plan["id"], opi_area="learning", status="done", progress_pct=100)
    await add_action(client, plan["id"], opi_area="resources", status="dropped", progress_pct=10)
    body = (await client.get(path)).json()
    assert body["progress_pct"] == 50.0
    assert body["actions_count"] == 4
    # Dropped actions cover no sub-area; the list follows the handbook's order.
    assert body["opi_areas_covered"] == ["results", "delivery", "learning"]


async def test_progress_rounds_to_one_decimal(client):
    plan = await create_plan(client)
    for pct in (10, 20, 3):
        await add_action(client, plan["id"], status="in_progress", progress_pct=pct)
    assert (await client.get(f"{PLANS}/{plan['id']}")).json()["progress_pct"] == 11.0
    await add_action(client, plan["id"], status="in_progress", progress_pct=0)
    assert (await client.get(f"{PLANS}/{plan['id']}")).json()["progress_pct"] == 8.3


async def test_done_forces_progress_100(client):
    plan = await create_plan(client)
    action = await add_action(client, plan["id"], status="done", progress_pct=30)
    assert action["progress_pct"] == 100
    other = await add_action(client, plan["id"], progress_pct=20)
    r = await client.patch(
        f"{PLANS}/{plan['id']}/actions/{other['id']}",
        json={"status": "done"},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["progress_pct"] == 100
    assert r.json()["version"] == 2
    assert (await client.get(f"{PLANS}/{plan['id']}")).json()["progress_pct"] == 100.0


async def test_overdue_actions_are_counted(client):
    plan = await create_plan(client)
    await add_action(client, plan["id"], due_date="2020-01-31")  # overdue
    await add_action(client, plan["id"], due_date="2020-01-31", status="done")
    await add_action(client, plan["id"], due_date="2020-01-31", status="dropped")
    late = await add_action(
        client, plan["id"], due_date="2021-05-05", status="in_progress", progress_pct=40
    )  # overdue
    await add_action(client, plan["id"], due_date="2099-12-31")
    body = (await client.get(f"{PLANS}/{plan['id']}")).json()
    assert body["overdue_actions"] == 2
    assert late["overdue"] is True
    one = (await client.get(f"{PLANS}/{plan['id']}/actions/{late['id']}")).json()
    assert one["overdue"] is True
    listed = (await client.get(f"{PLANS}/{plan['id']}/actions")).json()["items"]
    assert [a["overdue"] for a in listed] == [True, False, False, True, False]


async def test_approve_without_actions_is_409(client):
    plan = await create_plan(client)
    r = await transition(client, f"{PLANS}/{plan['id']}", "approved")
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:plan-without-actions"
    # A plan whose only action is dropped has no actions to carry out either.
    await add_action(client, plan["id"], status="dropped")
    r = await transition(client, f"{PLANS}/{plan['id']}", "approved")
    assert r.status_code == 409


async def test_full_lifecycle_records_approver(client, make_token):
    plan = await create_plan(client)
    path = f"{PLANS}/{plan['id']}"
    await add_action(client, plan["id"])
    approver = {
        "Authorization": "Bearer "
        + make_token(["organizations:read", "organizations:write"], sub="coordinadora.narino")
    }
    r = await client.post(f"{path}/transitions", json={"to": "approved"}, headers=approver)
    assert r.status_code == 200, r.text
    approved = r.json()
    assert approved["status"] == "approved"
    assert approved["approved_by"] == "coordinadora.narino"
    assert approved["approved_at"].endswith("Z")
    assert approved["version"] == 2
    assert r.headers["etag"] == '"2"'
    r = await transition(client, path, "in_progress")
    assert r.json()["status"] == "in_progress"
    r = await transition(client, path, "completed")
    assert r.status_code == 200
    completed = r.json()
    assert completed["status"] == "completed"
    assert completed["approved_by"] == "coordinadora.narino"
    assert completed["version"] == 4


async def test_invalid_transition_names_the_allowed_ones(client):
    plan = await create_plan(client)
    r = await transition(client, f"{PLANS}/{plan['id']}", "completed")
    assert r.status_code == 409
    problem = r.json()
    assert problem["type"] == "urn:somos:problem:invalid-transition"
    assert problem["allowed"] == ["approved", "cancelled"]
    assert "approved, cancelled" in problem["detail"]
    r = await transition(client, f"{PLANS}/{plan['id']}", "banana")
    assert r.status_code == 422


async def test_cancel_needs_a_reason_and_is_final(client):
    plan = await create_plan(client)
    path = f"{PLANS}/{plan['id']}"
    r = await transition(client, path, "cancelled")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "reason"
    r = await transition(client, path, "cancelled", reason="La organización se disolvió")
    assert r.status_code == 200
    assert r.json()["cancellation_reason"] == "La organización se disolvió"
    r = await transition(client, path, "approved")
    assert r.status_code == 409
    assert r.json()["allowed"] == []


async def test_cancel_from_approved_and_in_progress(client):
    for stop_at in ("approved", "in_progress"):
        plan = await create_plan(client, name=f"Organización {stop_at}")
        path = f"{PLANS}/{plan['id']}"
        await add_action(client, plan["id"])
        await transition(client, path, "approved")
        if stop_at == "in_progress":
            await transition(client, path, "in_progress")
        r = await transition(client, path, "cancelled", reason="Sin financiación")
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "cancelled"


async def test_actions_of_completed_or_cancelled_plan_are_read_only(client):
    plan = await create_plan(client)
    path = f"{PLANS}/{plan['id']}"
    action = await add_action(client, plan["id"])
    for to in ("approved", "in_progress", "completed"):
        assert (await transition(client, path, to)).status_code == 200
    r = await client.post(f"{path}/actions", json=action_body())
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:plan-closed"
    action_path = f"{path}/actions/{action['id']}"
    r = await client.patch(action_path, json={"progress_pct": 80}, headers={"If-Match": '"1"'})
    assert r.status_code == 409
    r = await client.delete(action_path, headers={"If-Match": '"1"'})
    assert r.status_code == 409
    assert (await client.get(action_path)).json()["progress_pct"] == 0
    r = await client.patch(path, json={"title": "Nuevo título"}, headers={"If-Match": '"4"'})
    assert r.status_code == 409

    cancelled = await create_plan(client, name="Otra asociación")
    await transition(client, f"{PLANS}/{cancelled['id']}", "cancelled", reason="Duplicado")
    r = await client.post(f"{PLANS}/{cancelled['id']}/actions", json=action_body())
    assert r.status_code == 409


async def test_patch_plan_needs_if_match(client):
    plan = await create_plan(client)
    path = f"{PLANS}/{plan['id']}"
    r = await client.patch(path, json={"title": "Plan ajustado"})
    assert r.status_code == 428
    r = await client.patch(path, json={"title": "Plan ajustado"}, headers={"If-Match": '"7"'})
    assert r.status_code == 412
    assert r.headers["etag"] == '"1"'
    r = await client.patch(
        path, json={"title": "Plan ajustado", "end_date": "2026-01-31"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert r.json()["title"] == "Plan ajustado"
    assert r.json()["end_date"] == "2026-01-31"
    assert r.headers["etag"] == '"2"'
    r = await client.patch(path, json={"end_date": "2024-01-01"}, headers={"If-Match": '"2"'})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "end_date"
    r = await client.patch(path, json={"title": None}, headers={"If-Match": '"2"'})
    assert r.status_code == 422


async def test_archive_plan_hides_it_and_frees_the_organization(client):
    plan = await create_plan(client)
    path = f"{PLANS}/{plan['id']}"
    assert (await client.delete(path)).status_code == 428
    r = await client.delete(path, headers={"If-Match": '"1"'})
    assert r.status_code == 200
    assert r.json()["archived_at"] is not None
    listed = (await client.get(PLANS)).json()["items"]
    assert listed == []
    listed = (await client.get(PLANS, params={"include_archived": "true"})).json()["items"]
    assert [p["id"] for p in listed] == [plan["id"]]
    r = await client.post(
        PLANS, json=plan_body(plan["organization_id"], plan["baseline_assessment_id"])
    )
    assert r.status_code == 201
    r = await transition(client, path, "cancelled", reason="x")
    assert r.status_code == 409


async def test_action_crud_with_etags_and_archive(client):
    plan = await create_plan(client)
    base = f"{PLANS}/{plan['id']}/actions"
    action = await add_action(client, plan["id"], opi_area="social_capital")
    assert action["status"] == "pending"
    assert action["plan_id"] == plan["id"]
    path = f"{base}/{action['id']}"
    r = await client.get(path)
    assert r.headers["etag"] == '"1"'
    assert (await client.patch(path, json={"progress_pct": 30})).status_code == 428
    r = await client.patch(path, json={"progress_pct": 130}, headers={"If-Match": '"1"'})
    assert r.status_code == 422
    r = await client.patch(
        path, json={"progress_pct": 30, "status": "in_progress"}, headers={"If-Match": '"1"'}
    )
    assert r.json()["progress_pct"] == 30 and r.json()["version"] == 2
    r = await client.delete(path, headers={"If-Match": '"1"'})
    assert r.status_code == 412
    r = await client.delete(path, headers={"If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["archived_at"] is not None
    assert (await client.get(base)).json()["items"] == []
    assert len((await client.get(base, params={"include_archived": "true"})).json()["items"]) == 1
    # Archived actions no longer count in the plan's figures.
    body = (await client.get(f"{PLANS}/{plan['id']}")).json()
    assert body["actions_count"] == 0 and body["progress_pct"] is None


async def test_action_of_another_plan_is_404(client):
    plan = await create_plan(client)
    other = await create_plan(client, name="Otra asociación")
    action = await add_action(client, other["id"])
    r = await client.get(f"{PLANS}/{plan['id']}/actions/{action['id']}")
    assert r.status_code == 404


async def test_action_validation_names_fields(client):
    plan = await create_plan(client)
    r = await client.post(
        f"{PLANS}/{plan['id']}/actions", json=action_body(opi_area="felicidad", progress_pct=-1)
    )
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert fields == {"opi_area", "progress_pct"}


async def test_client_id_replays_and_conflicts(client):
    organization, baseline = await organization_with_baseline(client)
    plan_id = str(uuid.uuid4())
    body = plan_body(organization["id"], baseline["id"], id=plan_id)
    first = await client.post(PLANS, json=body)
    assert first.status_code == 201 and first.json()["id"] == plan_id
    again = await client.post(PLANS, json=body)
    assert again.status_code == 200 and again.json()["id"] == plan_id
    changed = await client.post(PLANS, json={**body, "title": "Otro título"})
    assert changed.status_code == 409
    assert changed.json()["type"] == "urn:somos:problem:id-reused"

    action_id = str(uuid.uuid4())
    a1 = await client.post(f"{PLANS}/{plan_id}/actions", json=action_body(id=action_id))
    a2 = await client.post(f"{PLANS}/{plan_id}/actions", json=action_body(id=action_id))
    assert (a1.status_code, a2.status_code) == (201, 200)
    a3 = await client.post(
        f"{PLANS}/{plan_id}/actions", json=action_body(id=action_id, opi_area="reach")
    )
    assert a3.status_code == 409


async def test_list_filters_and_pagination(client):
    plans = []
    for name, code in (
        ("Asociación Uno", "52835"),
        ("Asociación Dos", "52835"),
        ("Asociación Tres", "05001"),
    ):
        plans.append(await create_plan(client, name=name, municipality_code=code))
    await add_action(client, plans[0]["id"], progress_pct=40, status="in_progress")
    await add_action(client, plans[0]["id"], progress_pct=60, status="in_progress")
    await transition(client, f"{PLANS}/{plans[0]['id']}", "approved")

    page1 = await client.get(PLANS, params={"limit": 2})
    assert len(page1.json()["items"]) == 2
    assert 'rel="next"' in page1.headers["link"]
    page2 = await client.get(PLANS, params={"limit": 2, "cursor": page1.json()["next_cursor"]})
    assert page2.json()["next_cursor"] is None
    ids = [p["id"] for p in page1.json()["items"] + page2.json()["items"]]
    assert ids == [p["id"] for p in plans]
    # Computed figures appear in lists too.
    assert page1.json()["items"][0]["progress_pct"] == 50.0

    by_muni = (await client.get(PLANS, params={"municipality_code": "05001"})).json()["items"]
    assert [p["id"] for p in by_muni] == [plans[2]["id"]]
    by_dept = (await client.get(PLANS, params={"department_code": "52"})).json()["items"]
    assert {p["id"] for p in by_dept} == {plans[0]["id"], plans[1]["id"]}
    approved = (await client.get(PLANS, params={"status": "approved"})).json()["items"]
    assert [p["id"] for p in approved] == [plans[0]["id"]]
    by_org = (
        await client.get(PLANS, params={"organization_id": plans[1]["organization_id"]})
    ).json()["items"]
    assert [p["id"] for p in by_org] == [plans[1]["id"]]
    bad = await client.get(PLANS, params={"municipality_code": "5001"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "municipality_code"


async def test_territory_restricted_token(client, make_token):
    inside = await create_plan(client, name="Asociación de Tumaco", municipality_code="52835")
    outside = await create_plan(client, name="Asociación de Medellín", municipality_code="05001")
    token = make_token(["organizations:read", "organizations:write"], municipalities=["52835"])
    headers = {"Authorization": f"Bearer {token}"}
    listed = (await client.get(PLANS, headers=headers)).json()["items"]
    assert [p["id"] for p in listed] == [inside["id"]]
    assert (await client.get(f"{PLANS}/{outside['id']}", headers=headers)).status_code == 404
    r = await client.post(f"{PLANS}/{outside['id']}/actions", json=action_body(), headers=headers)
    assert r.status_code == 404
    r = await client.post(f"{PLANS}/{inside['id']}/actions", json=action_body(), headers=headers)
    assert r.status_code == 201
    # Creating a plan for an organization outside the territory does not reveal it.
    org, baseline = await organization_with_baseline(
        client, name="Asociación de Cali", municipality_code="76001"
    )
    r = await client.post(PLANS, json=plan_body(org["id"], baseline["id"]), headers=headers)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_id"


async def test_auth_401_and_403(client, anonymous, make_token):
    plan = await create_plan(client)
    r = await anonymous.get(PLANS)
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    reader = {"Authorization": "Bearer " + make_token(["organizations:read"])}
    assert (await client.get(PLANS, headers=reader)).status_code == 200
    r = await client.post(
        f"{PLANS}/{plan['id']}/transitions", json={"to": "cancelled", "reason": "x"}, headers=reader
    )
    assert r.status_code == 403
    assert r.json()["missing_scope"] == "organizations:write"
    other = {"Authorization": "Bearer " + make_token(["events:read"])}
    r = await client.get(f"{PLANS}/{plan['id']}/actions", headers=other)
    assert r.status_code == 403
    assert r.json()["missing_scope"] == "organizations:read"
