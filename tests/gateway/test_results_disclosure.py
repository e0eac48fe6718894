"""The results report's people-level figures (JSON and CSV) follow disclosure control."""

from __future__ import annotations

import csv
import io
from typing import Any

from services.common.testing import TokenFactory
from tests.events.factories import attendee_body, held_event
from tests.gateway.conftest import System, gateway_client

READER = ["organizations:read", "plans:read", "events:read"]
PII = [*READER, "attendees:pii"]
ONE_DAY = {"municipality_code": "52835", "from": "2025-03-14", "to": "2025-03-14"}


async def results(system: System, token: str, **params: Any) -> Any:
    async with gateway_client(system.settings(), token) as client:
        r = await client.get("/api/v1/results", params={**ONE_DAY, **params})
    assert r.status_code == 200, r.text
    return r


async def one_indigenous_leader(system: System) -> None:
    event = await held_event(system.client)
    r = await system.client.post(
        f"/api/v1/events/{event['id']}/attendees", json=attendee_body(ethnicity="indigena")
    )
    assert r.status_code == 201, r.text


async def test_results_json_withholds_small_cells(system: System, make_token: TokenFactory):
    await one_indigenous_leader(system)
    body = (await results(system, make_token(READER))).json()
    assert body["partial"] is False, body["problems"]
    participants = body["people"]["participants"]
    assert participants["total"] == 1
    assert set(participants["by_ethnicity"].values()) == {None}
    assert set(participants["by_role"].values()) == {None}
    assert "people.participants.by_ethnicity.indigena" in body["suppressed"]
    assert "people.participants.by_role.lider_social" in body["suppressed"]
    assert body["people"]["beneficiaries"]["total"] == 0
    exact = (await results(system, make_token(PII))).json()
    assert exact["people"]["participants"]["by_ethnicity"]["indigena"] == 1
    assert exact["people"]["participants"]["by_role"]["lider_social"] == 1
    assert exact["suppressed"] == []


async def test_results_csv_withholds_small_cells(system: System, make_token: TokenFactory):
    await one_indigenous_leader(system)
    response = await results(system, make_token(READER), format="csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    people = rows[rows.index(["figure", "value", "note"]) + 1 :]
    by_path = {row[0]: row[1:] for row in people}
    assert by_path["participants.total"] == ["1", ""]
    assert by_path["participants.by_ethnicity.indigena"] == ["", "withheld"]
    assert by_path["participants.by_role.lider_social"] == ["", "withheld"]
    assert by_path["participants.by_sex.mujer"] == ["", "withheld"]
    assert by_path["beneficiaries.total"] == ["0", ""]
    # with attendees:pii the same CSV carries the exact figures
    exact = await results(system, make_token(PII), format="csv")
    rows = list(csv.reader(io.StringIO(exact.content.decode("utf-8-sig"))))
    by_path = {row[0]: row[1:] for row in rows[rows.index(["figure", "value", "note"]) + 1 :]}
    assert by_path["participants.by_ethnicity.indigena"] == ["1", ""]
    assert not any(note == "withheld" for _, note in by_path.values())


async def test_reporting_applies_its_own_k(system: System, make_token: TokenFactory):
    # five attendees: the services (k = 5) show them; a reporting service with k = 10
    # (which serves /api/v1/results) withholds them
    event = await held_event(system.client)
    for i in range(5):
        r = await system.client.post(
            f"/api/v1/events/{event['id']}/attendees",
            json=attendee_body(document_number=f"30{i:08d}", full_name=f"Persona {i}"),
        )
        assert r.status_code == 201, r.text
    strict = system.reporting_with()
    strict.server.config.app.state.settings.platform.min_cell_size = 10
    with strict:
        settings = system.settings(reporting_url=strict.url)
        async with gateway_client(settings, make_token(READER)) as client:
            body = (await client.get("/api/v1/results", params=ONE_DAY)).json()
    assert body["people"]["participants"]["total"] == 5
    assert body["people"]["participants"]["by_sex"]["mujer"] is None
    assert "people.participants.by_sex.mujer" in body["suppressed"]
    shown = (await results(system, make_token(READER))).json()
    assert shown["people"]["participants"]["by_sex"]["mujer"] == 5
