"""How the lean path writes a page (``fastlist``): straight from the rows where it can.

Three ways, fastest first, each checked byte for byte against the route by the comparison
tests (``tests/*/lean``) and ``tests/common/test_fastlist_plain.py``:

- **plain pages** (``plain_fields``): every field of the item model is a column written as it
  is; ``pydantic_core.to_json`` writes the rows without validating them;
- **plain pages with computed fields** (``computed_layout``): the same, except for a few
  fields a service computes per row (disclosure control, a deadline) as JSON-ready values;
- **native timestamps** (``native_twin``): untouched rows validated by a twin of the page
  model without ``UtcDatetime``'s Python serializer.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, PlainSerializer, TypeAdapter, create_model

from services.common.auth import Principal
from services.common.schemas import utc_iso


# Serializing a page of raw rows without a Python call per timestamp. ``UtcDatetime`` calls
# ``utc_iso`` for every timestamp (a page of 200 organizations: 600 calls, about half the
# dump). Rows straight from asyncpg carry ``timestamptz`` values in UTC already, which
# pydantic's own serializer writes the same way (``...T09:00:00Z``, microseconds only when
# there are any). So pages whose items are those rows, untouched (no ``item``, ``per_caller``
# or JSON columns), are dumped by a twin of the page model without that serializer; the
# comparison tests check the bytes.
def _is_utc_serializer(meta: Any) -> bool:
    return isinstance(meta, PlainSerializer) and meta.func is utc_iso


def _native_annotation(annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        kept = [m for m in meta if not _is_utc_serializer(m)]
        inner = _native_annotation(base)
        return Annotated[(inner, *kept)] if kept else inner  # type: ignore[valid-type]
    if origin in (Union, UnionType):
        return Union[tuple(_native_annotation(a) for a in get_args(annotation))]  # noqa: UP007
    if origin is list:
        return list[_native_annotation(get_args(annotation)[0])]  # type: ignore[misc]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return native_twin(annotation)
    return annotation


@cache
def native_twin(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` with ``UtcDatetime``'s Python serializer dropped, field for field."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        twin = copy(info)
        twin.metadata = [m for m in info.metadata if not _is_utc_serializer(m)]
        twin.annotation = _native_annotation(info.annotation)
        fields[name] = (twin.annotation, twin)
    return create_model(  # type: ignore[no-any-return,call-overload]
        model.__name__, __config__=ConfigDict(**model.model_config), **fields
    )


# Pages whose items are plain columns need no validation at all. When every field of the item
# model is a string, integer, boolean, UUID, aware timestamp, date, text-valued enum, or a
# list or optional of those (no float: a NUMERIC column arrives as Decimal), the row's values
# are already what the model would hold, and ``pydantic_core.to_json`` writes them exactly as
# the model's serializer does (UUIDs and enums as their text, UTC timestamps with ``Z``).
# The row's columns must be the model's fields, in order (checked on every page). An enum
# column holding an unknown code is written as it is, where the route would fail with a 500.
_PLAIN = (str, int, bool, uuid.UUID, datetime, date)


def _plain_annotation(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        return all(_is_utc_serializer(m) for m in meta) and _plain_annotation(base)
    if origin in (Union, UnionType):
        return all(a is type(None) or _plain_annotation(a) for a in get_args(annotation))
    if origin is list:
        return _plain_annotation(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return all(isinstance(m.value, str) for m in annotation)
    return annotation in _PLAIN


def _has_hooks(model: type[BaseModel]) -> bool:
    hooks = model.__pydantic_decorators__
    return any(
        (
            hooks.validators,
            hooks.field_validators,
            hooks.root_validators,
            hooks.field_serializers,
            hooks.model_serializers,
            hooks.model_validators,
            hooks.computed_fields,
        )
    )


@cache
def plain_fields(page: type[BaseModel]) -> tuple[str, ...] | None:
    """The item model's field names when its items can be written straight from rows."""
    items = page.model_fields["items"].annotation
    if get_origin(items) is not list:
        return None
    model = get_args(items)[0]
    if not (isinstance(model, type) and issubclass(model, BaseModel)) or _has_hooks(model):
        return None
    for info in model.model_fields.values():
        if info.metadata and not all(_is_utc_serializer(m) for m in info.metadata):
            return None
        if not _plain_annotation(info.annotation):
            return None
    return tuple(model.model_fields)


def plain_row(row: Any, names: tuple[str, ...]) -> bool:
    """The row's columns are the model's fields, holding values written as they are (no
    Decimal or float: a model's float field would write them otherwise)."""
    return tuple(row.keys()) == names and all(
        value is None or isinstance(value, _PLAIN_VALUES) for value in row.values()
    )


_PLAIN_VALUES = (str, int, uuid.UUID, datetime, date, list)


# Pages whose items are plain columns except for a few computed fields. Events show their
# trust survey under the caller's disclosure level, plans their approval deadline: the
# service's function computes those fields for a row (JSON-ready: dicts, lists, floats,
# text), every other field is the column of the same name, written as it is. The fields are
# written in the item model's order, as the model writes them.


@dataclass(frozen=True)
class Computed:
    """Item fields computed per row by a service: ``fields`` names them; ``per_caller(app,
    principal)`` returns, once per request, the function giving a row's values for them."""

    fields: tuple[str, ...]
    per_caller: Callable[[Any, Principal], Callable[[Mapping[str, Any]], Mapping[str, Any]]]


@cache
def computed_layout(page: type[BaseModel], fields: tuple[str, ...]) -> tuple[str, ...]:
    """The item model's field names, in order, when every field but ``fields`` is a plain
    column; ``TypeError`` otherwise (a list declared so cannot be written from its rows)."""
    model = _item_model(page)
    names = tuple(model.model_fields)
    unknown = set(fields) - set(names)
    if unknown:
        raise TypeError(f"{model.__name__} has no field {sorted(unknown)}")
    if _has_hooks(model):
        raise TypeError(f"{model.__name__} has validators or serializers of its own")
    for name, info in model.model_fields.items():
        if name in fields:
            continue
        plain = all(_is_utc_serializer(m) for m in info.metadata)
        if not (plain and _plain_annotation(info.annotation)):
            raise TypeError(f"{model.__name__}.{name} is not a plain column")
    return names


def computed_items(
    rows: Sequence[Any],
    layout: tuple[str, ...],
    fields: tuple[str, ...],
    computed: Callable[[Mapping[str, Any]], Mapping[str, Any]],
) -> list[dict[str, Any]] | None:
    """The page's items for ``to_json``, or None when a column holds a value the page model
    would write otherwise (``Decimal``, ``float``)."""
    items = []
    for row in rows:
        values = computed(row)
        item = {}
        for name in layout:
            if name in fields:
                item[name] = values[name]
                continue
            value = row[name]
            if value is not None and not isinstance(value, _PLAIN_VALUES):
                return None
            item[name] = value
        items.append(item)
    return items


def _item_model(page: type[BaseModel]) -> type[BaseModel]:
    items = page.model_fields["items"].annotation
    model = get_args(items)[0] if get_origin(items) is list else None
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise TypeError(f"{page.__name__}.items is not a list of models")
    return model


def json_value(value: Any) -> Any:
    """A JSON(B) column's value as Python (the raw pool returns it as text)."""
    return json.loads(value) if isinstance(value, str) else value


def as_written(adapter: TypeAdapter[Any], value: Any) -> Any:
    """``value`` (a JSON column's text, as the raw pool returns it, or a Python value)
    validated by ``adapter`` (a field's type) and given back as the JSON values the model
    would write for it (nested models as dicts, enums as codes, timestamps as text), for
    ``to_json`` to write unchanged."""
    if isinstance(value, str | bytes):
        return adapter.dump_python(adapter.validate_json(value), mode="json")
    return adapter.dump_python(adapter.validate_python(value), mode="json")


class JsonField:
    """A JSON column written as the item model writes its field of type ``annotation``.

    Validating and dumping a nested structure with pydantic costs more per row than the
    rest of the page. Where the type is made of text, integers, floats, booleans, text
    enums, lists, dicts and plain nested models (no dates, aliases or serializers), the
    decoded value is reshaped directly: each model's fields in declaration order, extra keys
    dropped, enum codes checked, integers written as floats where the field is a float. Any
    value that does not fit exactly (a missing field, a text where a number belongs, an
    unknown code) goes through ``as_written`` instead, which gives the model's own answer
    (or its error)."""

    def __init__(self, annotation: Any) -> None:
        self.adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        self.shape = _shaper(annotation)

    def __call__(self, value: Any) -> Any:
        if self.shape is not None:
            try:
                return self.shape(json_value(value))
            except _Unfit:
                pass
        return as_written(self.adapter, value)


class _Unfit(Exception):
    """A value the direct reshaping does not take as it is."""


Shape = Callable[[Any], Any]


def _typed(*types: type) -> Shape:
    def shape(value: Any) -> Any:
        if type(value) not in types:
            raise _Unfit
        return value

    return shape


def _number(value: Any) -> float:
    if type(value) not in (int, float):
        raise _Unfit
    return float(value)


def _code(enum: type[Enum]) -> Shape:
    codes = frozenset(m.value for m in enum)

    def shape(value: Any) -> Any:
        if type(value) is not str or value not in codes:
            raise _Unfit
        return value

    return shape


def _optional(inner: Shape) -> Shape:
    return lambda value: None if value is None else inner(value)


def _list(inner: Shape) -> Shape:
    def shape(value: Any) -> Any:
        if type(value) is not list:
            raise _Unfit
        return [inner(v) for v in value]

    return shape


def _dict(key: Shape, inner: Shape) -> Shape:
    def shape(value: Any) -> Any:
        if type(value) is not dict:
            raise _Unfit
        return {key(k): inner(v) for k, v in value.items()}

    return shape


def _model(fields: list[tuple[str, Shape]]) -> Shape:
    def shape(value: Any) -> Any:
        if type(value) is not dict:
            raise _Unfit
        try:
            return {name: inner(value[name]) for name, inner in fields}
        except KeyError:
            raise _Unfit from None  # a default the model would fill in

    return shape


def _shaper(annotation: Any) -> Shape | None:
    """The direct reshaping of a value of this type, or None where only pydantic knows."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, UnionType):
        others = [a for a in args if a is not type(None)]
        inner = _shaper(others[0]) if len(others) == 1 and len(args) == 2 else None
        return None if inner is None else _optional(inner)
    if origin is list:
        inner = _shaper(args[0])
        return None if inner is None else _list(inner)
    if origin is dict:
        key, inner = _shaper(args[0]), _shaper(args[1])
        return None if key is None or inner is None else _dict(key, inner)
    if origin is not None:
        return None
    if annotation is str:
        return _typed(str)
    if annotation is int:
        return _typed(int)
    if annotation is bool:
        return _typed(bool)
    if annotation is float:
        return _number
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _code(annotation) if all(isinstance(m.value, str) for m in annotation) else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if _has_hooks(annotation) or annotation.model_config.get("extra") == "allow":
            return None
        fields: list[tuple[str, Shape]] = []
        for name, info in annotation.model_fields.items():
            if info.alias or info.serialization_alias or info.exclude:
                return None
            if any(isinstance(m, PlainSerializer) for m in info.metadata):
                return None
            inner = _shaper(info.annotation)
            if inner is None:
                return None
            fields.append((name, inner))
        return _model(fields)
    return None
