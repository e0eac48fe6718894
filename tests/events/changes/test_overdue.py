"""`commitment.overdue`: a commitment still pending after its due date is announced in the
change feed once per due date, by the service's timer or `somos announce-overdue`."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import date, timedelta

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from services.common.colombia import colombia_today
from services.common.db import asyncpg_dsn, sqlalchemy_url
from services.common.testing import asgi_client, bearer, running_app
from services.events.commitments.overdue import announce_every, announce_overdue_commitments
from tests.cli.test_cli import run_somos
from tests.events.conftest import events_app_for
from tests.events.factories import commitment_body, held_event

FEED = "/api/v1/changes"
OVERDUE = "commitment.overdue"


def days_from_today(days: int) -> str:
    return (colombia_today() + timedelta(days=days)).isoformat()


async def add_commitment(client, event, **overrides) -> dict:
    r = await client.post(
        f"/api/v1/events/{event['id']}/commitments", json=commitment_body(**overrides)
    )
    assert r.status_code == 201, r.text
    return r.json()


async def changes(client, types: str = "commitment", **params) -> list[tuple[str, str]]:
    r = await client.get(FEED, params={"types": types, **params})
    assert r.status_code == 200, r.text
    return [(c["type"], c["id"]) for c in r.json()["items"]]


async def announce(events_app, today: date | None = None) -> int:
    return await announce_overdue_commitments(events_app.state.database.sessionmaker, today=today)


async def notices(url: str) -> list[tuple[str, date]]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch(
            "SELECT commitment_id, due_date FROM commitment_overdue_notices ORDER BY due_date"
        )
    finally:
        await conn.close()
    return [(str(r["commitment_id"]), r["due_date"]) for r in rows]


async def test_a_pending_commitment_past_its_due_date_is_announced_once(
    client, events_app, events_db
):
    event = await held_event(client, municipality_code="19698")
    late = await add_commitment(client, event, due_date=days_from_today(-1))

    assert await announce(events_app) == 1
    r = await client.get(FEED, params={"types": "commitment"})
    created, overdue = r.json()["items"]
    assert (created["type"], created["id"]) == ("commitment.created", late["id"])
    assert {k: overdue[k] for k in ("type", "resource", "id", "version", "municipality_code")} == {
        "type": OVERDUE,
        "resource": "commitments",
        "id": late["id"],
        "version": 1,
        "municipality_code": "19698",  # the event's
    }
    assert overdue["path"] == f"/api/v1/commitments/{late['id']}"
    # After the commitment's creation in commit order: read on from the creation's cursor.
    assert await changes(client, after=created["cursor"]) == [(OVERDUE, late["id"])]

    assert await announce(events_app) == 0
    assert await changes(client, types=OVERDUE) == [(OVERDUE, late["id"])]
    assert await notices(events_db) == [(late["id"], date.fromisoformat(late["due_date"]))]


async def test_only_pending_unarchived_commitments_past_due_are_announced(client, events_app):
    event = await held_event(client)
    late_open = await add_commitment(client, event, due_date=days_from_today(-3))
    late_started = await add_commitment(client, event, due_date=days_from_today(-30))
    started = await client.post(
        f"/api/v1/commitments/{late_started['id']}/transitions", json={"to": "in_progress"}
    )
    assert started.status_code == 200, started.text
    for to, reason in (("fulfilled", None), ("cancelled", "La alcaldía no asistió")):
        closed = await add_commitment(client, event, due_date=days_from_today(-2))
        url = f"/api/v1/commitments/{closed['id']}/transitions"
        if to == "fulfilled":
            assert (await client.post(url, json={"to": "in_progress"})).status_code == 200
        body = {"to": to} | ({"reason": reason} if reason else {})
        r = await client.post(url, json=body)
        assert r.status_code == 200, r.text
    archived = await add_commitment(client, event, due_date=days_from_today(-2))
    r = await client.delete(f"/api/v1/commitments/{archived['id']}", headers={"If-Match": '"1"'})
    assert r.status_code in (200, 204), r.text
    await add_commitment(client, event, due_date=days_from_today(0))  # due today: not yet
    await add_commitment(client, event, due_date=days_from_today(5))

    assert await announce(events_app) == 2
    r = await client.get(FEED, params={"types": OVERDUE})
    assert sorted((c["id"], c["version"]) for c in r.json()["items"]) == sorted(
        [(late_open["id"], 1), (late_started["id"], 2)]  # version after its start
    )


async def test_a_due_date_moved_later_is_announced_again_when_it_passes(client, events_app):
    event = await held_event(client)
    late = await add_commitment(client, event, due_date=days_from_today(-5))
    assert await announce(events_app) == 1
    url = f"/api/v1/commitments/{late['id']}"
    r = await client.patch(url, json={"due_date": days_from_today(3)}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["overdue"] is False

    assert await announce(events_app) == 0  # not due yet
    later = colombia_today() + timedelta(days=4)
    assert await announce(events_app, today=later) == 1
    assert await announce(events_app, today=later) == 0
    r = await client.get(FEED, params={"types": OVERDUE})
    assert [(c["id"], c["version"]) for c in r.json()["items"]] == [
        (late["id"], 1),
        (late["id"], 2),  # the new due date, announced at the version that set it
    ]


async def test_concurrent_runs_announce_a_commitment_once(client, events_app, events_db):
    event = await held_event(client)
    late = [await add_commitment(client, event, due_date=days_from_today(-d)) for d in (1, 2, 3)]
    engines = [create_async_engine(sqlalchemy_url(events_db)) for _ in range(2)]
    try:
        counts = await asyncio.gather(
            *(announce_overdue_commitments(async_sessionmaker(e)) for e in engines)
        )
    finally:
        for engine in engines:
            await engine.dispose()
    assert sorted(counts) == [0, 3]
    assert sorted(await changes(client, types=OVERDUE)) == sorted((OVERDUE, c["id"]) for c in late)
    assert len(await notices(events_db)) == 3


async def test_the_feeds_type_and_territory_filters_apply(client, events_app, make_token):
    event = await held_event(client, municipality_code="52835")
    late = await add_commitment(client, event, due_date=days_from_today(-1))
    assert await announce(events_app) == 1

    assert await changes(client, types="commitment.created") == [("commitment.created", late["id"])]
    assert await changes(client, types="commitment.overdue,event.held") == [
        ("event.held", event["id"]),
        (OVERDUE, late["id"]),
    ]
    narino = bearer(make_token("events:read", departments=["52"]))
    cauca = bearer(make_token("events:read", municipalities=["19698"]))
    r = await client.get(FEED, params={"types": OVERDUE}, headers=narino)
    assert [c["id"] for c in r.json()["items"]] == [late["id"]]
    r = await client.get(FEED, params={"types": OVERDUE}, headers=cauca)
    assert r.json()["items"] == []
    vocabulary = (await client.get("/api/v1/vocabularies/events")).json()["vocabularies"]
    labels = {t["code"]: (t["es"], t["en"]) for t in vocabulary["change_types"]["terms"]}
    assert labels[OVERDUE] == ("Compromiso: vencimiento", "Commitment overdue")


async def test_the_service_announces_on_its_timer(client, events_db, organizations_upstream):
    event = await held_event(client)
    first = await add_commitment(client, event, due_date=days_from_today(-1))
    start = (await client.get(FEED)).json()["next_cursor"]
    app = events_app_for(events_db, organizations_upstream, overdue_check_seconds=1)
    async with running_app(app), asgi_client(app, headers=client.headers) as timed:
        params = {"types": OVERDUE, "wait": 20}
        r = await timed.get(FEED, params={**params, "after": start}, timeout=40)
        assert [c["id"] for c in r.json()["items"]] == [first["id"]]
        # A commitment recorded late past its due date: the next round announces it.
        second = await add_commitment(client, event, due_date=days_from_today(-7))
        after = r.json()["next_cursor"]
        r = await timed.get(FEED, params={**params, "after": after}, timeout=40)
        assert [c["id"] for c in r.json()["items"]] == [second["id"]]
    assert not [t for t in asyncio.all_tasks() if t.get_name() == "overdue-commitments"]


class RoundsLogged(logging.Handler):
    """The announcement loop's log records; ``two`` is set once two rounds logged."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.two = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        if len(self.records) >= 2:
            self.two.set()


async def test_a_failed_round_is_logged_without_data_and_the_next_one_announces(
    client, events_app, events_db, caplog
):
    event = await held_event(client)
    late = await add_commitment(client, event, due_date=days_from_today(-1))
    missing = create_async_engine(sqlalchemy_url(events_db.rsplit("/", 1)[0] + "/no_such_db"))
    events_app_sessions = events_app.state.database.sessionmaker
    rounds: list[int] = []

    def sessions():  # the first round cannot reach its database, the next ones can
        rounds.append(1)
        maker = async_sessionmaker(missing) if len(rounds) == 1 else events_app_sessions
        return maker()

    caplog.set_level(logging.INFO, logger="somos.events.overdue")
    rounds_logged = RoundsLogged()
    logging.getLogger("somos.events.overdue").addHandler(rounds_logged)
    task = asyncio.create_task(announce_every(sessions, 1))  # type: ignore[arg-type]
    try:
        await asyncio.wait_for(rounds_logged.two.wait(), 30)
    finally:
        logging.getLogger("somos.events.overdue").removeHandler(rounds_logged)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await missing.dispose()
    assert await changes(client, types=OVERDUE) == [(OVERDUE, late["id"])]
    failed, announced = rounds_logged.records[:2]
    assert (failed.levelname, failed.getMessage()) == (
        "WARNING",
        "overdue commitments not announced",
    )
    assert failed.error_type  # type: ignore[attr-defined]
    assert (announced.getMessage(), announced.count) == ("commitments announced overdue", 1)  # type: ignore[attr-defined]
    for record in rounds_logged.records:  # counts and error types only
        assert late["id"] not in str(vars(record)) and "alumbrado" not in str(vars(record))


async def test_somos_announce_overdue_prints_the_count(client, events_db, tmp_path):
    event = await held_event(client)
    late = await add_commitment(client, event, due_date=days_from_today(-1))
    env = {
        "SOMOS_ENVIRONMENT": "production",
        "SOMOS_DATA_DIR": str(tmp_path),
        "SOMOS_EVENTS_DATABASE_URL": events_db,
    }
    result = await asyncio.to_thread(run_somos, "announce-overdue", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "events: announced 1 overdue commitments"
    assert late["id"] not in result.stdout + result.stderr
    again = await asyncio.to_thread(run_somos, "announce-overdue", env=env)
    assert again.stdout.strip() == "events: announced 0 overdue commitments"
    assert await changes(client, types=OVERDUE) == [(OVERDUE, late["id"])]
    missing = {**env, "SOMOS_EVENTS_DATABASE_URL": events_db.rsplit("/", 1)[0] + "/no_such_db"}
    failed = await asyncio.to_thread(run_somos, "announce-overdue", env=missing)
    assert failed.returncode == 1
    assert failed.stderr.strip().startswith("events: announce-overdue failed (")
    assert "no_such_db" not in failed.stderr  # the error type, never the URL


async def test_a_commitment_being_written_is_left_to_the_next_round(client, events_app, events_db):
    """Its announcement never commits after a fulfilment that made it untrue."""
    event = await held_event(client)
    late = await add_commitment(client, event, due_date=days_from_today(-1))
    writer = await asyncpg.connect(asyncpg_dsn(events_db))
    try:
        fulfilment = writer.transaction()
        await fulfilment.start()
        await writer.execute(
            "UPDATE commitments SET status = 'fulfilled', version = version + 1 WHERE id = $1",
            uuid.UUID(late["id"]),
        )
        assert await announce(events_app) == 0  # skipped while the fulfilment is in flight
        await fulfilment.commit()
    finally:
        await writer.close()
    assert await announce(events_app) == 0  # fulfilled: never overdue
    assert await changes(client) == [
        ("commitment.created", late["id"]),
        ("commitment.fulfilled", late["id"]),
    ]
