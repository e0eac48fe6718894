"""The runbook's backup and restore, run for real: dump, wipe, restore, data identical.

Uses the pg_dump / pg_restore whose major version matches the server under test (the
embedded PostgreSQL's own, or the system's for a server on 127.0.0.1:5432), with exactly
the options deploy/README.md gives the operator.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import subprocess
from collections.abc import Awaitable, Callable

import asyncpg
import pytest

from services.common.db import asyncpg_dsn
from services.common.embedded import ensure_database
from services.common.idempotency import TABLE as IDEMPOTENCY_TABLE
from services.common.testing import asgi_client, bearer, migrated_database, running_app
from tests.deploy import inventory, pgtools

DUMP = ["--format=custom", "--no-owner", "--no-privileges"]
RESTORE = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]


def test_runbook_uses_these_options():
    runbook = (inventory.DEPLOY / "README.md").read_text()
    assert "pg_dump " + " ".join(DUMP) in runbook
    assert "pg_restore " + " ".join(RESTORE) in runbook


async def seed_organizations(url: str, make_token) -> None:
    from services.organizations.app import create_app
    from services.organizations.settings import OrganizationsSettings
    from tests.organizations.factories import assessment_body, organization_body

    app = create_app(OrganizationsSettings(database_url=url))
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
        for i, municipality in enumerate(("52835", "05001", "19001")):
            r = await client.post(
                "/api/v1/organizations",
                json=organization_body(
                    name=f"Consejo Comunitario Ñambí {i}", municipality_code=municipality
                ),
                headers={"Idempotency-Key": f"seed-{i}"},
            )
            assert r.status_code == 201, r.text
        r = await client.post(
            f"/api/v1/organizations/{r.json()['id']}/assessments", json=assessment_body()
        )
        assert r.status_code == 201, r.text


async def seed_security_plans(url: str, make_token) -> None:
    from services.security_plans.app import create_app
    from services.security_plans.settings import SecurityPlansSettings
    from tests.security_plans.factories import plan_in_implementation

    app = create_app(SecurityPlansSettings(database_url=url))
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
        await plan_in_implementation(client, lines=2, actions=2)


async def schema_only(url: str, make_token) -> None:
    """A service without a seeder yet: only its schema and migration state are compared."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        assert await conn.fetchval("SELECT to_regclass($1) IS NOT NULL", IDEMPOTENCY_TABLE)
    finally:
        await conn.close()


SEEDERS: dict[str, Callable[..., Awaitable[None]]] = {
    "organizations": seed_organizations,
    "security_plans": seed_security_plans,
}


def same_meaning(definition: str) -> str:
    """A definition without casts and grouping, which PostgreSQL re-deparses differently
    after a restore (``(ARRAY['a'::varchar])::text[]`` comes back as
    ``ARRAY[('a'::varchar)::text]``) though the predicate is the same."""
    no_casts = re.sub(r"::[a-z][a-z ]*(\[\])?", "", definition)
    return re.sub(r"[()\s]", "", no_casts)


async def snapshot(url: str) -> dict[str, object]:
    """Every row of every table, plus the schema's shape and the sequences' positions."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        tables = [
            r["tablename"]
            for r in await conn.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        data = {}
        for table in tables:
            rows = await conn.fetch(f'SELECT row_to_json(t)::text AS j FROM "{table}" t')
            data[table] = sorted(r["j"] for r in rows)
        columns = [
            tuple(r)
            for r in await conn.fetch(
                "SELECT table_name, column_name, data_type, is_nullable, column_default "
                "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2"
            )
        ]
        indexes = [
            (r["indexname"], same_meaning(r["indexdef"]))
            for r in await conn.fetch(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        constraints = [
            (r[0], same_meaning(r[1]))
            for r in await conn.fetch(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE connamespace = 'public'::regnamespace ORDER BY 1"
            )
        ]
        return {"data": data, "columns": columns, "indexes": indexes, "constraints": constraints}
    finally:
        await conn.close()


@pytest.mark.parametrize("spec", inventory.database_services(), ids=lambda s: s.name)
async def test_dump_wipe_restore_gives_back_identical_data(
    spec, postgres_admin_url, make_token, tmp_path
):
    major = await pgtools.server_major(postgres_admin_url)
    pg_dump, pg_restore = pgtools.tool("pg_dump", major), pgtools.tool("pg_restore", major)
    async with migrated_database(postgres_admin_url, spec.name) as url:
        await SEEDERS.get(spec.name, schema_only)(url, make_token)
        before = await snapshot(url)
        if spec.name in SEEDERS:
            assert sum(len(rows) for rows in before["data"].values()) > 4

        dump = tmp_path / f"{spec.database_name}-{dt.date.today()}.dump"
        await asyncio.to_thread(
            subprocess.run,
            [str(pg_dump), *DUMP, "--file", str(dump), pgtools.libpq_url(url)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        assert dump.stat().st_size > 0

        database = url.rsplit("/", 1)[1].split("?")[0]
        await ensure_database(postgres_admin_url, database, recreate=True)  # wipe
        wiped = await snapshot(url)
        assert wiped["data"] == {} and wiped["columns"] == []

        await asyncio.to_thread(
            subprocess.run,
            [str(pg_restore), *RESTORE, "--dbname", pgtools.libpq_url(url), str(dump)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        after = await snapshot(url)
        assert json.dumps(after, default=str) == json.dumps(before, default=str)
