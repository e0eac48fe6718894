"""Quarterly submission: frozen figures, narratives for deviations, reopening, refusals."""

from __future__ import annotations

import httpx

from services.common.colombia import colombia_today
from services.common.testing import TokenFactory, asgi_client, bearer, running_app
from services.reporting.app import create_app
from services.reporting.fiscal import quarter_of
from tests.reporting.conftest import Programme, reporting_settings
from tests.reporting.seeded import hablemos, seed_boundaries

SUBMIT = "/api/v1/reporting-periods/2025-Q1/submit"


def r9(body: dict) -> dict:
    return next(row for row in body["rows"] if row["code"] == "R9")


async def iptt(client: httpx.AsyncClient) -> dict:
    response = await client.get("/api/v1/iptt", params={"fiscal_year": 2025})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_submission_freezes_figures_while_late_data_change_live_ones(
    programme: Programme, make_token: TokenFactory
):
    await seed_boundaries(programme.events)
    for code, value in (("R9", 4), ("R7", 1)):
        r = await programme.reporting.put(
            f"/api/v1/indicators/{code}/targets/2025", json={"value": value, "rationale": "POA"}
        )
        assert r.status_code == 201

    # R7 had no regional space in Q1 against a quarter of its target: a narrative is needed.
    refused = await programme.reporting.post(SUBMIT, json={"narratives": {}})
    assert refused.status_code == 422, refused.text
    assert refused.json()["type"] == "urn:somos:problem:narratives-missing"
    assert [e["field"] for e in refused.json()["errors"]] == ["narratives.R7"]
    assert "R7 is under" in refused.json()["errors"][0]["message"]
    unknown = await programme.reporting.post(SUBMIT, json={"narratives": {"R99": "x"}})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "narratives.R99"
    async with programme.client(make_token(["reporting:read"])) as reader:
        assert (await reader.post(SUBMIT, json={"narratives": {}})).status_code == 403
    async with programme.client(make_token(departments=["52"])) as narino:
        limited = await narino.post(SUBMIT, json={"narratives": {"R7": "x"}})
    assert limited.status_code == 403

    narrative = "El espacio regional con la Procuraduría se aplazó a mayo."
    submitted = await programme.reporting.post(SUBMIT, json={"narratives": {"R7": narrative}})
    assert submitted.status_code == 200, submitted.text
    period = submitted.json()
    assert (period["period"], period["status"], period["submitted_by"]) == (
        "2025-Q1",
        "submitted",
        "oficial-mye",
    )
    assert (period["start"], period["end"], period["ended"]) == ("2024-10-01", "2024-12-31", True)
    assert period["narratives"] == {"R7": narrative}
    assert period["figures"]["R9"] == {
        "value": 1.0,
        "year_to_date": 1.0,
        "fy_target": 4.0,
        "deviation": "on_track",
    }
    assert period["figures"]["R7"]["deviation"] == "under"
    again = await programme.reporting.post(SUBMIT, json={"narratives": {"R7": narrative}})
    assert again.status_code == 409

    # A session held in November is entered late: the live figure moves, the submitted not.
    await hablemos(programme.events, "2024-11-20 10:00")
    row = r9(await iptt(programme.reporting))
    assert row["q1"] == 1 and row["fy_actual"] == 4
    q1 = row["quarters"]["q1"]
    assert (q1["status"], q1["live_value"], q1["changed_since_submission"]) == (
        "submitted",
        2,
        True,
    )
    assert q1["submitted_by"] == "oficial-mye" and q1["submitted_at"].endswith("Z")
    assert row["quarters"]["q2"]["status"] == "open"
    r7 = next(r for r in (await iptt(programme.reporting))["rows"] if r["code"] == "R7")
    assert r7["quarters"]["q1"]["narrative"] == narrative
    assert r7["quarters"]["q1"]["changed_since_submission"] is False
    # Nariño's share of the frozen figures: the late session is in Tumaco, not counted.
    narino = (
        await programme.reporting.get(
            "/api/v1/iptt", params={"fiscal_year": 2025, "department_code": "52"}
        )
    ).json()
    assert (r9(narino)["q1"], r9(narino)["quarters"]["q1"]["live_value"]) == (1, 2)

    # Reopening: admin only, with a reason; recorded in the period's history.
    reopen = "/api/v1/reporting-periods/2025-Q1/reopen"
    async with programme.client(make_token(["reporting:read", "reporting:write"])) as writer:
        assert (await writer.post(reopen, json={"reason": "Datos tardíos"})).status_code == 403
    assert (await programme.reporting.post(reopen, json={})).status_code == 422
    async with programme.client(make_token(sub="admin-mye")) as admin:
        reopened = await admin.post(reopen, json={"reason": "Sesión de noviembre registrada tarde"})
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["status"] == "open" and reopened.json()["figures"] == {}
    (first,) = reopened.json()["history"]
    assert first["submitted_by"] == "oficial-mye"
    assert (first["reopened_by"], first["reopen_reason"]) == (
        "admin-mye",
        "Sesión de noviembre registrada tarde",
    )
    assert r9(await iptt(programme.reporting))["q1"] == 2  # live again
    assert (await programme.reporting.post(reopen, json={"reason": "otra vez"})).status_code == 409

    # With the late session R9 is now over its pro-rated target: it needs a narrative too.
    over = await programme.reporting.post(SUBMIT, json={"narratives": {"R7": narrative}})
    assert [e["field"] for e in over.json()["errors"]] == ["narratives.R9"]
    resubmitted = await programme.reporting.post(
        SUBMIT, json={"narratives": {"R7": narrative, "R9": "Dos sesiones en Tumaco en Q1."}}
    )
    assert resubmitted.status_code == 200, resubmitted.text
    assert resubmitted.json()["figures"]["R9"]["value"] == 2
    history = (await programme.reporting.get("/api/v1/reporting-periods/2025-Q1")).json()
    assert [h["reopened_at"] is None for h in history["history"]] == [False, True]
    row = r9(await iptt(programme.reporting))
    assert row["q1"] == 2 and row["quarters"]["q1"]["changed_since_submission"] is False


async def test_a_quarter_not_yet_ended_is_refused(client: httpx.AsyncClient):
    running = quarter_of(colombia_today())
    response = await client.post(
        f"/api/v1/reporting-periods/{running.label}/submit", json={"narratives": {}}
    )
    assert response.status_code == 409, response.text
    assert response.json()["type"] == "urn:somos:problem:quarter-not-ended"
    assert running.end.isoformat() in response.json()["detail"]
    later = await client.post(
        f"/api/v1/reporting-periods/{running.fiscal_year + 1}-Q4/submit", json={"narratives": {}}
    )
    assert later.status_code == 409
    period = (await client.get(f"/api/v1/reporting-periods/{running.label}")).json()
    assert (period["status"], period["ended"], period["history"]) == ("open", False, [])
    bad = await client.post("/api/v1/reporting-periods/2025-Q7/submit", json={"narratives": {}})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "period"


async def test_nothing_is_frozen_while_a_service_is_down(
    reporting_db: str, organizations_server, security_plans_server, make_token: TokenFactory
):
    settings = reporting_settings(
        reporting_db,
        organizations_url=organizations_server.url,
        security_plans_url=security_plans_server.url,
    )  # events: nothing listens there
    app = create_app(settings)
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
        response = await client.post(SUBMIT, json={"narratives": {}})
        assert response.status_code == 503, response.text
        assert "events" in response.json()["detail"]
        period = (await client.get("/api/v1/reporting-periods/2025-Q1")).json()
    assert period["status"] == "open" and period["history"] == []
