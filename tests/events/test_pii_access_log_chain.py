"""The PII access log is a hash chain; `somos verify-pii-log` finds the first broken link; the
listing is limited to the caller's territories (issue 14, point 5)."""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from services.common.auth import Principal
from services.common.db import asyncpg_dsn
from services.common.testing import REPO_ROOT, asgi_client, bearer, migrated_database, running_app
from services.events.pii_access_log import chain
from services.events.pii_access_log.service import record_access
from tests.events.conftest import events_app_for
from tests.events.factories import attendee_body, event_body

AUDITOR = Principal(sub="auditora", scopes=frozenset({"events:read", "attendees:pii"}))


async def verify(url: str) -> chain.ChainReport:
    return await chain.verify_database(url)


async def fetch(url: str, query: str, *args: object) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()


def run_verify_command(url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOMOS_EVENTS_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "somos.cli", "verify-pii-log"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
        check=False,
    )


@pytest.fixture
async def chain_db(postgres_admin_url: str) -> AsyncIterator[str]:
    """A database of its own: these tests tamper with it."""
    async with migrated_database(postgres_admin_url, "events") as url:
        yield url


@pytest.fixture
async def chain_app(chain_db, organizations_upstream):
    app = events_app_for(chain_db, organizations_upstream)
    async with running_app(app):
        yield app


async def append_concurrently(app, event, n: int) -> None:
    """``n`` appends, each in its own transaction, all open at the same time."""
    database = app.state.database
    started = asyncio.Event()
    waiting = 0

    async def one(i: int) -> None:
        nonlocal waiting
        async with database.sessionmaker() as session:
            waiting += 1
            if waiting == n:
                started.set()
            await started.wait()  # every transaction reaches the append together
            await record_access(session, principal=AUDITOR, action="read", event=event, count=i + 1)
            await asyncio.sleep(0)  # hold the transaction open a moment
            await session.commit()

    await asyncio.gather(*(one(i) for i in range(n)))


async def test_concurrent_appends_make_one_intact_chain(chain_app, chain_db, make_token):
    async with asgi_client(chain_app, headers=bearer(make_token())) as client:
        event = (await client.post("/api/v1/events", json=event_body())).json()
        url = f"/api/v1/events/{event['id']}/attendees"
        assert (await client.post(url, json=attendee_body())).status_code == 201
        # through the API: twelve reads at once, each logged in its request's transaction
        answers = await asyncio.gather(*(client.get(url) for _ in range(12)))
        assert {r.status_code for r in answers} == {200}
    from services.events.models import Event

    async with chain_app.state.database.sessionmaker() as session:
        row = await session.get(Event, uuid.UUID(event["id"]))
    await append_concurrently(chain_app, row, 15)

    rows = await fetch(chain_db, "SELECT * FROM pii_access_log ORDER BY position")
    assert [r["position"] for r in rows] == list(range(1, 29))  # 1 create + 12 lists + 15
    assert rows[0]["previous_hash"] == chain.GENESIS
    assert all(b["previous_hash"] == a["entry_hash"] for a, b in itertools.pairwise(rows))
    # each entry's time is read under the lock: times follow positions
    assert all(a["occurred_at"] <= b["occurred_at"] for a, b in itertools.pairwise(rows))
    assert sorted(r["record_count"] for r in rows if r["subject"] == "auditora") == list(
        range(1, 16)
    )
    report = await verify(chain_db)
    assert report.intact and report.count == 28
    assert report.head_hash == rows[-1]["entry_hash"]
    result = await asyncio.to_thread(run_verify_command, chain_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"PII access log intact: 28 entries, chain head {rows[-1]['entry_hash']}"
    )


async def seed(app, make_token, n: int) -> list[asyncpg.Record]:
    async with asgi_client(app, headers=bearer(make_token())) as client:
        event = (await client.post("/api/v1/events", json=event_body())).json()
        url = f"/api/v1/events/{event['id']}/attendees"
        assert (await client.post(url, json=attendee_body())).status_code == 201
        for _ in range(n - 1):
            assert (await client.get(url)).status_code == 200
    return await fetch(
        app.state.settings.database_url, "SELECT * FROM pii_access_log ORDER BY position"
    )


async def test_an_edited_entry_is_reported_with_its_id_and_position(
    chain_app, chain_db, make_token
):
    rows = await seed(chain_app, make_token, 5)
    assert (await verify(chain_db)).intact
    await fetch(chain_db, "UPDATE pii_access_log SET subject = 'nadie' WHERE position = 3")
    report = await verify(chain_db)
    assert report.broken == chain.BrokenLink(
        3, rows[2]["id"], "its fields do not match its hash (the entry was changed)"
    )
    assert report.count == 2
    result = await asyncio.to_thread(run_verify_command, chain_db)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"PII access log broken at position 3 (entry {rows[2]['id']}): "
        "its fields do not match its hash (the entry was changed)"
    )
    # an edit that also recomputes the entry's own hash breaks the link to the next one
    forged = {**dict(rows[2]), "subject": "nadie"}
    new_hash = chain.entry_hash(forged, rows[2]["previous_hash"])
    await fetch(chain_db, "UPDATE pii_access_log SET entry_hash = $1 WHERE position = 3", new_hash)
    report = await verify(chain_db)
    assert report.broken == chain.BrokenLink(
        4, rows[3]["id"], "its previous_hash is not the hash of the entry before it"
    )


async def test_a_changed_time_or_count_is_detected_too(chain_app, chain_db, make_token):
    rows = await seed(chain_app, make_token, 3)
    await fetch(
        chain_db,
        "UPDATE pii_access_log SET occurred_at = occurred_at - interval '1 microsecond' "
        "WHERE position = 2",
    )
    assert (await verify(chain_db)).broken.position == 2
    await fetch(
        chain_db,
        "UPDATE pii_access_log SET occurred_at = $1 WHERE position = 2",
        rows[1]["occurred_at"],
    )
    assert (await verify(chain_db)).intact
    await fetch(chain_db, "UPDATE pii_access_log SET record_count = 0 WHERE position = 1")
    report = await verify(chain_db)
    assert report.broken.position == 1 and report.broken.entry_id == rows[0]["id"]


async def test_a_deleted_entry_is_reported(chain_app, chain_db, make_token):
    rows = await seed(chain_app, make_token, 5)
    await fetch(chain_db, "DELETE FROM pii_access_log WHERE position = 2")
    report = await verify(chain_db)
    assert report.count == 1
    assert report.broken == chain.BrokenLink(
        2, rows[2]["id"], f"entries 2 to 2 are missing (the next entry is {rows[2]['id']})"
    )
    result = await asyncio.to_thread(run_verify_command, chain_db)
    assert result.returncode == 1
    assert "broken at position 2" in result.stderr and str(rows[2]["id"]) in result.stderr
    # deleting the first entry (and renumbering the rest) is caught at the genesis link
    await fetch(chain_db, "DELETE FROM pii_access_log WHERE position = 1")
    await fetch(chain_db, "UPDATE pii_access_log SET position = position - 2")
    report = await verify(chain_db)
    assert report.broken == chain.BrokenLink(
        1, rows[2]["id"], "its previous_hash is not the hash of the entry before it"
    )


async def test_the_empty_log_is_intact(chain_db):
    report = await verify(chain_db)
    assert report == chain.ChainReport(count=0, head_hash=chain.GENESIS)
    assert report.describe() == "PII access log intact: 0 entries"


async def test_listing_is_limited_to_the_callers_territories(client, make_token):
    tumaco = (await client.post("/api/v1/events", json=event_body())).json()
    medellin = (
        await client.post(
            "/api/v1/events",
            json=event_body(municipality_code="05001", community="Comuna 13"),
        )
    ).json()
    for event in (tumaco, medellin):
        url = f"/api/v1/events/{event['id']}/attendees"
        assert (await client.post(url, json=attendee_body())).status_code == 201
        assert (await client.get(url)).status_code == 200

    async def listed(**claims: list[str]) -> list[tuple[str, str]]:
        token = bearer(make_token(["admin"], sub="auditoria", **claims))
        r = await client.get("/api/v1/pii-access-log", headers=token)
        assert r.status_code == 200, r.text
        assert r.headers["cache-control"] == "no-store"
        return sorted((e["event_id"], e["action"]) for e in r.json()["items"])

    def entries(*events: dict) -> list[tuple[str, str]]:
        return sorted((e["id"], a) for e in events for a in ("create", "list"))

    assert await listed() == entries(tumaco, medellin)
    assert await listed(municipalities=["52835"]) == entries(tumaco)
    assert await listed(departments=["05"]) == entries(medellin)
    assert await listed(departments=["52"], municipalities=["05001"]) == entries(tumaco, medellin)
    assert await listed(municipalities=["76001"]) == []
    # a filter on another territory's event finds nothing either
    token = bearer(make_token(["admin"], sub="auditoria", municipalities=["52835"]))
    r = await client.get(f"/api/v1/pii-access-log?event_id={medellin['id']}", headers=token)
    assert r.json()["items"] == []


AWKWARD = (
    'Ñoño "comillas" \\ barra',  # escaped by JSON, non-ASCII written as \u escapes
    "línea\nnueva\t\u2028",
    "@@",
    "",
)


@pytest.mark.parametrize("subject", AWKWARD)
def test_the_template_is_the_canonical_encoding_cut_open(subject):
    """The database joins the template's pieces with the three values only it knows; that
    must be, byte for byte, the encoding ``somos verify-pii-log`` recomputes."""
    from datetime import UTC, datetime

    entry = {
        "id": uuid.uuid4(),
        "subject": subject,
        "token_id": None if subject else "jti-1",
        "action": "list",
        "event_id": uuid.uuid4(),
        "attendee_id": None,
        "request_id": subject or None,
    }
    pieces = chain.template(entry)
    assert len(pieces) == 5 and all(piece.isascii() for piece in pieces)
    at = datetime(2026, 12, 3, 9, 5, 7, 123, tzinfo=UTC)
    filled = {**entry, "occurred_at": at, "position": 41, "record_count": 7}
    previous = chain.entry_hash({**filled, "position": 40}, chain.GENESIS)
    joined = "".join(
        piece + value
        for piece, value in zip(
            pieces, ("2026-12-03T09:05:07.000123Z", "41", previous, "7", ""), strict=True
        )
    )
    assert joined.encode() == chain.canonical(filled, previous)


async def test_the_database_hashes_awkward_values_as_python_does(chain_app, chain_db):
    """Each append's hash is computed by the database (``pii_access_log_append``); the
    verification recomputes it in Python from the stored fields."""
    async with chain_app.state.database.sessionmaker() as session:
        for i, subject in enumerate(AWKWARD, start=1):
            caller = Principal(sub=subject, scopes=AUDITOR.scopes, token_id=f"jti-{i}")
            position = await record_access(
                session, principal=caller, action="read", event=None, count=i
            )
            assert position == i
        await session.commit()
    rows = await fetch(chain_db, "SELECT * FROM pii_access_log ORDER BY position")
    assert [r["subject"] for r in rows] == list(AWKWARD)
    times = [r["occurred_at"] for r in rows]  # the database's clock, under the lock
    assert times == sorted(times) and all(t.tzinfo is not None for t in times)
    assert [r["record_count"] for r in rows] == [1, 2, 3, 4]
    for before, row in zip((None, *rows), rows, strict=False):
        previous = chain.GENESIS if before is None else before["entry_hash"]
        assert row["previous_hash"] == previous
        assert row["entry_hash"] == chain.entry_hash(row, previous)
    report = await verify(chain_db)
    assert report.intact and report.count == 4 and report.head_hash == rows[-1]["entry_hash"]
