"""Community initiatives (IBP): beneficiaries that add up, state machine, filters, access."""

from __future__ import annotations

import uuid

from tests.organizations.helpers import beneficiaries, create_organization, initiative_body

INITIATIVES = "/api/v1/community-initiatives"


async def create(client, **overrides):
    r = await client.post(INITIATIVES, json=initiative_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


async def test_create_fills_every_code_of_every_breakdown(client):
    r = await client.post(INITIATIVES, json=initiative_body())
    assert r.status_code == 201, r.text
    initiative = r.json()
    assert initiative["status"] == "designed"
    assert initiative["department_code"] == "52"
    assert initiative["budget_cop"] == 15_000_000
    assert initiative["beneficiaries"] == {
        "total": 120,
        "by_sex": {"mujer": 60, "hombre": 30, "otro": 0, "no_reporta": 30},
        "by_age_group": {"0_13": 30, "14_28": 30, "29_59": 30, "60_mas": 30, "no_reporta": 0},
        "by_ethnicity": {
            "afrocolombiano": 90,
            "indigena": 0,
            "raizal": 0,
            "palenquero": 0,
            "rrom": 0,
            "ninguno": 30,
            "no_reporta": 0,
        },
    }
    assert initiative["risk_factors_addressed"] == [
        "falta_oportunidades_jovenes",
        "entorno_inseguro",
    ]
    assert r.headers["etag"] == '"1"'
    assert (await client.get(f"{INITIATIVES}/{initiative['id']}")).json() == initiative


async def test_missing_breakdown_is_recorded_as_not_reported(client):
    initiative = await create(
        client, beneficiaries={"total": 40, "by_sex": {"mujer": 25, "hombre": 15}}
    )
    b = initiative["beneficiaries"]
    assert b["by_sex"]["mujer"] == 25 and b["by_sex"]["no_reporta"] == 0
    assert b["by_age_group"]["no_reporta"] == 40
    assert b["by_ethnicity"]["no_reporta"] == 40


async def test_breakdown_not_adding_up_is_422_naming_it(client):
    body = beneficiaries(120)
    body["by_sex"]["mujer"] -= 10
    r = await client.post(INITIATIVES, json=initiative_body(beneficiaries=body))
    assert r.status_code == 422
    problem = r.json()
    assert problem["errors"] == [
        {"field": "beneficiaries.by_sex", "message": "adds up to 110, but total is 120"}
    ]
    body = beneficiaries(120)
    body["by_age_group"]["60_mas"] += 1
    body["by_ethnicity"]["ninguno"] -= 1
    r = await client.post(INITIATIVES, json=initiative_body(beneficiaries=body))
    assert {e["field"] for e in r.json()["errors"]} == {
        "beneficiaries.by_age_group",
        "beneficiaries.by_ethnicity",
    }
    r = await client.post(
        INITIATIVES, json=initiative_body(beneficiaries={"total": 5, "by_sex": {"marciano": 5}})
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"].startswith("beneficiaries.by_sex")


async def test_validation_names_fields(client):
    r = await client.post(
        INITIATIVES,
        json=initiative_body(
            municipality_code="00123",
            budget_cop=-5,
            risk_factors_addressed=[],
            methodology="magia",
            start_date="2025-05-01",
            end_date="2025-04-30",
        ),
    )
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {
        "municipality_code",
        "budget_cop",
        "risk_factors_addressed",
        "methodology",
        "end_date",
    } <= fields
    r = await client.post(INITIATIVES, json=initiative_body(budget_cop=1.5))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "budget_cop"


async def test_lead_organization_must_exist(client):
    r = await client.post(INITIATIVES, json=initiative_body(lead_organization_id=str(uuid.uuid4())))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "lead_organization_id"
    organization = await create_organization(client)
    initiative = await create(client, lead_organization_id=organization["id"])
    assert initiative["lead_organization_id"] == organization["id"]
    listed = await client.get(INITIATIVES, params={"lead_organization_id": organization["id"]})
    assert [i["id"] for i in listed.json()["items"]] == [initiative["id"]]


async def test_lifecycle_and_completion_figures(client):
    initiative = await create(client)
    path = f"{INITIATIVES}/{initiative['id']}"
    r = await client.post(f"{path}/transitions", json={"to": "completed"})
    assert r.status_code == 409
    assert r.json()["allowed"] == ["in_implementation", "cancelled"]
    r = await client.post(f"{path}/transitions", json={"to": "in_implementation"})
    assert r.status_code == 200 and r.json()["status"] == "in_implementation"
    r = await client.post(f"{path}/transitions", json={"to": "completed"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "end_date"
    r = await client.post(
        f"{path}/transitions",
        json={"to": "completed", "end_date": "2025-09-30", "beneficiaries": beneficiaries(200)},
    )
    assert r.status_code == 200, r.text
    done = r.json()
    assert done["status"] == "completed"
    assert done["end_date"] == "2025-09-30"
    assert done["beneficiaries"]["total"] == 200
    assert done["beneficiaries"]["by_sex"]["mujer"] == 100
    assert done["version"] == 3
    # Completed initiatives are read-only.
    r = await client.patch(path, json={"title": "Otro"}, headers={"If-Match": '"3"'})
    assert r.status_code == 409
    assert r.json()["type"] == "urn:somos:problem:initiative-closed"


async def test_cancel_needs_reason(client):
    initiative = await create(client)
    path = f"{INITIATIVES}/{initiative['id']}"
    r = await client.post(f"{path}/transitions", json={"to": "cancelled"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reason"
    r = await client.post(
        f"{path}/transitions", json={"to": "cancelled", "reason": "Amenazas al comité"}
    )
    assert r.status_code == 200
    assert r.json()["cancellation_reason"] == "Amenazas al comité"
    r = await client.post(f"{path}/transitions", json={"to": "in_implementation"})
    assert r.status_code == 409 and r.json()["allowed"] == []


async def test_patch_replaces_beneficiaries_and_checks_them(client):
    initiative = await create(client)
    path = f"{INITIATIVES}/{initiative['id']}"
    assert (await client.patch(path, json={"budget_cop": 1})).status_code == 428
    bad = beneficiaries(80)
    bad["by_ethnicity"]["ninguno"] = 0
    r = await client.patch(path, json={"beneficiaries": bad}, headers={"If-Match": '"1"'})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "beneficiaries.by_ethnicity"
    r = await client.patch(
        path,
        json={"beneficiaries": beneficiaries(80), "municipality_code": "05001", "budget_cop": None},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["beneficiaries"]["total"] == 80
    assert (body["municipality_code"], body["department_code"]) == ("05001", "05")
    assert body["budget_cop"] is None
    assert r.headers["etag"] == '"2"'
    r = await client.patch(path, json={"end_date": "2020-01-01"}, headers={"If-Match": '"2"'})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "end_date"
    r = await client.patch(path, json={"title": None}, headers={"If-Match": '"2"'})
    assert r.status_code == 422
    assert (await client.delete(path, headers={"If-Match": '"1"'})).status_code == 412
    r = await client.delete(path, headers={"If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["archived_at"] is not None
    assert (await client.get(INITIATIVES)).json()["items"] == []


async def test_filters(client):
    a = await create(
        client,
        title="Huerta comunitaria",
        start_date="2025-01-15",
        risk_factors_addressed=["consumo_spa"],
    )
    b = await create(
        client,
        title="Escuela de liderazgo",
        municipality_code="05001",
        methodology="other",
        start_date="2025-03-01",
    )
    await client.post(f"{INITIATIVES}/{b['id']}/transitions", json={"to": "in_implementation"})

    async def listed(**params):
        r = await client.get(INITIATIVES, params=params)
        assert r.status_code == 200, r.text
        return [i["id"] for i in r.json()["items"]]

    assert await listed() == [a["id"], b["id"]]
    assert await listed(municipality_code="05001") == [b["id"]]
    assert await listed(department_code="52") == [a["id"]]
    assert await listed(status="in_implementation") == [b["id"]]
    assert await listed(methodology="ibp") == [a["id"]]
    assert await listed(risk_factor="consumo_spa") == [a["id"]]
    assert await listed(risk_factor="entorno_inseguro") == [b["id"]]
    assert await listed(**{"from": "2025-02-01"}) == [b["id"]]
    assert await listed(**{"to": "2025-02-01"}) == [a["id"]]
    page = await client.get(INITIATIVES, params={"limit": 1})
    assert page.json()["next_cursor"] and 'rel="next"' in page.headers["link"]


async def test_client_id(client):
    body = initiative_body(id=str(uuid.uuid4()))
    assert (await client.post(INITIATIVES, json=body)).status_code == 201
    again = await client.post(INITIATIVES, json=body)
    assert again.status_code == 200
    r = await client.post(INITIATIVES, json={**body, "beneficiaries": beneficiaries(40)})
    assert r.status_code == 409


async def test_territory_and_scopes(client, anonymous, make_token):
    tumaco = await create(client)
    medellin = await create(client, municipality_code="05001")
    token = make_token(["organizations:read", "organizations:write"], municipalities=["52835"])
    headers = {"Authorization": f"Bearer {token}"}
    listed = (await client.get(INITIATIVES, headers=headers)).json()["items"]
    assert [i["id"] for i in listed] == [tumaco["id"]]
    assert (await client.get(f"{INITIATIVES}/{medellin['id']}", headers=headers)).status_code == 404
    r = await client.post(
        INITIATIVES, json=initiative_body(municipality_code="05001"), headers=headers
    )
    assert r.status_code == 403
    r = await client.patch(
        f"{INITIATIVES}/{tumaco['id']}",
        json={"municipality_code": "05001"},
        headers={**headers, "If-Match": '"1"'},
    )
    assert r.status_code == 403
    assert (await anonymous.post(INITIATIVES, json=initiative_body())).status_code == 401
    reader = {"Authorization": "Bearer " + make_token(["organizations:read"])}
    r = await client.post(
        f"{INITIATIVES}/{tumaco['id']}/transitions",
        json={"to": "in_implementation"},
        headers=reader,
    )
    assert r.status_code == 403


async def test_vocabularies_serve_the_new_lists(client):
    r = await client.get("/api/v1/vocabularies/organizations")
    assert r.status_code == 200
    vocabularies = r.json()["vocabularies"]
    for name in (
        "plan_status",
        "action_status",
        "support_kind",
        "initiative_status",
        "methodology",
        "risk_factor",
        "sex",
        "age_group",
        "ethnicity",
    ):
        assert name in vocabularies, name
    age = {t["code"]: (t["es"], t["en"]) for t in vocabularies["age_group"]["terms"]}
    assert age["60_mas"] == ("60 años o más", "60 years or older")
    plan = [t["code"] for t in vocabularies["plan_status"]["terms"]]
    assert plan == ["draft", "approved", "in_progress", "completed", "cancelled"]
    risks = {t["code"] for t in vocabularies["risk_factor"]["terms"]}
    assert len(risks) == 10 and "presencia_grupos_armados" in risks
