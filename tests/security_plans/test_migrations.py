"""The migrations go up, down and up again on an empty database, matching the models."""

from __future__ import annotations

import asyncio

import asyncpg
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import create_async_engine

import services.security_plans.models  # noqa: F401  (registers the tables)
from services.common import migrations
from services.common.db import asyncpg_dsn, metadata, sqlalchemy_url
from services.common.embedded import drop_database, ensure_database
from services.common.testing import test_database_name as database_name

TABLES = {
    "security_plans",
    "plan_problems",
    "plan_lines",
    "plan_actions",
    "progress_reports",
    "plan_reviews",
    "prevention_strategies",
    "idempotency_keys",
}


async def _tables(url: str) -> set[str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    finally:
        await conn.close()
    return {r["tablename"] for r in rows}


async def _model_differences(url: str) -> list[object]:
    # Only this service's tables: other services' models share the metadata in a full run.
    own = MetaData(naming_convention=metadata.naming_convention)
    for name in sorted(TABLES - {"idempotency_keys"}):
        metadata.tables[name].to_metadata(own)
    engine = create_async_engine(sqlalchemy_url(url))
    try:
        async with engine.connect() as conn:

            def compare(sync_conn):  # type: ignore[no-untyped-def]
                context = MigrationContext.configure(sync_conn, opts={"compare_type": True})
                return compare_metadata(context, own)

            diffs = await conn.run_sync(compare)
    finally:
        await engine.dispose()
    # Bookkeeping tables (versions, idempotency keys, the change feed's, statistics tallies)
    # are not models.
    kit = ("alembic_version", "idempotency_keys", "table=<changes", "Table('changes", "tally_")
    return [d for d in diffs if not any(name in str(d) for name in kit)]


async def test_upgrade_downgrade_upgrade(postgres_admin_url):
    name = database_name("security_plans_migrations")
    url = await ensure_database(postgres_admin_url, name, recreate=True)
    try:
        await asyncio.to_thread(migrations.upgrade, "security_plans", url)
        assert await _tables(url) >= TABLES
        assert await _model_differences(url) == []
        await asyncio.to_thread(migrations.downgrade, "security_plans", url, "base")
        assert await _tables(url) == {"alembic_version_security_plans"}
        await asyncio.to_thread(migrations.upgrade, "security_plans", url)
        assert await _tables(url) >= TABLES
        assert migrations.head_revisions("security_plans") == {"plans_0003"}
    finally:
        await drop_database(postgres_admin_url, name)
