"""The record kit as the events service uses it: constraint names, PATCH nulls, `q`, loaders."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from services.common.db import sqlalchemy_url
from services.common.records import IdReused, flush
from services.common.testing import bearer
from services.events.attendees.service import ERRORS, DuplicateAttendee
from services.events.models import Attendee, Event
from tests.events.factories import attendee_body, commitment_body, create_event

EVENTS = "/api/v1/events"
MISSING = "5c0b7a2e-1d3f-4e8a-9b6c-7d2e1f0a3b4c"
CONTROL = {"field": "q", "message": "must not contain NUL or other control characters"}


# --- flush: the registered constraint names are the database's ------------------------


@pytest.fixture
async def session(events_db: str) -> AsyncIterator[AsyncSession]:
    """A session whose work is rolled back: nothing is left in the database."""
    engine = create_async_engine(sqlalchemy_url(events_db))
    try:
        async with AsyncSession(engine, expire_on_commit=False) as s:
            yield s
            await s.rollback()
    finally:
        await engine.dispose()


def _event() -> Event:
    start = datetime(2025, 3, 14, 14, tzinfo=UTC)
    return Event(
        type="dialogo_resiliencia",
        title="Diálogo de prueba",
        search_text="dialogo de prueba",
        municipality_code="52835",
        department_code="52",
        community="Vereda Candelillas",
        community_key="vereda candelillas",
        starts_at=start,
        ends_at=start.replace(hour=18),
    )


def _attendee(event: Event, digest: bytes | None, **fields: object) -> Attendee:
    return Attendee(
        event_id=event.id,
        pii_key_id="k1",
        pii_ciphertext=b"sealed",
        document_hash=digest,
        **fields,  # type: ignore[arg-type]
    )


async def test_a_document_registered_twice_in_an_event_is_duplicate_attendee(
    session: AsyncSession,
) -> None:
    event = _event()
    session.add(event)
    await flush(session)
    session.add(_attendee(event, b"\x01" * 32))
    await flush(session, ERRORS)
    session.add(_attendee(event, b"\x01" * 32))
    with pytest.raises(DuplicateAttendee) as caught:
        await flush(session, ERRORS)
    assert caught.value.status == 409
    assert caught.value.slug == "duplicate-attendee"
    assert str(caught.value) == (
        "An attendee with this document is already registered for this event."
    )


async def test_a_taken_attendee_id_is_id_reused(session: AsyncSession) -> None:
    event = _event()
    session.add(event)
    await flush(session)
    first = _attendee(event, None)
    session.add(first)
    await flush(session, ERRORS)
    session.expunge(first)
    session.add(_attendee(event, None, id=first.id))
    with pytest.raises(IdReused) as caught:
        await flush(session, ERRORS)
    assert caught.value.slug == "id-reused"
    assert str(caught.value) == "That id is already in use."


# --- PATCH bodies and q ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("{event}", {"title": None, "security_plan_id": None}, "title"),
        ("{event}", {"organization_ids": None}, "organization_ids"),
        ("{event}/attendees/{attendee}", {"phone": None, "sex": None}, "sex"),
        ("/api/v1/commitments/{commitment}", {"due_date": None}, "due_date"),
    ],
)
async def test_patch_refuses_null_for_a_required_field(client, path, body, field):
    event = await create_event(client)
    url = f"{EVENTS}/{event['id']}"
    attendee = (await client.post(f"{url}/attendees", json=attendee_body())).json()
    commitment = (await client.post(f"{url}/commitments", json=commitment_body())).json()
    target = path.format(event=url, attendee=attendee["id"], commitment=commitment["id"])
    r = await client.patch(target, json=body, headers={"If-Match": '"1"'})
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "body", "message": f"{field} cannot be null"}]


async def test_patch_keeps_nullable_fields_nullable(client):
    event = await create_event(client)
    r = await client.patch(
        f"{EVENTS}/{event['id']}",
        json={"security_plan_id": None, "trust_survey": None},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["security_plan_id"] is None and r.json()["version"] == 2
    assert r.headers["etag"] == '"2"'


@pytest.mark.parametrize("raw", ["%07", "Candelillas%07", "%1B", "x%0Ay"])
async def test_control_characters_in_q_are_a_422_naming_q(client, raw):
    await create_event(client)
    r = await client.get(f"{EVENTS}?q={raw}")
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"] == [CONTROL]


async def test_nul_in_q_is_still_refused_by_the_pattern_and_q_still_searches(client):
    event = await create_event(client)
    r = await client.get(f"{EVENTS}?q=Candelillas%00")
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["q"]
    r = await client.get(EVENTS, params={"q": "candelillas"})
    assert r.status_code == 200
    assert [e["id"] for e in r.json()["items"]] == [event["id"]]


# --- loaders: scope first, 404 before the body, children of the path's event only -------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PATCH", f"{EVENTS}/{MISSING}", {"title": ""}),
        ("POST", f"{EVENTS}/{MISSING}/transitions", {"to": "nowhere"}),
        ("PUT", f"{EVENTS}/{MISSING}/participation", {"total": -1}),
        ("POST", f"{EVENTS}/{MISSING}/risk-factors", {"category": "?"}),
        ("POST", f"{EVENTS}/{MISSING}/commitments", {"due_date": "soon"}),
        ("POST", f"{EVENTS}/{MISSING}/attendees", {"consent_given": "maybe"}),
        ("PATCH", f"/api/v1/commitments/{MISSING}", {"due_date": "soon"}),
        ("POST", f"/api/v1/commitments/{MISSING}/notes", {"note": ""}),
    ],
)
async def test_an_unknown_record_is_404_even_with_an_invalid_body(client, method, path, body):
    r = await client.request(method, path, json=body, headers={"If-Match": '"1"'})
    assert r.status_code == 404, r.text
    assert r.json()["type"] == "urn:somos:problem:not-found"


async def test_the_scope_is_checked_before_the_event_is_loaded(client, make_token):
    no_pii = bearer(make_token(["events:read", "events:write"]))
    r = await client.post(f"{EVENTS}/{MISSING}/attendees", json={}, headers=no_pii)
    assert r.status_code == 403 and r.json()["missing_scope"] == "attendees:pii"
    reader = bearer(make_token(["events:read"]))
    r = await client.patch(f"{EVENTS}/{MISSING}", json={}, headers=reader)
    assert r.status_code == 403 and r.json()["missing_scope"] == "events:write"


async def test_an_event_outside_the_territory_is_404(client, make_token):
    event = await create_event(client)
    elsewhere = bearer(make_token(municipalities=["19698"]))
    r = await client.get(f"{EVENTS}/{event['id']}", headers=elsewhere)
    assert r.status_code == 404
    r = await client.patch(f"{EVENTS}/{event['id']}", json={"title": ""}, headers=elsewhere)
    assert r.status_code == 404


async def test_children_of_another_event_are_not_found_in_this_one(client):
    first, second = await create_event(client), await create_event(client)
    attendee = await client.post(f"{EVENTS}/{first['id']}/attendees", json=attendee_body())
    risk = await client.post(
        f"{EVENTS}/{first['id']}/risk-factors",
        json={"category": "presencia_grupos_armados", "description": "Presencia en la vereda"},
    )
    assert attendee.status_code == 201 and risk.status_code == 201, risk.text
    other = f"{EVENTS}/{second['id']}"
    r = await client.get(f"{other}/attendees/{attendee.json()['id']}")
    assert r.status_code == 404
    assert r.json()["detail"] == f"No attendee with id {attendee.json()['id']} in this event."
    r = await client.delete(
        f"{other}/risk-factors/{risk.json()['id']}", headers={"If-Match": '"1"'}
    )
    assert r.status_code == 404
    # In its own event the same records answer, with their ETag and If-Match still required.
    own = f"{EVENTS}/{first['id']}"
    r = await client.get(f"{own}/attendees/{attendee.json()['id']}")
    assert r.status_code == 200 and r.headers["etag"] == '"1"'
    r = await client.delete(f"{own}/risk-factors/{risk.json()['id']}")
    assert r.status_code == 428
    r = await client.delete(f"{own}/risk-factors/{risk.json()['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["archived_at"] is not None


async def test_commitment_writes_check_if_match_and_answer_the_new_etag(client):
    event = await create_event(client)
    created = await client.post(f"{EVENTS}/{event['id']}/commitments", json=commitment_body())
    url = f"/api/v1/commitments/{created.json()['id']}"
    r = await client.get(url)
    assert r.status_code == 200 and r.headers["etag"] == '"1"'
    assert r.json()["municipality_code"] == "52835"
    assert (await client.patch(url, json={"due_date": "2025-07-31"})).status_code == 428
    r = await client.patch(url, json={"due_date": "2025-07-31"}, headers={"If-Match": '"9"'})
    assert r.status_code == 412
    r = await client.patch(url, json={"due_date": "2025-07-31"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["due_date"] == "2025-07-31"
    r = await client.post(f"{url}/transitions", json={"to": "in_progress"})
    assert r.status_code == 200 and r.headers["etag"] == '"3"'
    r = await client.delete(url, headers={"If-Match": '"3"'})
    assert r.status_code == 200 and r.headers["etag"] == '"4"'
