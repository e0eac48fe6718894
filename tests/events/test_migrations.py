"""The events migrations go up, all the way down, and up again."""

from __future__ import annotations

import asyncio

import asyncpg

from services.common import migrations
from services.common.db import asyncpg_dsn
from services.common.embedded import drop_database, ensure_database
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
}


async def tables(url: str) -> set[str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {r["tablename"] for r in rows} - {"alembic_version_events"}
    finally:
        await conn.close()


async def test_upgrade_downgrade_upgrade(postgres_admin_url):
    name = database_name("events_migrations")
    url = await ensure_database(postgres_admin_url, name, recreate=True)
    try:
        await asyncio.to_thread(migrations.upgrade, "events", url)
        assert await tables(url) == TABLES
        await asyncio.to_thread(migrations.downgrade, "events", url, "base")
        assert await tables(url) == set()
        await asyncio.to_thread(migrations.upgrade, "events", url)
        assert await tables(url) == TABLES
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            assert (
                await conn.fetchval("SELECT version_num FROM alembic_version_events") == "evt_0004"
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
