"""Pydantic building blocks shared by every service's request and response models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer


def utc_iso(value: datetime) -> str:
    """RFC 3339 in UTC with a trailing Z (naive values are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# Timestamps leave the API in UTC with a trailing Z, whatever offset they came in with.
UtcDatetime = Annotated[datetime, PlainSerializer(utc_iso, return_type=str, when_used="json")]


class InputModel(BaseModel):
    """Base of request bodies: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OutputModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TransitionRequest(InputModel):
    """Body of every transition endpoint: the target status and, where needed, a reason."""

    to: str = Field(min_length=1, max_length=40, examples=["approved"])
    reason: str | None = Field(default=None, min_length=1, max_length=2000)


NonEmptyStr = Annotated[str, Field(min_length=1)]
