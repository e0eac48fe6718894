"""Column helpers shared by every service's tables."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Field


def utcnow() -> datetime:
    return datetime.now(UTC)


def id_field() -> uuid.UUID:
    return Field(default_factory=uuid.uuid4, primary_key=True)  # type: ignore[no-any-return]


def timestamp_field(*, nullable: bool = False) -> datetime:
    """A timezone-aware timestamp column (UTC), set to now unless nullable."""
    if nullable:
        return Field(
            default=None,
            sa_type=sa.DateTime(timezone=True),  # type: ignore[no-any-return,call-overload]
            nullable=True,
        )
    return Field(
        default_factory=utcnow,
        sa_type=sa.DateTime(timezone=True),  # type: ignore[no-any-return,call-overload]
        nullable=False,
    )
