"""Composed views against known data from stub upstreams; partial answers when one fails."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from gateway.views import current_term_start
from services.common.testing import TokenFactory
from tests.gateway.conftest import gateway_client, gateway_settings

PLAN_ID = "11111111-1111-1111-1111-111111111111"
ORG_ID = "22222222-2222-2222-2222-222222222222"
TERM = current_term_start(date.today())

ORG_STATS = {
    "totals": {
        "organizations": {
            "total": 3,
            "by_type": {"consejo_comunitario": 2, "plataforma_juvenil": 1},
            "by_ethnic_focus": {"afrocolombiano": 2, "ninguno": 1},
        },
        "opi": {
            "mean_baseline_overall": 2.1,
            "mean_latest_overall": 2.6,
            "organizations_assessed_twice": 2,
            "organizations_improved": 1,
        },
        "strengthening_plans": {
            "total": 2,
            "by_status": {"approved": 1, "draft": 1},
            "approved_or_later": 1,
        },
    },
    "by_municipality": {},
}
PLAN_STATS = {
    "prevention_strategies": {
        "total": 2,
        "by_status": {"implemented": 1, "designed": 1},
        "by_approach": {"social": 2},
    },
    "by_municipality": {},
}
EVENT_STATS = {
    "totals": None,
    "held_by_type": {"dialogo_resiliencia": 2, "hablemos_de_policia": 1},
    "communities_by_type": {"dialogo_resiliencia": 2},
    "participants": {"total": 61, "by_sex": {"mujer": 35, "hombre": 26}},
    "commitments": {
        "total": 4,
        "by_status": {"open": 2, "in_progress": 1, "fulfilled": 1},
        "overdue": 1,
    },
}
UPSTREAMS: dict[str, dict[str, Any]] = {
    "organizations": {
        "/api/v1/stats/organizations": ORG_STATS,
        "/api/v1/community-initiatives": {
            "items": [
                {
                    "id": "i1",
                    "title": "Huerta comunitaria",
                    "community": "Vereda La Honda",
                    "methodology": "ibp",
                    "status": "in_implementation",
                },
                {
                    "id": "i2",
                    "title": "Cine al parque",
                    "community": "Barrio Obrero",
                    "methodology": "other",
                    "status": "designed",
                },
            ],
            "next_cursor": None,
        },
        f"/api/v1/organizations/{ORG_ID}": {
            "id": ORG_ID,
            "name": "Consejo Comunitario Acapa",
            "municipality_code": "52835",
            "type": "consejo_comunitario",
        },
        f"/api/v1/organizations/{ORG_ID}/performance": {
            "baseline": {"overall_score": 2.0},
            "latest": {"overall_score": 2.5},
            "improved": True,
        },
        f"/api/v1/organizations/{ORG_ID}/assessments": {
            "items": [
                {
                    "id": "a2",
                    "kind": "follow_up",
                    "assessed_on": "2025-06-01",
                    "status": "verified",
                    "overall_score": 2.5,
                },
                {
                    "id": "a1",
                    "kind": "baseline",
                    "assessed_on": "2024-06-01",
                    "status": "verified",
                    "overall_score": 2.0,
                },
            ],
            "next_cursor": None,
        },
        "/api/v1/strengthening-plans": {
            "items": [
                {
                    "id": "p1",
                    "title": "Plan 2025",
                    "status": "in_progress",
                    "progress_pct": 50.0,
                    "overdue_actions": 1,
                }
            ],
            "next_cursor": None,
        },
        "/api/v1/support-activities": {
            "items": [
                {"id": "s1", "kind": "communications", "hours": 4, "delivered_on": "2025-02-01"},
                {"id": "s2", "kind": "legal", "hours": 2.5, "delivered_on": "2025-01-01"},
            ],
            "next_cursor": None,
        },
    },
    "security_plans": {
        "/api/v1/security-plans": {
            "items": [
                {
                    "id": "old",
                    "title": "PISCC anterior",
                    "status": "closed",
                    "term_start_year": TERM - 4,
                },
                {
                    "id": PLAN_ID,
                    "title": "PISCC Tumaco",
                    "status": "in_implementation",
                    "term_start_year": TERM,
                    "term_end_year": TERM + 3,
                },
            ],
            "next_cursor": None,
        },
        f"/api/v1/security-plans/{PLAN_ID}/execution": {
            "execution_pct": 37.5,
            "planned_cop": 800,
            "executed_cop": 300,
        },
        f"/api/v1/security-plans/{PLAN_ID}/reviews": {
            "items": [
                {"score": 55.56, "reviewed_on": "2024-05-01"},
                {"score": 77.78, "reviewed_on": "2024-09-01"},
            ],
            "next_cursor": None,
        },
        "/api/v1/stats/security-plans": PLAN_STATS,
    },
    "events": {
        "/api/v1/stats/events": EVENT_STATS,
        "/api/v1/events": {
            "items": [
                {
                    "id": "e1",
                    "type": "dialogo_resiliencia",
                    "title": "Diálogo",
                    "organization_ids": [ORG_ID],
                    "community": "Vereda La Honda",
                    "status": "held",
                },
                {
                    "id": "e2",
                    "type": "taller_psicosocial",
                    "title": "Otro",
                    "organization_ids": [],
                    "community": "X",
                    "status": "held",
                },
            ],
            "next_cursor": None,
        },
    },
}


async def test_municipality_overview_from_known_data(stub_server, make_token: TokenFactory) -> None:
    calls: list[str] = []
    with (
        stub_server(UPSTREAMS["organizations"], calls) as orgs,
        stub_server(UPSTREAMS["security_plans"], calls) as plans,
        stub_server(UPSTREAMS["events"], calls) as events,
    ):
        settings = gateway_settings(
            organizations_url=orgs.url, security_plans_url=plans.url, events_url=events.url
        )
        async with gateway_client(settings, make_token()) as client:
            response = await client.get("/api/v1/municipalities/52835/overview")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["partial"] is False and body["unavailable"] == []
    assert body["municipality"] == {
        "code": "52835",
        "name": None,
        "department_code": "52",
        "department_name": "Nariño",
    }
    plan = body["security_plan"]
    assert plan["id"] == PLAN_ID and plan["status"] == "in_implementation"
    assert (plan["term_start_year"], plan["term_end_year"]) == (TERM, TERM + 3)
    assert plan["latest_review_score"] == 77.78 and plan["execution_pct"] == 37.5
    assert body["organizations"]["total"] == 3
    assert body["organizations"]["by_type"] == {"consejo_comunitario": 2, "plataforma_juvenil": 1}
    assert (
        body["organizations"]["mean_baseline_opi"],
        body["organizations"]["mean_latest_opi"],
    ) == (2.1, 2.6)
    assert (body["organizations"]["assessed_twice"], body["organizations"]["improved"]) == (2, 1)
    assert body["strengthening_plans"]["by_status"] == {"approved": 1, "draft": 1}
    assert body["events"]["held_by_type"] == {"dialogo_resiliencia": 2, "hablemos_de_policia": 1}
    assert body["events"]["participants"]["total"] == 61
    assert (body["commitments"]["open"], body["commitments"]["overdue"]) == (3, 1)
    assert body["prevention_strategies"]["by_status"] == {"implemented": 1, "designed": 1}
    assert body["community_initiatives"]["total"] == 2
    assert body["community_initiatives"]["by_methodology"] == {"ibp": 1, "other": 1}
    # A fixed number of upstream calls, every one filtered to the municipality.
    assert len(calls) == 7
    assert all("municipality_code=52835" in c for c in calls if "/security-plans/" not in c)


async def test_overview_is_partial_when_a_service_is_down(
    stub_server, make_token: TokenFactory
) -> None:
    with (
        stub_server(UPSTREAMS["organizations"]) as orgs,
        stub_server(UPSTREAMS["security_plans"]) as plans,
    ):
        settings = gateway_settings(organizations_url=orgs.url, security_plans_url=plans.url)
        async with gateway_client(settings, make_token()) as client:
            started = time.monotonic()
            response = await client.get("/api/v1/municipalities/52835/overview")
            elapsed = time.monotonic() - started
    assert response.status_code == 200
    body = response.json()
    assert body["partial"] is True and body["unavailable"] == ["events"]
    assert body["events"] is None and body["commitments"] is None
    assert body["organizations"]["total"] == 3
    assert elapsed < 2.0


async def test_overview_respects_territory_claims(make_token: TokenFactory) -> None:
    async with gateway_client(gateway_settings(), make_token(municipalities=["19698"])) as client:
        response = await client.get("/api/v1/municipalities/52835/overview")
        assert response.status_code == 403
        bad = await client.get("/api/v1/municipalities/5283/overview")
        assert bad.status_code == 422


async def test_organization_profile_from_known_data(stub_server, make_token: TokenFactory) -> None:
    with (
        stub_server(UPSTREAMS["organizations"]) as orgs,
        stub_server(UPSTREAMS["events"]) as events,
    ):
        settings = gateway_settings(organizations_url=orgs.url, events_url=events.url)
        async with gateway_client(settings, make_token()) as client:
            response = await client.get(f"/api/v1/organizations/{ORG_ID}/profile")
            missing = await client.get(
                "/api/v1/organizations/33333333-3333-3333-3333-333333333333/profile"
            )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["partial"] is False
    assert body["organization"]["name"] == "Consejo Comunitario Acapa"
    assert body["territory"]["department_name"] == "Nariño"
    assert body["performance"]["improved"] is True
    assert [a["assessed_on"] for a in body["assessments"]] == ["2024-06-01", "2025-06-01"]
    assert body["strengthening_plans"][0]["progress_pct"] == 50.0
    assert body["support"]["activities"] == 2 and body["support"]["hours"] == 6.5
    assert body["support"]["by_kind"] == {"communications": 1, "legal": 1}
    assert [e["id"] for e in body["events"]] == ["e1"]  # only events it took part in
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_profile_is_partial_when_events_is_down(
    stub_server, make_token: TokenFactory
) -> None:
    with stub_server(UPSTREAMS["organizations"]) as orgs:
        async with gateway_client(
            gateway_settings(organizations_url=orgs.url), make_token()
        ) as client:
            response = await client.get(f"/api/v1/organizations/{ORG_ID}/profile")
    body = response.json()
    assert response.status_code == 200
    assert body["partial"] is True and body["unavailable"] == ["events"]
    assert body["events"] is None and body["organization"]["id"] == ORG_ID


async def test_slow_upstream_gives_partial_answer_within_budget(
    stub_server, make_token: TokenFactory
) -> None:
    def slow(_request: Any) -> dict[str, Any]:
        time.sleep(3)
        return EVENT_STATS

    with (
        stub_server(UPSTREAMS["organizations"]) as orgs,
        stub_server(UPSTREAMS["security_plans"]) as plans,
        stub_server({"/api/v1/stats/events": slow}) as events,
    ):
        settings = gateway_settings(
            organizations_url=orgs.url,
            security_plans_url=plans.url,
            events_url=events.url,
            composition_budget_seconds=0.5,
        )
        async with gateway_client(settings, make_token()) as client:
            started = time.monotonic()
            response = await client.get("/api/v1/municipalities/52835/overview")
            elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.json()["unavailable"] == ["events"]
    assert elapsed < 1.5
