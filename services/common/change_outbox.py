"""The change feed's outbox in each service's database: the triggers that fill it (installed
by the services' migrations) and its retention (``somos purge``). How the feed is declared,
read and served is in ``services/common/changes.py``; why the triggers are deferred and
locked (commit order) is in its docstring.
"""

from __future__ import annotations

from typing import Any

import asyncpg
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.common.changes import (
    CHANNEL,
    COMMIT_ORDER_LOCK,
    HORIZON,
    SEQUENCE,
    TABLE,
    Announcement,
    ChangeFeed,
    ChangeSource,
)
from services.common.db import asyncpg_dsn
from services.common.settings import ChangeRetentionDays

# --- the outbox in the database (migrations) ----------------------------------------------


def _append_function() -> str:
    return f"""
CREATE OR REPLACE FUNCTION changes_append(
    change_type text, resource text, resource_id uuid, version integer,
    municipality_code text, path text
) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    -- Runs at commit (deferred triggers); the lock is held until the commit is visible, so
    -- positions become visible in increasing order (see services/common/changes.py).
    PERFORM pg_advisory_xact_lock({COMMIT_ORDER_LOCK});
    INSERT INTO {TABLE} (position, type, resource, resource_id, version, municipality_code,
                         path, occurred_at)
    VALUES (nextval('{SEQUENCE}'), change_type, resource, resource_id, version,
            municipality_code, path, clock_timestamp());
    PERFORM pg_notify('{CHANNEL}', change_type || ' ' || coalesce(municipality_code, ''));
END
$fn$"""


def _record_function(source: ChangeSource) -> str:
    update_kind = ""
    if source.archivable:
        update_kind += (
            "        IF OLD.archived_at IS NULL AND NEW.archived_at IS NOT NULL THEN\n"
            "            kind := 'archived';\n"
            "        END IF;\n"
        )
    if source.transitions:
        cases = " ".join(f"WHEN '{t.status}' THEN '{t.verb}'" for t in source.transitions)
        update_kind += (
            "        IF kind = 'updated' AND NEW.status IS DISTINCT FROM OLD.status THEN\n"
            f"            kind := CASE NEW.status {cases} ELSE 'updated' END;\n"
            "        END IF;\n"
        )
    version = "r.version" if source.versioned else "1"
    return f"""
CREATE OR REPLACE FUNCTION changes_record_{source.table}() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    r {source.table}%ROWTYPE;
    kind text := 'updated';
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := OLD;
        kind := '{source.deleted_verb or "deleted"}';
    ELSIF TG_OP = 'INSERT' THEN
        r := NEW;
        kind := 'created';
    ELSE
        r := NEW;
{update_kind}    END IF;
    PERFORM changes_append('{source.type}.' || kind, '{source.resource}',
                           r.{source.id_column}, {version}, {source.municipality},
                           {source.path});
    RETURN NULL;
END
$fn$"""


def _triggers(source: ChangeSource) -> list[str]:
    function = f"changes_record_{source.table}()"
    head = "CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON " + source.table
    tail = f" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW {{when}}EXECUTE FUNCTION {function}"
    changed = (
        "OLD.version IS DISTINCT FROM NEW.version"
        if source.versioned
        else "OLD.* IS DISTINCT FROM NEW.*"
    )
    statements = [
        (head + tail).format(name="changes_on_insert", event="INSERT", when=""),
        (head + tail).format(name="changes_on_update", event="UPDATE", when=f"WHEN ({changed}) "),
    ]
    if source.deleted_verb:
        statements.append((head + tail).format(name="changes_on_delete", event="DELETE", when=""))
    return statements


def install_statements(feed: ChangeFeed) -> list[str]:
    """SQL creating the outbox table, its functions and every source's triggers."""
    statements = [
        f"CREATE SEQUENCE {SEQUENCE}",
        f"""CREATE TABLE {TABLE} (
    position bigint NOT NULL,
    type varchar(80) NOT NULL,
    resource varchar(60) NOT NULL,
    resource_id uuid NOT NULL,
    version integer NOT NULL,
    municipality_code varchar(5),
    path varchar(400) NOT NULL,
    occurred_at timestamptz NOT NULL,
    CONSTRAINT pk_{TABLE} PRIMARY KEY (position)
)""",
        f"ALTER SEQUENCE {SEQUENCE} OWNED BY {TABLE}.position",
        f"""CREATE TABLE {HORIZON} (
    one boolean NOT NULL DEFAULT true,
    through_position bigint NOT NULL,
    CONSTRAINT pk_{HORIZON} PRIMARY KEY (one),
    CONSTRAINT ck_{HORIZON}_one_row CHECK (one)
)""",
        f"CREATE INDEX ix_{TABLE}_occurred_at ON {TABLE} (occurred_at)",
        # Callers limited to municipalities or departments read their rows without scanning
        # everyone else's.
        f"CREATE INDEX ix_{TABLE}_municipality_code_position ON {TABLE} "
        "(municipality_code, position)",
        f"CREATE INDEX ix_{TABLE}_department_position ON {TABLE} "
        "(left(municipality_code, 2), position)",
        _append_function(),
    ]
    for source in feed.sources:
        statements.append(_record_function(source))
        statements += _triggers(source)
    return statements


def uninstall_statements(feed: ChangeFeed) -> list[str]:
    """SQL dropping what ``install_statements`` created."""
    statements: list[str] = []
    for source in feed.sources:
        for trigger in ("changes_on_insert", "changes_on_update", "changes_on_delete"):
            statements.append(f"DROP TRIGGER IF EXISTS {trigger} ON {source.table}")
        statements.append(f"DROP FUNCTION IF EXISTS changes_record_{source.table}()")
    statements += [
        "DROP FUNCTION IF EXISTS changes_append(text, text, uuid, integer, text, text)",
        f"DROP TABLE IF EXISTS {HORIZON}",
        f"DROP TABLE IF EXISTS {TABLE}",
    ]
    return statements


def announcement_statements(source: ChangeSource, announcement: Announcement) -> list[str]:
    """SQL for an announced change type: a deferred trigger on the notices table appending
    ``<type>.<verb>`` for the source row a new notice names (its version, territory and path
    as the row is at commit), so the change commits with its notice, in commit order. The
    notices table itself is the migration's."""
    function = f"changes_announce_{announcement.notices}()"
    version = "r.version" if source.versioned else "1"
    return [
        f"""
CREATE OR REPLACE FUNCTION {function} RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    r {source.table}%ROWTYPE;
BEGIN
    SELECT * INTO STRICT r FROM {source.table}
    WHERE {source.id_column} = NEW.{announcement.key};
    PERFORM changes_append('{source.type}.{announcement.verb}', '{source.resource}',
                           r.{source.id_column}, {version}, {source.municipality},
                           {source.path});
    RETURN NULL;
END
$fn$""",
        f"CREATE CONSTRAINT TRIGGER changes_on_insert AFTER INSERT ON {announcement.notices} "
        f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {function}",
    ]


def drop_announcement_statements(announcement: Announcement) -> list[str]:
    """SQL dropping what ``announcement_statements`` created."""
    return [
        f"DROP TRIGGER IF EXISTS changes_on_insert ON {announcement.notices}",
        f"DROP FUNCTION IF EXISTS changes_announce_{announcement.notices}()",
    ]


def install(op: Any, feed: ChangeFeed) -> None:
    """Create the feed from a migration."""
    for statement in install_statements(feed):
        op.execute(statement)


def uninstall(op: Any, feed: ChangeFeed) -> None:
    """Drop the feed from a migration's downgrade."""
    for statement in uninstall_statements(feed):
        op.execute(statement)


# --- retention --------------------------------------------------------------------------------


class ChangeRetentionSettings(BaseSettings):
    """What `somos purge` reads (``SOMOS_CHANGES_RETENTION_DAYS``): it needs no secrets."""

    model_config = SettingsConfigDict(env_prefix="SOMOS_", extra="ignore", env_ignore_empty=True)

    changes_retention_days: ChangeRetentionDays = 90


async def purge_changes(url: str, *, retention_days: int) -> int:
    """Delete changes older than ``retention_days`` days (never the newest one, which keeps
    the sequence's position); how many."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            gone = await conn.fetchrow(
                f"WITH gone AS (DELETE FROM {TABLE} "
                "WHERE occurred_at < now() - make_interval(days => $1) "
                f"AND position < (SELECT max(position) FROM {TABLE}) RETURNING position) "
                "SELECT count(*) AS count, max(position) AS through FROM gone",
                retention_days,
            )
            if gone["through"] is not None:
                await conn.execute(
                    f"INSERT INTO {HORIZON} (through_position) VALUES ($1) "
                    "ON CONFLICT (one) DO UPDATE SET through_position = "
                    f"greatest({HORIZON}.through_position, excluded.through_position)",
                    gone["through"],
                )
    finally:
        await conn.close()
    return int(gone["count"])
