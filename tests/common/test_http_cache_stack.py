"""Conditional GET and gzip on the real stack: the organizations service (lean read path,
lists, statistics) and the gateway in front of it (pass-through and a composed view)."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI

from gateway.app import create_app as create_gateway
from gateway.settings import GatewaySettings
from services.common.testing import (
    ServerThread,
    TokenFactory,
    asgi_client,
    bearer,
    free_port,
    migrated_database,
    running_app,
)
from services.organizations.app import create_app as create_organizations
from services.organizations.settings import OrganizationsSettings
from tests.organizations.factories import organization_body

MUNICIPALITY = "52835"


@pytest.fixture(scope="module")
async def organizations_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


@pytest.fixture(scope="module")
async def organizations_app(organizations_db: str) -> AsyncIterator[FastAPI]:
    app = create_organizations(OrganizationsSettings(database_url=organizations_db))
    async with running_app(app):
        yield app


@pytest.fixture(scope="module")
async def seeded(organizations_app: FastAPI, make_token: TokenFactory) -> list[str]:
    """Sixty organizations (enough for a list page well over 1 KB); their ids."""
    async with asgi_client(organizations_app, headers=bearer(make_token())) as client:
        ids = []
        for i in range(60):
            r = await client.post(
                "/api/v1/organizations",
                json=organization_body(name=f"Organización de prueba {i:03d}", acronym=None),
            )
            assert r.status_code == 201, r.text
            ids.append(r.json()["id"])
    return ids


@pytest.fixture
async def service(
    organizations_app: FastAPI, seeded: list[str], make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(organizations_app, headers=bearer(make_token())) as client:
        yield client


@pytest.fixture(scope="module")
def organizations_server(organizations_db: str) -> Iterator[ServerThread]:
    app = create_organizations(OrganizationsSettings(database_url=organizations_db))
    with ServerThread(app) as server:
        yield server


@pytest.fixture
async def gateway(
    organizations_server: ServerThread, seeded: list[str], make_token: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    nowhere = f"http://127.0.0.1:{free_port()}"
    settings = GatewaySettings(
        organizations_url=organizations_server.url,
        security_plans_url=nowhere,
        events_url=nowhere,
        retries=0,
        rate_limit_per_minute=0,
        composition_budget_seconds=2.0,
    )
    app = create_gateway(settings)
    async with running_app(app), asgi_client(app, headers=bearer(make_token()), timeout=30) as c:
        yield c


async def raw(client: httpx.AsyncClient, path: str, **headers: str) -> httpx.Response:
    """GET without httpx's transparent decompression: the bytes as the server sent them."""
    response = await client.send(client.build_request("GET", path, headers=headers), stream=True)
    body = b"".join([chunk async for chunk in response.aiter_raw()])
    await response.aclose()
    response._content = body
    return response


def as_sent(response: httpx.Response) -> bytes:
    if response.headers.get("content-encoding") == "gzip":
        return gzip.decompress(response.content)
    return response.content


# --- the service -------------------------------------------------------------------------


async def test_a_record_on_the_lean_path_answers_304(service, seeded):
    path = f"/api/v1/organizations/{seeded[0]}"
    first = await service.get(path)
    assert first.status_code == 200 and first.headers["etag"] == '"1"'
    r = await raw(service, path, **{"If-None-Match": '"1"'})
    assert r.status_code == 304
    assert r.content == b""
    assert r.headers["etag"] == '"1"'
    assert len(r.headers["x-request-id"]) == 32
    assert "content-type" not in r.headers
    stale = await service.get(path, headers={"If-None-Match": '"0"'})
    assert stale.status_code == 200 and stale.json() == first.json()


async def test_a_record_poll_sees_the_new_version_after_an_update(service, seeded):
    path = f"/api/v1/organizations/{seeded[1]}"
    r = await service.patch(path, json={"members_count": 90}, headers={"If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    poll = await service.get(path, headers={"If-None-Match": '"1"'})
    assert poll.status_code == 200
    assert poll.json()["members_count"] == 90 and poll.headers["etag"] == '"2"'
    assert (await raw(service, path, **{"If-None-Match": '"2"'})).status_code == 304


async def test_a_list_page_is_gzipped_keeps_its_link_and_gets_an_etag(service):
    path = "/api/v1/organizations?limit=50"
    plain = await raw(service, path, **{"Accept-Encoding": "identity"})
    packed = await raw(service, path, **{"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert len(packed.content) < len(plain.content) / 3
    assert gzip.decompress(packed.content) == plain.content
    assert len(json.loads(plain.content)["items"]) == 50
    for r in (plain, packed):
        assert r.headers["vary"] == "Accept-Encoding"
        assert r.headers["link"].endswith('>; rel="next"')
    assert plain.headers["etag"] == packed.headers["etag"]
    again = await raw(service, path, **{"If-None-Match": plain.headers["etag"]})
    assert (again.status_code, again.content) == (304, b"")
    assert again.headers["link"] == plain.headers["link"]


async def test_statistics_get_an_etag_that_changes_with_the_data(service):
    path = f"/api/v1/stats/organizations?municipality_code={MUNICIPALITY}"
    first = await service.get(path)
    tag = first.headers["etag"]
    assert first.status_code == 200 and tag
    poll = await raw(service, path, **{"If-None-Match": tag})
    assert (poll.status_code, poll.content, poll.headers["etag"]) == (304, b"", tag)
    created = await service.post(
        "/api/v1/organizations", json=organization_body(name="Una más", acronym=None)
    )
    assert created.status_code == 201
    try:
        changed = await service.get(path, headers={"If-None-Match": tag})
        assert changed.status_code == 200
        assert changed.headers["etag"] != tag
        assert (
            changed.json()["totals"]["organizations"]["total"]
            == first.json()["totals"]["organizations"]["total"] + 1
        )
    finally:
        archived = await service.delete(
            f"/api/v1/organizations/{created.json()['id']}", headers={"If-Match": '"1"'}
        )
        assert archived.status_code in (200, 204)


async def test_a_small_answer_is_not_compressed(service, seeded):
    r = await raw(service, f"/api/v1/organizations/{seeded[2]}", **{"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert len(r.content) < 1024
    assert "content-encoding" not in r.headers
    assert json.loads(r.content)["id"] == seeded[2]


# --- the gateway -------------------------------------------------------------------------


async def test_pass_through_passes_the_services_304_and_gzip_on(gateway, service, seeded):
    path = f"/api/v1/organizations/{seeded[3]}"
    r = await raw(gateway, path, **{"If-None-Match": '"1"'})
    assert (r.status_code, r.content, r.headers["etag"]) == (304, b"", '"1"')
    listing = "/api/v1/organizations?limit=50"
    direct = await raw(service, listing, **{"Accept-Encoding": "identity"})
    through = await raw(gateway, listing, **{"Accept-Encoding": "gzip"})
    assert through.headers["content-encoding"] == "gzip"  # once: the service's gzip
    assert gzip.decompress(through.content) == direct.content
    assert through.headers["etag"] == direct.headers["etag"]
    assert through.headers["vary"] == "Accept-Encoding"


async def test_a_composed_view_gets_an_etag_and_answers_304(gateway, seeded):
    path = f"/api/v1/organizations/{seeded[4]}/profile"
    first = await raw(gateway, path, **{"Accept-Encoding": "gzip"})
    assert first.status_code == 200
    body = json.loads(as_sent(first))
    assert body["organization"]["id"] == seeded[4]
    tag = first.headers["etag"]
    assert tag.startswith(('"b', 'W/"b'))
    assert "server-timing" in first.headers
    poll = await raw(gateway, path, **{"If-None-Match": tag})
    assert (poll.status_code, poll.content, poll.headers["etag"]) == (304, b"", tag)
    assert "server-timing" in poll.headers
