"""Disclosure control on the events statistics: one municipality and a short date range
must not describe one person; nor may a municipality's hidden cell be recomputed from the
total."""

from __future__ import annotations

from services.common.testing import bearer
from tests.events.factories import attendee_body, held_event, participation_body

READER = "events:read"
PII = "events:read attendees:pii"
ONE_DAY = "municipality_code=52835&from=2025-03-14&to=2025-03-14"


async def stats(client, make_token, scopes: str, query: str = "") -> dict:
    r = await client.get(f"/api/v1/stats/events?{query}", headers=bearer(make_token(scopes)))
    assert r.status_code == 200, r.text
    return r.json()


async def add_attendees(client, event_id: str, n: int) -> None:
    for i in range(n):
        r = await client.post(
            f"/api/v1/events/{event_id}/attendees",
            json=attendee_body(
                full_name=f"Persona {i}", document_number=f"20{i:08d}", ethnicity="indigena"
            ),
        )
        assert r.status_code == 201, r.text


async def test_one_municipality_one_day_one_attendee(client, make_token):
    event = await held_event(client)
    await add_attendees(client, event["id"], 1)
    s = await stats(client, make_token, READER, ONE_DAY)
    p = s["participants"]
    assert p["total"] == 1 and p["events_with_participation"] == 1
    assert set(p["by_ethnicity"].values()) == {None}
    assert set(p["by_role"].values()) == {None}
    tumaco = s["by_municipality"]["52835"]["participants"]
    assert tumaco["total"] == 1 and set(tumaco["by_sex"].values()) == {None}
    assert "participants.by_ethnicity.indigena" in s["suppressed"]
    assert "by_municipality.52835.participants.by_role.lider_social" in s["suppressed"]
    # the same question with attendees:pii: exact figures
    exact = await stats(client, make_token, PII, ONE_DAY)
    assert exact["participants"]["by_ethnicity"]["indigena"] == 1
    assert exact["participants"]["by_role"]["lider_social"] == 1
    assert exact["suppressed"] == []


async def test_k_attendees_of_one_ethnicity_are_shown(client, make_token):
    event = await held_event(client)
    await add_attendees(client, event["id"], 5)
    s = await stats(client, make_token, READER, ONE_DAY)
    assert s["participants"]["by_ethnicity"]["indigena"] == 5
    assert s["participants"]["by_ethnicity"]["ninguno"] == 0
    assert s["by_municipality"]["52835"]["participants"]["by_sex"]["mujer"] == 5
    assert s["suppressed"] == []


async def test_hidden_municipality_cell_cannot_be_recomputed_from_the_total(client, make_token):
    big = await held_event(client)
    small = await held_event(client, municipality_code="19698", community="Centro")
    await client.put(f"/api/v1/events/{big['id']}/participation", json=participation_body())
    await client.put(
        f"/api/v1/events/{small['id']}/participation",
        json=participation_body(
            total=10,
            by_sex={"mujer": 8, "hombre": 2},
            by_age_group={"14_28": 10},
            by_ethnicity={"afrocolombiano": 10},
            by_role={"comunidad": 10},
            conflict_victims=None,
            persons_with_disability=None,
            lgbtiq=None,
        ),
    )
    s = await stats(client, make_token, READER)
    cauca = s["by_municipality"]["19698"]["participants"]
    tumaco = s["by_municipality"]["52835"]["participants"]
    # Cauca's 2 men are hidden, and its 8 women with them (its total is shown)
    assert cauca["by_sex"] == {"mujer": None, "hombre": None, "otro": 0, "no_reporta": 0}
    # In all: no_reporta (1) hidden, hombre (19) with it. Women in all (32) stay shown, so
    # Tumaco's 24 would give Cauca's 8 away by subtraction: hidden too.
    assert s["participants"]["by_sex"] == {
        "mujer": 32,
        "hombre": None,
        "otro": 0,
        "no_reporta": None,
    }
    assert tumaco["by_sex"] == {"mujer": None, "hombre": None, "otro": 0, "no_reporta": None}
    assert "by_municipality.52835.participants.by_sex.hombre" in s["suppressed"]
    # under every shown figure of the whole, never exactly one hidden municipality cell
    for code in ("mujer", "hombre"):
        hidden = [
            m for m in s["by_municipality"].values() if m["participants"]["by_sex"][code] is None
        ]
        assert len(hidden) != 1
    # totals stay
    assert (s["participants"]["total"], cauca["total"], tumaco["total"]) == (52, 10, 42)


async def test_trust_mean_of_few_respondents_is_withheld(client, make_token):
    await held_event(
        client,
        type="hablemos_de_policia",
        trust_survey={
            "before": {"respondents": 3, "mean_score": 2.0},
            "after": {"respondents": 3, "mean_score": 4.0},
        },
    )
    s = await stats(client, make_token, READER, ONE_DAY)
    assert s["trust"] == {"sessions_with_change": 1, "mean_change": None}
    assert s["by_municipality"]["52835"]["trust"]["mean_change"] is None
    assert {"trust.mean_change", "by_municipality.52835.trust.mean_change"} <= set(s["suppressed"])
    exact = await stats(client, make_token, PII, ONE_DAY)
    assert exact["trust"]["mean_change"] == 2.0
