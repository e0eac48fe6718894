"""Plans: creation rules, lifecycle, approval data, edits only in formulation."""

from __future__ import annotations

import uuid

from tests.security_plans.factories import (
    APPROVAL,
    POPAYAN,
    TUMACO,
    action_body,
    formulated_plan,
    line_body,
    ok,
    plan_body,
    problem_body,
)

PLANS = "/api/v1/security-plans"


async def test_create_computes_term_department_and_deadline(client):
    r = await client.post(PLANS, json=plan_body())
    body = await ok(r, 201)
    assert body["department_code"] == "19"
    assert body["term_end_year"] == 2027
    assert body["approval_deadline"] == "2024-06-30"
    assert body["approved_on_time"] is None
    assert body["status"] == "formulation"
    assert body["title"].endswith("«Quilichao segura y en paz»")
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{PLANS}/{body['id']}"
    assert body["created_at"].endswith("Z")


async def test_term_start_year_must_start_a_mayoral_term(client):
    r = await client.post(PLANS, json=plan_body(term_start_year=2023))
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in r.json()["errors"]] == ["term_start_year"]
    assert "2023" in r.json()["errors"][0]["message"]
    assert (await client.post(PLANS, json=plan_body(term_start_year=2028))).status_code == 201


async def test_municipality_code_must_be_divipola(client):
    r = await client.post(PLANS, json=plan_body(municipality_code="1969"))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "municipality_code"
    r = await client.post(PLANS, json=plan_body(municipality_code=19698))
    assert r.status_code == 422


async def test_one_plan_per_municipality_and_term(client):
    first = await ok(await client.post(PLANS, json=plan_body()), 201)
    r = await client.post(PLANS, json=plan_body(title="Otro PISCC para el mismo periodo"))
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:duplicate-plan"
    # Another term or another municipality is fine.
    await ok(await client.post(PLANS, json=plan_body(term_start_year=2020)), 201)
    await ok(await client.post(PLANS, json=plan_body(municipality_code=POPAYAN)), 201)
    # Archiving the first frees the term.
    await ok(await client.delete(f"{PLANS}/{first['id']}", headers={"If-Match": '"1"'}))
    await ok(await client.post(PLANS, json=plan_body()), 201)


async def test_client_id_same_content_replays_other_content_conflicts(client):
    plan_id = str(uuid.uuid4())
    first = await ok(await client.post(PLANS, json=plan_body(id=plan_id)), 201)
    again = await client.post(PLANS, json=plan_body(id=plan_id))
    assert again.status_code == 200
    assert again.json()["id"] == plan_id == first["id"]
    r = await client.post(PLANS, json=plan_body(id=plan_id, title="Título diferente"))
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:id-reused"


async def test_list_filters_pagination_and_archived(client):
    a = await ok(await client.post(PLANS, json=plan_body()), 201)
    await ok(await client.post(PLANS, json=plan_body(term_start_year=2020)), 201)
    await ok(await client.post(PLANS, json=plan_body(municipality_code=TUMACO)), 201)
    ids = lambda page: [p["id"] for p in page["items"]]  # noqa: E731
    assert len(ids(await ok(await client.get(PLANS)))) == 3
    cauca = await ok(await client.get(PLANS, params={"department_code": "19"}))
    assert {p["municipality_code"] for p in cauca["items"]} == {"19698"}
    assert len(cauca["items"]) == 2
    t2024 = await ok(await client.get(PLANS, params={"term_start_year": 2024}))
    assert len(t2024["items"]) == 2
    first = await client.get(PLANS, params={"limit": 2})
    page1 = first.json()
    assert len(page1["items"]) == 2 and page1["next_cursor"]
    assert 'rel="next"' in first.headers["link"]
    page2 = await ok(await client.get(PLANS, params={"limit": 2, "cursor": page1["next_cursor"]}))
    assert len(page2["items"]) == 1 and page2["next_cursor"] is None
    assert set(ids(page1)).isdisjoint(ids(page2))
    await ok(await client.delete(f"{PLANS}/{a['id']}", headers={"If-Match": '"1"'}))
    assert a["id"] not in ids(await ok(await client.get(PLANS)))
    archived = await ok(await client.get(PLANS, params={"include_archived": "true"}))
    assert a["id"] in ids(archived)
    got = await ok(await client.get(f"{PLANS}/{a['id']}"))
    assert got["archived_at"] is not None


async def test_patch_needs_if_match_and_only_in_formulation(client):
    plan = await formulated_plan(client)
    url = f"{PLANS}/{plan['id']}"
    r = await client.patch(url, json={"title": "PISCC ajustado"})
    assert r.status_code == 428
    r = await client.patch(url, json={"title": "PISCC ajustado"}, headers={"If-Match": '"7"'})
    assert r.status_code == 412
    assert r.headers["etag"] == '"1"'
    r = await client.patch(url, json={"title": "PISCC ajustado"}, headers={"If-Match": '"1"'})
    body = await ok(r)
    assert body["title"] == "PISCC ajustado" and body["version"] == 2
    assert r.headers["etag"] == '"2"'
    r = await client.patch(url, json={"term_start_year": 2021}, headers={"If-Match": '"2"'})
    assert r.status_code == 422
    r = await client.patch(url, json={"term_start_year": 2028}, headers={"If-Match": '"2"'})
    assert (await ok(r))["term_end_year"] == 2031
    await ok(await client.post(f"{url}/transitions", json={"to": "submitted"}))
    r = await client.patch(url, json={"title": "Tarde"}, headers={"If-Match": '"4"'})
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:plan-not-in-formulation"


async def test_lifecycle_with_approval_data(client):
    plan = await formulated_plan(client)
    url = f"{PLANS}/{plan['id']}/transitions"
    r = await client.post(
        url, json={"to": "approved", **{k: v for k, v in APPROVAL.items() if k != "to"}}
    )
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:invalid-transition"
    assert r.json()["allowed"] == ["submitted"]
    await ok(await client.post(url, json={"to": "submitted"}))
    r = await client.post(url, json={"to": "formulation"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reason"
    back = await ok(
        await client.post(url, json={"to": "formulation", "reason": "Falta enfoque diferencial"})
    )
    assert back["status"] == "formulation"
    assert back["status_reason"] == "Falta enfoque diferencial"
    await ok(await client.post(url, json={"to": "submitted"}))
    r = await client.post(url, json={"to": "approved"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "approved_on"
    r = await client.post(url, json={"to": "approved", "approved_on": "2024-05-20"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "act_reference"
    r = await client.post(url, json={**APPROVAL, "approved_on": "2023-12-01"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "approved_on"
    approved = await ok(await client.post(url, json=APPROVAL))
    assert approved["status"] == "approved"
    assert approved["approved_on"] == "2024-05-20"
    assert approved["approving_body"] == "comite_territorial_orden_publico"
    assert approved["act_reference"] == "Acta CTOP 004 de 2024"
    assert approved["approved_on_time"] is True
    r = await client.post(url, json={"to": "closed"})
    assert r.status_code == 409 and r.json()["allowed"] == ["in_implementation"]
    await ok(await client.post(url, json={"to": "in_implementation"}))
    closed = await ok(await client.post(url, json={"to": "closed"}))
    assert closed["status"] == "closed"
    r = await client.post(url, json={"to": "formulation", "reason": "x"})
    assert r.status_code == 409 and r.json()["allowed"] == []
    r = await client.post(url, json={"to": "archived"})
    assert r.status_code == 422


async def test_late_approval_is_not_on_time(client):
    plan = await formulated_plan(client)
    url = f"{PLANS}/{plan['id']}/transitions"
    await ok(await client.post(url, json={"to": "submitted"}))
    late = await ok(
        await client.post(
            url,
            json={**APPROVAL, "approved_on": "2024-07-01", "approving_body": "consejo_seguridad"},
        )
    )
    assert late["approved_on_time"] is False
    assert late["approving_body"] == "consejo_seguridad"
    assert late["approval_deadline"] == "2024-06-30"


async def test_submit_needs_diagnosis_lines_and_actions(client):
    plan = await ok(await client.post(PLANS, json=plan_body()), 201)
    url = f"{PLANS}/{plan['id']}"
    r = await client.post(f"{url}/transitions", json={"to": "submitted"})
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:plan-incomplete"
    assert "diagnosis" in r.json()["detail"] and "action" in r.json()["detail"]


async def test_edits_only_in_formulation(client):
    plan = await formulated_plan(client)
    url = f"{PLANS}/{plan['id']}"
    await ok(await client.post(f"{url}/transitions", json={"to": "submitted"}))
    attempts = [
        await client.post(f"{url}/problems", json=problem_body("extorsion")),
        await client.post(f"{url}/lines", json=line_body()),
        await client.post(f"{url}/lines/{plan['line_ids'][0]}/actions", json=action_body()),
        await client.patch(
            f"{url}/actions/{plan['action_ids'][0]}",
            json={"name": "Nuevo"},
            headers={"If-Match": '"1"'},
        ),
        await client.delete(f"{url}/lines/{plan['line_ids'][0]}", headers={"If-Match": '"1"'}),
    ]
    for r in attempts:
        assert r.status_code == 409, r.text
        assert r.json()["type"] == "urn:somos:problem:plan-not-in-formulation"
    detail = await ok(await client.get(url))
    assert len(detail["problems"]) == 2 and len(detail["lines"]) == 1


async def test_detail_nests_lines_and_actions(client):
    plan = await formulated_plan(client, lines=2, actions=3)
    r = await client.get(f"{PLANS}/{plan['id']}")
    detail = await ok(r)
    assert r.headers["etag"] == '"1"'
    assert [p["problem"] for p in detail["problems"]] == ["homicidio", "hurto_personas"]
    assert [len(line["actions"]) for line in detail["lines"]] == [3, 3]
    assert detail["lines"][1]["actions"][2]["name"] == "Acción 2.3"
    assert detail["lines"][0]["actions"][0]["indicator"] == {
        "name": "Jóvenes en programas de prevención",
        "unit": "personas",
        "baseline": 0.0,
        "target": 400.0,
    }
    r = await client.get(f"{PLANS}/{uuid.uuid4()}")
    assert r.status_code == 404 and r.json()["type"] == "urn:somos:problem:not-found"


async def test_idempotency_key_replays_creation(client):
    headers = {"Idempotency-Key": "crear-piscc-quilichao"}
    first = await client.post(PLANS, json=plan_body(), headers=headers)
    again = await client.post(PLANS, json=plan_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers.get("idempotent-replayed") == "true"
