"""deploy/postgres/init-databases.sh on the real PostgreSQL: one role and one database per
service, each closed to the other services' roles; re-running it changes nothing."""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from services.common.db import asyncpg_dsn
from tests.deploy import pgtools
from tests.deploy.inventory import DEPLOY

SCRIPT = DEPLOY / "postgres" / "init-databases.sh"


def as_role(admin_url: str, role: str, database: str) -> str:
    return asyncpg_dsn(
        make_url(admin_url)
        .set(username=role, password="", database=database)
        .render_as_string(hide_password=False)
    )


@pytest.fixture
async def services(postgres_admin_url):
    suffix = uuid.uuid4().hex[:6]
    names = [f"t{suffix}_orgs", f"t{suffix}_events"]
    yield names
    conn = await asyncpg.connect(asyncpg_dsn(postgres_admin_url))
    try:
        for name in names:
            await conn.execute(f'DROP DATABASE IF EXISTS "somos_{name}" WITH (FORCE)')
            await conn.execute(f'DROP ROLE IF EXISTS "somos_{name}"')
    finally:
        await conn.close()


async def test_init_script_creates_isolated_role_and_database_per_service(
    postgres_admin_url, services
):
    major = await pgtools.server_major(postgres_admin_url)
    psql = pgtools.tool("psql", major)
    env = {
        **os.environ,
        "PATH": f"{psql.parent}:{os.environ['PATH']}",
        "POSTGRES_USER": make_url(postgres_admin_url).username or "postgres",
        "POSTGRES_DB": pgtools.libpq_url(postgres_admin_url),  # psql takes a URI as dbname
        "SOMOS_DATABASES": " ".join(services),
        **{f"SOMOS_{s.upper()}_DB_PASSWORD": f"pw-{s}" for s in services},
    }
    for _ in range(2):  # idempotent
        out = await asyncio.to_thread(
            subprocess.run,
            ["bash", str(SCRIPT)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
    assert out.stdout.count("somos: database") == 2

    admin = await asyncpg.connect(asyncpg_dsn(postgres_admin_url))
    try:
        owners = dict(
            await admin.fetch(
                "SELECT d.datname, r.rolname FROM pg_database d "
                "JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ANY($1)",
                [f"somos_{s}" for s in services],
            )
        )
        passwords = await admin.fetch(
            "SELECT rolname FROM pg_authid WHERE rolname = ANY($1) AND rolpassword IS NOT NULL",
            [f"somos_{s}" for s in services],
        )
    finally:
        await admin.close()
    assert owners == {f"somos_{s}": f"somos_{s}" for s in services}
    assert len(passwords) == 2

    orgs, events = services
    own = await asyncpg.connect(as_role(postgres_admin_url, f"somos_{orgs}", f"somos_{orgs}"))
    try:  # the service's role can build its schema (what `somos migrate` does)
        await own.execute("CREATE TABLE probe (id int PRIMARY KEY)")
        await own.execute("INSERT INTO probe VALUES (1)")
    finally:
        await own.close()
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await asyncpg.connect(as_role(postgres_admin_url, f"somos_{events}", f"somos_{orgs}"))
