"""One OpenAPI 3.1 document: the services' documents merged in-process, plus the gateway's."""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable, Mapping
from typing import Any

from services.common.catalog import SERVICES, upstream_services
from services.common.errors import PROBLEM_JSON
from services.common.openapi import document_parameter_text
from services.common.settings import PlatformSettings

logger = logging.getLogger("somos.gateway.openapi")

SERVICE_TITLES = {s.name: s.title for s in SERVICES.values()}
# The service apps, loaded by import: their documents are built without any network call.
SERVICE_APPS = {s.name: (s.app_factory, s.settings_class) for s in upstream_services()}
GATEWAY_ERRORS = {
    "429": "Too many requests from this caller (see Retry-After)",
    "502": "A service answered badly or could not be reached",
    "503": "A service is unavailable (circuit open; see Retry-After)",
    "504": "A service did not answer in time",
}
# Paths every service serves and the gateway composes over them: the gateway's operation is
# the one in the contract (a service's own answers it only when reached directly).
COMPOSED_PATHS = frozenset({"/api/v1/changes"})
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _load(target: str) -> Any:
    import importlib

    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def service_documents(platform: PlatformSettings | None = None) -> dict[str, dict[str, Any]]:
    """Each importable service's own OpenAPI document (services not in the code base skipped)."""
    documents: dict[str, dict[str, Any]] = {}
    for service, (factory, settings_class) in SERVICE_APPS.items():
        try:
            create_app = _load(factory)
            settings_type = _load(settings_class)
        except (ImportError, AttributeError):
            logger.info("service not in this code base", extra={"service": service})
            continue
        settings = settings_type(platform=platform) if platform else settings_type()
        document = copy.deepcopy(create_app(settings).openapi())
        for path in COMPOSED_PATHS:
            document.get("paths", {}).pop(path, None)
        documents[service] = document
    return documents


def _rewrite_refs(node: Any, renames: Mapping[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                name = value.rsplit("/", 1)[-1]
                if value.startswith("#/components/schemas/") and name in renames:
                    value = "#/components/schemas/" + renames[name]
            out[key] = _rewrite_refs(value, renames)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v, renames) for v in node]
    return node


def _pascal(service: str) -> str:
    return "".join(part.capitalize() for part in service.split("_"))


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def merge_documents(
    documents: Mapping[str, dict[str, Any]],
    *,
    title: str = "Somos API",
    version: str = "1.0.0",
    description: str = "",
) -> dict[str, Any]:
    """Merge service documents into one: shared schemas once, clashing ones prefixed.

    Operation ids must be unique across the system; a clash is an error in the code base,
    reported here rather than hidden behind a rename that partners' clients would trip on.
    """
    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version, "description": description},
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {}},
        "tags": [],
        "x-tagGroups": [],
    }
    schemas: dict[str, Any] = merged["components"]["schemas"]
    owners: dict[str, str] = {}
    operation_ids: dict[str, str] = {}
    tag_names: dict[str, dict[str, Any]] = {}
    for service, original in documents.items():
        document = copy.deepcopy(original)
        own_schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
        renames: dict[str, str] = {}
        for name, schema in own_schemas.items():
            if name in schemas and json.dumps(schemas[name], sort_keys=True) != json.dumps(
                _rewrite_refs(schema, {}), sort_keys=True
            ):
                renames[name] = _pascal(service) + name
        document = _rewrite_refs(document, renames)
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            final = renames.get(name, name)
            if final not in schemas:
                schemas[final] = schema
                owners[final] = service
        for name, scheme in document.get("components", {}).get("securitySchemes", {}).items():
            merged["components"]["securitySchemes"].setdefault(name, scheme)
        group_tags: list[str] = []
        for path, item in document.get("paths", {}).items():
            if path in merged["paths"]:
                raise ValueError(f"path {path} is served by two services")
            for method in _METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                op_id = operation.get("operationId")
                if op_id in operation_ids:
                    raise ValueError(
                        f"operationId {op_id!r} used by {operation_ids[op_id]} and {service}"
                    )
                operation_ids[op_id] = service
                for tag in operation.get("tags", []):
                    if tag not in group_tags:
                        group_tags.append(tag)
            merged["paths"][path] = item
        for tag in document.get("tags", []):
            tag_names.setdefault(tag["name"], tag)
        merged["x-tagGroups"].append(
            {"name": SERVICE_TITLES.get(service, service), "tags": group_tags}
        )
    for group in merged["x-tagGroups"]:
        for tag in group["tags"]:
            tag_names.setdefault(tag, {"name": tag})
    merged["tags"] = list(tag_names.values())
    return merged


def add_gateway_errors(document: dict[str, Any], *, skip: Callable[[str], bool]) -> None:
    """Declare the answers the gateway itself may give (429, 502, 503, 504) on every operation."""
    document["components"]["schemas"].setdefault("Problem", _PROBLEM_SCHEMA)
    for path, item in document["paths"].items():
        if skip(path):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            responses = operation.setdefault("responses", {})
            for status, text in GATEWAY_ERRORS.items():
                responses.setdefault(status, _problem_response(text))
            responses.setdefault("401", _problem_response("Missing or invalid bearer token"))


_PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Problem",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "instance": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "request_id": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
}


def build_contract(
    gateway_document: dict[str, Any], platform: PlatformSettings | None = None
) -> dict[str, Any]:
    """The system's contract: every service's operations and the gateway's own."""
    documents = service_documents(platform)
    documents["gateway"] = gateway_document
    merged = merge_documents(
        documents,
        title="Somos API",
        version=gateway_document.get("info", {}).get("version", "1.0.0"),
        description=(
            "One front door to the Somos services: civil-society organizations, municipal "
            "security plans (PISCC), events and reporting (indicators, targets, the IPTT and "
            "the results framework), plus composed views. Every error is "
            "`application/problem+json` (RFC 9457). "
            "Authenticate with a bearer JWT."
        ),
    )
    merged["components"]["securitySchemes"].setdefault(
        "bearer", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )
    merged["components"]["securitySchemes"]["bearer"]["bearerFormat"] = "JWT"
    merged["security"] = [{"bearer": []}]
    add_gateway_errors(merged, skip=lambda path: not path.startswith("/api/"))
    merged["servers"] = [{"url": "/", "description": "This gateway"}]
    from gateway.changes import CONTRACT_KEY, catalogues

    # What the gateway's merged change feed needs to know of each service's, read back from
    # the contract at run time (the gateway imports no service).
    merged[CONTRACT_KEY] = {
        name: catalogue.document() for name, catalogue in catalogues(code_base=True).items()
    }
    return document_parameter_text(merged)
