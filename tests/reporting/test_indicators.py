"""Indicators: R1-R10 seeded with their reference sheets; admin adds one from a measure."""

from __future__ import annotations

import httpx

from services.reporting.framework import R1_R10


async def test_r1_to_r10_are_seeded_with_their_reference_sheets(client: httpx.AsyncClient):
    response = await client.get("/api/v1/indicators")
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [i["code"] for i in items] == [f"R{n}" for n in range(1, 11)]
    r9 = {i["code"]: i for i in items}["R9"]
    assert r9["name"] == {
        "es": "Sesiones de Hablemos de Policía",
        "en": "Hablemos de Policía sessions",
    }
    assert r9["unit"] == "count" and r9["direction"] == "increase"
    assert r9["measure"] == "held_events" and r9["parameter"] == "hablemos_de_policia"
    assert r9["calculation"].startswith(
        "held events of the given type: hablemos_de_policia (events)"
    )
    assert "start (Colombian day)" in r9["calculation"]
    assert r9["frequency"] == "quarterly"
    assert r9["disaggregations"] == ["department", "municipality"]
    assert r9["lop_target"] == 8  # imported from results_targets.toml
    assert {i["code"]: i["lop_target"] for i in items}["R7"] is None
    r10 = {i["code"]: i for i in items}["R10"]
    assert r10["unit"] == "percent" and r10["lop_target"] is None

    one = await client.get("/api/v1/indicators/r2")
    assert one.status_code == 200 and one.headers["etag"] == '"1"'
    assert one.json()["code"] == "R2"
    assert "taller_psicosocial" in one.json()["calculation"]
    assert len(R1_R10) == 10


async def test_unknown_indicator_is_a_404(client: httpx.AsyncClient):
    response = await client.get("/api/v1/indicators/R99")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_admin_adds_an_indicator_from_a_measure(client: httpx.AsyncClient, client_for):
    body = {
        "code": "R11",
        "name": {"es": "Mesas de seguridad realizadas", "en": "Security roundtables held"},
        "definition": "Mesas de seguridad con autoridades locales realizadas.",
        "measure": "held_events",
        "parameter": "mesa_seguridad",
        "disaggregations": ["department"],
    }
    async with client_for("reporting:read", "reporting:write") as writer:
        refused = await writer.post("/api/v1/indicators", json=body)
    assert refused.status_code == 403
    created = await client.post("/api/v1/indicators", json=body)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/api/v1/indicators/R11"
    assert created.json()["created_by"] == "oficial-mye"
    assert created.json()["data_source"] == "Somos events service statistics"
    listed = (await client.get("/api/v1/indicators")).json()["items"]
    assert [i["code"] for i in listed][-1] == "R11"

    again = await client.post("/api/v1/indicators", json={**body, "code": "r11"})
    assert again.status_code == 409
    wrong = await client.post("/api/v1/indicators", json={**body, "code": "R12", "measure": "x"})
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "measure"
    bad = await client.post(
        "/api/v1/indicators", json={**body, "code": "R12", "parameter": "asamblea"}
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "parameter"
    missing = await client.post(
        "/api/v1/indicators", json={**body, "code": "R12", "parameter": None}
    )
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "parameter"


async def test_measures_are_listed(client: httpx.AsyncClient):
    items = {m["code"]: m for m in (await client.get("/api/v1/measures")).json()["items"]}
    assert items["participants"]["people"] is True
    assert "mesa_seguridad" in items["held_events"]["choices"]
    assert items["opi_improved_percent"]["unit"] == "percent"
