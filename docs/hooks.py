"""MkDocs hook: the API reference, rendered from the checked-in contract at build time.

`gateway/openapi.json` is the merged OpenAPI document (a test keeps it equal to the code).
This hook turns it into Markdown pages under `reference/` while the site is built: one page
per service (the document's `x-tagGroups`), one page of schemas, and an index; it also adds
the root `CHANGELOG.md` as the Changelog page. Nothing is written to `docs/` and nothing is
fetched: the pages are plain Markdown, themed by Material
like every other page. `mkdocs.yml` names this file under `hooks:`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported at build time only, so that tests can render pages without MkDocs
    from mkdocs.structure.files import Files

REPO = Path(__file__).resolve().parent.parent
CONTRACT = REPO / "gateway" / "openapi.json"
CHANGELOG = REPO / "CHANGELOG.md"
REFERENCE = "reference"
SCHEMAS_PAGE = "schemas.md"
METHODS = ("get", "post", "put", "patch", "delete", "head", "options")

Json = dict[str, Any]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def cell(text: object) -> str:
    """One Markdown table cell: a single line, pipes escaped, no raw HTML."""
    value = " ".join(str(text).split())
    return value.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def code(text: object) -> str:
    value = str(text)
    fence = "``" if "`" in value else "`"
    pad = " " if "`" in value else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def schema_link(ref: str, page: str) -> str:
    name = ref.rsplit("/", 1)[-1]
    target = "" if page == SCHEMAS_PAGE else SCHEMAS_PAGE
    return f"[{name}]({target}#{slug(name)})"


def type_of(schema: Json | None, page: str) -> str:
    """A short, linked description of a schema's type: `string`, `array of [X](…)`, `X or null`."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return schema_link(schema["$ref"], page)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            parts = [type_of(s, page) for s in schema[key]]
            return " or ".join(dict.fromkeys(parts))
    if "allOf" in schema:
        return " and ".join(type_of(s, page) for s in schema["allOf"])
    if "enum" in schema:
        return "one of " + ", ".join(code(v) for v in schema["enum"])
    if "const" in schema:
        return f"{code(json.dumps(schema['const']))}"
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        return "array of " + type_of(schema.get("items"), page)
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        if isinstance(extra, dict):
            return "object of " + type_of(extra, page)
    if kind is None:
        return "any"
    fmt = schema.get("format")
    return f"{kind} ({fmt})" if fmt else str(kind)


CONSTRAINTS = (
    ("minLength", "min length"),
    ("maxLength", "max length"),
    ("minimum", "≥"),
    ("exclusiveMinimum", ">"),
    ("maximum", "≤"),
    ("exclusiveMaximum", "<"),
    ("minItems", "min items"),
    ("maxItems", "max items"),
    ("pattern", "pattern"),
)


def constraints(schema: Json) -> list[str]:
    """Constraints of a schema and of its non-null `anyOf` alternatives."""
    found: list[str] = []
    branches = [schema, *[s for s in schema.get("anyOf", []) if s.get("type") != "null"]]
    for branch in branches:
        for key, label in CONSTRAINTS:
            if key in branch:
                value = branch[key]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                found.append(f"{label} {code(value)}")
    if "default" in schema:
        found.append(f"default {code(json.dumps(schema['default'], ensure_ascii=False))}")
    return found


def describe(schema: Json) -> str:
    parts = []
    branches = [s for s in schema.get("anyOf", []) if s.get("description")]
    text = schema.get("description") or (branches[0]["description"] if branches else None)
    if text:
        parts.append(cell(text))
    parts.extend(constraints(schema))
    return "; ".join(parts)


def group_of(operation: Json, path: str, groups: list[Json]) -> str:
    """The service (tag group) of an operation; tags shared by several groups (statistics,
    vocabularies) are settled by the service's name in the path."""
    tags = operation.get("tags", [])
    candidates = [g["name"] for g in groups if set(tags) & set(g["tags"])]
    if len(candidates) > 1:
        segments = path.split("/")
        for name in candidates:
            if slug(name) in segments:
                return name
    return candidates[0] if candidates else "Other"


def operations(document: Json) -> Iterable[tuple[str, str, Json]]:
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def render_operation(path: str, method: str, op: Json, document: Json) -> list[str]:
    page = "group"
    title = op.get("summary") or op["operationId"]
    lines = [
        f"### {cell(title)} {{ #{op['operationId']} }}",
        "",
        f"`{method.upper()} {path}` · operation id `{op['operationId']}`",
        "",
    ]
    if op.get("description"):
        lines += [op["description"].strip(), ""]
    security = op.get("security", document.get("security"))
    if security == []:
        lines += ["No token needed.", ""]
    params = op.get("parameters", [])
    if params:
        lines += ["| parameter | in | type | required | description |", "|---|---|---|---|---|"]
        for p in params:
            schema = p.get("schema", {})
            text = describe(
                {**schema, "description": p.get("description", schema.get("description"))}
            )
            lines.append(
                f"| `{p['name']}` | {p['in']} | {type_of(schema, page)} | "
                f"{'yes' if p.get('required') else 'no'} | {text} |"
            )
        lines.append("")
    body = op.get("requestBody")
    if body:
        kinds = [
            f"{code(ct)}: {type_of(c.get('schema'), page)}" for ct, c in body["content"].items()
        ]
        required = " (required)" if body.get("required") else ""
        lines += [f"**Request body**{required}: " + "; ".join(kinds), ""]
    lines += ["| status | meaning | body |", "|---|---|---|"]
    for status, response in op.get("responses", {}).items():
        content = response.get("content", {})
        bodies = dict.fromkeys(type_of(c.get("schema"), page) for c in content.values())
        lines.append(
            f"| {status} | {cell(response.get('description', ''))} | {', '.join(bodies) or '—'} |"
        )
    lines.append("")
    return lines


def render_group(group: Json, ops: list[tuple[str, str, Json]], document: Json) -> str:
    tags = {t["name"]: t for t in document.get("tags", [])}
    lines = [
        f"# {group['name']}",
        "",
        f"Operations of **{group['name']}** in the merged contract (`gateway/openapi.json`), "
        "as the gateway serves them on one base URL. Generated when the site is built; "
        "schemas are on [Schemas](schemas.md).",
        "",
    ]
    for tag in group["tags"]:
        tagged = [o for o in ops if tag in o[2].get("tags", [])]
        if not tagged:
            continue
        lines += [f"## {tag}", ""]
        if tags.get(tag, {}).get("description"):
            lines += [tags[tag]["description"], ""]
        for path, method, op in tagged:
            lines += render_operation(path, method, op, document)
    return "\n".join(lines)


def render_schemas(document: Json) -> str:
    page = SCHEMAS_PAGE
    lines = [
        "# Schemas",
        "",
        "Every component schema of the merged contract, by name. Generated from "
        "`gateway/openapi.json` when the site is built.",
        "",
    ]
    for name, schema in sorted(document["components"]["schemas"].items()):
        lines += [f"## {name} {{ #{slug(name)} }}", ""]
        if schema.get("description"):
            lines += [schema["description"].strip(), ""]
        props = schema.get("properties")
        if props:
            required = set(schema.get("required", []))
            lines += ["| field | type | required | description |", "|---|---|---|---|"]
            for field, sub in props.items():
                lines.append(
                    f"| `{field}` | {type_of(sub, page)} | "
                    f"{'yes' if field in required else 'no'} | {describe(sub)} |"
                )
            lines.append("")
            extra = schema.get("additionalProperties")
            if extra is False:
                lines += ["Other fields are refused (422).", ""]
        else:
            lines += [f"Type: {type_of(schema, page)}.", ""]
            more = constraints(schema)
            if more:
                lines += ["; ".join(more), ""]
    return "\n".join(lines)


def render_index(document: Json, pages: list[tuple[str, str, int]]) -> str:
    info = document["info"]
    schemes = document.get("components", {}).get("securitySchemes", {})
    lines = [
        "# API reference",
        "",
        f"**{info['title']}** {info.get('version', '')} — OpenAPI {document['openapi']}.",
        "",
        info.get("description", ""),
        "",
        "This reference is rendered from `gateway/openapi.json`, the contract checked in beside "
        "the code (`tests/gateway/test_contract_pinned.py` fails when they differ; `make "
        "contract` regenerates it). A running gateway serves the same document at "
        "`/openapi.json`, with Swagger UI at `/docs` and ReDoc at `/redoc`.",
        "",
        "| section | operations |",
        "|---|---|",
    ]
    for title, target, count in pages:
        lines.append(f"| [{title}]({target}) | {count} |")
    lines += [
        f"| [Schemas]({SCHEMAS_PAGE}) | {len(document['components']['schemas'])} schemas |",
        "",
    ]
    if schemes:
        lines += ["## Authentication", ""]
        for name, scheme in schemes.items():
            kind = " ".join(str(scheme.get(k, "")) for k in ("type", "scheme", "bearerFormat"))
            lines.append(f"- `{name}`: {cell(kind.strip())}. {cell(scheme.get('description', ''))}")
        lines.append("")
    return "\n".join(lines)


def build_pages(document: Json) -> dict[str, str]:
    """Page path (under `reference/`) → Markdown."""
    groups = document.get("x-tagGroups") or [
        {"name": "Operations", "tags": [t["name"] for t in document.get("tags", [])]}
    ]
    by_group: dict[str, list[tuple[str, str, Json]]] = {g["name"]: [] for g in groups}
    for path, method, op in operations(document):
        by_group.setdefault(group_of(op, path, groups), []).append((path, method, op))
    pages: dict[str, str] = {}
    listing: list[tuple[str, str, int]] = []
    for group in groups:
        target = f"{slug(group['name'])}.md"
        pages[target] = render_group(group, by_group[group["name"]], document)
        listing.append((group["name"], target, len(by_group[group["name"]])))
    pages[SCHEMAS_PAGE] = render_schemas(document)
    pages["index.md"] = render_index(document, listing)
    return pages


def generated_pages() -> dict[str, str]:
    """Every page this hook adds to the site (path under docs/ → Markdown): the API reference,
    and the root CHANGELOG.md as `changelog.md`, so that neither is copied by hand."""
    document = json.loads(CONTRACT.read_text(encoding="utf-8"))
    pages = {f"{REFERENCE}/{name}": text for name, text in build_pages(document).items()}
    pages["changelog.md"] = CHANGELOG.read_text(encoding="utf-8")
    return pages


def on_files(files: Files, config: Any) -> Files:
    from mkdocs.structure.files import File

    for path, markdown in generated_pages().items():
        files.append(File.generated(config, path, content=markdown))
    return files
