"""The contract tells the whole truth: the 200 replay of creates, control characters refused.

- Every create that accepts a client ``id`` declares the 200 replay in the merged document,
  with the 201's content schema; a real replay answers 200 with exactly the created record,
  in a service of each kind (organizations, security plans, events), through the gateway.
- A control character in a query or path parameter is a 422 naming it, in every service
  (called directly) and through the gateway (pass-through and the gateway's own routes).
"""

from __future__ import annotations

import uuid

import httpx
import pytest

from gateway.app import create_app
from services.common.openapi import REPLAY_DESCRIPTION, replay_operations
from services.common.parameters import MESSAGE
from tests.events.factories import event_body
from tests.gateway.conftest import System, gateway_settings
from tests.organizations.factories import organization_body
from tests.security_plans.factories import plan_body

REFUSED = "urn:somos:problem:validation-error"


def test_every_create_taking_a_client_id_declares_the_200_replay() -> None:
    document = create_app(gateway_settings()).openapi()
    creates = dict(replay_operations(document))
    # One of each kind at least, and every service's creates are there.
    for path in (
        "/api/v1/organizations",
        "/api/v1/organizations/{organization_id}/assessments",
        "/api/v1/security-plans",
        "/api/v1/security-plans/{plan_id}/lines",
        "/api/v1/events",
        "/api/v1/events/{event_id}/attendees",
    ):
        assert path in creates, path
    assert len(creates) >= 17
    for path, operation in creates.items():
        replay, created = operation["responses"]["200"], operation["responses"]["201"]
        assert replay["description"] == REPLAY_DESCRIPTION, path
        assert "409" in REPLAY_DESCRIPTION and "409" in operation["responses"], path
        assert replay["content"] == created["content"], path
    # Operations without a client id (notes, transitions) are left as they are.
    notes = document["paths"]["/api/v1/commitments/{commitment_id}/notes"]["post"]
    assert "200" not in notes["responses"]


async def _replayed(
    client: httpx.AsyncClient, path: str, body: dict[str, object], changed: str
) -> None:
    body = {"id": str(uuid.uuid4()), **body}
    first = await client.post(path, json=body)
    assert first.status_code == 201, first.text
    again = await client.post(path, json=body)
    assert again.status_code == 200, again.text
    assert again.headers["content-type"] == "application/json"
    assert again.json() == first.json()  # the record as it is, in the 201's schema
    other = await client.post(path, json={**body, changed: "Otro nombre, otro título"})
    assert other.status_code == 409, other.text
    assert other.json()["type"] == "urn:somos:problem:id-reused"


async def test_a_replayed_create_answers_200_in_every_kind_of_service(system: System) -> None:
    client = system.client
    await _replayed(client, "/api/v1/organizations", organization_body(), "name")
    await _replayed(client, "/api/v1/security-plans", plan_body(), "title")
    await _replayed(client, "/api/v1/events", event_body(), "title")


CASES = [
    ("organizations", "/api/v1/organizations?q=%00", "q"),
    ("organizations", "/api/v1/organizations?limit=5&q=Tumaco%09", "q"),
    ("organizations", "/api/v1/organizations/%00abc", "organization_id"),
    ("security_plans", "/api/v1/security-plans?status=%07", "status"),
    ("security_plans", "/api/v1/security-plans/abc%00", "plan_id"),
    ("events", "/api/v1/events?status=%07", "status"),
    ("events", "/api/v1/events?q=Bajo%7FMira", "q"),
    ("events", "/api/v1/events/%0A", "event_id"),
]


@pytest.mark.parametrize(("service", "target", "field"), CASES)
async def test_control_characters_in_parameters_are_a_422_naming_them(
    system: System, service: str, target: str, field: str
) -> None:
    direct = getattr(system, service).url
    headers = system.client.headers
    async with httpx.AsyncClient(base_url=direct, headers=headers) as service_client:
        for client in (service_client, system.client):  # the service, then the gateway
            r = await client.get(target)
            assert r.status_code == 422, (client.base_url, r.text)
            assert r.headers["content-type"] == "application/problem+json"
            body = r.json()
            assert body["type"] == REFUSED
            assert body["errors"] == [{"field": field, "message": MESSAGE}]
            assert body["request_id"]


@pytest.mark.parametrize(
    ("target", "field"),
    [
        ("/api/v1/territories/municipalities?q=%00", "q"),
        ("/api/v1/municipalities/52%00835/overview", "code"),
    ],
)
async def test_the_gateways_own_routes_refuse_control_characters(
    system: System, target: str, field: str
) -> None:
    r = await system.client.get(target)
    assert r.status_code == 422, r.text
    assert r.json()["errors"] == [{"field": field, "message": MESSAGE}]


async def test_parameters_without_control_characters_still_work(system: System) -> None:
    r = await system.client.get("/api/v1/organizations", params={"q": "Tumaco, Nariño"})
    assert r.status_code == 200 and r.json()["items"] == []
    r = await system.client.get("/api/v1/organizations/%20abc")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "organization_id"
    assert r.json()["errors"][0]["message"] != MESSAGE


async def test_405_lists_every_method_of_the_path(system: System) -> None:
    for client in (system.client, httpx.AsyncClient(base_url=system.organizations.url)):
        r = await client.request("OPTIONS", f"/api/v1/organizations/{uuid.uuid4()}")
        assert r.status_code == 405
        assert r.headers["allow"] == "DELETE, GET, PATCH"
        r = await client.put("/api/v1/organizations")
        assert r.headers["allow"] == "GET, POST"
