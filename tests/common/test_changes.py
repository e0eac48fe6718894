"""The change feed's outbox at the SQL level: rows written at commit, in commit order.

Raw transactions on a migrated organizations database, interleaved by hand, show what a
sequence drawn at insert time would get wrong and that the feed does not.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from services.common.change_outbox import install_statements, purge_changes
from services.common.changes import (
    CursorExpired,
    Selection,
    decode_cursor,
    encode_cursor,
    read_page,
)
from services.common.db import asyncpg_dsn
from services.common.errors import InvalidInput
from services.common.testing import migrated_database, truncate_all
from services.organizations.changes import FEED

EVERYTHING = Selection(types=None, municipalities=None, departments=None)

INSERT_ORGANIZATION = """
INSERT INTO organizations (id, version, created_at, updated_at, name, name_key, search_text,
    type, ethnic_focus, municipality_code, department_code, focus_areas, status)
VALUES ($1, 1, now(), now(), $2, $2, $2, 'otra', 'ninguno', $3::text, left($3::text, 2), '{}', 'active')
"""


@pytest.fixture(scope="module")
async def database(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


@pytest.fixture
async def pool(database: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await asyncpg.create_pool(asyncpg_dsn(database), min_size=1, max_size=4)
    try:
        yield pool
    finally:
        await pool.close()
        await truncate_all(database)


async def insert(conn: asyncpg.Connection, name: str, municipality: str = "52835") -> uuid.UUID:
    record_id = uuid.uuid4()
    await conn.execute(INSERT_ORGANIZATION, record_id, name, municipality)
    return record_id


async def ids_after(pool: asyncpg.Pool, after: int) -> tuple[list[uuid.UUID], int]:
    page = await read_page(pool, after=after, chosen=EVERYTHING, limit=200)
    return [r["resource_id"] for r in page.rows], page.next_position


async def test_a_transaction_that_commits_later_is_not_skipped(pool):
    """A writes first and commits last: its change comes after B's, and a reader that read
    B's change before A committed still gets A's next."""
    a, b = await pool.acquire(), await pool.acquire()
    try:
        tx_a = a.transaction()
        await tx_a.start()
        first = await insert(a, "Primera")  # written first ...
        tx_b = b.transaction()
        await tx_b.start()
        # Another municipality: writers of one municipality take turns on its statistics
        # tallies (services/common/tallies.py), so B would wait for A there.
        second = await insert(b, "Segunda", "05001")
        await tx_b.commit()
        seen, cursor = await ids_after(pool, 0)
        assert seen == [second]  # A is not committed: invisible, and not yet numbered
        await tx_a.commit()  # ... committed last
    finally:
        await pool.release(a)
        await pool.release(b)
    seen, cursor = await ids_after(pool, cursor)
    assert seen == [first]
    positions = await pool.fetch("SELECT resource_id, position FROM changes ORDER BY position")
    assert [r["resource_id"] for r in positions] == [second, first]  # commit order


async def test_a_rolled_back_write_leaves_no_change(pool):
    async with pool.acquire() as conn:
        tx = conn.transaction()
        await tx.start()
        await insert(conn, "Nunca")
        await tx.rollback()
        kept = await insert(conn, "Siempre")
    seen, _ = await ids_after(pool, 0)
    assert seen == [kept]


async def test_types_follow_the_row(pool):
    """Insert → created; a new version → updated; a status transition → its verb;
    archived_at set → archived; an update that keeps the version is not a change."""
    async with pool.acquire() as conn:
        org = await insert(conn, "Asociación")
        await conn.execute("UPDATE organizations SET search_text = 'x' WHERE id = $1", org)
        await conn.execute("UPDATE organizations SET version = 2, name = 'B' WHERE id = $1", org)
        await conn.execute(
            "UPDATE organizations SET version = 3, archived_at = now() WHERE id = $1", org
        )
        initiative = uuid.uuid4()
        await conn.execute(
            "INSERT INTO community_initiatives (id, version, created_at, updated_at, title, "
            "municipality_code, department_code, community, methodology, objective, "
            "risk_factors_addressed, status, start_date, beneficiaries_total, beneficiaries) "
            "VALUES ($1, 1, now(), now(), 'IBP', '19698', '19', 'El Palmar', 'ibp', 'o', '{}', "
            "'designed', '2025-01-01', 0, '{}')",
            initiative,
        )
        await conn.execute(
            "UPDATE community_initiatives SET version = 2, status = 'in_implementation' "
            "WHERE id = $1",
            initiative,
        )
    rows = await pool.fetch(
        "SELECT type, version, municipality_code, path FROM changes ORDER BY position"
    )
    assert [(r["type"], r["version"]) for r in rows] == [
        ("organization.created", 1),
        ("organization.updated", 2),
        ("organization.archived", 3),
        ("community_initiative.created", 1),
        ("community_initiative.started", 2),
    ]
    assert rows[3]["municipality_code"] == "19698"
    assert rows[3]["path"] == f"/api/v1/community-initiatives/{initiative}"


async def test_filters_by_type_and_territory_and_moves_past_unseen_rows(pool):
    async with pool.acquire() as conn:
        tumaco = await insert(conn, "Tumaco", "52835")
        popayan = await insert(conn, "Popayán", "19001")
        pasto = await insert(conn, "Pasto", "52001")
    only_52835 = Selection(None, frozenset({"52835"}), None)
    page = await read_page(pool, after=0, chosen=only_52835, limit=10)
    assert [r["resource_id"] for r in page.rows] == [tumaco]
    last = await pool.fetchval("SELECT max(position) FROM changes")
    assert page.next_position == last  # the unseen rows after it are not read again
    nariño = Selection(None, None, frozenset({"52"}))
    page = await read_page(pool, after=0, chosen=nariño, limit=10)
    assert [r["resource_id"] for r in page.rows] == [tumaco, pasto]
    page = await read_page(pool, after=0, chosen=nariño, limit=1)
    assert [r["resource_id"] for r in page.rows] == [tumaco]
    assert page.next_position < last  # a full page: read on from its last row
    assessments = Selection(frozenset({"assessment.created"}), None, None)
    assert (await read_page(pool, after=0, chosen=assessments, limit=10)).rows == []
    assert popayan  # written, and outside both territories


def test_cursors_round_trip_and_refuse_damage():
    assert decode_cursor(encode_cursor(12345)) == 12345
    assert decode_cursor(None) == 0
    for damaged in ("xyz", "!!!", encode_cursor(1)[:-1] + "$", "Yy0x"):
        with pytest.raises(InvalidInput) as raised:
            decode_cursor(damaged)
        assert raised.value.errors[0].field == "after"


def test_every_source_gets_insert_and_update_triggers():
    sql = "\n".join(install_statements(FEED))
    for source in FEED.sources:
        assert f"changes_record_{source.table}()" in sql
        assert f"AFTER INSERT ON {source.table} DEFERRABLE INITIALLY DEFERRED" in sql
        assert f"AFTER UPDATE ON {source.table} DEFERRABLE INITIALLY DEFERRED" in sql


def test_an_announced_type_is_declared_but_no_write_makes_it():
    from services.common.change_outbox import announcement_statements
    from services.events.changes import FEED as EVENTS
    from services.events.changes import OVERDUE

    commitment = EVENTS.catalogue().kind("commitment")
    assert commitment is not None and commitment.change_types[-1] == "commitment.overdue"
    assert EVENTS.labels()["commitment.overdue"] == (
        "Compromiso: vencimiento",
        "Commitment overdue",
    )
    assert "overdue" not in "\n".join(install_statements(EVENTS))  # not from a status or archive
    [source] = [s for s in EVENTS.sources if s.announcements == (OVERDUE,)]
    sql = "\n".join(announcement_statements(source, OVERDUE))
    assert "AFTER INSERT ON commitment_overdue_notices DEFERRABLE INITIALLY DEFERRED" in sql
    assert "changes_append('commitment.overdue', 'commitments'" in sql


async def test_a_cursor_older_than_retention_is_refused_not_silently_skipped(pool, database):
    async with pool.acquire() as conn:
        for name in ("Una", "Dos", "Tres"):
            await insert(conn, name)
        await conn.execute(
            "UPDATE changes SET occurred_at = now() - interval '40 days' WHERE position <= 2"
        )
    first, second, third = await pool.fetch("SELECT position FROM changes ORDER BY position")
    assert await purge_changes(database, retention_days=30) == 2
    with pytest.raises(CursorExpired) as raised:
        await read_page(pool, after=first["position"], chosen=EVERYTHING, limit=10)
    assert raised.value.status == 410
    # From the beginning, or from the last change purged, the feed goes on.
    for after in (0, second["position"]):
        page = await read_page(pool, after=after, chosen=EVERYTHING, limit=10)
        assert [r["position"] for r in page.rows] == [third["position"]]
    assert await purge_changes(database, retention_days=30) == 0  # the newest is always kept
