"""Pydantic building blocks shared by every service's request and response models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)


def utc_iso(value: datetime) -> str:
    """RFC 3339 in UTC with a trailing Z (naive values are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# Timestamps leave the API in UTC with a trailing Z, whatever offset they came in with.
UtcDatetime = Annotated[datetime, PlainSerializer(utc_iso, return_type=str, when_used="json")]


def _refuse_nul(value: Any) -> Any:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
    elif isinstance(value, list | tuple | set):
        for item in value:
            _refuse_nul(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_nul(key)
            _refuse_nul(item)
    return value


class InputModel(BaseModel):
    """Base of request bodies: unknown fields are an error, not silently dropped.

    Text with NUL characters is refused with a 422 naming the field: PostgreSQL text
    cannot store them, so they would otherwise fail later as a 500.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    _no_nul = field_validator("*", mode="after")(_refuse_nul)


class PatchModel(InputModel):
    """Base of PATCH bodies: absent fields stay; ``null`` is refused for the record's required ones.

    List those fields in ``required_fields`` (or ``"*"``: every field but ``nullable_fields``);
    an explicit ``null`` for one is a 422 (``{"field": "body", "message": "<name> cannot be
    null"}``), for the first such field in list (or declaration) order.
    """

    required_fields: ClassVar[tuple[str, ...] | Literal["*"]] = ()
    nullable_fields: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _required_stay_set(self) -> Self:
        required = self.required_fields
        if required == "*":
            fields = type(self).model_fields
            required = tuple(n for n in fields if n not in self.nullable_fields)
        for name in required:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class OutputModel(BaseModel):
    """Base of response bodies: built from ORM rows or mappings alike."""

    model_config = ConfigDict(from_attributes=True)


class TransitionRequest(InputModel):
    """Body of every transition endpoint: the target status and, where needed, a reason."""

    to: str = Field(min_length=1, max_length=40, examples=["approved"])
    reason: str | None = Field(default=None, min_length=1, max_length=2000)


NonEmptyStr = Annotated[str, Field(min_length=1)]
