"""Events: creation, times, territory, transitions, concurrency, archive, trust survey."""

from __future__ import annotations

import uuid

from services.common.testing import bearer
from tests.events.factories import create_event, event_body


async def test_create_stores_utc_and_returns_z(client):
    body = await create_event(client)
    assert body["starts_at"] == "2025-03-14T14:00:00Z"
    assert body["ends_at"] == "2025-03-14T18:00:00Z"
    assert body["status"] == "planned"
    assert body["department_code"] == "52"
    assert body["version"] == 1
    r = await client.get(f"/api/v1/events/{body['id']}")
    assert r.status_code == 200
    assert r.headers["etag"] == '"1"'
    assert r.json()["title"] == "Diálogo de Resiliencia — vereda Candelillas"


async def test_time_without_offset_is_colombian(client):
    body = await create_event(
        client, starts_at="2025-03-14T09:00:00", ends_at="2025-03-14T10:30:00"
    )
    assert body["starts_at"] == "2025-03-14T14:00:00Z"
    assert body["ends_at"] == "2025-03-14T15:30:00Z"


async def test_ends_before_start_is_422_naming_ends_at(client):
    r = await client.post("/api/v1/events", json=event_body(ends_at="2025-03-14T08:00:00-05:00"))
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"] == [{"field": "ends_at", "message": "must be after starts_at"}]


async def test_bad_municipality_code_is_422_naming_it(client):
    r = await client.post("/api/v1/events", json=event_body(municipality_code="5001"))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "municipality_code"


async def test_client_id_is_kept_and_reuse_with_other_content_is_409(client):
    own = str(uuid.uuid4())
    body = await create_event(client, id=own)
    assert body["id"] == own
    again = await client.post("/api/v1/events", json=event_body(id=own))
    assert again.status_code == 200 and again.json()["id"] == own
    other = await client.post("/api/v1/events", json=event_body(id=own, title="Otro título"))
    assert other.status_code == 409
    assert other.json()["type"] == "urn:somos:problem:id-reused"


async def test_held_needs_start_in_past_and_cancel_needs_reason(client):
    future = await create_event(
        client, starts_at="2199-01-01T09:00:00-05:00", ends_at="2199-01-01T12:00:00-05:00"
    )
    r = await client.post(f"/api/v1/events/{future['id']}/transitions", json={"to": "held"})
    assert r.status_code == 409
    assert "before it starts" in r.json()["detail"]
    r = await client.post(f"/api/v1/events/{future['id']}/transitions", json={"to": "cancelled"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "reason"
    r = await client.post(
        f"/api/v1/events/{future['id']}/transitions",
        json={"to": "cancelled", "reason": "Paro armado en la zona"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "cancelled"
    assert r.json()["status_reason"] == "Paro armado en la zona"
    assert r.json()["version"] == 2


async def test_invalid_transition_is_409_naming_allowed(client):
    event = await create_event(client)
    r = await client.post(f"/api/v1/events/{event['id']}/transitions", json={"to": "held"})
    assert r.status_code == 200
    r = await client.post(
        f"/api/v1/events/{event['id']}/transitions", json={"to": "cancelled", "reason": "x"}
    )
    assert r.status_code == 409
    body = r.json()
    assert body["allowed"] == []
    assert "Cannot go from 'held' to 'cancelled'" in body["detail"]
    r = await client.post(f"/api/v1/events/{event['id']}/transitions", json={"to": "planned"})
    assert r.status_code == 409


async def test_patch_requires_if_match(client):
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}"
    r = await client.patch(url, json={"title": "Diálogo ajustado"})
    assert r.status_code == 428
    r = await client.patch(url, json={"title": "Diálogo ajustado"}, headers={"If-Match": '"7"'})
    assert r.status_code == 412
    assert r.headers["etag"] == '"1"'
    r = await client.patch(url, json={"title": "Diálogo ajustado"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200
    assert r.json()["title"] == "Diálogo ajustado"
    assert r.headers["etag"] == '"2"'


async def test_delete_archives_and_lists_hide_it(client):
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}"
    assert (await client.delete(url)).status_code == 428
    r = await client.delete(url, headers={"If-Match": '"1"'})
    assert r.status_code == 200
    assert r.json()["archived_at"] is not None
    listed = (await client.get("/api/v1/events")).json()["items"]
    assert listed == []
    listed = (await client.get("/api/v1/events?include_archived=true")).json()["items"]
    assert [e["id"] for e in listed] == [event["id"]]
    assert (await client.get(url)).json()["archived_at"] is not None


async def test_list_filters_and_pagination(client):
    a = await create_event(
        client, starts_at="2025-01-10T09:00:00-05:00", ends_at="2025-01-10T12:00:00-05:00"
    )
    b = await create_event(
        client,
        type="hablemos_de_policia",
        municipality_code="19698",
        community="Barrio El Centro",
        title="Hablemos de Policía en el centro",
        starts_at="2025-02-10T09:00:00-05:00",
        ends_at="2025-02-10T12:00:00-05:00",
    )
    c = await create_event(
        client, starts_at="2025-03-10T09:00:00-05:00", ends_at="2025-03-10T12:00:00-05:00"
    )
    r = await client.get("/api/v1/events?limit=2")
    page1 = r.json()
    assert [e["id"] for e in page1["items"]] == [c["id"], b["id"]]
    assert 'rel="next"' in r.headers["link"]
    page2 = (await client.get(f"/api/v1/events?limit=2&cursor={page1['next_cursor']}")).json()
    assert [e["id"] for e in page2["items"]] == [a["id"]] and page2["next_cursor"] is None
    assert [
        e["id"] for e in (await client.get("/api/v1/events?department_code=19")).json()["items"]
    ] == [b["id"]]
    assert [
        e["id"]
        for e in (await client.get("/api/v1/events?type=hablemos_de_policia")).json()["items"]
    ] == [b["id"]]
    assert [
        e["id"]
        for e in (await client.get("/api/v1/events?from=2025-02-01&to=2025-02-28")).json()["items"]
    ] == [b["id"]]
    assert [
        e["id"] for e in (await client.get("/api/v1/events?q=POLICÍA en el CENTRO")).json()["items"]
    ] == [b["id"]]


async def test_territory_claims(client, make_token):
    event = await create_event(client)

    cauca = bearer(make_token(["events:read", "events:write"], municipalities=["19698"]))
    r = await client.get(f"/api/v1/events/{event['id']}", headers=cauca)
    assert r.status_code == 404
    assert (await client.get("/api/v1/events", headers=cauca)).json()["items"] == []
    r = await client.post("/api/v1/events", json=event_body(), headers=cauca)
    assert r.status_code == 403
    r = await client.post(
        "/api/v1/events", json=event_body(municipality_code="19698"), headers=cauca
    )
    assert r.status_code == 201


async def test_scopes(client, make_token):

    reader = bearer(make_token(["events:read"]))
    r = await client.post("/api/v1/events", json=event_body(), headers=reader)
    assert r.status_code == 403
    assert r.json()["missing_scope"] == "events:write"
    r = await client.get("/api/v1/events", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401


async def test_trust_survey_change(client):
    event = await create_event(
        client,
        type="hablemos_de_policia",
        trust_survey={
            "before": {"respondents": 30, "mean_score": 2.4},
            "after": {"respondents": 28, "mean_score": 3.1},
        },
    )
    assert event["trust_survey"] == {
        "before": {"respondents": 30, "mean_score": 2.4},
        "after": {"respondents": 28, "mean_score": 3.1},
        "change": 0.7,
    }
    r = await client.patch(
        f"/api/v1/events/{event['id']}",
        headers={"If-Match": '"1"'},
        json={
            "trust_survey": {
                "before": {"respondents": 30, "mean_score": 3.5},
                "after": {"respondents": 28, "mean_score": 2.9},
            }
        },
    )
    assert r.status_code == 200
    assert r.json()["trust_survey"]["change"] == -0.6
    only_before = await create_event(
        client,
        type="hablemos_de_policia",
        trust_survey={"before": {"respondents": 12, "mean_score": 3}},
    )
    assert only_before["trust_survey"]["change"] is None


async def test_trust_survey_only_for_hablemos_de_policia(client):
    r = await client.post(
        "/api/v1/events",
        json=event_body(trust_survey={"before": {"respondents": 30, "mean_score": 2.4}}),
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "trust_survey"
    r = await client.post(
        "/api/v1/events",
        json=event_body(
            type="hablemos_de_policia", trust_survey={"before": {"respondents": 3, "mean_score": 6}}
        ),
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "trust_survey.before.mean_score"
