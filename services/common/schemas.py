"""Pydantic building blocks shared by every service's request and response models."""

from __future__ import annotations

import re
import types
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal, Self, Union, get_args, get_origin

from annotated_types import MaxLen
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo


def utc_iso(value: datetime) -> str:
    """RFC 3339 in UTC with a trailing Z (naive values are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# Timestamps leave the API in UTC with a trailing Z, whatever offset they came in with.
UtcDatetime = Annotated[datetime, PlainSerializer(utc_iso, return_type=str, when_used="json")]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_MESSAGE = "must be a calendar date written YYYY-MM-DD"


def iso_calendar_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` text (or a ``date``) is a date: no numbers, timestamps or times.

    Pydantic's lax mode would read ``0`` or ``"0"`` as 1970-01-01; the contract says
    ``type: string, format: date``, so anything else is a 422 naming the field.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError(DATE_MESSAGE)


IsoDate = Annotated[date, BeforeValidator(iso_calendar_date)]
"""A calendar date as the contract states it (``format: date``): for query parameters."""


def _json_number(value: Any) -> Any:
    if isinstance(value, bool | str):
        raise ValueError("must be a JSON number")
    return value


def _json_timestamp(value: Any) -> Any:
    if not isinstance(value, str | datetime):
        raise ValueError("must be an RFC 3339 timestamp (e.g. 2025-03-14T09:00:00-05:00)")
    return value


def _scalar_kind(annotation: Any) -> type | None:
    """The JSON-relevant scalar type of a field (``date | None`` → date), if it is one."""
    options = (
        get_args(annotation)
        if get_origin(annotation) in (Union, types.UnionType)
        else (annotation,)
    )
    kinds = [get_args(o)[0] if get_origin(o) is Annotated else o for o in options]
    kinds = [o for o in kinds if o is not type(None)]
    if len(kinds) != 1 or not isinstance(kinds[0], type):
        return None
    kind = kinds[0]
    if issubclass(kind, bool):
        return None
    for scalar in (datetime, date, int, float, Decimal):
        if issubclass(kind, scalar):
            return scalar
    return None


_JSON_TYPE_CHECKS = {
    datetime: _json_timestamp,
    date: iso_calendar_date,
    int: _json_number,
    float: _json_number,
    Decimal: _json_number,
}


def _max_length(field: FieldInfo) -> int | None:
    """The ``max_length`` of a text field, also when it sits in ``Annotated[...] | None``."""
    metadata = list(field.metadata)
    annotation = field.annotation
    options = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
    for option in options:
        if get_origin(option) is Annotated:
            for extra in get_args(option)[1:]:
                metadata.extend(getattr(extra, "metadata", [extra]))
    lengths = [m.max_length for m in metadata if isinstance(m, MaxLen)]
    return min(lengths) if lengths else None


def _json_types(cls: type[BaseModel], value: Any, info: ValidationInfo) -> Any:
    """A body value has the JSON type its schema declares (no lax coercion from text or bool).

    Text is trimmed before its length is checked; what was sent may not be longer than
    ``maxLength`` either (the schema's ``maxLength`` counts what is sent).
    """
    if value is None or info.field_name is None:
        return value
    field = cls.model_fields.get(info.field_name)
    if isinstance(value, str) and field is not None:
        most = _max_length(field)
        if most is not None and len(value) > most:
            raise ValueError(f"String should have at most {most} characters")
    kind = _scalar_kind(field.annotation) if field is not None else None
    check = _JSON_TYPE_CHECKS.get(kind) if kind is not None else None
    return check(value) if check is not None else value


NO_NUL_PATTERN = "^[^\\x00]*$"
# What pydantic trims from text (Unicode White_Space), spelled the same in ECMA and Python.
_SPACE = "\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


def trimmed_text_pattern(min_length: int) -> str:
    """Text without NUL holding at least ``min_length`` characters once trimmed.

    Body text is trimmed before its length is checked (``str_strip_whitespace``), so ``" a"``
    is one character long: a schema with only ``minLength`` would call it valid. The sent
    text's ``maxLength`` needs no pattern: it is checked on what was sent as well.
    """
    if min_length <= 0:
        return NO_NUL_PATTERN
    space, edge = f"[{_SPACE}]*", f"[^\\x00{_SPACE}]"
    if min_length == 1:
        return f"^{space}{edge}(?:[^\\x00]*{edge})?{space}$"
    return f"^{space}{edge}[^\\x00]{{{min_length - 2},}}{edge}{space}$"


def _declare_text(node: Any) -> None:
    """Free text in a body schema declares what the server refuses: NUL characters, and
    fewer than ``minLength`` characters once trimmed."""
    if not isinstance(node, dict) or "$ref" in node:
        return
    if node.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(node):
        node["pattern"] = trimmed_text_pattern(node.get("minLength", 0))
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for option in node.get(key, []):
            _declare_text(option)
    for key in ("items", "additionalProperties"):
        _declare_text(node.get(key))


def _input_schema(schema: dict[str, Any], model: type[BaseModel]) -> None:
    for prop in schema.get("properties", {}).values():
        _declare_text(prop)
    _not_nullable(schema, model)


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
    cannot store them, so they would otherwise fail later as a 500 (the JSON schema says so
    with a pattern). Values have the JSON type the schema declares: a date is ``YYYY-MM-DD``
    text, a timestamp is text, a number is a number (not ``"1"`` or ``true``).
    """

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=_input_schema
    )

    _no_nul = field_validator("*", mode="after")(_refuse_nul)

    @field_validator("*", mode="before")
    @classmethod
    def _strict_json_types(cls, value: Any, info: ValidationInfo) -> Any:
        return _json_types(cls, value, info)


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
