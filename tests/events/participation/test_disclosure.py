"""Disclosure control on participation summaries: small cells withheld without attendees:pii."""

from __future__ import annotations

from services.common.testing import bearer
from tests.events.factories import attendee_body, create_event, participation_body

READER = "events:read"
PII = "events:read attendees:pii"


async def add_attendees(client, event_id: str, n: int, *, ethnicity: str = "indigena") -> None:
    for i in range(n):
        r = await client.post(
            f"/api/v1/events/{event_id}/attendees",
            json=attendee_body(
                full_name=f"Persona Prueba {ethnicity} {i}",
                document_number=f"{len(ethnicity)}{i:08d}",
                ethnicity=ethnicity,
            ),
        )
        assert r.status_code == 201, r.text


async def participation(client, make_token, event_id: str, scopes: str) -> dict:
    r = await client.get(
        f"/api/v1/events/{event_id}/participation", headers=bearer(make_token(scopes))
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_one_named_attendee_reveals_nothing_but_the_total(client, make_token):
    event = await create_event(client)
    await add_attendees(client, event["id"], 1)
    body = await participation(client, make_token, event["id"], READER)
    assert body["total"] == 1
    for name in ("by_sex", "by_age_group", "by_ethnicity", "by_role"):
        assert set(body[name].values()) == {None}, name
    assert "by_ethnicity.indigena" in body["suppressed"]
    assert "by_role.lider_social" in body["suppressed"]
    assert "by_ethnicity.ninguno" in body["suppressed"]  # the zeros go with a lone cell
    assert len(body["suppressed"]) == 5 + 4 + 7 + 6  # every cell of the four breakdowns


async def test_k_attendees_of_one_ethnicity_are_shown(client, make_token):
    event = await create_event(client)
    await add_attendees(client, event["id"], 5)
    body = await participation(client, make_token, event["id"], READER)
    assert body["total"] == 5
    assert body["by_ethnicity"]["indigena"] == 5
    assert body["by_ethnicity"]["ninguno"] == 0
    assert body["by_sex"]["mujer"] == 5
    assert body["by_role"]["lider_social"] == 5
    assert body["suppressed"] == []


async def test_k_minus_one_of_one_ethnicity_hides_it_and_its_complement(client, make_token):
    event = await create_event(client)
    await add_attendees(client, event["id"], 4)
    await add_attendees(client, event["id"], 6, ethnicity="afrocolombiano")
    body = await participation(client, make_token, event["id"], READER)
    assert body["total"] == 10
    # indigena 4 is hidden; afrocolombiano 6 = 10 - 4 would give it away: hidden too
    assert body["by_ethnicity"]["indigena"] is None
    assert body["by_ethnicity"]["afrocolombiano"] is None
    assert body["by_ethnicity"]["rrom"] == 0
    assert body["by_sex"]["mujer"] == 10
    assert body["suppressed"] == ["by_ethnicity.afrocolombiano", "by_ethnicity.indigena"]


async def test_pii_token_sees_exact_figures(client, make_token):
    event = await create_event(client)
    await add_attendees(client, event["id"], 1)
    body = await participation(client, make_token, event["id"], PII)
    assert body["by_ethnicity"]["indigena"] == 1
    assert body["by_role"]["lider_social"] == 1
    assert body["by_sex"] == {"mujer": 1, "hombre": 0, "otro": 0, "no_reporta": 0}
    assert body["suppressed"] == []


async def test_manual_summary_flags_are_withheld_when_small(client, make_token):
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}/participation"
    writer = bearer(make_token("events:read events:write"))
    r = await client.put(url, json=participation_body(), headers=writer)
    assert r.status_code == 201
    # the writer without attendees:pii gets the protected figures back as well
    assert r.json()["lgbtiq"] is None
    body = await participation(client, make_token, event["id"], READER)
    assert body["total"] == 42
    # no_reporta 1 hidden, and hombre (17, the next smallest) with it
    assert body["by_sex"] == {"mujer": 24, "hombre": None, "otro": 0, "no_reporta": None}
    assert body["by_age_group"] == {
        "0_13": None,
        "14_28": 15,
        "29_59": 20,
        "60_mas": None,
        "no_reporta": 0,
    }
    assert body["by_ethnicity"]["indigena"] is None and body["by_ethnicity"]["ninguno"] is None
    assert body["by_ethnicity"]["afrocolombiano"] == 30
    # two small cells protect each other: nothing else hidden
    assert body["by_role"] == {
        "comunidad": 30,
        "lider_social": 8,
        "policia": None,
        "autoridad_local": None,
        "organizacion_sociedad_civil": 0,
        "otro": 0,
    }
    assert body["conflict_victims"] == 19
    assert body["persons_with_disability"] is None and body["lgbtiq"] is None
    assert body["suppressed"] == [
        "by_age_group.0_13",
        "by_age_group.60_mas",
        "by_ethnicity.indigena",
        "by_ethnicity.ninguno",
        "by_role.autoridad_local",
        "by_role.policia",
        "by_sex.hombre",
        "by_sex.no_reporta",
        "lgbtiq",
        "persons_with_disability",
    ]
    exact = await participation(client, make_token, event["id"], PII)
    assert exact["lgbtiq"] == 2 and exact["by_sex"]["no_reporta"] == 1
    assert exact["suppressed"] == []
