"""Composed views against known data created through the real services; partial answers."""

from __future__ import annotations

import time
from typing import Any

import httpx

from services.common.testing import ServerThread, TokenFactory
from tests.gateway.conftest import (
    INTERNAL,
    System,
    assert_timed,
    dead_url,
    gateway_client,
    gateway_settings,
    server_timing,
)
from tests.gateway.programme import TERM, build_programme


async def upstream_calls(client: httpx.AsyncClient) -> float:
    """Calls the gateway has made to the services so far (from its /metrics)."""
    text = (await client.get(INTERNAL + "/metrics")).text
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("somos_gateway_upstream_calls_total{")
    )


async def test_overview_and_profile_from_known_data(system: System) -> None:
    programme = await build_programme(system.client)
    client = system.client
    before = await upstream_calls(client)
    response = await client.get("/api/v1/municipalities/52835/overview")
    assert await upstream_calls(client) - before == 3  # one parallel round: one per service
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["partial"] is False and body["unavailable"] == [], body["problems"]
    assert_timed(response, {"events", "security_plans", "organizations"}, set())
    assert body["municipality"] == {  # names from the DANE list shipped with Somos
        "code": "52835",
        "name": "SAN ANDRÉS DE TUMACO",
        "department_code": "52",
        "department_name": "NARIÑO",
    }
    # Tumaco has only the previous term's plan: shown, marked so, with its review and its
    # own execution (one action of 150 M planned, nothing reported).
    plan = body["security_plan"]
    assert (plan["term_start_year"], plan["status"], plan["current_term"]) == (
        TERM - 4,
        "formulation",
        False,
    )
    assert plan["latest_review_score"] == 33.33
    assert (plan["budget_planned_cop"], plan["budget_executed_cop"]) == (150_000_000, 0)
    assert plan["execution_pct"] == 0.0
    orgs = body["organizations"]
    assert orgs["total"] == 2 and orgs["by_type"] == {"organizacion_mujeres": 2}
    assert (orgs["mean_baseline_opi"], orgs["mean_latest_opi"]) == (2.5, 2.5)
    assert (orgs["assessed_twice"], orgs["improved"], orgs["improved_pct"]) == (2, 1, 50.0)
    plans = body["strengthening_plans"]
    assert plans["total"] == 2 and plans["approved_or_later"] == 1
    assert plans["by_status"]["in_progress"] == 1 and plans["by_status"]["draft"] == 1
    events = body["events"]
    assert events["by_status"] == {"planned": 1, "held": 6, "cancelled": 0}
    assert events["held_by_type"] == {
        "dialogo_resiliencia": 2,
        "hablemos_de_policia": 2,
        "taller_psicosocial": 1,
        "taller_autoproteccion": 1,
    }
    assert events["communities_by_type"]["dialogo_resiliencia"] == 1
    assert events["participants"]["total"] == 42
    assert events["participants"]["by_sex"]["mujer"] == 24
    commitments = body["commitments"]
    assert (commitments["total"], commitments["open"], commitments["overdue"]) == (2, 2, 1)
    strategies = body["prevention_strategies"]
    assert strategies["total"] == 2
    assert strategies["by_status"]["evaluated"] == 1
    assert strategies["by_status"]["implementing"] == 1
    initiatives = body["community_initiatives"]
    assert initiatives["total"] == 2 and initiatives["by_status"]["in_implementation"] == 2
    assert initiatives["by_methodology"] == {"ibp": 1, "other": 1}
    assert {i["title"] for i in initiatives["items"]} == {
        "Iniciativa ibp 52835",
        "Iniciativa other 52835",
    }

    # Santander de Quilichao: the running term's plan, approved, reviewed, 20 % executed.
    quilichao = (await client.get("/api/v1/municipalities/19698/overview")).json()
    plan = quilichao["security_plan"]
    assert plan["id"] == programme["piscc"]["id"] and plan["current_term"] is True
    assert (plan["status"], plan["term_start_year"], plan["term_end_year"]) == (
        "in_implementation",
        TERM,
        TERM + 3,
    )
    assert plan["approved_on"] == f"{TERM}-05-20" and plan["approved_on_time"] is True
    assert plan["latest_review_score"] == 100.0
    assert (plan["budget_planned_cop"], plan["budget_executed_cop"]) == (150_000_000, 30_000_000)
    assert plan["execution_pct"] == 20.0
    nothing = (await client.get("/api/v1/municipalities/23001/overview")).json()
    assert nothing["security_plan"] is None and nothing["organizations"]["total"] == 0

    a = programme["a"]
    before = await upstream_calls(client)
    response = await client.get(f"/api/v1/organizations/{a['id']}/profile")
    assert await upstream_calls(client) - before == 2  # one per service
    assert response.status_code == 200, response.text
    profile = response.json()
    assert profile["partial"] is False
    assert_timed(response, {"organizations", "events"}, set())
    assert profile["organization"]["name"] == "Consejo Comunitario Acapa"
    assert profile["territory"]["department_name"] == "NARIÑO"
    assert profile["performance"]["improved"] is True
    assert [(x["kind"], x["overall_score"]) for x in profile["assessments"]] == [
        ("baseline", 2.0),
        ("follow_up", 3.0),
    ]
    [own_plan] = profile["strengthening_plans"]
    assert own_plan["id"] == programme["plans"]["a"]["id"]
    assert (own_plan["status"], own_plan["progress_pct"]) == ("in_progress", 40.0)
    support = profile["support"]
    assert (support["activities"], support["hours"]) == (2, 9.0)
    assert support["by_kind"] == {"communications": 1, "relationship_with_authorities": 1}
    assert [e["id"] for e in profile["events"]] == [programme["dialogue"]["id"]]
    missing = await client.get("/api/v1/organizations/33333333-3333-3333-3333-333333333333/profile")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_views_are_partial_when_a_service_is_down(
    system: System, make_token: TokenFactory
) -> None:
    org = (
        await system.client.post(
            "/api/v1/organizations",
            json={
                "name": "Junta de Acción Comunal La Playa",
                "type": "junta_accion_comunal",
                "municipality_code": "52835",
                "focus_areas": ["convivencia"],
            },
        )
    ).json()
    async with gateway_client(system.settings(events_url=dead_url()), make_token()) as client:
        started = time.monotonic()
        response = await client.get("/api/v1/municipalities/52835/overview")
        elapsed = time.monotonic() - started
        profile_response = await client.get(f"/api/v1/organizations/{org['id']}/profile")
        profile = profile_response.json()
    assert response.status_code == 200
    assert_timed(response, {"security_plans", "organizations"}, {"events"})
    assert_timed(profile_response, {"organizations"}, {"events"})
    body = response.json()
    assert body["partial"] is True and body["unavailable"] == ["events"]
    assert body["events"] is None and body["commitments"] is None
    assert body["organizations"]["total"] == 1
    assert elapsed < 2.0
    assert profile["partial"] is True and profile["unavailable"] == ["events"]
    assert profile["events"] is None and profile["organization"]["id"] == org["id"]


async def test_overview_respects_territory_claims(make_token: TokenFactory) -> None:
    async with gateway_client(gateway_settings(), make_token(municipalities=["19698"])) as client:
        response = await client.get("/api/v1/municipalities/52835/overview")
        assert response.status_code == 403
        bad = await client.get("/api/v1/municipalities/5283/overview")
        assert bad.status_code == 422


async def test_slow_upstream_gives_partial_answer_within_budget(
    system: System, stub_server: Any, make_token: TokenFactory
) -> None:
    def slow(_request: Any) -> dict[str, Any]:
        time.sleep(3)
        return {}

    events: ServerThread
    with stub_server({"/api/v1/stats/events": slow}) as events:
        settings = system.settings(events_url=events.url, composition_budget_seconds=0.5)
        async with gateway_client(settings, make_token()) as client:
            started = time.monotonic()
            response = await client.get("/api/v1/municipalities/52835/overview")
            elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.json()["unavailable"] == ["events"]
    assert response.json()["security_plan"] is None  # nothing there, but answered
    assert elapsed < 1.5
    assert_timed(response, {"security_plans", "organizations"}, {"events"})
    dropped, _ = server_timing(response)["events"]
    assert 500 <= dropped < 1500  # waited for the whole 0.5 s budget, then dropped
