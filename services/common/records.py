"""The record kit: id/version/timestamp columns, version bumps, flush with typed errors, id reuse.

Every mutable table of a service is a ``Record`` (or ``VersionedRecord`` when it is never
archived); services change rows with ``bump_version`` and flush with ``flush(session, errors)``,
which turns the violated constraint's name into the typed error registered for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from services.common.errors import Conflict, DomainError
from services.common.models import timestamp_field, utcnow

ErrorFactory = Callable[[], DomainError]
"""Builds the typed error raised when one named constraint is violated."""

ID_IN_USE = "That id is already in use."


class IdReused(Conflict):
    """409: a client-sent id already belongs to a record with other content."""

    slug, title = "id-reused", "That id already belongs to different content"


class RecordId(SQLModel):
    """A UUID primary key: the client's own id (offline clients) or one generated here."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)


class Versioned(SQLModel):
    """An integer version (the ETag) and creation/last-change timestamps in UTC."""

    version: int = 1
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class Archivable(SQLModel):
    """When the record was archived (DELETE archives; null while it is live)."""

    archived_at: datetime | None = timestamp_field(nullable=True)


class VersionedRecord(Versioned, RecordId):
    """id + version + created_at + updated_at: a mutable record that is never archived."""


class Record(Archivable, Versioned, RecordId):
    """id + version + created_at + updated_at + archived_at: a mutable, archivable record."""


class HasVersion(Protocol):
    """Anything with a version and a last-change time (every ``Versioned`` row)."""

    version: int
    updated_at: datetime


class HasId(Protocol):
    """Anything with a UUID id."""

    @property
    def id(self) -> uuid.UUID: ...


VersionedT = TypeVar("VersionedT", bound=HasVersion)
IdentifiedT = TypeVar("IdentifiedT", bound=HasId)


def bump_version(row: VersionedT) -> VersionedT:
    """Record a change: version + 1 and ``updated_at`` now."""
    row.version += 1
    row.updated_at = utcnow()
    return row


def archive(row: Any) -> bool:
    """Set ``archived_at`` and bump the version unless already archived; True when it changed."""
    if row.archived_at is not None:
        return False
    row.archived_at = utcnow()
    bump_version(row)
    return True


def same_content(existing: Any, fields: Mapping[str, Any]) -> bool:
    """True when every field of a create body equals the stored record's value."""
    return all(getattr(existing, key) == value for key, value in fields.items())


def replay_or_refuse(
    existing: IdentifiedT, fields: Mapping[str, Any], *, what: str, visible: bool = True
) -> IdentifiedT:
    """A create whose client id exists: the record (replay, 200) if same content, else 409."""
    if visible and same_content(existing, fields):
        return existing
    raise IdReused(f"{what} {existing.id} already exists with other content.")


def violated_constraint(exc: IntegrityError) -> tuple[str | None, str | None]:
    """(constraint name, table name) that the database reported for an integrity error."""
    error: BaseException | None = exc.orig
    while error is not None:
        name = getattr(error, "constraint_name", None)
        if name is not None:
            return name, getattr(error, "table_name", None)
        error = error.__cause__
    return None, None


async def flush(
    session: AsyncSession,
    errors: Mapping[str, ErrorFactory] | None = None,
    *,
    id_reuse: bool = True,
) -> None:
    """Flush; a violated constraint registered in ``errors`` raises its typed error.

    With ``id_reuse`` a violated primary key (``pk_<table>``, the naming convention) is an
    ``IdReused`` 409 unless ``errors`` names it; any other violation is re-raised unchanged.
    """
    try:
        await session.flush()
    except IntegrityError as exc:
        name, table = violated_constraint(exc)
        factory = (errors or {}).get(name) if name is not None else None
        if factory is not None:
            raise factory() from exc
        if id_reuse and name is not None and table is not None and name == f"pk_{table}":
            raise IdReused(ID_IN_USE) from exc
        raise
