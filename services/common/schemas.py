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


def _not_nullable(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """In the JSON schema, a PATCH field refused as ``null`` is not declared nullable."""
    if not isinstance(model, type) or not issubclass(model, PatchModel):
        return
    properties: dict[str, Any] = schema.get("properties", {})
    for name in model.non_nullable_fields():
        prop = properties.get(name)
        if not isinstance(prop, dict) or "anyOf" not in prop:
            continue
        kept = [option for option in prop["anyOf"] if option != {"type": "null"}]
        if prop.get("default", ...) is None:
            del prop["default"]
        if len(kept) == 1:
            del prop["anyOf"]
            prop.update({k: v for k, v in kept[0].items() if k not in prop})
        else:
            prop["anyOf"] = kept


class PatchModel(InputModel):
    """Base of PATCH bodies: absent fields stay; ``null`` is refused for the record's required ones.

    List those fields in ``required_fields`` (or ``"*"``: every field but ``nullable_fields``);
    an explicit ``null`` for one is a 422 (``{"field": "body", "message": "<name> cannot be
    null"}``), for the first such field in list (or declaration) order. The JSON schema says
    so: those fields are not declared nullable (they may be left out).
    """

    model_config = ConfigDict(json_schema_extra=_not_nullable)

    required_fields: ClassVar[tuple[str, ...] | Literal["*"]] = ()
    nullable_fields: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def non_nullable_fields(cls) -> tuple[str, ...]:
        """The fields an explicit ``null`` is refused for."""
        if cls.required_fields == "*":
            return tuple(n for n in cls.model_fields if n not in cls.nullable_fields)
        return tuple(cls.required_fields)

    @model_validator(mode="after")
    def _required_stay_set(self) -> Self:
        for name in self.non_nullable_fields():
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
