"""Control characters in query and path parameters are a 422 naming the parameter.

NUL cannot reach PostgreSQL text (a 500 otherwise), and no control character (tab and line
feed included, DEL and the C1 range too) belongs in an identifier, a filter or a search term.
Checked once, before routing, for every route of every service and the gateway — request
bodies keep their own validation (``schemas.NoNulText`` and friends).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from services.common.errors import InvalidInput, problem_response
from services.common.openapi import match_path

MESSAGE = "must not contain NUL or other control characters"


# Unicode category Cc is exactly these 65 code points, and is closed to additions (Unicode's
# stability policy); tests/common compares this with unicodedata over every code point.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def has_control_character(value: str) -> bool:
    """True when ``value`` holds a character of Unicode category Cc (C0, DEL, C1)."""
    return _CONTROL.search(value) is not None


def refused_query_parameter(query_string: bytes) -> str | None:
    """The first query parameter whose decoded value holds a control character."""
    if not query_string:
        return None
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    for name, value in pairs:
        if has_control_character(value):
            return name if not has_control_character(name) else "query"
    return None


def refused_path_parameter(scope: Scope) -> str | None:
    """The path parameter (of the documented operation ``scope``'s path falls under) holding
    a control character; ``"path"`` when no documented path matches.
    """
    path = scope.get("path", "")
    if not has_control_character(path):
        return None
    matched = match_path(scope.get("app"), path)
    if matched is not None:
        for name, value in matched[0].items():
            if has_control_character(value):
                return name
    return "path"


class ControlCharacterMiddleware:
    """Pure ASGI: a query or path parameter with a control character is a problem+json 422."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            field = refused_query_parameter(scope.get("query_string", b""))
            if field is None:
                field = refused_path_parameter(scope)
            if field is not None:
                error = InvalidInput(field, MESSAGE)
                response = problem_response(
                    status=error.status,
                    slug=error.slug,
                    title=error.title,
                    detail=error.detail,
                    instance=scope.get("path"),
                    errors=error.errors,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
