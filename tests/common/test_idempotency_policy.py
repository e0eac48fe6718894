"""The idempotency middleware finds the route a POST goes to: its scopes and its personal-data
mark, declared by the route's dependencies (no path matching in the kit)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI

from services.common.auth import Principal, require_scope, require_scopes
from services.common.idempotency import IdempotencyMiddleware, PersonalData, RoutePolicy
from services.events.app import create_app
from services.events.settings import EventsSettings
from tests.events.conftest import TEST_KEYRING

Writer = Annotated[Principal, Depends(require_scopes("things:write", "people:pii"))]


async def nested(principal: Writer) -> Principal:
    return principal


def http_scope(app: FastAPI, method: str, path: str) -> dict[str, object]:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "root_path": "",
        "headers": [],
        "query_string": b"",
        "app": app,
    }


def policy(app: FastAPI, method: str, path: str) -> RoutePolicy | None:
    middleware = IdempotencyMiddleware(app)
    return middleware._policy(http_scope(app, method, path))


def test_scopes_and_mark_come_from_the_route_dependencies_at_any_depth():
    people = APIRouter(prefix="/people", dependencies=[PersonalData])
    things = APIRouter(prefix="/things")

    @people.post("/{person_id}")
    async def create_person(person_id: uuid.UUID, _: Annotated[Principal, Depends(nested)]) -> None:
        return None

    @things.post("")
    async def create_thing(
        _: Annotated[Principal, Depends(require_scope("things:write"))],
    ) -> None:
        return None

    @things.post("/{thing_id}/owners")
    async def add_owner(
        _: Annotated[Principal, Depends(require_scopes("things:write", "attendees:pii"))],
    ) -> None:
        return None

    app = FastAPI()
    app.include_router(people)
    app.include_router(things)
    assert policy(app, "POST", f"/people/{uuid.uuid4()}") == RoutePolicy(
        scopes=frozenset({"things:write", "people:pii"}), personal=True
    )
    assert policy(app, "POST", "/things") == RoutePolicy(
        scopes=frozenset({"things:write"}), personal=False
    )
    # needing attendees:pii is enough to be treated as answering with personal data
    assert policy(app, "POST", f"/things/{uuid.uuid4()}/owners") == RoutePolicy(
        scopes=frozenset({"things:write", "attendees:pii"}), personal=True
    )
    assert policy(app, "POST", "/nowhere") is None
    assert policy(app, "GET", "/things") is None  # a path without that method: the app says 405


def test_the_events_attendee_routes_are_marked_personal_and_events_are_not():
    app = create_app(
        EventsSettings(database_url="postgresql://unused@127.0.0.1/unused"), keyring=TEST_KEYRING
    )
    event = uuid.uuid4()
    attendees = policy(app, "POST", f"/api/v1/events/{event}/attendees")
    assert attendees == RoutePolicy(
        scopes=frozenset({"events:write", "attendees:pii"}), personal=True
    )
    assert policy(app, "POST", "/api/v1/events") == RoutePolicy(
        scopes=frozenset({"events:write"}), personal=False
    )
