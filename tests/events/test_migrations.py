"""The events migrations go up, all the way down, and up again."""

from __future__ import annotations

import asyncio

import asyncpg

from services.common import migrations
from services.common.db import asyncpg_dsn
from services.common.embedded import drop_database, ensure_database
from services.common.testing import migrated_database
from services.common.testing import test_database_name as database_name

TABLES = {
    "events",
    "participation",
    "participation_erased",
    "attendees",
    "pii_access_log",
    "risk_factors",
    "commitments",
    "commitment_notes",
    "idempotency_keys",
    "changes",
    "changes_purged",
    "commitment_overdue_notices",  # evt_0007
    # statistics tallies kept by triggers (evt_0005)
    "tally_event_counts",
    "tally_protection",
    "tally_participation",
    "tally_commitments",
    "tally_commitments_due",
    "tally_trust",
    "tally_generations",
}


async def tables(url: str) -> set[str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {r["tablename"] for r in rows} - {"alembic_version_events"}
    finally:
        await conn.close()


async def functions(url: str) -> set[str]:
    """Functions of ours (trigger functions aside) in the database."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch(
            "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace "
            "AND prorettype <> 'trigger'::regtype"
        )
        return {r["proname"] for r in rows}
    finally:
        await conn.close()


async def test_upgrade_downgrade_upgrade(postgres_admin_url):
    name = database_name("events_migrations")
    url = await ensure_database(postgres_admin_url, name, recreate=True)
    try:
        await asyncio.to_thread(migrations.upgrade, "events", url)
        assert await tables(url) == TABLES
        assert "pii_access_log_append" in await functions(url)  # evt_0008
        await asyncio.to_thread(migrations.downgrade, "events", url, "base")
        assert await tables(url) == set()
        assert "pii_access_log_append" not in await functions(url)
        await asyncio.to_thread(migrations.upgrade, "events", url)
        assert await tables(url) == TABLES
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            assert (
                await conn.fetchval("SELECT version_num FROM alembic_version_events") == "evt_0008"
            )
            # the database itself refuses a breakdown that does not add up
            checks = {
                r["conname"]
                for r in await conn.fetch(
                    "SELECT conname FROM pg_constraint WHERE conrelid = 'participation'::regclass "
                    "AND contype = 'c'"
                )
            }
            assert "ck_participation_by_sex_adds_up" in checks
        finally:
            await conn.close()
    finally:
        await drop_database(postgres_admin_url, name)


async def test_model_checks_are_the_migrated_ones(events_db):
    """Constraint names of the model (after the naming convention) exist in the database."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    from services.events.models import Participation

    ddl = str(CreateTable(Participation.__table__).compile(dialect=postgresql.dialect()))  # type: ignore[arg-type]
    conn = await asyncpg.connect(asyncpg_dsn(events_db))
    try:
        migrated = {
            r["conname"]
            for r in await conn.fetch(
                "SELECT conname FROM pg_constraint WHERE conrelid = 'participation'::regclass "
                "AND contype = 'c'"
            )
        }
    finally:
        await conn.close()
    assert len(migrated) == 8
    for name in migrated:
        assert name in ddl


async def test_chaining_migration_chains_existing_entries_and_drops_attendee_bodies(
    postgres_admin_url,
):
    import json
    import uuid
    from datetime import UTC, datetime, timedelta

    from services.events.pii_access_log import chain

    name = database_name("events_chain_migration")
    url = await ensure_database(postgres_admin_url, name, recreate=True)
    try:
        await asyncio.to_thread(migrations.upgrade, "events", url, "evt_0002")
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            start = datetime(2026, 3, 1, 14, 30, 0, 123456, tzinfo=UTC)
            ids = [uuid.uuid4() for _ in range(4)]
            for i, entry_id in enumerate(ids):  # written out of order, chained by time
                await conn.execute(
                    "INSERT INTO pii_access_log (id, occurred_at, subject, token_id, action, "
                    "event_id, attendee_id, record_count, request_id) "
                    "VALUES ($1, $2, $3, NULL, 'read', $4, NULL, $5, 'req')",
                    entry_id,
                    start - timedelta(minutes=i),
                    f"persona-{i}",
                    uuid.uuid4(),
                    i,
                )
            attendee = json.dumps({"id": str(uuid.uuid4()), "full_name": "Yurani Quiñones"})
            for key, status, body in (
                ("attendee", 201, attendee.encode()),
                ("event", 201, b'{"id": "e", "title": "Dialogo"}'),
                ("problem", 422, b'{"type": "urn:somos:problem:validation-error"}'),
            ):
                await conn.execute(
                    "INSERT INTO idempotency_keys VALUES ('tester', $1, 'h', 'completed', $2, "
                    "'[]', $3, now(), now() + interval '1 day')",
                    key,
                    status,
                    body,
                )
        finally:
            await conn.close()

        await asyncio.to_thread(migrations.upgrade, "events", url)
        report = await chain.verify_database(url)
        assert report.intact and report.count == 4
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            order = await conn.fetch("SELECT id FROM pii_access_log ORDER BY position")
            assert [r["id"] for r in order] == list(reversed(ids))
            bodies = {
                r["key"]: r["response_body"]
                for r in await conn.fetch("SELECT key, response_body FROM idempotency_keys")
            }
            assert bodies["attendee"] is None
            assert bodies["event"] == b'{"id": "e", "title": "Dialogo"}'
            assert bodies["problem"].startswith(b'{"type"')
        finally:
            await conn.close()

        await asyncio.to_thread(migrations.downgrade, "events", url, "evt_0002")
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            keys = {r["key"] for r in await conn.fetch("SELECT key FROM idempotency_keys")}
            assert keys == {"event", "problem"}  # a body-less key would replay nothing: gone
            columns = {
                r["column_name"]
                for r in await conn.fetch(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = 'pii_access_log'"
                )
            }
            assert "entry_hash" not in columns and "position" not in columns
        finally:
            await conn.close()
    finally:
        await drop_database(postgres_admin_url, name)


async def test_commitments_overdue_before_evt_0007_are_not_announced(postgres_admin_url):
    """The migration records them as noticed without a change; later ones are announced."""
    from services.events.commitments.overdue import announce_overdue_url

    async with migrated_database(postgres_admin_url, "events") as url:
        await asyncio.to_thread(migrations.downgrade, "events", url, "evt_0006")
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            event = await conn.fetchval(
                "INSERT INTO events (id, version, created_at, updated_at, type, title, "
                "search_text, municipality_code, department_code, community, community_key, "
                "starts_at, ends_at, status, partner_institutions, organization_ids) "
                "VALUES (gen_random_uuid(), 1, now(), now(), 'dialogo_resiliencia', 'Diálogo', "
                "'dialogo', '52835', '52', 'Candelillas', 'candelillas', now() - interval '2 hours', "
                "now() - interval '1 hour', 'held', "
                "'{}', '{}') RETURNING id"
            )
            add = (
                "INSERT INTO commitments (id, version, created_at, updated_at, event_id, "
                "description, responsible_party, responsible_party_kind, due_date, status) "
                "VALUES (gen_random_uuid(), 1, now(), now(), $1, 'Alumbrado', 'alcaldia', "
                "'institution', current_date + $2::int, $3) RETURNING id"
            )
            overdue = await conn.fetchval(add, event, -30, "open")
            await conn.fetchval(add, event, -30, "fulfilled")
            await conn.fetchval(add, event, 30, "in_progress")
            await asyncio.to_thread(migrations.upgrade, "events", url)
            noticed = await conn.fetch("SELECT commitment_id FROM commitment_overdue_notices")
            assert [r["commitment_id"] for r in noticed] == [overdue]
            assert await announce_overdue_url(url) == 0
            later = await conn.fetchval(add, event, -2, "in_progress")
            assert await announce_overdue_url(url) == 1
            announced = await conn.fetch(
                "SELECT resource_id, version, municipality_code FROM changes "
                "WHERE type = 'commitment.overdue'"
            )
            assert [tuple(r) for r in announced] == [(later, 1, "52835")]
        finally:
            await conn.close()
