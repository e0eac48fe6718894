"""Post-processing of a service's OpenAPI document: what the routes do but do not declare.

A create that accepts a client-supplied ``id`` answers **200** with the record as it is when it
is sent again with the same id and content (an offline client retrying), and 409 when the id
holds other content. Routes declare 201; ``document_replays`` adds the 200 to every such
operation, so every service (and any future one) documents it without repeating it per route.
Likewise ``document_parameter_text`` declares the control characters every free-text query
and path parameter refuses (a 422 naming it).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from fastapi import FastAPI

REPLAY_DESCRIPTION = (
    "Replay: a record with this client-supplied `id` and the same content already exists; "
    "it is answered as it is (a different content under the same `id` is a 409)."
)


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow local ``$ref``s to the schema they name (cycles stop at the first repeat)."""
    seen: set[str] = set()
    while "$ref" in schema and schema["$ref"] not in seen:
        ref = schema["$ref"]
        seen.add(ref)
        if not ref.startswith("#/"):
            break
        node: Any = document
        for part in ref[2:].split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        schema = node if isinstance(node, dict) else {}
    return schema


def _accepts_client_id(document: dict[str, Any], operation: dict[str, Any]) -> bool:
    content = operation.get("requestBody", {}).get("content", {})
    for media in content.values():
        schema = _resolve(document, media.get("schema", {}))
        if "id" in schema.get("properties", {}):
            return True
    return False


def replay_operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(path, operation) of every POST whose body takes an ``id`` and that declares a 201."""
    found = []
    for path, item in document.get("paths", {}).items():
        operation = item.get("post")
        if not isinstance(operation, dict):
            continue
        if "201" in operation.get("responses", {}) and _accepts_client_id(document, operation):
            found.append((path, operation))
    return found


def document_replays(document: dict[str, Any]) -> dict[str, Any]:
    """Declare the 200 replay (same content schema as the 201) on every create taking an id."""
    for _, operation in replay_operations(document):
        responses = operation["responses"]
        created = responses["201"]
        replay: dict[str, Any] = {"description": REPLAY_DESCRIPTION}
        if "content" in created:
            replay["content"] = copy.deepcopy(created["content"])
        if "headers" in created:
            replay["headers"] = copy.deepcopy(created["headers"])
        existing = responses.get("200")
        if existing and "content" in existing:
            replay["content"] = existing["content"]
        responses["200"] = replay
    return document


# What ``parameters.ControlCharacterMiddleware`` refuses in every query and path parameter:
# Unicode category Cc (C0 controls, DEL, C1 controls).
NO_CONTROL_CHARACTERS = "^[^\\x00-\\x1f\\x7f-\\x9f]*$"


def _declare_parameter_text(schema: dict[str, Any]) -> None:
    if schema.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(schema):
        schema["pattern"] = NO_CONTROL_CHARACTERS
    for option in schema.get("anyOf", []):
        if isinstance(option, dict):
            _declare_parameter_text(option)


def document_parameter_text(document: dict[str, Any]) -> dict[str, Any]:
    """Free-text query and path parameters declare that control characters are refused."""
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") in ("query", "path"):
                    _declare_parameter_text(parameter.get("schema", {}))
    return document


def install_contract_fixes(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the document with the undeclared answers declared."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_parameter_text(document_replays(build()))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


_PARAMETER = re.compile(r"\{([^}/]+)\}")
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class PathTemplate(NamedTuple):
    regex: re.Pattern[str]
    names: tuple[str, ...]
    methods: frozenset[str]


def path_templates(document: dict[str, Any]) -> list[PathTemplate]:
    """The document's paths as regexes; literal segments win over parameters when sorting."""
    templates = []
    for path, item in document.get("paths", {}).items():
        names = tuple(_PARAMETER.findall(path))
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else "([^/]+)"
            for i, part in enumerate(_PARAMETER.split(path))
        )
        methods = frozenset(m.upper() for m in _METHODS if m in item)
        templates.append(PathTemplate(re.compile(f"^{pattern}$"), names, methods))
    return sorted(templates, key=lambda t: len(t.names))


def _templates_of(app: Any) -> list[PathTemplate]:
    cached: list[PathTemplate] | None = getattr(app.state, "path_templates", None)
    if cached is None:
        cached = path_templates(app.openapi())
        app.state.path_templates = cached
    return cached


def match_path(app: Any, path: str) -> tuple[dict[str, str], frozenset[str]] | None:
    """(path parameters, documented methods) of the app's operation ``path`` falls under."""
    if app is None or not hasattr(app, "openapi"):
        return None
    for template in _templates_of(app):
        found = template.regex.match(path)
        if found:
            return dict(zip(template.names, found.groups(), strict=True)), template.methods
    return None
