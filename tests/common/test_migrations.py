"""Every service's migrations: up, down to base, up again, and matching the models."""

from __future__ import annotations

import asyncio
import importlib
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from services.common import migrations
from services.common.db import NAMING_CONVENTION, sqlalchemy_url
from services.common.idempotency import TABLE as IDEMPOTENCY_TABLE
from services.common.testing import migrated_database
from somos.registry import database_services

SERVICES = [s.name for s in database_services()]


def service_metadata(service: str) -> sa.MetaData:
    """Only the tables declared in ``services.<service>.models``."""
    module = importlib.import_module(f"services.{service}.models")
    md = sa.MetaData(naming_convention=NAMING_CONVENTION)
    for obj in vars(module).values():
        if (
            isinstance(obj, type)
            and issubclass(obj, SQLModel)
            and hasattr(obj, "__table__")
            and obj.__module__ == module.__name__
        ):
            obj.__table__.to_metadata(md)
    return md


async def table_names(url: str) -> set[str]:
    engine = create_async_engine(sqlalchemy_url(url))
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda c: set(sa.inspect(c).get_table_names()))
    await engine.dispose()
    return names


@pytest.mark.parametrize("service", SERVICES)
async def test_upgrade_downgrade_upgrade_on_empty_database(postgres_admin_url, service):
    async with migrated_database(postgres_admin_url, service) as url:
        after_up = await table_names(url)
        assert IDEMPOTENCY_TABLE in after_up
        assert set(service_metadata(service).tables) <= after_up
        await asyncio.to_thread(migrations.downgrade, service, url, "base")
        assert await table_names(url) == {migrations.version_table(service)}
        await asyncio.to_thread(migrations.upgrade, service, url, "head")
        assert await table_names(url) == after_up


@pytest.mark.parametrize("service", SERVICES)
async def test_migrated_schema_matches_the_models(postgres_admin_url, service):
    metadata = service_metadata(service)

    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "table":
            return name in metadata.tables
        return True

    async with migrated_database(postgres_admin_url, service) as url:
        engine = create_async_engine(sqlalchemy_url(url))
        async with engine.connect() as conn:
            diff = await conn.run_sync(
                lambda c: compare_metadata(
                    MigrationContext.configure(
                        c, opts={"include_object": include, "compare_type": True}
                    ),
                    metadata,
                )
            )
        await engine.dispose()
    assert diff == [], f"models and migrations of {service} differ: {diff}"
