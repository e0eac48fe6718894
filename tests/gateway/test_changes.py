"""The change feed across the system: real services on real ports, the gateway in front.

Completeness: several clients write concurrently into every service while readers follow the
services' feeds and the gateway's merged feed page by page; each reader ends with every
successful write exactly once, and each record's versions in order.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import pytest

from services.common.change_outbox import purge_changes
from services.common.db import asyncpg_dsn
from services.common.testing import TokenFactory
from tests.events.factories import event_body
from tests.gateway.conftest import System, dead_url, gateway_client
from tests.security_plans.factories import strategy_body

MUNICIPALITIES = ("52835", "52079", "19698", "19001", "05001")
Change = tuple[str, str, int]  # (type, id, version)


@dataclass
class Writes:
    """What the writers did that succeeded: the changes the feed must list."""

    done: list[Change] = field(default_factory=list)

    def add(self, type_: str, body: dict[str, Any]) -> None:
        self.done.append((type_, body["id"], body["version"]))


@dataclass
class Kind:
    """How to create, change and move one kind of record through its service's API."""

    service: str
    type: str
    collection: str
    body: Any
    patch: dict[str, Any]
    transition: tuple[dict[str, Any], str] | None  # (transition body, verb)
    archivable: bool = True


KINDS = [
    Kind(
        "organizations",
        "organization",
        "/api/v1/organizations",
        lambda rng, n: {
            "name": f"Organización {n}",
            "type": "consejo_comunitario",
            "ethnic_focus": "afrocolombiano",
            "municipality_code": rng.choice(MUNICIPALITIES),
            "focus_areas": ["convivencia"],
        },
        {"members_count": 12},
        None,
    ),
    Kind(
        "security_plans",
        "prevention_strategy",
        "/api/v1/prevention-strategies",
        lambda rng, n: strategy_body(title=f"Estrategia {n}", municipality_code="19698"),
        {"title": "Estrategia revisada"},
        ({"to": "implementing", "started_on": "2025-01-15"}, "started"),
    ),
    Kind(
        "events",
        "event",
        "/api/v1/events",
        lambda rng, n: event_body(
            title=f"Diálogo {n}", municipality_code=rng.choice(MUNICIPALITIES)
        ),
        {"title": "Diálogo reprogramado"},
        ({"to": "held"}, "held"),
    ),
]


async def write_randomly(
    client: httpx.AsyncClient, kind: Kind, writes: Writes, *, seed: int, steps: int
) -> None:
    """Create, update, transition and archive records of ``kind`` in a random order."""
    rng = random.Random(seed)
    mine: list[dict[str, Any]] = []
    for n in range(steps):
        choice = rng.random()
        if not mine or choice < 0.35:
            r = await client.post(kind.collection, json=kind.body(rng, f"{seed}-{n}"))
            assert r.status_code == 201, r.text
            mine.append(r.json())
            writes.add(f"{kind.type}.created", r.json())
            continue
        record = rng.choice(mine)
        path = f"{kind.collection}/{record['id']}"
        if choice < 0.7:
            r = await client.patch(
                path, json=kind.patch, headers={"If-Match": f'"{record["version"]}"'}
            )
            verb = "updated"
        elif choice < 0.85 and kind.transition is not None:
            body, verb = kind.transition
            r = await client.post(f"{path}/transitions", json=body)
        else:
            r = await client.delete(path, headers={"If-Match": f'"{record["version"]}"'})
            verb = "archived"
        if r.status_code == 200:
            # Archiving an archived record answers 200 with the same version: no change.
            changed = r.json()["version"] > record["version"]
            record.update(r.json())
            if changed:
                writes.add(f"{kind.type}.{verb}", r.json())
        else:  # refused (a final status, a stale version): not a change either
            assert r.status_code in (409, 404, 412), r.text


async def follow(
    client: httpx.AsyncClient, seen: list[dict[str, Any]], stop: asyncio.Event, *, limit: int
) -> str | None:
    """Read a feed page after page until ``stop`` is set and a page comes back empty."""
    cursor: str | None = None
    while True:
        stopping = stop.is_set()
        r = await client.get(
            "/api/v1/changes", params={"limit": limit, **({"after": cursor} if cursor else {})}
        )
        assert r.status_code == 200, r.text
        page = r.json()
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if stopping and not page["items"] and not page.get("partial"):
            return cursor
        if not page["items"]:
            await asyncio.sleep(0.05)


def as_changes(items: list[dict[str, Any]]) -> list[Change]:
    return [(i["type"], i["id"], i["version"]) for i in items]


def assert_each_version_once_in_order(changes: list[Change]) -> None:
    counts = Counter(changes)
    assert not [c for c, n in counts.items() if n > 1], "a change listed twice"
    versions: dict[str, list[int]] = {}
    for _, record, version in changes:
        versions.setdefault(record, []).append(version)
    for record, listed in versions.items():
        assert listed == sorted(listed), f"{record}: versions out of order {listed}"


async def test_concurrent_writes_in_every_service_are_listed_exactly_once(system: System):
    writes = Writes()
    stop = asyncio.Event()
    urls = {
        "organizations": system.organizations.url,
        "security_plans": system.security_plans.url,
        "events": system.events.url,
    }
    token = system.client.headers["authorization"]
    clients = {
        name: httpx.AsyncClient(base_url=url, headers={"authorization": token}, timeout=30)
        for name, url in urls.items()
    }
    direct: dict[str, list[dict[str, Any]]] = {name: [] for name in urls}
    merged: list[dict[str, Any]] = []
    try:
        readers = [
            asyncio.ensure_future(follow(system.client, merged, stop, limit=7)),
            *(
                asyncio.ensure_future(follow(clients[name], direct[name], stop, limit=5))
                for name in urls
            ),
        ]
        writers = [
            write_randomly(clients[kind.service], kind, writes, seed=seed, steps=12)
            for kind in KINDS
            for seed in range(3)  # three concurrent clients per service
        ]
        await asyncio.gather(*writers)
        stop.set()
        await asyncio.gather(*readers)
        for name, client in clients.items():
            # A fresh read from the beginning: the same changes in the same order.
            fresh = await client.get("/api/v1/changes", params={"limit": 200})
            assert as_changes(fresh.json()["items"]) == as_changes(direct[name]), name
    finally:
        for client in clients.values():
            await client.aclose()

    expected = Counter(writes.done)
    assert len(writes.done) >= 60  # 108 attempts; refused ones are not changes
    for items in direct.values():
        assert_each_version_once_in_order(as_changes(items))
        assert {i["path"].split("/")[3] for i in items} <= {
            "organizations",
            "prevention-strategies",
            "events",
        }
    everything = [c for items in direct.values() for c in as_changes(items)]
    assert Counter(everything) == expected
    # The merged feed: the same changes, once each, each service's own order kept.
    assert Counter(as_changes(merged)) == expected
    assert_each_version_once_in_order(as_changes(merged))
    for name, items in direct.items():
        from_service = [c for c in merged if c["service"] == name]
        assert as_changes(from_service) == as_changes(items), name
    times = [i["occurred_at"] for i in merged]
    assert len(merged) == len(times)


async def test_types_filter_at_the_gateway_and_at_a_service(system: System):
    client = system.client
    org = (
        await client.post("/api/v1/organizations", json=KINDS[0].body(random.Random(1), 1))
    ).json()
    event = (await client.post("/api/v1/events", json=event_body())).json()
    held = await client.post(f"/api/v1/events/{event['id']}/transitions", json={"to": "held"})
    assert held.status_code == 200, held.text
    r = await client.get("/api/v1/changes", params={"types": "event.held"})
    assert as_changes(r.json()["items"]) == [("event.held", event["id"], 2)]
    r = await client.get("/api/v1/changes", params={"types": "organization,event"})
    assert Counter(as_changes(r.json()["items"])) == Counter(
        [
            ("organization.created", org["id"], 1),
            ("event.created", event["id"], 1),
            ("event.held", event["id"], 2),
        ]
    )
    assert {i["service"] for i in r.json()["items"]} == {"organizations", "events"}
    r = await client.get("/api/v1/changes", params={"types": "organisation"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "types"
    async with httpx.AsyncClient(
        base_url=system.events.url, headers=dict(client.headers)
    ) as events:
        r = await events.get("/api/v1/changes", params={"types": "organization"})
        assert r.status_code == 422  # the events service has no organizations
        r = await events.get("/api/v1/changes", params={"types": "event.created"})
        assert as_changes(r.json()["items"]) == [("event.created", event["id"], 1)]


async def test_scopes_and_territories_filter_the_merged_feed(
    system: System, make_token: TokenFactory
):
    client = system.client
    for municipality in ("52835", "19698"):
        body = KINDS[0].body(random.Random(2), municipality)
        body["municipality_code"] = municipality
        assert (await client.post("/api/v1/organizations", json=body)).status_code == 201
        made = await client.post("/api/v1/events", json=event_body(municipality_code=municipality))
        assert made.status_code == 201
    token = make_token("organizations:read", municipalities=["52835"])
    async with gateway_client(system.settings(), token) as limited:
        r = await limited.get("/api/v1/changes")
        assert r.status_code == 200, r.text
        items = r.json()["items"]
        assert [(i["type"], i["municipality_code"]) for i in items] == [
            ("organization.created", "52835")
        ]
        r = await limited.get("/api/v1/changes", params={"types": "event"})
        assert r.status_code == 403
        assert r.json()["missing_scope"] == "events:read"
    nariño = make_token("organizations:read events:read", departments=["19"])
    async with gateway_client(system.settings(), nariño) as cauca:
        items = (await cauca.get("/api/v1/changes")).json()["items"]
        assert sorted(i["type"] for i in items) == ["event.created", "organization.created"]
        assert {i["municipality_code"] for i in items} == {"19698"}
    async with gateway_client(system.settings(), make_token("admin")) as nobody:
        r = await nobody.get("/api/v1/changes")
        assert r.status_code == 403


async def test_a_service_down_makes_a_partial_page_and_its_changes_come_later(
    system: System, make_token: TokenFactory
):
    client = system.client
    org = (
        await client.post("/api/v1/organizations", json=KINDS[0].body(random.Random(3), 3))
    ).json()
    event = (await client.post("/api/v1/events", json=event_body())).json()
    down = system.settings(events_url=dead_url())
    async with gateway_client(down, make_token()) as without_events:
        r = await without_events.get("/api/v1/changes")
        page = r.json()
        assert r.status_code == 200, page
        assert page["partial"] is True
        assert page["unavailable"] == ["events"]
        assert "events" in page["problems"]
        assert as_changes(page["items"]) == [("organization.created", org["id"], 1)]
    r = await client.get("/api/v1/changes", params={"after": page["next_cursor"]})
    later = r.json()
    assert later["partial"] is False and later["unavailable"] == []
    assert as_changes(later["items"]) == [("event.created", event["id"], 1)]
    r = await client.get("/api/v1/changes", params={"after": later["next_cursor"]})
    assert r.json()["items"] == []


async def test_a_merged_cursor_resumes_after_any_item(system: System):
    client = system.client
    for n in range(3):
        body = KINDS[0].body(random.Random(n), n)
        assert (await client.post("/api/v1/organizations", json=body)).status_code == 201
        assert (await client.post("/api/v1/events", json=event_body())).status_code == 201
    everything = (await client.get("/api/v1/changes")).json()["items"]
    assert len(everything) == 6
    for i, item in enumerate(everything):
        rest = (await client.get("/api/v1/changes", params={"after": item["cursor"]})).json()
        assert as_changes(rest["items"]) == as_changes(everything[i + 1 :])
    r = await client.get("/api/v1/changes", params={"after": "not-a-cursor"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "after"


async def test_the_gateway_long_poll_answers_when_a_service_commits(system: System):
    """Several consumers hold long polls; one commit in one service answers them all, and
    the polls dropped at the other services do not count against their circuits."""
    client = system.client
    start = (await client.get("/api/v1/changes")).json()["next_cursor"]
    began = time.monotonic()
    polls = [
        asyncio.ensure_future(
            client.get("/api/v1/changes", params={"after": start, "wait": 20}, timeout=40)
        )
        for _ in range(6)  # more than the circuits' failure threshold
    ]
    await asyncio.sleep(0.5)
    assert not any(poll.done() for poll in polls)
    made = await client.post("/api/v1/events", json=event_body())
    for answer in await asyncio.gather(*polls):
        assert answer.status_code == 200, answer.text
        assert as_changes(answer.json()["items"]) == [("event.created", made.json()["id"], 1)]
    assert time.monotonic() - began < 15  # well before the 20 s wait ran out
    upstreams = client.app.state.upstreams  # type: ignore[attr-defined]
    failures = {name: u.breaker.failures for name, u in upstreams.items()}
    assert {"organizations", "security_plans", "events"} <= set(failures)
    assert failures == dict.fromkeys(upstreams, 0)


@pytest.mark.parametrize("wait", [1])
async def test_the_gateway_long_poll_ends_empty_when_nothing_happens(system: System, wait: int):
    client = system.client
    start = (await client.get("/api/v1/changes")).json()["next_cursor"]
    began = time.monotonic()
    r = await client.get("/api/v1/changes", params={"after": start, "wait": wait})
    assert r.status_code == 200, r.text
    assert r.json()["items"] == []
    assert time.monotonic() - began >= wait * 0.9


async def test_the_gateway_says_when_a_cursor_is_older_than_retention(
    system: System, organizations_db: str
):
    client = system.client
    for n in range(3):
        body = KINDS[0].body(random.Random(n), f"old-{n}")
        assert (await client.post("/api/v1/organizations", json=body)).status_code == 201
    first = (await client.get("/api/v1/changes")).json()["items"][0]
    conn = await asyncpg.connect(asyncpg_dsn(organizations_db))
    try:
        await conn.execute("UPDATE changes SET occurred_at = now() - interval '100 days'")
    finally:
        await conn.close()
    assert await purge_changes(organizations_db, retention_days=90) == 2  # the newest stays
    # Read the first change only, then the second was purged before it was read.
    r = await client.get("/api/v1/changes", params={"after": first["cursor"]})
    assert r.status_code == 410, r.text
    assert r.json()["type"] == "urn:somos:problem:cursor-expired"
