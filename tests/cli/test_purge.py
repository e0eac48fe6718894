"""`somos purge`: idempotency keys past their expiry go, fresh ones stay, in every service
database configured; on a real PostgreSQL, the way the CronJob and the compose service run it."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from services.common.catalog import SERVICES as CATALOG
from services.common.db import asyncpg_dsn
from services.common.idempotency import TABLE
from services.common.testing import migrated_database
from somos.registry import database_services
from tests.cli.test_cli import REPO, run_somos

SERVICES = [s.name for s in database_services()]


@asynccontextmanager
async def service_databases(admin_url: str) -> AsyncIterator[dict[str, str]]:
    async with AsyncExitStack() as stack:
        yield {
            name: await stack.enter_async_context(migrated_database(admin_url, name))
            for name in SERVICES
        }


async def seed(url: str, caller: str) -> None:
    """Two expired keys, one answered within its TTL, one still in flight."""
    now = datetime.now(UTC)
    rows = [
        ("expired-1", "completed", now - timedelta(hours=30), now - timedelta(hours=6)),
        ("expired-2", "completed", now - timedelta(hours=25), now - timedelta(seconds=5)),
        ("fresh", "completed", now - timedelta(hours=1), now + timedelta(hours=23)),
        ("in-flight", "in_flight", now, now + timedelta(hours=24)),
    ]
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.executemany(
            f"INSERT INTO {TABLE} (caller, key, request_hash, state, created_at, expires_at) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            [
                (caller, key, "0" * 64, state, created, expires)
                for key, state, created, expires in rows
            ],
        )
    finally:
        await conn.close()


async def keys(url: str) -> list[str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return [r["key"] for r in await conn.fetch(f"SELECT key FROM {TABLE} ORDER BY key")]
    finally:
        await conn.close()


def purged(service: str, keys: int) -> str:
    """The line `somos purge` prints for a service database (changes only where a feed is)."""
    feed = ", 0 changes older than 90 days" if CATALOG[service].change_feed else ""
    return f"{service}: purged {keys} expired idempotency keys{feed}"


def production_env(urls: dict[str, str], tmp_path) -> dict[str, str]:
    env = {"SOMOS_ENVIRONMENT": "production", "SOMOS_DATA_DIR": str(tmp_path)}
    for name in SERVICES:
        env[f"SOMOS_{name.upper()}_DATABASE_URL"] = urls.get(name, "")
    return env


async def test_purge_removes_expired_keys_and_keeps_fresh_ones_in_every_database(
    postgres_admin_url, tmp_path
):
    async with service_databases(postgres_admin_url) as urls:
        for name, url in urls.items():
            await seed(url, caller=f"sub-{name}")
        result = await asyncio.to_thread(run_somos, "purge", env=production_env(urls, tmp_path))
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [purged(name, 2) for name in SERVICES]
        for url in urls.values():
            assert await keys(url) == ["fresh", "in-flight"]

        again = await asyncio.to_thread(run_somos, "purge", env=production_env(urls, tmp_path))
        assert again.returncode == 0, again.stderr
        assert again.stdout.splitlines() == [purged(name, 0) for name in SERVICES]


async def test_purge_deletes_changes_past_their_retention(postgres_admin_url, tmp_path):
    async with migrated_database(postgres_admin_url, "organizations") as url:
        now = datetime.now(UTC)
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            await conn.executemany(
                "INSERT INTO changes (position, type, resource, resource_id, version, "
                "municipality_code, path, occurred_at) "
                "VALUES ($1, 'organization.created', 'organizations', gen_random_uuid(), 1, "
                "'52835', '/api/v1/organizations/x', $2)",
                [(1, now - timedelta(days=60)), (2, now - timedelta(days=31)), (3, now)],
            )
            env = {
                **production_env({"organizations": url}, tmp_path),
                "SOMOS_CHANGES_RETENTION_DAYS": "30",
            }
            result = await asyncio.to_thread(run_somos, "purge", "organizations", env=env)
            assert result.returncode == 0, result.stderr
            assert result.stdout.splitlines() == [
                "organizations: purged 0 expired idempotency keys, 2 changes older than 30 days"
            ]
            kept = await conn.fetch("SELECT position FROM changes ORDER BY position")
            assert [r["position"] for r in kept] == [3]
        finally:
            await conn.close()


async def test_purge_covers_the_databases_configured_and_says_which_it_skipped(
    postgres_admin_url, tmp_path
):
    async with migrated_database(postgres_admin_url, "events") as url:
        await seed(url, caller="sub")
        only_events = production_env({"events": url}, tmp_path)
        result = await asyncio.to_thread(run_somos, "purge", env=only_events)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            "organizations: skipped (SOMOS_ORGANIZATIONS_DATABASE_URL not set)",
            "security_plans: skipped (SOMOS_SECURITY_PLANS_DATABASE_URL not set)",
            "events: purged 2 expired idempotency keys, 0 changes older than 90 days",
            "webhooks: skipped (SOMOS_WEBHOOKS_DATABASE_URL not set)",
            "reporting: skipped (SOMOS_REPORTING_DATABASE_URL not set)",
        ]
        assert await keys(url) == ["fresh", "in-flight"]

        one = await asyncio.to_thread(run_somos, "purge", "organizations", env=only_events)
        assert one.returncode == 1
        assert "SOMOS_ORGANIZATIONS_DATABASE_URL must be set in production" in one.stderr

    nothing = await asyncio.to_thread(run_somos, "purge", env=production_env({}, tmp_path))
    assert nothing.returncode == 1
    assert "no service database configured: nothing purged" in nothing.stderr


async def test_an_unreachable_database_fails_the_run_without_stopping_the_others(
    postgres_admin_url, tmp_path
):
    async with migrated_database(postgres_admin_url, "organizations") as url:
        await seed(url, caller="sub")
        env = production_env(
            {
                "organizations": url,
                "events": "postgresql://somos@127.0.0.1:1/somos_events",  # nothing listens
            },
            tmp_path,
        )
        result = await asyncio.to_thread(run_somos, "purge", env=env)
        assert result.returncode == 1
        assert "organizations: purged 2 expired idempotency keys" in result.stdout
        assert "events: purge failed" in result.stderr
        assert "127.0.0.1:1" not in result.stderr  # no connection details in the output
        assert await keys(url) == ["fresh", "in-flight"]


def _run_every(env: dict[str, str], log: Path) -> tuple[str, bool]:
    """`somos purge --every 3600`: its output once the first pass is done, and whether it
    was still running (sleeping until the next pass) then."""
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "somos.cli", "purge", "--every", "3600"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while "events: purged" not in log.read_text() and time.monotonic() < deadline:
            if process.poll() is not None:
                break
            time.sleep(0.2)
        time.sleep(0.5)
        return log.read_text(), process.poll() is None
    finally:
        process.kill()
        process.wait(30)


async def test_every_runs_a_first_pass_at_once_and_keeps_running(postgres_admin_url, tmp_path):
    async with migrated_database(postgres_admin_url, "events") as url:
        await seed(url, caller="sub")
        env = {**os.environ, **production_env({"events": url}, tmp_path)}
        output, running = await asyncio.to_thread(_run_every, env, tmp_path / "purge.log")
        assert "events: purged 2 expired idempotency keys" in output
        assert running, output
        assert await keys(url) == ["fresh", "in-flight"]

    refused = await asyncio.to_thread(run_somos, "purge", "--every", "5")
    assert refused.returncode == 1 and "at least 60" in refused.stderr


def test_kubernetes_runs_it_hourly_with_the_app_image_and_each_services_secret():
    from tests.deploy.k8s_manifests import find, rendered

    docs = rendered("production")
    cron = find(docs, "CronJob", "purge-idempotency-keys")
    assert cron["spec"]["schedule"].split()[1:] == ["*", "*", "*", "*"]  # every hour
    assert cron["spec"]["concurrencyPolicy"] == "Forbid"
    pod = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["args"] == ["purge"]
    assert container["image"] == "registry.example.org/somos/somos:1.0.0"
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert {"configMapRef": {"name": "somos-config"}} in container["envFrom"]
    migrations = rendered("production-migrations")
    for spec in database_services():
        (mine,) = [e for e in container["env"] if e["name"] == spec.database_env]
        job = find(migrations, "Job", f"migrate-{spec.name.replace('_', '-')}")
        (theirs,) = [
            e
            for e in job["spec"]["template"]["spec"]["containers"][0]["env"]
            if e["name"] == spec.database_env
        ]
        assert mine["valueFrom"] == theirs["valueFrom"]  # the service's own secret


def test_compose_runs_it_hourly_against_every_service_database():
    from tests.deploy.inventory import compose_name, load_compose

    services = load_compose()["services"]
    purge = services["purge"]
    assert purge["command"] == ["purge", "--every", "${SOMOS_PURGE_EVERY_SECONDS:-3600}"]
    assert purge["restart"] == "unless-stopped" and "ports" not in purge
    for spec in database_services():
        url = services[compose_name(spec.name)]["environment"][spec.database_env]
        assert purge["environment"][spec.database_env] == url
        assert purge["depends_on"][f"migrate-{compose_name(spec.name)}"] == {
            "condition": "service_completed_successfully"
        }


async def test_a_database_not_migrated_yet_has_nothing_to_purge(postgres_admin_url, tmp_path):
    from services.common.embedded import drop_database, ensure_database
    from services.common.testing import test_database_name

    name = test_database_name("organizations")
    url = await ensure_database(postgres_admin_url, name)
    try:
        result = await asyncio.to_thread(
            run_somos,
            "purge",
            "organizations",
            env=production_env({"organizations": url}, tmp_path),
        )
    finally:
        await drop_database(postgres_admin_url, name)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "organizations: not migrated yet (no idempotency_keys table); nothing to purge"
    ]
