"""The record kit on a real PostgreSQL: the columns it declares, bump_version, flush, id reuse."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

# Imported to register every service's tables in SQLModel.metadata.
import services.events.models
import services.organizations.models
import services.security_plans.models  # noqa: F401
from services.common.db import NAMING_CONVENTION, sqlalchemy_url
from services.common.errors import Conflict
from services.common.records import (
    ID_IN_USE,
    Archivable,
    IdReused,
    Record,
    RecordId,
    Versioned,
    VersionedRecord,
    archive,
    bump_version,
    flush,
    replay_or_refuse,
    same_content,
)
from services.common.testing import migrated_database

# The kit's test tables live in their own metadata: the services' metadata (what migrations
# are checked against) never sees them.
kit_registry = registry(metadata=sa.MetaData(naming_convention=NAMING_CONVENTION))


class KitBase(SQLModel, registry=kit_registry):
    """Tables of this test only."""


class KitThing(KitBase, Record, table=True):
    __tablename__ = "kit_things"
    __table_args__ = (
        sa.UniqueConstraint("name"),
        sa.Index(
            "uq_kit_things_code_live",
            "code",
            unique=True,
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
    )

    name: str = Field(max_length=200)
    code: str = Field(max_length=5)


class KitReport(KitBase, VersionedRecord, table=True):
    __tablename__ = "kit_reports"

    period: str = Field(max_length=7)


class DuplicateThing(Conflict):
    slug, title = "duplicate-thing", "A thing with that name exists"


KIT_COLUMNS = ("id", "version", "created_at", "updated_at", "archived_at")
ERRORS = {"uq_kit_things_name": lambda: DuplicateThing("A thing with that name exists.")}


def _spec(column: sa.Column[Any]) -> tuple[Any, ...]:
    default = column.default
    return (
        repr(column.type),
        column.nullable,
        column.primary_key,
        column.server_default,
        None if default is None else (default.is_callable, getattr(default, "arg", None)),
    )


def test_the_mixins_declare_the_columns_every_service_table_has():
    kit = {name: _spec(KitThing.__table__.c[name]) for name in KIT_COLUMNS}  # type: ignore[attr-defined]
    compared = 0
    for table in SQLModel.metadata.sorted_tables:
        for name in KIT_COLUMNS:
            if name in table.c:
                column = table.c[name]
                spec = _spec(column)
                # Callable defaults differ by function object; compare what they are.
                assert spec[:4] == kit[name][:4], f"{table.name}.{name}"
                assert (spec[4] is None) == (kit[name][4] is None), f"{table.name}.{name}"
                if spec[4] is not None and not spec[4][0]:
                    assert spec[4] == kit[name][4], f"{table.name}.{name}"
                compared += 1
    assert compared >= 80


def test_record_is_made_of_the_three_mixins_in_column_order():
    assert list(KitThing.__table__.c.keys())[:5] == list(KIT_COLUMNS)  # type: ignore[attr-defined]
    assert list(KitReport.__table__.c.keys())[:4] == list(KIT_COLUMNS[:4])  # type: ignore[attr-defined]
    assert issubclass(Record, RecordId) and issubclass(Record, Versioned)
    assert issubclass(Record, Archivable) and not issubclass(VersionedRecord, Archivable)
    thing = KitThing(name="x", code="52835")
    assert isinstance(thing.id, uuid.UUID) and thing.version == 1 and thing.archived_at is None
    assert thing.created_at.tzinfo is not None


@pytest.fixture(scope="module")
async def kit_engine(postgres_admin_url: str) -> AsyncIterator[AsyncEngine]:
    """The migrated organizations database with the kit's test tables next to its own."""
    async with migrated_database(postgres_admin_url, "organizations") as url:
        engine = create_async_engine(sqlalchemy_url(url))
        async with engine.begin() as conn:
            await conn.run_sync(kit_registry.metadata.create_all)
        yield engine
        await engine.dispose()


@pytest.fixture
async def session(kit_engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session whose work is rolled back at the end of the test."""
    async with kit_engine.connect() as conn:
        transaction = await conn.begin()
        async with AsyncSession(
            bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
        ) as session:
            yield session
        await transaction.rollback()


async def _columns(session: AsyncSession, table: str) -> dict[str, tuple[Any, ...]]:
    rows = await session.execute(
        sa.text(
            "SELECT column_name, data_type, udt_name, is_nullable, column_default, "
            "character_maximum_length FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = :table"
        ),
        {"table": table},
    )
    return {r[0]: tuple(r[1:]) for r in rows}


async def test_created_columns_equal_the_migrated_service_tables(session):
    organizations = await _columns(session, "organizations")
    assessments = await _columns(session, "assessments")
    things = await _columns(session, "kit_things")
    reports = await _columns(session, "kit_reports")
    for name in KIT_COLUMNS:
        assert things[name] == organizations[name], name
    for name in KIT_COLUMNS[:4]:
        assert reports[name] == assessments[name], name
    assert "archived_at" not in reports and "archived_at" not in assessments
    assert things["id"] == ("uuid", "uuid", "NO", None, None)
    primary_keys = await session.execute(
        sa.text(
            "SELECT conname FROM pg_constraint WHERE contype = 'p' "
            "AND conrelid IN ('kit_things'::regclass, 'organizations'::regclass) ORDER BY 1"
        )
    )
    assert primary_keys.scalars().all() == ["pk_kit_things", "pk_organizations"]


async def test_flush_maps_a_registered_constraint_to_its_typed_error(session):
    session.add(KitThing(name="Asociación", code="52835"))
    await flush(session, ERRORS)
    session.add(KitThing(name="Asociación", code="05001"))
    with pytest.raises(DuplicateThing) as caught:
        await flush(session, ERRORS)
    assert caught.value.status == 409
    assert caught.value.detail == "A thing with that name exists."
    assert isinstance(caught.value.__cause__, IntegrityError)


async def test_flush_maps_a_partial_unique_index_by_its_name(session):
    session.add(KitThing(name="a", code="52835"))
    session.add(KitThing(name="b", code="52835"))
    errors = {"uq_kit_things_code_live": lambda: DuplicateThing("Code taken.")}
    with pytest.raises(DuplicateThing, match=r"Code taken\."):
        await flush(session, errors)


async def test_flush_reraises_constraints_nobody_registered(session):
    session.add(KitThing(name="a", code="52835"))
    session.add(KitThing(name="a", code="05001"))
    # A prefix of the name is not the name: only exact constraint names map.
    with pytest.raises(IntegrityError) as caught:
        await flush(session, {"uq_kit_things": lambda: DuplicateThing()})
    assert "uq_kit_things_name" in str(caught.value.orig)


async def test_flush_reraises_violations_without_a_constraint_name(session):
    session.add(KitThing(name="a", code=None))  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        await flush(session, ERRORS)


async def test_a_reused_primary_key_is_id_reused(session):
    taken = uuid.uuid4()
    session.add(KitReport(id=taken, period="2026-Q1"))
    await flush(session)
    session.add(KitReport(id=taken, period="2026-Q2"))
    with pytest.raises(IdReused) as caught:
        await flush(session, ERRORS)
    assert caught.value.status == 409
    assert caught.value.slug == "id-reused"
    assert caught.value.detail == ID_IN_USE == "That id is already in use."


async def test_a_registered_primary_key_wins_over_id_reused(session):
    taken = uuid.uuid4()
    session.add(KitReport(id=taken, period="2026-Q1"))
    await flush(session)
    session.add(KitReport(id=taken, period="2026-Q2"))
    with pytest.raises(DuplicateThing):
        await flush(session, {"pk_kit_reports": lambda: DuplicateThing("Taken.")})


async def test_id_reuse_can_be_left_to_the_caller(session):
    taken = uuid.uuid4()
    session.add(KitReport(id=taken, period="2026-Q1"))
    await flush(session)
    session.add(KitReport(id=taken, period="2026-Q2"))
    with pytest.raises(IntegrityError):
        await flush(session, id_reuse=False)


async def test_bump_version_and_archive_persist(session):
    thing = KitThing(name="Corporación", code="52835")
    session.add(thing)
    await flush(session)
    created = thing.updated_at
    await asyncio.sleep(0.001)
    assert bump_version(thing) is thing
    await flush(session)
    assert archive(thing) is True
    assert archive(thing) is False
    await flush(session)
    row = (
        await session.execute(
            sa.text("SELECT version, updated_at, archived_at FROM kit_things WHERE id = :id"),
            {"id": thing.id},
        )
    ).one()
    assert row.version == 3
    assert row.updated_at > created
    assert row.archived_at is not None and row.archived_at >= created


def test_replay_or_refuse():
    existing = KitThing(name="Asociación", code="52835")
    same = {"name": "Asociación", "code": "52835"}
    assert same_content(existing, same)
    assert replay_or_refuse(existing, same, what="Thing") is existing
    with pytest.raises(IdReused) as caught:
        replay_or_refuse(existing, {**same, "code": "05001"}, what="Thing")
    assert caught.value.detail == f"Thing {existing.id} already exists with other content."
    with pytest.raises(IdReused):
        replay_or_refuse(existing, same, what="Thing", visible=False)
