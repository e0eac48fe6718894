"""The worker on a real service's change feed: `somos serve organizations` writes, its
`GET /api/v1/changes` long poll (docs/changes.md) feeds a `somos worker webhooks`, and a
receiver verifying signatures gets the organization's changes in its territory; likewise
`somos serve events` announcing an overdue commitment."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from services.common.auth import mint_token
from services.common.colombia import colombia_today
from services.common.settings import PlatformSettings
from services.common.testing import migrated_database
from tests.events.factories import commitment_body, event_body
from tests.webhooks.harness import Receiver, Served, Workers, eventually, worker_environment
from tests.webhooks.test_delivery import subscribe

pytestmark = pytest.mark.e2e


@contextmanager
def service_and_worker(
    service: str, webhooks_db: str, tmp_path: Path, scopes: list[str], **settings: str
) -> Iterator[tuple[str, dict[str, str]]]:
    """`somos serve <service>` (with ``settings``) and a worker following its feed; yields the
    service's URL and headers carrying a token with ``scopes``."""
    env = worker_environment(webhooks_db, {})
    env.pop("SOMOS_WEBHOOKS_FEEDS")
    with Served(service, {**env, **settings}, tmp_path / f"{service}.log") as served:
        env["SOMOS_WEBHOOKS_FEEDS"] = json.dumps([service])
        env[f"SOMOS_WEBHOOKS_{service.upper()}_URL"] = served.url
        env["SOMOS_WEBHOOKS_FEED_WAIT_SECONDS"] = "25"
        env["SOMOS_WEBHOOKS_PUBLIC_BASE_URL"] = "https://api.somos.example.org"
        workers = Workers(env, tmp_path)
        workers.start("w1")
        try:
            platform = PlatformSettings(jwt_secret=env["SOMOS_JWT_SECRET"])
            token = mint_token(platform, scopes=scopes)
            yield served.url, {"Authorization": f"Bearer {token}"}
        finally:
            workers.stop_all()


@pytest.fixture
async def fresh_database(postgres_admin_url):
    """``await fresh_database("events")``: a service's database migrated for this test."""
    async with AsyncExitStack() as stack:

        async def make(service: str) -> str:
            return await stack.enter_async_context(migrated_database(postgres_admin_url, service))

        yield make


async def test_organization_changes_reach_the_receiver(
    client, fresh_database, webhooks_db, tmp_path: Path
):
    organizations_db = await fresh_database("organizations")
    receiver = Receiver()
    try:
        await subscribe(
            client, receiver, ["organization.created", "organization.updated"], ["52835"]
        )

        with service_and_worker(
            "organizations",
            webhooks_db,
            tmp_path,
            ["organizations:read", "organizations:write"],
            SOMOS_ORGANIZATIONS_DATABASE_URL=organizations_db,
        ) as (url, headers):
            async with httpx.AsyncClient(base_url=url, headers=headers) as orgs:
                made = []
                for name, code in (
                    ("Asociación de Mujeres de Tumaco", "52835"),
                    ("Consejo Comunitario Bajo Mira", "52835"),
                    ("Corporación Medellín Joven", "05001"),
                ):
                    response = await orgs.post(
                        "/api/v1/organizations",
                        json={
                            "name": name,
                            "type": "organizacion_mujeres",
                            "municipality_code": code,
                        },
                    )
                    assert response.status_code == 201, response.text
                    made.append(response.json())
                first = made[0]
                changed = await orgs.patch(
                    f"/api/v1/organizations/{first['id']}",
                    json={"name": "Asociación de Mujeres Tumaqueñas"},
                    headers={"If-Match": '"1"'},
                )
                assert changed.status_code == 200, changed.text
            await eventually(lambda: len(receiver.receipts) >= 3, within=90)
            # A last change in the territory: anything else would have arrived before it.
            async with httpx.AsyncClient(base_url=url, headers=headers) as orgs:
                last = await orgs.post(
                    "/api/v1/organizations",
                    json={
                        "name": "Red de Jóvenes del Pacífico",
                        "type": "organizacion_mujeres",
                        "municipality_code": "52835",
                    },
                )
            await eventually(lambda: len(receiver.receipts) >= 4, within=90)
    finally:
        receiver.close()

    assert receiver.refused == 0
    events = receiver.events()
    assert sorted(events) == sorted(
        [
            ("organization.created", made[0]["id"], 1),
            ("organization.created", made[1]["id"], 1),
            ("organization.updated", first["id"], 2),
            ("organization.created", last.json()["id"], 1),
        ]
    )
    # One resource's events in order: created (version 1) before updated (version 2).
    assert [v for _, i, v in events if i == first["id"]] == [1, 2]
    (update,) = [r for r in receiver.receipts if r.payload["type"] == "organization.updated"]
    data = update.payload["data"]
    assert data == {
        "resource": "organizations",
        "id": first["id"],
        "version": 2,
        "municipality_code": "52835",
        "url": f"https://api.somos.example.org/api/v1/organizations/{first['id']}",
    }


async def test_an_overdue_commitment_reaches_the_receiver(
    client, fresh_database, webhooks_db, tmp_path: Path
):
    """`somos serve events` announces a commitment past its due date on its own timer; the
    worker delivers `commitment.overdue` (and nothing else it was not asked for)."""
    events_db = await fresh_database("events")
    receiver = Receiver()
    try:
        await subscribe(client, receiver, ["commitment.overdue"])

        with service_and_worker(
            "events",
            webhooks_db,
            tmp_path,
            ["events:read", "events:write"],
            SOMOS_EVENTS_DATABASE_URL=events_db,
            SOMOS_EVENTS_OVERDUE_CHECK_SECONDS="1",
        ) as (url, headers):
            async with httpx.AsyncClient(base_url=url, headers=headers) as events:
                event = await events.post("/api/v1/events", json=event_body())
                assert event.status_code == 201, event.text
                yesterday = colombia_today() - timedelta(days=1)
                late = await events.post(
                    f"/api/v1/events/{event.json()['id']}/commitments",
                    json=commitment_body(due_date=yesterday.isoformat()),
                )
                assert late.status_code == 201, late.text
                commitment = late.json()
            await eventually(lambda: len(receiver.receipts) >= 1, within=90)
    finally:
        receiver.close()

    assert receiver.refused == 0
    [receipt] = receiver.receipts
    assert receipt.payload["type"] == "commitment.overdue"
    assert receipt.payload["data"] == {
        "resource": "commitments",
        "id": commitment["id"],
        "version": 1,
        "municipality_code": "52835",
        "url": f"https://api.somos.example.org/api/v1/commitments/{commitment['id']}",
    }
