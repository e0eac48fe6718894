"""The organizations registry through its HTTP API, on a real PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from services.common.settings import PlatformSettings
from services.common.testing import asgi_client, bearer, running_app
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings
from tests.organizations.factories import organization_body

ORGS = "/api/v1/organizations"


async def create(client, **overrides):
    r = await client.post(ORGS, json=organization_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


# --- create and read ---------------------------------------------------------------------


async def test_create_returns_the_record_with_derived_fields(client):
    r = await client.post(ORGS, json=organization_body())
    assert r.status_code == 201
    body = r.json()
    assert body["name"] == "Asociación de Mujeres de TÚMACO"  # accents round-trip
    assert body["department_code"] == "52"
    assert body["municipality_code"] == "52835"
    assert body["focus_areas"] == ["mujeres", "derechos_humanos"]
    assert body["status"] == "active" and body["version"] == 1 and body["archived_at"] is None
    assert body["created_at"].endswith("Z")
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{ORGS}/{body['id']}"
    got = await client.get(f"{ORGS}/{body['id']}")
    assert got.status_code == 200
    assert got.json() == body


async def test_client_chosen_id_is_kept_and_replays_but_not_for_other_content(client):
    own_id = str(uuid.uuid4())
    first = await client.post(ORGS, json=organization_body(id=own_id))
    assert first.status_code == 201 and first.json()["id"] == own_id
    again = await client.post(ORGS, json=organization_body(id=own_id))
    assert again.status_code == 200 and again.json() == first.json()
    other = await client.post(ORGS, json=organization_body(id=own_id, name="Otra organización"))
    assert other.status_code == 409
    assert other.json()["type"] == "urn:somos:problem:id-reused"


async def test_same_name_same_municipality_ignoring_case_and_accents_is_409(client):
    await create(client, name="Asociación de Mujeres de TÚMACO")
    r = await client.post(ORGS, json=organization_body(name="asociacion de mujeres de tumaco"))
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"
    assert "52835" in r.json()["detail"]
    # Same name elsewhere is a different organization.
    elsewhere = await client.post(
        ORGS,
        json=organization_body(name="asociacion de mujeres de tumaco", municipality_code="05001"),
    )
    assert elsewhere.status_code == 201


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("5001", "5-digit"),
        ("12001", "department"),
        ("ABCDE", "5-digit"),
    ],
)
async def test_bad_municipality_codes_are_422_naming_the_field(client, code, message):
    r = await client.post(ORGS, json=organization_body(municipality_code=code))
    assert r.status_code == 422
    problem = r.json()
    assert problem["status"] == 422
    fields = {e["field"]: e["message"] for e in problem["errors"]}
    assert "municipality_code" in fields
    assert message in fields["municipality_code"]


async def test_municipality_code_as_a_number_is_rejected(client):
    r = await client.post(ORGS, json=organization_body(municipality_code=52835))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "municipality_code"


async def test_unknown_field_and_bad_vocabulary_are_named(client):
    r = await client.post(ORGS, json=organization_body(type="club", colour="red"))
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert fields == {"type", "colour"}


async def test_unknown_codes_are_rejected_by_the_bundled_list(organizations_db, make_token):
    settings = OrganizationsSettings(database_url=organizations_db, platform=PlatformSettings())
    assert settings.platform.divipola_file is None  # nothing configured: DANE's list as shipped
    app = create_app(settings)
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as c:
        missing = await c.post(ORGS, json=organization_body(municipality_code="52999"))
        assert missing.status_code == 422
        assert missing.json()["errors"] == [
            {
                "field": "municipality_code",
                "message": "'52999' is not in the official DIVIPOLA list",
            }
        ]
        ok = await c.post(ORGS, json=organization_body(municipality_code="19698"))
        assert ok.status_code == 201
        assert ok.json()["department_code"] == "19"
    from services.common.testing import truncate_all

    await truncate_all(organizations_db)


async def test_somos_divipola_file_overrides_the_bundled_list(
    organizations_db, make_token, tmp_path, monkeypatch
):
    from services.common.territory import Municipality, divipola_list
    from tests.common.test_text_and_territory import write_dane_export

    newer = dict(divipola_list())
    del newer["52835"]
    newer["52999"] = Municipality("52999", "MUNICIPIO NUEVO", "52", "NARIÑO", "Municipio")
    monkeypatch.setenv("SOMOS_DIVIPOLA_FILE", str(write_dane_export(tmp_path / "new.csv", newer)))
    app = create_app(OrganizationsSettings(database_url=organizations_db))
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as c:
        added = await c.post(ORGS, json=organization_body(municipality_code="52999"))
        retired = await c.post(ORGS, json=organization_body(municipality_code="52835"))
    assert added.status_code == 201 and added.json()["municipality_code"] == "52999"
    assert retired.status_code == 422
    assert retired.json()["errors"] == [
        {"field": "municipality_code", "message": "'52835' is not in the official DIVIPOLA list"}
    ]
    from services.common.testing import truncate_all

    await truncate_all(organizations_db)


# --- list, filters, search, pagination ---------------------------------------------------


async def test_search_is_accent_and_case_insensitive(client):
    tumaco = await create(client)
    await create(
        client,
        name="Junta de Acción Comunal El Prado",
        acronym="JAC",
        type="junta_accion_comunal",
        municipality_code="05001",
    )
    for q in ("tumaco", "TUMACO", "Túmaco", "mujeres de tu", "amut"):
        r = await client.get(ORGS, params={"q": q})
        assert [o["id"] for o in r.json()["items"]] == [tumaco["id"]], q
    r = await client.get(ORGS, params={"q": "accion"})
    assert [o["name"] for o in r.json()["items"]] == ["Junta de Acción Comunal El Prado"]
    r = await client.get(ORGS, params={"q": "100%"})
    assert r.json()["items"] == []


async def test_filters_by_territory_type_ethnic_focus_and_status(client):
    a = await create(
        client,
        name="Consejo Comunitario Bajo Mira",
        type="consejo_comunitario",
        municipality_code="52835",
    )
    b = await create(
        client,
        name="Plataforma Juvenil Quilichao",
        type="plataforma_juvenil",
        municipality_code="19698",
        ethnic_focus="indigena",
    )
    c = await create(
        client,
        name="Mesa de Víctimas Popayán",
        type="organizacion_victimas",
        municipality_code="19001",
        status="inactive",
    )

    async def ids(**params):
        r = await client.get(ORGS, params=params)
        assert r.status_code == 200, r.text
        return {o["id"] for o in r.json()["items"]}

    assert await ids(municipality_code="52835") == {a["id"]}
    assert await ids(department_code="19") == {b["id"], c["id"]}
    assert await ids(type="plataforma_juvenil") == {b["id"]}
    assert await ids(ethnic_focus="indigena") == {b["id"]}
    assert await ids(status="inactive") == {c["id"]}
    assert await ids(department_code="19", status="active") == {b["id"]}
    bad = await client.get(ORGS, params={"department_code": "5"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "department_code"


async def test_keyset_pagination_walks_every_row_once_with_link_header(client):
    created = [await create(client, name=f"Organización {i:02d}") for i in range(7)]
    seen: list[str] = []
    r = await client.get(ORGS, params={"limit": 3})
    pages = 0
    while True:
        assert r.status_code == 200
        page = r.json()
        pages += 1
        seen += [o["id"] for o in page["items"]]
        if page["next_cursor"] is None:
            assert "link" not in r.headers
            break
        assert r.headers["link"].endswith('>; rel="next"')
        next_url = r.headers["link"][1 : r.headers["link"].index(">")]
        assert f"cursor={page['next_cursor']}" in next_url
        r = await client.get(next_url)
    assert pages == 3
    assert seen == [o["id"] for o in created]


async def test_bad_cursor_and_limit_are_422(client):
    r = await client.get(ORGS, params={"cursor": "not-a-cursor"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "cursor"
    r = await client.get(ORGS, params={"limit": 201})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "limit"


# --- update with If-Match, archive --------------------------------------------------------


async def test_update_requires_if_match_and_bumps_version(client):
    org = await create(client)
    url = f"{ORGS}/{org['id']}"
    missing = await client.patch(url, json={"members_count": 90})
    assert missing.status_code == 428
    assert missing.json()["type"] == "urn:somos:problem:precondition-required"
    stale = await client.patch(url, json={"members_count": 90}, headers={"If-Match": '"7"'})
    assert stale.status_code == 412 and stale.headers["etag"] == '"1"'
    ok = await client.patch(
        url, json={"members_count": 90, "municipality_code": "52001"}, headers={"If-Match": '"1"'}
    )
    assert ok.status_code == 200, ok.text
    body = ok.json()
    assert body["members_count"] == 90 and body["version"] == 2
    assert body["municipality_code"] == "52001" and body["department_code"] == "52"
    assert ok.headers["etag"] == '"2"'
    # The old ETag is now stale: the second writer cannot overwrite silently.
    lost = await client.patch(url, json={"members_count": 1}, headers={"If-Match": '"1"'})
    assert lost.status_code == 412
    assert (await client.get(url)).json()["members_count"] == 90


async def test_update_rejects_null_for_required_fields_and_duplicate_names(client):
    org = await create(client)
    await create(client, name="Otra Asociación")
    url = f"{ORGS}/{org['id']}"
    r = await client.patch(url, json={"name": None}, headers={"If-Match": '"1"'})
    assert r.status_code == 422
    r = await client.patch(url, json={"name": "OTRA ASOCIACIÓN"}, headers={"If-Match": '"1"'})
    assert r.status_code == 409
    assert (await client.get(url)).json()["version"] == 1


async def test_delete_archives_and_lists_hide_archived(client):
    org = await create(client)
    url = f"{ORGS}/{org['id']}"
    assert (await client.delete(url)).status_code == 428
    r = await client.delete(url, headers={"If-Match": '"1"'})
    assert r.status_code == 200
    assert r.json()["archived_at"] is not None and r.json()["version"] == 2
    assert (await client.get(ORGS)).json()["items"] == []
    listed = (await client.get(ORGS, params={"include_archived": "true"})).json()["items"]
    assert [o["id"] for o in listed] == [org["id"]]
    assert (await client.get(url)).json()["archived_at"] is not None
    # The name is free again once archived.
    assert (await client.post(ORGS, json=organization_body())).status_code == 201


# --- problem+json everywhere --------------------------------------------------------------


async def test_unknown_id_unknown_route_and_wrong_method_are_problems(client):
    r = await client.get(f"{ORGS}/{uuid.uuid4()}")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert set(problem) >= {"type", "title", "status", "detail", "instance", "request_id"}
    assert problem["request_id"] == r.headers["x-request-id"]
    r = await client.get("/api/v1/nothing-here")
    assert r.status_code == 404 and r.json()["type"] == "urn:somos:problem:not-found"
    r = await client.put(ORGS)
    assert r.status_code == 405 and r.headers["content-type"] == "application/problem+json"
    r = await client.get(f"{ORGS}/not-a-uuid")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "organization_id"


async def test_malformed_json_is_a_422_problem(client):
    r = await client.post(ORGS, content=b'{"name": ', headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"


# --- auth and territories -----------------------------------------------------------------


async def test_no_token_bad_token_and_expired_token_are_401(anonymous, make_token):
    r = await anonymous.get(ORGS)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = await anonymous.get(ORGS, headers={"Authorization": "Bearer abc.def.ghi"})
    assert r.status_code == 401
    r = await anonymous.get(ORGS, headers=bearer(make_token(ttl=-10)))
    assert r.status_code == 401 and "expired" in r.json()["detail"]


async def test_missing_scope_is_403_naming_it(anonymous, make_token):
    reader = bearer(make_token("organizations:read"))
    r = await anonymous.post(ORGS, json=organization_body(), headers=reader)
    assert r.status_code == 403
    assert r.json()["missing_scope"] == "organizations:write"
    r = await anonymous.get(ORGS, headers=bearer(make_token("plans:read")))
    assert r.status_code == 403 and r.json()["missing_scope"] == "organizations:read"


async def test_territory_claims_limit_lists_reads_creates_and_moves(client, make_token):
    tumaco = await create(client, municipality_code="52835")
    medellin = await create(client, name="Red Juvenil Comuna 13", municipality_code="05001")
    limited = bearer(make_token("organizations:read organizations:write", municipalities=["52835"]))
    listed = (await client.get(ORGS, headers=limited)).json()["items"]
    assert [o["id"] for o in listed] == [tumaco["id"]]
    assert (await client.get(f"{ORGS}/{medellin['id']}", headers=limited)).status_code == 404
    r = await client.post(
        ORGS, json=organization_body(name="Nueva", municipality_code="05001"), headers=limited
    )
    assert r.status_code == 403
    r = await client.patch(
        f"{ORGS}/{tumaco['id']}",
        json={"municipality_code": "05001"},
        headers={**limited, "If-Match": '"1"'},
    )
    assert r.status_code == 403
    assert (await client.get(f"{ORGS}/{tumaco['id']}")).json()["municipality_code"] == "52835"
    by_department = bearer(make_token("organizations:read", departments=["05"]))
    listed = (await client.get(ORGS, headers=by_department)).json()["items"]
    assert [o["id"] for o in listed] == [medellin["id"]]
