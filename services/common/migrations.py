"""Alembic, programmatically: one environment per service under ``migrations/<service>``."""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

import migrations as migrations_package
from services.common.db import metadata, sqlalchemy_url

MIGRATIONS_ROOT = Path(migrations_package.__file__).parent


def version_table(service: str) -> str:
    return f"alembic_version_{service}"


def alembic_config(service: str, url: str) -> Config:
    """An Alembic config for ``service`` pointed at ``url`` (no alembic.ini needed)."""
    location = MIGRATIONS_ROOT / service
    if not location.is_dir():
        raise ValueError(f"no migrations for service {service!r}")
    config = Config()
    config.set_main_option("script_location", str(location))
    config.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    config.attributes["service"] = service
    return config


def upgrade(service: str, url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(service, url), revision)


def downgrade(service: str, url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(service, url), revision)


def _scripts(service: str) -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_ROOT / service))
    return ScriptDirectory.from_config(config)


def head_revisions(service: str) -> set[str]:
    return set(_scripts(service).get_heads())


def known_revisions(service: str) -> set[str]:
    """Every revision this release's code carries (older ones and the heads)."""
    return {script.revision for script in _scripts(service).walk_revisions()}


def migration_problem(
    service: str, current: set[str], heads: set[str], known: set[str]
) -> str | None:
    """Why the database does not suit this code, or None.

    At the heads: ready. At an older revision this code knows: not ready (migrate first).
    At a revision this code does not know: a newer release has migrated (expand/contract
    keeps older code working), so the old pods of a rolling deploy stay ready.
    """
    if current == heads or (current and not current <= known):
        return None
    return (
        f"migrations not at head: database at {sorted(current) or 'none'}, "
        f"code expects {sorted(heads)}; run `somos migrate {service}`"
    )


async def current_revisions(conn: AsyncConnection, service: str) -> set[str]:
    """Revisions recorded in the database (empty when never migrated)."""
    table = version_table(service)
    exists = await conn.scalar(sa.text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table})
    if not exists:
        return set()
    rows = await conn.execute(sa.text(f"SELECT version_num FROM {table}"))
    return {r[0] for r in rows}


def run_env(service: str, target_metadata: sa.MetaData | None = None) -> None:
    """Body of every service's ``env.py``: online migrations through the asyncpg engine."""
    from alembic import context

    config = context.config
    url = config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url must be set (use services.common.migrations.alembic_config)"

    def do_run(connection: sa.Connection) -> None:
        context.configure(
            connection=connection,
            target_metadata=target_metadata or metadata,
            version_table=version_table(service),
            compare_type=True,
            transaction_per_migration=False,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run_async() -> None:
        engine = create_async_engine(url, poolclass=sa.pool.NullPool)
        async with engine.connect() as connection:
            await connection.run_sync(do_run)
            await connection.commit()
        await engine.dispose()

    if context.is_offline_mode():
        context.configure(
            url=url,
            target_metadata=target_metadata or metadata,
            version_table=version_table(service),
            literal_binds=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(run_async())
