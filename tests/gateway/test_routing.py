"""Pass-through routing: every service path works unchanged on the gateway."""

from __future__ import annotations

import httpx
import pytest

from gateway.proxy import RoutingTable, route_key
from services.common.testing import ServerThread, TokenFactory, bearer
from tests.gateway.conftest import (
    create_organization,
    gateway_client,
    gateway_settings,
)


async def test_create_read_update_list_archive_through_the_gateway(
    gateway: httpx.AsyncClient,
) -> None:
    created = await create_organization(gateway, name="Asociación de Mujeres Tumaqueñas")
    assert created["name"] == "Asociación de Mujeres Tumaqueñas"  # accents round-trip
    org_id = created["id"]

    read = await gateway.get(f"/api/v1/organizations/{org_id}")
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert read.json()["acronym"] == "CCBMF"

    stale = await gateway.patch(
        f"/api/v1/organizations/{org_id}", json={"acronym": "AMT"}, headers={"If-Match": '"9"'}
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"

    updated = await gateway.patch(
        f"/api/v1/organizations/{org_id}", json={"acronym": "AMT"}, headers={"If-Match": '"1"'}
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["acronym"] == "AMT"
    assert updated.headers["etag"] == '"2"'

    await create_organization(gateway, name="Plataforma Juvenil", type="plataforma_juvenil")
    page = await gateway.get("/api/v1/organizations", params={"limit": 1})
    assert page.status_code == 200
    assert len(page.json()["items"]) == 1
    # The Link header names the gateway's host, not the service's.
    assert page.headers["link"].startswith("<http://testserver/api/v1/organizations?")
    nxt = await gateway.get(
        "/api/v1/organizations", params={"limit": 1, "cursor": page.json()["next_cursor"]}
    )
    assert {page.json()["items"][0]["id"], nxt.json()["items"][0]["id"]} == {
        org_id,
        nxt.json()["items"][0]["id"] if nxt.json()["items"][0]["id"] != org_id else org_id,
    }
    assert nxt.json()["items"][0]["id"] != page.json()["items"][0]["id"]

    archived = await gateway.delete(f"/api/v1/organizations/{org_id}", headers={"If-Match": '"2"'})
    assert archived.status_code == 200
    assert archived.json()["archived_at"] is not None


async def test_request_id_is_forwarded_and_echoed_once(gateway: httpx.AsyncClient) -> None:
    response = await gateway.get(
        "/api/v1/vocabularies/organizations", headers={"X-Request-ID": "trace-me-123"}
    )
    assert response.status_code == 200
    assert response.headers.get_list("x-request-id") == ["trace-me-123"]
    missing = await gateway.get(
        "/api/v1/organizations/6a1c1b8e-5b9b-4e43-9a55-3c9b1b1c0a11",
        headers={"X-Request-ID": "trace-404"},
    )
    assert missing.status_code == 404
    # The problem was written by the service, with the id the gateway forwarded.
    assert missing.json()["request_id"] == "trace-404"


async def test_query_and_validation_errors_pass_through(gateway: httpx.AsyncClient) -> None:
    await create_organization(gateway, municipality_code="19698", name="Cabildo Indígena Nasa")
    await create_organization(gateway)
    found = await gateway.get("/api/v1/organizations", params={"q": "indigena"})
    assert [o["name"] for o in found.json()["items"]] == ["Cabildo Indígena Nasa"]
    bad = await gateway.post("/api/v1/organizations", json={**{"name": "X" * 3}, "type": "nope"})
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
    assert {e["field"] for e in bad.json()["errors"]} >= {"type", "municipality_code"}


async def test_token_is_checked_at_the_gateway_first(make_token: TokenFactory) -> None:
    # The organizations upstream points nowhere: a 401 proves the gateway answered itself.
    async with gateway_client(gateway_settings()) as client:
        anonymous = await client.get("/api/v1/organizations")
        assert anonymous.status_code == 401
        assert anonymous.headers["www-authenticate"].startswith("Bearer")
        assert anonymous.json()["type"] == "urn:somos:problem:unauthorized"
        forged = await client.get("/api/v1/organizations", headers=bearer("not.a.jwt"))
        assert forged.status_code == 401
        expired = await client.get("/api/v1/organizations", headers=bearer(make_token(ttl=-120)))
        assert expired.status_code == 401
        assert "expired" in expired.json()["detail"]
        valid = await client.get("/api/v1/organizations", headers=bearer(make_token()))
        assert valid.status_code == 502  # reached the (absent) upstream only with a good token


async def test_scope_checks_stay_with_the_service(
    organizations_server: ServerThread, make_token: TokenFactory
) -> None:
    token = make_token("events:read")
    async with gateway_client(
        gateway_settings(organizations_url=organizations_server.url), token
    ) as c:
        response = await c.get("/api/v1/organizations")
    assert response.status_code == 403
    assert response.json()["missing_scope"] == "organizations:read"


async def test_hop_by_hop_headers_are_stripped(stub_server, make_token: TokenFactory) -> None:
    seen: list[dict[str, str]] = []

    def echo(request):  # type: ignore[no-untyped-def]
        seen.append(dict(request.headers))
        return {"ok": True}

    with stub_server({"/api/v1/events": echo}) as events:
        async with gateway_client(gateway_settings(events_url=events.url), make_token()) as c:
            response = await c.get(
                "/api/v1/events",
                headers={
                    "Connection": "keep-alive, X-Secret-Hop",
                    "X-Secret-Hop": "1",
                    "Keep-Alive": "timeout=5",
                    "Proxy-Authorization": "Basic eA==",
                    "X-Custom": "kept",
                },
            )
    assert response.status_code == 200
    headers = seen[0]
    assert headers["x-custom"] == "kept"
    assert headers["authorization"].startswith("Bearer ")
    assert headers["x-request-id"] == response.headers["x-request-id"]
    for hop in ("keep-alive", "x-secret-hop", "proxy-authorization"):
        assert hop not in headers
    assert headers["host"] == "testserver"  # links the service builds name the gateway


async def test_unknown_paths_are_problems_not_proxied(gateway: httpx.AsyncClient) -> None:
    response = await gateway.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_routing_table_knows_every_service_path() -> None:
    table = RoutingTable.from_documents({})
    expectations = {
        "/api/v1/organizations/x/assessments": "organizations",
        "/api/v1/assessments/x/transitions": "organizations",
        "/api/v1/strengthening-plans/x/actions/y": "organizations",
        "/api/v1/support-activities": "organizations",
        "/api/v1/community-initiatives/x/transitions": "organizations",
        "/api/v1/stats/organizations": "organizations",
        "/api/v1/security-plans/x/lines/y/actions": "security_plans",
        "/api/v1/plan-reviews/x": "security_plans",
        "/api/v1/prevention-strategies": "security_plans",
        "/api/v1/stats/security-plans": "security_plans",
        "/api/v1/vocabularies/security-plans": "security_plans",
        "/api/v1/events/x/attendees/y": "events",
        "/api/v1/commitments/x/notes": "events",
        "/api/v1/pii-access-log": "events",
        "/api/v1/stats/events": "events",
        "/api/v1/webhook-subscriptions/x/deliveries": "webhooks",
        "/api/v1/webhook-deliveries/x/redeliver": "webhooks",
    }
    for path, service in expectations.items():
        assert table.owner(path) == service, path
    assert route_key("/api/v1/stats/events") == "stats/events"
    assert table.owner("/api/v1/results") is None


@pytest.mark.parametrize("service", ["security_plans", "events", "webhooks"])
def test_routes_learnt_from_service_documents(service: str) -> None:
    from gateway.openapi import service_documents

    documents = service_documents()
    table = RoutingTable.from_documents(documents)
    for path in documents[service]["paths"]:
        if path.startswith("/api/v1/"):
            assert table.owner(path) == service, path


def test_routing_from_the_checked_in_contract_equals_the_services_documents() -> None:
    """The gateway routes from gateway/openapi.json; it must agree with the code's routes."""
    from gateway import contract
    from gateway.openapi import service_documents
    from gateway.settings import UPSTREAMS

    learnt = RoutingTable.from_documents(service_documents())
    served = RoutingTable.from_contract(contract.load(), UPSTREAMS)
    assert served.owners == learnt.owners
    for path in contract.load()["paths"]:
        if path.startswith("/api/v1/"):
            assert served.owner(path) == learnt.owner(path), path
