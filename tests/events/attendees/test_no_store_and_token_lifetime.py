"""Answers carrying personal data are never cached; long-lived PII tokens are refused by the
events service itself (issue 14, point 6)."""

from __future__ import annotations

from services.common.testing import bearer
from tests.events.factories import PERSON, attendee_body, create_event


async def test_every_answer_with_attendee_data_says_no_store(client, make_token):
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}/attendees"
    created = await client.post(url, json=attendee_body(), headers={"Idempotency-Key": "nos-1"})
    assert created.status_code == 201 and created.json()["full_name"] == PERSON["full_name"]
    replayed = await client.post(url, json=attendee_body(), headers={"Idempotency-Key": "nos-1"})
    assert replayed.headers["idempotent-replayed"] == "true"
    attendee_url = created.headers["location"]
    listed = await client.get(url)
    read = await client.get(attendee_url)
    updated = await client.patch(
        attendee_url, json={"phone": "3001234567"}, headers={"If-Match": read.headers["etag"]}
    )
    archived = await client.delete(attendee_url, headers={"If-Match": updated.headers["etag"]})
    answers = {
        "create": created,
        "replay": replayed,
        "list": listed,
        "read": read,
        "update": updated,
        "archive": archived,
    }
    for name, answer in answers.items():
        assert answer.status_code in (200, 201), (name, answer.text)
        assert answer.headers["cache-control"] == "no-store", name
    assert listed.json()["items"][0]["document_number"] == PERSON["document_number"]
    assert updated.json()["phone"] == "3001234567"
    # answers without personal data keep the ordinary caching rules
    event_answer = await client.get(f"/api/v1/events/{event['id']}")
    assert event_answer.status_code == 200 and "cache-control" not in event_answer.headers


async def test_the_service_refuses_a_long_lived_pii_token(client, make_token):
    event = await create_event(client)
    url = f"/api/v1/events/{event['id']}/attendees"
    long = bearer(make_token(["events:read", "events:write", "attendees:pii"], ttl=3601))
    r = await client.get(url, headers=long)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == 'Bearer realm="somos"'
    problem = r.json()
    assert problem["type"] == "urn:somos:problem:pii-token-too-long-lived"
    assert problem["title"] == "Token lifetime too long for personal data"
    assert "at most 3600 seconds" in problem["detail"]
    assert "this one lives 3601 seconds" in problem["detail"]
    # a POST with an Idempotency-Key leaves no key either
    r = await client.post(url, json=attendee_body(), headers={**long, "Idempotency-Key": "k"})
    assert r.status_code == 401
    # the same scopes for an hour work; a long token without attendees:pii still reads events
    hour = bearer(make_token(["events:read", "attendees:pii"], ttl=3600))
    assert (await client.get(url, headers=hour)).json()["items"] == []
    week = bearer(make_token(["events:read"], ttl=7 * 86_400))
    assert (await client.get(f"/api/v1/events/{event['id']}", headers=week)).status_code == 200
