"""record_loader and WriteGuard: the same OpenAPI document and answers as the hand-written routes.

No ``from __future__ import annotations`` here: the small apps' routes take their types from
the enclosing function, which FastAPI can only see in evaluated annotations.
"""

import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI, Query, Request, Response

from services.common.auth import Principal, current_principal, require_scope
from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep, get_session
from services.common.errors import NotFound, install_problem_handlers, problem_responses
from services.common.pagination import Page, PageParams, page_params
from services.common.routes import WriteGuardDep, record_loader
from services.common.schemas import OutputModel, PatchModel
from services.common.text import SearchText

KNOWN = uuid.UUID("11111111-1111-4111-8111-111111111111")
Reader = Annotated[Principal, Depends(require_scope("organizations:read"))]
Writer = Annotated[Principal, Depends(require_scope("organizations:write"))]
Paging = Annotated[PageParams, Depends(page_params)]


@dataclass
class Thing:
    id: uuid.UUID
    name: str
    version: int = 1


@dataclass
class Store:
    things: dict[uuid.UUID, Thing] = field(default_factory=dict)
    loads: list[tuple[uuid.UUID, str, bool]] = field(default_factory=list)
    principal_calls: int = 0


class ThingRead(OutputModel):
    id: uuid.UUID
    name: str
    version: int


class ThingPage(Page[ThingRead]):
    pass


class ThingUpdate(PatchModel):
    required_fields = ("name",)
    name: str | None = None


async def load_thing(
    session: Store, *, thing_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> Thing:
    session.loads.append((thing_id, principal.sub, for_update))
    thing = session.things.get(thing_id)
    if thing is None:
        raise NotFound(f"No thing with id {thing_id}.")
    return thing


async def rename(session: Store, *, thing: Thing, changes: ThingUpdate) -> Thing:
    thing.name = changes.name or thing.name
    thing.version += 1
    return thing


def hand_written_app() -> FastAPI:
    app = FastAPI()

    @app.patch(
        "/things/{thing_id}",
        operation_id="things-update",
        response_model=ThingRead,
        responses=problem_responses(404, 409, 412, 428),
    )
    async def update_thing(
        thing_id: uuid.UUID,
        body: ThingUpdate,
        request: Request,
        response: Response,
        session: SessionDep,
        principal: Writer,
    ) -> ThingRead:
        thing = await load_thing(session, thing_id=thing_id, principal=principal, for_update=True)  # type: ignore[arg-type]
        require_if_match(request, thing.version)
        thing = await rename(session, thing=thing, changes=body)  # type: ignore[arg-type]
        set_etag(response, thing.version)
        return ThingRead.model_validate(thing, from_attributes=True)

    @app.get(
        "/things/{thing_id}/parts",
        operation_id="things-parts",
        response_model=ThingPage,
        responses=problem_responses(404),
    )
    async def list_parts(
        thing_id: uuid.UUID,
        request: Request,
        response: Response,
        session: SessionDep,
        principal: Reader,
        page: Paging,
        q: Annotated[str | None, Query(min_length=1, max_length=100, description="Text")] = None,
        include_archived: bool = False,
    ) -> ThingPage:
        thing = await load_thing(session, thing_id=thing_id, principal=principal)  # type: ignore[arg-type]
        return ThingPage(items=[ThingRead.model_validate(thing, from_attributes=True)])

    return app


CurrentThing = Annotated[
    Thing, Depends(record_loader(load_thing, id_param="thing_id", principal=Reader))
]
ThingToChange = Annotated[
    Thing,
    Depends(record_loader(load_thing, id_param="thing_id", principal=Writer, for_update=True)),
]


def kit_app() -> FastAPI:
    app = FastAPI()

    @app.patch(
        "/things/{thing_id}",
        operation_id="things-update",
        response_model=ThingRead,
        responses=problem_responses(404, 409, 412, 428),
    )
    async def update_thing(
        body: ThingUpdate, thing: ThingToChange, session: SessionDep, write: WriteGuardDep
    ) -> ThingRead:
        thing = await write(thing, lambda t: rename(session, thing=t, changes=body))  # type: ignore[arg-type]
        return ThingRead.model_validate(thing, from_attributes=True)

    @app.get(
        "/things/{thing_id}/parts",
        operation_id="things-parts",
        response_model=ThingPage,
        responses=problem_responses(404),
    )
    async def list_parts(
        thing: CurrentThing,
        page: Paging,
        q: SearchText[
            Annotated[str | None, Query(min_length=1, max_length=100, description="Text")]
        ] = None,
        include_archived: bool = False,
    ) -> ThingPage:
        return ThingPage(items=[ThingRead.model_validate(thing, from_attributes=True)])

    return app


def _wire(app: FastAPI, store: Store, scopes: set[str]) -> httpx.AsyncClient:
    async def session() -> Any:
        yield store

    async def principal() -> Principal:
        store.principal_calls += 1
        return Principal(sub="tester", scopes=frozenset(scopes))

    app.dependency_overrides[get_session] = session
    app.dependency_overrides[current_principal] = principal
    install_problem_handlers(app)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://t")


def test_the_openapi_document_is_the_hand_written_one():
    before, after = hand_written_app().openapi(), kit_app().openapi()
    assert after == before
    update = after["paths"]["/things/{thing_id}"]["patch"]
    assert [p["name"] for p in update["parameters"]] == ["thing_id"]
    assert update["security"] == [{"bearer": []}]
    parts = after["paths"]["/things/{thing_id}/parts"]["get"]
    assert [p["name"] for p in parts["parameters"]] == [
        "thing_id",
        "q",
        "include_archived",
        "limit",
        "cursor",
    ]


@pytest.mark.parametrize("make_app", [hand_written_app, kit_app], ids=["hand", "kit"])
async def test_write_sequence_answers_like_the_hand_written_route(make_app):
    store = Store(things={KNOWN: Thing(KNOWN, "Asociación")})
    async with _wire(make_app(), store, {"organizations:write"}) as client:
        missing = await client.patch(f"/things/{uuid.uuid4()}", json={"name": "x"})
        no_match = await client.patch(f"/things/{KNOWN}", json={"name": "x"})
        stale = await client.patch(
            f"/things/{KNOWN}", json={"name": "x"}, headers={"If-Match": '"7"'}
        )
        done = await client.patch(
            f"/things/{KNOWN}", json={"name": "Corporación"}, headers={"If-Match": '"1"'}
        )
        null = await client.patch(
            f"/things/{KNOWN}", json={"name": None}, headers={"If-Match": '"2"'}
        )
    assert missing.status_code == 404 and missing.json()["detail"].startswith("No thing with id")
    assert no_match.status_code == 428
    assert no_match.json()["type"] == "urn:somos:problem:precondition-required"
    assert stale.status_code == 412 and stale.headers["ETag"] == '"1"'
    assert done.status_code == 200
    assert done.headers["ETag"] == '"2"'
    assert done.json() == {"id": str(KNOWN), "name": "Corporación", "version": 2}
    assert null.status_code == 422
    assert null.json()["errors"] == [{"field": "body", "message": "name cannot be null"}]
    assert store.things[KNOWN].version == 2
    # Loaded FOR UPDATE for each request that got past validation; principal solved once each.
    assert store.loads[1:4] == [(KNOWN, "tester", True)] * 3
    assert store.principal_calls == 5


@pytest.mark.parametrize("make_app", [hand_written_app, kit_app], ids=["hand", "kit"])
async def test_scope_is_checked_before_the_record_is_loaded(make_app):
    store = Store(things={KNOWN: Thing(KNOWN, "Asociación")})
    async with _wire(make_app(), store, {"organizations:read"}) as client:
        refused = await client.patch(
            f"/things/{KNOWN}", json={"name": "x"}, headers={"If-Match": '"1"'}
        )
        listed = await client.get(f"/things/{KNOWN}/parts")
        missing = await client.get(f"/things/{uuid.uuid4()}/parts")
    assert refused.status_code == 403
    assert refused.json()["missing_scope"] == "organizations:write"
    assert listed.status_code == 200
    assert listed.json() == {
        "items": [{"id": str(KNOWN), "name": "Asociación", "version": 1}],
        "next_cursor": None,
    }
    assert missing.status_code == 404
    # The 403 loaded nothing; the list and the 404 loaded once each, without a lock.
    assert len(store.loads) == 2 and store.loads[0][0] == KNOWN
    assert all(load[2] is False for load in store.loads)


async def test_kit_list_refuses_nul_in_q():
    store = Store(things={KNOWN: Thing(KNOWN, "Asociación")})
    async with _wire(kit_app(), store, {"organizations:read"}) as client:
        r = await client.get(f"/things/{KNOWN}/parts?q=%00")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "q"


@pytest.mark.parametrize(
    "make_app,status,loads", [(hand_written_app, 422, 0), (kit_app, 404, 1)], ids=["hand", "kit"]
)
async def test_a_missing_parent_is_found_missing_before_the_body_is_validated(
    make_app, status, loads
):
    # Dependencies run before FastAPI validates the body: with the loader an unknown id
    # answers 404 even when the body is also invalid (both are in the operation's responses).
    store = Store(things={KNOWN: Thing(KNOWN, "Asociación")})
    async with _wire(make_app(), store, {"organizations:write"}) as client:
        r = await client.patch(f"/things/{uuid.uuid4()}", json={"name": None})
    assert r.status_code == status
    assert len(store.loads) == loads
