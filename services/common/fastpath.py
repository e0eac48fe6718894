"""A lean path for hot GET reads: plain ASGI, no FastAPI routing or dependency injection.

FastAPI's per-request machinery (route matching, dependency solving, response validation)
costs more than a primary-key read itself. A ``FastRead`` names a GET route already declared
in FastAPI (so the OpenAPI document is unchanged) and the one function both paths call;
``FastReadMiddleware`` answers matching requests directly with the same auth, scope,
territory rules, errors and headers, and leaves every other request to FastAPI. It answers
list pages too (``FastList``, see ``fastlist``), falling back to the route when in doubt.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from services.common.auth import Principal
from services.common.concurrency import etag
from services.common.errors import (
    DomainError,
    InvalidInput,
    MissingScope,
    Unauthorized,
    problem_response,
)
from services.common.fastlist import Fallback, FastList

Reader = Callable[[Any, Principal, uuid.UUID], Awaitable[BaseModel]]


@dataclass(frozen=True)
class FastRead:
    """``GET path`` (one ``{uuid}`` parameter) answered by ``read(app, principal, id)``."""

    path: str
    scope: str
    read: Reader

    def pattern(self) -> tuple[re.Pattern[str], str]:
        name = re.search(r"\{(\w+)\}", self.path)
        assert name, "a fast read needs one path parameter"
        regex = (
            re.escape(self.path[: name.start()])
            + r"(?P<id>[^/]+)"
            + re.escape(self.path[name.end() :])
        )
        return re.compile(regex), name.group(1)


class FastReadMiddleware:
    """Answer the registered GET reads directly; everything else goes on to FastAPI."""

    def __init__(self, app: ASGIApp, *, reads: Sequence[FastRoute]) -> None:
        self.app = app
        self.reads = [(read, *read.pattern()) for read in reads]
        self._routes: dict[str, Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path = scope["path"]
            for read, pattern, param in self.reads:
                match = pattern.fullmatch(path)
                if match is not None:
                    if isinstance(read, FastList):
                        answered = await self._answer_list(scope, read, match.groups())
                        if answered is None:
                            break  # not sure: the FastAPI route answers
                        response = answered
                    else:
                        response = await self._answer(scope, read, param, match.group("id"))
                    scope["route"] = self._route(scope["app"], read.path)
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)

    def _route(self, app: Any, path: str) -> Any:
        """The FastAPI route of ``path`` (logs and metrics label requests by its template)."""
        if path not in self._routes:
            self._routes[path] = _find_route(app.routes, path)
        return self._routes[path]

    async def _answer_list(
        self, scope: Scope, read: FastList, raw_ids: Sequence[str]
    ) -> Response | None:
        app = scope["app"]
        try:
            principal = await _principal(app, scope)
            for needed in read.scopes:
                if not principal.has_scope(needed):
                    raise MissingScope(needed)
            return await read.answer(app, scope, principal, raw_ids)
        except Fallback:
            return None
        except DomainError as exc:
            return _problem(scope, exc)

    async def _answer(self, scope: Scope, read: FastRead, param: str, raw_id: str) -> Response:
        app = scope["app"]
        try:
            principal = await _principal(app, scope)
            if not principal.has_scope(read.scope):
                raise MissingScope(read.scope)
            try:
                ident = uuid.UUID(raw_id)
            except ValueError as exc:
                raise InvalidInput(param, "Input should be a valid UUID") from exc
            model = await read.read(app, principal, ident)
        except DomainError as exc:
            return _problem(scope, exc)
        headers = {}
        version = getattr(model, "version", None)
        if isinstance(version, int):
            headers["ETag"] = etag(version)
        return Response(model.model_dump_json(), media_type="application/json", headers=headers)


def _problem(scope: Scope, exc: DomainError) -> Response:
    return problem_response(
        status=exc.status,
        slug=exc.slug,
        title=exc.title,
        detail=exc.detail,
        instance=scope["path"],
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


FastRoute = FastRead | FastList
"""A GET answered on the lean path: one record by id, or one list page."""


def _find_route(routes: Sequence[Any], path: str) -> Any:
    """The GET route declared for ``path``, looking inside included routers too."""
    for route in routes:
        if getattr(route, "path", None) == path and "GET" in (
            getattr(route, "methods", None) or ()
        ):
            return route
        router = getattr(route, "original_router", None)
        children = router.routes if router is not None else getattr(route, "routes", None)
        if children is not None:
            found = _find_route(list(children), path)
            if found is not None:
                return found
    return None


async def _principal(app: Any, scope: Scope) -> Principal:
    for key, value in scope["headers"]:
        if key == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return await app.state.token_verifier.verify_async(token.strip())  # type: ignore[no-any-return]
            break
    raise Unauthorized("A bearer token is required.")
