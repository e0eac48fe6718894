"""The events service's lists on the lean path: byte for byte like their routes (events,
risk factors, an event's commitments, the follow-up list), with every filter, archived
records, territorial tokens, disclosure levels; odd input falls back to the route's 422/404."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from services.common.testing import bearer
from tests.events.factories import commitment_body, create_event, held_event
from tests.lean_lists import items_of, same_answer, walk

RID = {"X-Request-ID": "lean-compare-events"}
EVENTS = "/api/v1/events"
COMMITMENTS = "/api/v1/commitments"
SURVEY = {
    "before": {"respondents": 2, "mean_score": 2.0},
    "after": {"respondents": 12, "mean_score": 3.5},
}


async def _seed(client: httpx.AsyncClient) -> dict[str, Any]:
    """Events in two departments, one with a withheld trust mean, one archived; risk factors
    and commitments (with notes, one overdue, one archived) under the first."""
    first = await held_event(
        client, type="hablemos_de_policia", trust_survey=SURVEY, title="Hablemos en Tumaco"
    )
    await create_event(
        client,
        type="hablemos_de_policia",
        trust_survey=FRACTIONAL_SURVEY,
        municipality_code="05001",
        community="Comuna 13",
        starts_at="2025-03-15T09:00:00-05:00",
        ends_at="2025-03-15T12:00:00-05:00",
    )
    await create_event(
        client,
        type="taller_psicosocial",
        starts_at="2025-04-01T08:00:00-05:00",
        ends_at="2025-04-01T10:00:00-05:00",
    )
    gone = await create_event(client, title="Taller archivado")
    r = await client.delete(f"{EVENTS}/{gone['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    base = f"{EVENTS}/{first['id']}"
    for category, text in (("economias_ilegales", "Cobro de vacunas"), ("consumo_spa", "Jóvenes")):
        r = await client.post(
            f"{base}/risk-factors", json={"category": category, "description": text}
        )
        assert r.status_code == 201, r.text
    r = await client.delete(f"{base}/risk-factors/{r.json()['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    made = []
    for due, party in (
        ("2020-01-31", "alcaldia"),
        ("2031-06-30", "policia"),
        ("2025-06-30", "alcaldia"),
    ):
        r = await client.post(
            f"{base}/commitments", json=commitment_body(due_date=due, responsible_party=party)
        )
        assert r.status_code == 201, r.text
        made.append(r.json())
    for note in ("Primera visita", "Segunda visita"):
        r = await client.post(
            f"{COMMITMENTS}/{made[0]['id']}/notes", json={"note": note, "noted_on": "2025-05-02"}
        )
        assert r.status_code == 201, r.text
    r = await client.delete(f"{COMMITMENTS}/{made[2]['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    return {
        "event": first,
        "risk_factors": f"{base}/risk-factors",
        "commitments": f"{base}/commitments",
    }


EVENT_FILTERS = [
    {},
    {"municipality_code": "52835"},
    {"department_code": "05"},
    {"type": "taller_psicosocial"},
    {"status": "held"},
    {"from": "2025-03-15"},
    {"to": "2025-03-14"},
    {"from": "2025-03-14", "to": "2025-03-15"},
    {"q": "tumaco"},
    {"security_plan_id": str(uuid.uuid4())},
    {"organization_id": str(uuid.uuid4())},
    {"include_archived": "true"},
]
# Means with decimals (and a change computed from them), all shown to every caller: the lean
# path writes these floats itself, the route through its models.
FRACTIONAL_SURVEY = {
    "before": {"respondents": 9, "mean_score": 2.67},
    "after": {"respondents": 11, "mean_score": 3.91},
}
LIMITS: tuple[dict[str, str], ...] = ({}, {"limit": "1"}, {"limit": "2"}, {"limit": "200"})


@pytest.mark.parametrize("scopes", ["events:read", "events:read attendees:pii"])
async def test_events_pages_are_byte_identical(client, route, spy, make_token, scopes):
    await _seed(client)
    headers = {**RID, **bearer(make_token(scopes))}
    seen: set[str] = set()
    for params in EVENT_FILTERS:
        for limit in LIMITS:
            seen.update(await walk(client, route, spy, EVENTS, {**params, **limit}, headers))
    assert len(seen) == 4
    r = await same_answer(client, route, spy, EVENTS, params={"q": "tumaco"}, headers=headers)
    survey = items_of(r)[0]["trust_survey"]
    assert survey["before"]["mean_score"] == (2.0 if "pii" in scopes else None)
    r = await same_answer(client, route, spy, EVENTS, params={"q": "comuna"}, headers=headers)
    assert items_of(r)[0]["trust_survey"] == {
        "before": {"respondents": 9, "mean_score": 2.67},
        "after": {"respondents": 11, "mean_score": 3.91},
        "change": 1.24,
    }
    assert items_of(r)[0]["suppressed"] == []


async def test_territorial_tokens_see_their_events_only(client, route, spy, make_token):
    await _seed(client)
    for claims, count in (({"departments": ["05"]}, 1), ({"municipalities": ["52835"]}, 2)):
        headers = {**RID, **bearer(make_token(["events:read"], **claims))}
        assert len(await walk(client, route, spy, EVENTS, {}, headers)) == count
        assert len(await walk(client, route, spy, COMMITMENTS, {}, headers)) == (
            2 if count == 2 else 0
        )


async def test_child_lists_are_byte_identical(client, route, spy):
    paths = await _seed(client)
    route.headers.update(client.headers)
    for which, count in (("risk_factors", 2), ("commitments", 3)):
        seen: set[str] = set()
        for params in ({}, {"include_archived": "true"}):
            for limit in LIMITS:
                seen.update(await walk(client, route, spy, paths[which], {**params, **limit}, RID))
        assert len(seen) == count


COMMITMENT_FILTERS = [
    {},
    {"status": "open"},
    {"overdue": "true"},
    {"overdue": "false"},
    {"responsible_party": "alcaldia"},
    {"municipality_code": "52835"},
    {"department_code": "05"},
    {"due_from": "2025-01-01"},
    {"due_to": "2025-12-31"},
    {"include_archived": "true"},
]


async def test_follow_up_list_is_byte_identical(client, route, spy):
    await _seed(client)
    route.headers.update(client.headers)
    for params in COMMITMENT_FILTERS:
        for limit in LIMITS:
            await walk(client, route, spy, COMMITMENTS, {**params, **limit}, RID)
    r = await same_answer(client, route, spy, COMMITMENTS, headers=RID)
    first = items_of(r)[0]
    assert first["overdue"] is True
    assert [n["note"] for n in first["notes"]] == ["Primera visita", "Segunda visita"]
    r = await same_answer(client, route, spy, COMMITMENTS, params={"overdue": "false"}, headers=RID)
    assert [c["due_date"] for c in items_of(r)] == ["2031-06-30"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "no_such_type"},
        {"from": "2025-03-15", "to": "2025-03-14"},
        {"from": "14/03/2025"},
        {"limit": "0"},
        {"limit": "201"},
        {"cursor": "not-a-cursor"},
        {"include_archived": "yes"},
        {"municipality_code": "5001"},
    ],
)
async def test_odd_input_is_the_routes_answer(client, route, spy, params):
    await _seed(client)
    route.headers.update(client.headers)
    r = await same_answer(
        client, route, spy, EVENTS, params=params, headers=RID, lean_answers=False
    )
    assert r.status_code in (200, 422)


@pytest.mark.parametrize(
    "params",
    [{"overdue": "1"}, {"due_from": "2025-1-1"}, {"responsible_party": ""}, {"cursor": "e30"}],
)
async def test_odd_follow_up_input_is_the_routes_answer(client, route, spy, params):
    await _seed(client)
    route.headers.update(client.headers)
    await same_answer(
        client, route, spy, COMMITMENTS, params=params, headers=RID, lean_answers=False
    )


@pytest.mark.parametrize("which", ["risk_factors", "commitments"])
async def test_unknown_or_invisible_event_is_the_routes_404(client, route, spy, make_token, which):
    paths = await _seed(client)
    route.headers.update(client.headers)
    event_id = paths["event"]["id"]
    for path, status in (
        (paths[which].replace(event_id, str(uuid.uuid4())), 404),
        (paths[which].replace(event_id, "not-a-uuid"), 422),
    ):
        r = await same_answer(client, route, spy, path, headers=RID, lean_answers=False)
        assert r.status_code == status
    elsewhere = {**RID, **bearer(make_token(["events:read"], municipalities=["05001"]))}
    r = await same_answer(client, route, spy, paths[which], headers=elsewhere, lean_answers=False)
    assert r.status_code == 404
    no_scope = {**RID, **bearer(make_token(["organizations:read"]))}
    r = await same_answer(client, route, spy, paths[which], headers=no_scope)
    assert r.status_code == 403
    # The parent's check rides in the page's statement: a department claim covers it...
    department = {**RID, **bearer(make_token(["events:read"], departments=["52"]))}
    r = await same_answer(client, route, spy, paths[which], headers=department)
    assert len(items_of(r)) == {"risk_factors": 1, "commitments": 2}[which]  # one archived
    # ...and a visible parent without children is an empty page, answered on the lean path.
    empty = await create_event(client, title="Sin registros")
    path = paths[which].replace(event_id, empty["id"])
    for headers in (RID, department):
        r = await same_answer(client, route, spy, path, headers=headers)
        assert items_of(r) == []
