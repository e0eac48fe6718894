"""Statistics: aggregates by municipality, workshops, archived events, no personal data."""

from __future__ import annotations

from datetime import timedelta

from services.common.testing import bearer
from services.events.records import bogota_today
from tests.events.factories import (
    PERSON,
    attendee_body,
    commitment_body,
    create_event,
    event_body,
    held_event,
    participation_body,
)


async def test_stats(client, make_token):
    today = bogota_today()
    d1 = await held_event(client, community="Vereda Candelillas")
    d2 = await held_event(client, community="VEREDA  CANDELÍLLAS", title="Segundo diálogo")
    d3 = await held_event(client, municipality_code="19698", community="Vereda Lomitas")
    h1 = await held_event(
        client,
        type="hablemos_de_policia",
        community="Barrio Panamá",
        trust_survey={
            "before": {"respondents": 30, "mean_score": 2.4},
            "after": {"respondents": 30, "mean_score": 3.1},
        },
    )
    h2 = await held_event(
        client,
        type="hablemos_de_policia",
        municipality_code="19698",
        community="Centro",
        trust_survey={
            "before": {"respondents": 20, "mean_score": 3.0},
            "after": {"respondents": 18, "mean_score": 3.2},
        },
    )
    planned = (
        await client.post(
            "/api/v1/events",
            json=event_body(
                starts_at="2199-01-01T09:00:00-05:00", ends_at="2199-01-01T10:00:00-05:00"
            ),
        )
    ).json()
    await client.put(f"/api/v1/events/{d1['id']}/participation", json=participation_body())
    await client.put(
        f"/api/v1/events/{d3['id']}/participation",
        json=participation_body(
            total=10,
            by_sex={"mujer": 10},
            by_age_group={"14_28": 10},
            by_ethnicity={"indigena": 10},
            by_role={"comunidad": 10},
            conflict_victims=4,
            persons_with_disability=None,
            lgbtiq=None,
        ),
    )
    # participation of a planned event is not counted among participants of held events
    await client.put(f"/api/v1/events/{planned['id']}/participation", json=participation_body())
    for due in (today - timedelta(days=2), today + timedelta(days=30)):
        await client.post(
            f"/api/v1/events/{d1['id']}/commitments", json=commitment_body(due_date=due.isoformat())
        )
    c3 = (
        await client.post(
            f"/api/v1/events/{d3['id']}/commitments",
            json=commitment_body(due_date=today.isoformat()),
        )
    ).json()
    for to in ("in_progress", "fulfilled"):
        await client.post(f"/api/v1/commitments/{c3['id']}/transitions", json={"to": to})
    del d2, h1, h2

    s = (await client.get("/api/v1/stats/events")).json()
    assert s["events_total"] == 6
    assert s["events_by_status"] == {"planned": 1, "held": 5, "cancelled": 0}
    assert s["held_by_type"]["dialogo_resiliencia"] == 3
    assert s["held_by_type"]["hablemos_de_policia"] == 2
    # "Vereda Candelillas" twice (accents/case/spaces normalised) + "Vereda Lomitas"
    assert s["communities_by_type"]["dialogo_resiliencia"] == 2
    p = s["participants"]
    assert (p["total"], p["events_with_participation"]) == (52, 2)
    assert p["by_sex"] == {"mujer": 34, "hombre": 17, "otro": 0, "no_reporta": 1}
    assert p["by_ethnicity"]["indigena"] == 14
    assert (p["conflict_victims"], p["persons_with_disability"], p["lgbtiq"]) == (23, 3, 2)
    assert s["commitments"] == {
        "total": 3,
        "overdue": 1,
        "by_status": {"open": 2, "in_progress": 0, "fulfilled": 1, "cancelled": 0},
    }
    assert s["trust"] == {"sessions_with_change": 2, "mean_change": 0.45}
    assert set(s["by_municipality"]) == {"52835", "19698"}
    tumaco = s["by_municipality"]["52835"]
    assert tumaco["participants"]["total"] == 42
    assert tumaco["trust"]["mean_change"] == 0.7
    assert tumaco["commitments"]["overdue"] == 1
    assert s["by_municipality"]["19698"]["communities_by_type"]["dialogo_resiliencia"] == 1

    only_cauca = (await client.get("/api/v1/stats/events?department_code=19")).json()
    assert only_cauca["participants"]["total"] == 10
    assert only_cauca["filters"]["department_code"] == "19"
    assert set(only_cauca["by_municipality"]) == {"19698"}
    claimed = bearer(make_token(["events:read"], departments=["52"]))
    s52 = (await client.get("/api/v1/stats/events", headers=claimed)).json()
    assert set(s52["by_municipality"]) == {"52835"} and s52["participants"]["total"] == 42
    none = (await client.get("/api/v1/stats/events?from=2030-01-01&to=2030-12-31")).json()
    assert none["events_total"] == 0 and none["by_municipality"] == {}
    r = await client.get("/api/v1/stats/events?from=2025-12-01&to=2025-01-01")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "to"
    r = await client.get("/api/v1/stats/events?municipality_code=5001")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "municipality_code"


async def test_stats_communities_in_protection_workshops(client):
    # (52835, candelillas) in both workshop types counts once; (19698, lomitas) once;
    # a planned workshop and a held dialogue do not count.
    await held_event(client, type="taller_psicosocial", community="Vereda Candelillas")
    await held_event(client, type="taller_autoproteccion", community="vereda  CANDELILLAS")
    await held_event(
        client, type="taller_autoproteccion", municipality_code="19698", community="Lomitas"
    )
    await held_event(client, type="dialogo_resiliencia", community="Otra vereda")
    r = await client.post(
        "/api/v1/events",
        json=event_body(
            type="taller_psicosocial",
            community="Vereda planeada",
            starts_at="2199-01-01T09:00:00-05:00",
            ends_at="2199-01-01T10:00:00-05:00",
        ),
    )
    assert r.status_code == 201, r.text
    s = (await client.get("/api/v1/stats/events")).json()
    assert s["communities_in_protection_workshops"] == 2
    assert s["communities_by_type"]["taller_psicosocial"] == 1
    assert s["communities_by_type"]["taller_autoproteccion"] == 2
    by_town = s["by_municipality"]
    assert by_town["52835"]["communities_in_protection_workshops"] == 1
    assert by_town["19698"]["communities_in_protection_workshops"] == 1


async def test_stats_leave_out_archived_events_and_follow_municipality_claims(client, make_token):
    kept = await held_event(client, community="Vereda Candelillas")
    gone = await held_event(client, community="Vereda Bajito")
    await held_event(client, municipality_code="19698", community="Centro")
    for event in (kept, gone):
        r = await client.post(f"/api/v1/events/{event['id']}/commitments", json=commitment_body())
        assert r.status_code == 201, r.text
    version = (await client.get(f"/api/v1/events/{gone['id']}")).headers["etag"]
    r = await client.delete(f"/api/v1/events/{gone['id']}", headers={"If-Match": version})
    assert r.status_code == 200, r.text
    s = (await client.get("/api/v1/stats/events")).json()
    assert s["events_total"] == 2 and s["commitments"]["total"] == 1
    assert s["communities_by_type"]["dialogo_resiliencia"] == 2
    tumaco_only = bearer(make_token(["events:read"], municipalities=["52835"]))
    mine = (await client.get("/api/v1/stats/events", headers=tumaco_only)).json()
    assert set(mine["by_municipality"]) == {"52835"} and mine["events_total"] == 1
    # asking for another municipality gives nothing rather than leaking it
    other = (
        await client.get("/api/v1/stats/events?municipality_code=19698", headers=tumaco_only)
    ).json()
    assert other["events_total"] == 0 and other["by_municipality"] == {}


async def test_no_personal_field_in_stats(client):
    event = await create_event(client)
    await client.post(f"/api/v1/events/{event['id']}/transitions", json={"to": "held"})
    await client.post(f"/api/v1/events/{event['id']}/attendees", json=attendee_body())
    stats = await client.get("/api/v1/stats/events")
    assert stats.status_code == 200
    assert stats.json()["participants"]["total"] == 1
    for value in PERSON.values():
        assert value not in stats.text
