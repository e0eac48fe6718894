"""The organizations service's HTTP plumbing: idempotency, request ids, limits, health, metrics.

Also vocabularies, NUL characters, forged cursors and the lean read path of the registry.
"""

from __future__ import annotations

import uuid

from services.common.testing import asgi_client, bearer, running_app
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings
from tests.organizations.factories import organization_body
from tests.organizations.helpers import create_organization

ORGS = "/api/v1/organizations"

# --- idempotency, request ids, limits, health, metrics ------------------------------------


async def test_idempotency_key_replays_the_first_response(client):
    headers = {"Idempotency-Key": "create-amut-1"}
    first = await client.post(ORGS, json=organization_body(), headers=headers)
    again = await client.post(ORGS, json=organization_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert len((await client.get(ORGS)).json()["items"]) == 1
    other = await client.post(ORGS, json=organization_body(name="Otro cuerpo"), headers=headers)
    assert other.status_code == 422
    assert other.json()["type"] == "urn:somos:problem:idempotency-key-reused"


async def test_idempotency_key_in_flight_is_409(client, organizations_app):
    import hashlib
    import json as jsonlib

    import asyncpg

    from services.common.db import asyncpg_dsn

    body = jsonlib.dumps(organization_body()).encode()
    digest = hashlib.sha256(b"\n".join([b"POST", ORGS.encode(), b"", body])).hexdigest()
    conn = await asyncpg.connect(asyncpg_dsn(organizations_app.state.settings.database_url))
    try:  # another replica is still running the first request with this key
        await conn.execute(
            "INSERT INTO idempotency_keys (caller, key, request_hash, state, created_at, "
            "expires_at) VALUES ('tester', 'busy', $1, 'in_flight', now(), "
            "now() + interval '1 hour')",
            digest,
        )
    finally:
        await conn.close()
    r = await client.post(
        ORGS, content=body, headers={"Idempotency-Key": "busy", "content-type": "application/json"}
    )
    assert r.status_code == 409 and r.headers["retry-after"] == "1"
    assert r.json()["type"] == "urn:somos:problem:idempotency-in-flight"
    assert (await client.get(ORGS)).json()["items"] == []


async def test_idempotency_keys_are_scoped_per_caller(client, make_token):
    key = {"Idempotency-Key": "shared-key"}
    first = await client.post(ORGS, json=organization_body(), headers=key)
    other_caller = {**key, **bearer(make_token(sub="someone-else"))}
    second = await client.post(ORGS, json=organization_body(name="Segunda"), headers=other_caller)
    assert first.status_code == 201 and second.status_code == 201
    assert first.json()["id"] != second.json()["id"]


async def test_request_id_is_echoed_or_generated(client):
    r = await client.get(ORGS, headers={"X-Request-ID": "trace-me-123"})
    assert r.headers["x-request-id"] == "trace-me-123"
    r = await client.get(ORGS)
    assert len(r.headers["x-request-id"]) == 32


async def test_body_over_the_limit_is_413(client):
    huge = organization_body(name="x" * 2_000_000)
    r = await client.post(ORGS, json=huge)
    assert r.status_code == 413
    assert r.json()["type"] == "urn:somos:problem:payload-too-large"


async def test_health_readiness_and_metrics(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready"}
    await client.get(ORGS)
    metrics = (await client.get("/metrics")).text
    assert (
        'somos_http_requests_total{method="GET",route="/api/v1/organizations",'
        'service="organizations",status="200"}'
    ) in metrics
    assert "somos_db_pool_connections" in metrics


async def test_readyz_is_503_when_migrations_are_not_at_head(postgres_admin_url):
    from services.common.embedded import drop_database, ensure_database

    url = await ensure_database(postgres_admin_url, f"somos_test_unmigrated_{uuid.uuid4().hex[:6]}")
    app = create_app(OrganizationsSettings(database_url=url))
    try:
        async with running_app(app), asgi_client(app) as c:
            r = await c.get("/readyz")
            assert r.status_code == 503
            assert "somos migrate organizations" in r.json()["detail"]
            assert r.headers["retry-after"] == "5"
    finally:
        await drop_database(postgres_admin_url, url.rsplit("/", 1)[1].split("?")[0])


async def test_vocabularies_have_spanish_and_english_labels(client):
    r = await client.get("/api/v1/vocabularies/organizations")
    assert r.status_code == 200
    vocab = r.json()["vocabularies"]
    types = {t["code"]: t for t in vocab["type"]["terms"]}
    assert types["consejo_comunitario"]["es"] == "Consejo comunitario"
    assert len(types) == 11
    areas = [t["code"] for t in vocab["opi_area"]["terms"]]
    assert areas == [
        "results",
        "standards",
        "delivery",
        "reach",
        "target_population",
        "learning",
        "resources",
        "social_capital",
    ]


async def test_nul_characters_and_long_ligature_names_are_handled(client):
    r = await client.post(ORGS, json=organization_body(name="Mesa\x00de víctimas"))
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "name", "message": "must not contain NUL characters"}]
    # 200 ligatures decompose to 400 letters: still stored, still searchable by its start.
    r = await client.post(ORGS, json=organization_body(name="ﬁ" * 200))
    assert r.status_code == 201, r.text
    found = (await client.get(ORGS, params={"q": "fifi"})).json()["items"]
    assert [o["id"] for o in found] == [r.json()["id"]]


async def test_forged_cursor_with_wrong_types_is_422_not_500(client):
    from services.common.pagination import encode_cursor

    for values in ([123, "x"], ["2025-01-01", "not-a-uuid"], [None, None]):
        r = await client.get(ORGS, params={"cursor": encode_cursor(values)})
        assert r.status_code == 422, values
        assert r.json()["errors"][0]["field"] == "cursor"


async def test_get_by_id_on_the_lean_path_matches_the_contract(client, organizations_app):
    """GET by id is answered by the kit's lean path: same body, headers, errors, labels."""
    from services.organizations.registry.api import get_organization
    from services.organizations.registry.schemas import OrganizationRead

    org = await create_organization(client)
    r = await client.get(f"{ORGS}/{org['id']}", headers={"X-Request-ID": "lean-1"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert OrganizationRead.model_validate(r.json()).model_dump(mode="json") == org
    assert r.headers["etag"] == '"1"' and r.headers["x-request-id"] == "lean-1"
    bad = await client.get(f"{ORGS}/nope")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "organization_id"
    metrics = (await client.get("/metrics")).text
    assert (
        'route="/api/v1/organizations/{organization_id}",service="organizations",status="200"'
    ) in metrics
    # The FastAPI route (the documented contract) answers the same through the same function.
    from starlette.requests import Request

    request = Request(
        {"type": "http", "app": organizations_app, "headers": [], "method": "GET", "path": "/"}
    )
    from fastapi import Response

    from services.common.auth import Principal

    direct = await get_organization(
        uuid.UUID(org["id"]), request, Principal(sub="t", scopes=frozenset()), Response()
    )
    assert direct.model_dump(mode="json") == org


async def test_readyz_during_a_rolling_deploy(postgres_admin_url):
    """A newer release's migration keeps old pods ready; an older database does not."""
    import asyncpg

    from services.common.db import asyncpg_dsn
    from services.common.migrations import version_table
    from services.common.testing import migrated_database

    async with migrated_database(postgres_admin_url, "organizations") as url:
        app = create_app(OrganizationsSettings(database_url=url))
        conn = await asyncpg.connect(asyncpg_dsn(url))
        table = version_table("organizations")
        try:
            async with running_app(app), asgi_client(app) as c:
                assert (await c.get("/readyz")).json() == {"status": "ready"}
                await conn.execute(f"UPDATE {table} SET version_num = 'org_9001_next_release'")
                ahead = await c.get("/readyz")
                assert ahead.status_code == 200 and ahead.json() == {"status": "ready"}
                await conn.execute(f"UPDATE {table} SET version_num = 'org_0002'")
                behind = await c.get("/readyz")
                assert behind.status_code == 503
                assert "database at ['org_0002']" in behind.json()["detail"]
                assert "somos migrate organizations" in behind.json()["detail"]
        finally:
            await conn.close()
