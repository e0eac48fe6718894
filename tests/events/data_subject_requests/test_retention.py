"""Retention: `somos purge-pii` erases the attendees of events ended more than
SOMOS_EVENTS_PII_RETENTION_DAYS ago, keeps their anonymous counts, and prints counts only."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from services.common.db import asyncpg_dsn
from services.events.data_subject_requests.service import PurgeResult, purge_expired_pii_url
from tests.cli.test_cli import run_somos
from tests.events.data_subject_requests.test_data_subject_requests import (
    OTHER,
    add_attendee,
    participation,
)
from tests.events.factories import PERSON, create_event


def days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat()


async def attendees_by_event(url: str) -> dict[str, int]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await conn.fetch("SELECT event_id, count(*) AS n FROM attendees GROUP BY event_id")
        return {str(r["event_id"]): r["n"] for r in rows}
    finally:
        await conn.close()


async def old_and_recent_events(client: Any) -> dict[str, Any]:
    """An event ended 800 days ago (two attendees, one archived, one active), one ended 700
    days ago and one last month (an attendee each)."""
    old = await create_event(
        client, title="Diálogo de 2024", starts_at=days_ago(801), ends_at=days_ago(800)
    )
    kept = await create_event(
        client, title="Diálogo dentro del plazo", starts_at=days_ago(701), ends_at=days_ago(700)
    )
    recent = await create_event(
        client, title="Diálogo reciente", starts_at=days_ago(31), ends_at=days_ago(30)
    )
    await add_attendee(client, old["id"])
    other = await add_attendee(client, old["id"], **OTHER)
    r = await client.delete(
        f"/api/v1/events/{old['id']}/attendees/{other['id']}", headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    await add_attendee(client, kept["id"])
    await add_attendee(client, recent["id"])
    return {"old": old["id"], "kept": kept["id"], "recent": recent["id"]}


async def test_purge_erases_only_old_events_attendees_and_keeps_counts(client, events_db):
    events = await old_and_recent_events(client)
    before = {e: await participation(client, e) for e in events.values()}

    result = await purge_expired_pii_url(events_db, retention_days=730)
    assert result == PurgeResult(records=2, events=1)  # the archived record goes too
    assert await attendees_by_event(events_db) == {events["kept"]: 1, events["recent"]: 1}
    assert {e: await participation(client, e) for e in events.values()} == before
    assert (await purge_expired_pii_url(events_db, retention_days=730)) == PurgeResult(0, 0)

    # A shorter retention reaches the event ended 700 days ago, not last month's.
    assert await purge_expired_pii_url(events_db, retention_days=365) == PurgeResult(1, 1)
    assert await attendees_by_event(events_db) == {events["recent"]: 1}
    assert await participation(client, events["kept"]) == before[events["kept"]]

    found = await client.post(
        "/api/v1/data-subject-requests/search",
        json={"document_type": "cc", "document_number": PERSON["document_number"]},
    )
    assert [x["event_id"] for x in found.json()["records"]] == [events["recent"]]
    log = await client.get("/api/v1/pii-access-log", params={"subject": "somos purge-pii"})
    assert sorted(
        (e["action"], e["event_id"], e["record_count"]) for e in log.json()["items"]
    ) == sorted([("retention-erase", events["old"], 2), ("retention-erase", events["kept"], 1)])


async def test_somos_purge_pii_prints_counts_and_no_personal_data(client, events_db, tmp_path):
    events = await old_and_recent_events(client)
    env = {
        "SOMOS_ENVIRONMENT": "production",
        "SOMOS_DATA_DIR": str(tmp_path),
        "SOMOS_EVENTS_DATABASE_URL": events_db,
        "SOMOS_EVENTS_PII_RETENTION_DAYS": "730",
        # The job holds no PII keys: erasing decrypts nothing.
        "SOMOS_EVENTS_PII_KEYS": "",
        "SOMOS_EVENTS_PII_HASH_KEY": "",
    }
    result = await asyncio.to_thread(run_somos, "purge-pii", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "events: erased the personal data of 2 attendee records (1 events ended more than "
        "730 days ago); anonymous counts kept"
    )
    for value in (*PERSON.values(), *OTHER.values()):
        assert str(value) not in result.stdout + result.stderr
    assert await attendees_by_event(events_db) == {events["kept"]: 1, events["recent"]: 1}
    bad = await asyncio.to_thread(
        run_somos, "purge-pii", env={**env, "SOMOS_EVENTS_PII_RETENTION_DAYS": "0"}
    )
    assert bad.returncode != 0
    assert bad.stderr.strip() == (
        "SOMOS_EVENTS_PII_RETENTION_DAYS: Input should be greater than or equal to 1"
    )


def test_kubernetes_runs_it_daily_with_the_events_database_and_no_pii_key():
    from tests.deploy.k8s_manifests import find, rendered

    docs = rendered("production")
    cron = find(docs, "CronJob", "purge-attendee-pii")
    minute, hour, *every_day = cron["spec"]["schedule"].split()
    assert every_day == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()
    assert cron["spec"]["concurrencyPolicy"] == "Forbid"
    pod = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["args"] == ["purge-pii"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    env = {e["name"]: e for e in container["env"]}
    assert set(env) == {"SOMOS_EVENTS_DATABASE_URL", "SOMOS_EVENTS_PII_RETENTION_DAYS"}
    events = find(docs, "Deployment", "events")
    (service,) = events["spec"]["template"]["spec"]["containers"]
    theirs = {e["name"]: e for e in service["env"]}
    for name in env:  # the same database secret, the same retention as the service
        assert env[name] == theirs[name]


def test_compose_runs_it_daily_like_the_purge_service():
    from tests.deploy.inventory import load_compose

    services = load_compose()["services"]
    purge = services["purge-pii"]
    assert purge["command"] == ["purge-pii", "--every", "${SOMOS_PURGE_PII_EVERY_SECONDS:-86400}"]
    assert purge["restart"] == "unless-stopped" and "ports" not in purge
    environment = purge["environment"]
    assert not [name for name in environment if name.startswith("SOMOS_EVENTS_PII_KEY")]
    for name in ("SOMOS_EVENTS_DATABASE_URL", "SOMOS_EVENTS_PII_RETENTION_DAYS"):
        assert environment[name] == services["events"]["environment"][name]
    assert purge["depends_on"] == {
        "migrate-events": {"condition": "service_completed_successfully"}
    }
