"""RFC 9457 problem details: typed errors and the handlers that render every 4xx/5xx."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.common.observability import current_request_id

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "urn:somos:problem:"

logger = logging.getLogger("somos.errors")


class FieldError(BaseModel):
    """One invalid input: where it is (dotted path) and what is wrong with it."""

    field: str
    message: str


class Problem(BaseModel):
    """The problem+json body every error response carries."""

    type: str = Field(examples=["urn:somos:problem:not-found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None
    allowed: list[str] | None = Field(
        default=None, description="For invalid transitions: the states allowed from here."
    )
    missing_scope: str | None = Field(
        default=None, description="For 403 answers: the scope the token lacks."
    )


class DomainError(Exception):
    """Base of every typed error; carries its HTTP status and problem type."""

    status: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError | tuple[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = [
            e if isinstance(e, FieldError) else FieldError(field=e[0], message=e[1])
            for e in (errors or [])
        ]
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


class InvalidInput(DomainError):
    status, slug, title = 422, "validation-error", "The request is not valid"

    def __init__(self, field: str, message: str, **kwargs: Any) -> None:
        super().__init__(f"{field}: {message}", errors=[(field, message)], **kwargs)


class Unauthorized(DomainError):
    status, slug, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": 'Bearer realm="somos"'})
        super().__init__(detail, **kwargs)


class Forbidden(DomainError):
    status, slug, title = 403, "forbidden", "Not allowed"


class MissingScope(Forbidden):
    slug = "missing-scope"

    def __init__(self, scope: str) -> None:
        super().__init__(
            f"This operation needs the '{scope}' scope, which the token does not carry.",
            extra={"missing_scope": scope},
        )


class NotFound(DomainError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(DomainError):
    status, slug, title = 409, "conflict", "Conflict with the current state"


class InvalidTransition(Conflict):
    slug, title = "invalid-transition", "Transition not allowed"

    def __init__(self, *, current: str, requested: str, allowed: Sequence[str]) -> None:
        allowed_text = ", ".join(allowed) if allowed else "none (final state)"
        super().__init__(
            f"Cannot go from '{current}' to '{requested}'. Allowed from '{current}': "
            f"{allowed_text}.",
            extra={"allowed": list(allowed)},
        )


class PreconditionFailed(DomainError):
    status, slug, title = 412, "precondition-failed", "The resource has changed"


class PreconditionRequired(DomainError):
    status, slug, title = 428, "precondition-required", "If-Match header required"


class PayloadTooLarge(DomainError):
    status, slug, title = 413, "payload-too-large", "Request body too large"


class UpstreamUnavailable(DomainError):
    status, slug, title = 503, "service-unavailable", "A service this request needs is unavailable"

    def __init__(self, detail: str, *, retry_after: int = 5) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


def problem_response(
    *,
    status: int,
    slug: str,
    title: str,
    detail: str | None,
    instance: str | None,
    errors: Sequence[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> JSONResponse:
    """Render one problem+json response with the current request id."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        "request_id": current_request_id(),
    }
    if errors:
        body["errors"] = [e.model_dump() for e in errors]
    if extra:
        body.update(extra)
    return JSONResponse(
        body, status_code=status, headers=dict(headers or {}), media_type=PROBLEM_JSON
    )


def _loc_to_field(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        source, rest = parts[0], parts[1:]
        if source == "body":
            return ".".join(rest) or "body"
        return ".".join(rest) if rest else source
    return ".".join(parts)


def _clean_message(message: str) -> str:
    # Pydantic prefixes custom errors with "Value error, "; the field already says where.
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return problem_response(
        status=exc.status,
        slug=exc.slug,
        title=exc.title,
        detail=exc.detail,
        instance=request.url.path,
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for err in exc.errors():
        loc = err.get("loc", ())
        field = _loc_to_field(loc)
        # A model-level error (no field) still names the body.
        errors.append(FieldError(field=field or "body", message=_clean_message(err.get("msg", ""))))
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors[:5])
    return problem_response(
        status=422,
        slug="validation-error",
        title="The request is not valid",
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    slug = phrase.lower().replace(" ", "-").replace("'", "")
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    if status == 404 and detail is None:
        detail = f"No resource at {request.url.path}."
    headers = dict(getattr(exc, "headers", None) or {})
    if status == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
        allowed = _allowed_methods(request)
        if allowed:  # every method of the path, not only those of the first route matched
            headers["Allow"] = ", ".join(allowed)
    return problem_response(
        status=status,
        slug=slug,
        title=phrase,
        detail=detail,
        instance=request.url.path,
        headers=headers,
    )


def _allowed_methods(request: Request) -> list[str]:
    """The documented methods of the request's path (every route of it, not the first)."""
    from services.common.openapi import match_path

    matched = match_path(request.scope.get("app"), request.url.path)
    return sorted(matched[1]) if matched else []


async def _unhandled_error(request: Request, exc: Exception) -> JSONResponse:
    # Log the type only: messages of database errors may carry personal data.
    logger.error(
        "unhandled error",
        extra={"error_type": type(exc).__name__, "path_template": _route_template(request)},
    )
    return problem_response(
        status=500,
        slug="internal-error",
        title="Internal server error",
        detail="The server failed to process the request. Quote the request_id when reporting it.",
        instance=request.url.path,
    )


def _route_template(request: Request) -> str:
    route = request.scope.get("route")
    return getattr(route, "path", "unmatched")


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error leave the app as problem+json."""
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unhandled_error)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries declaring problem+json for the given statuses."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        try:
            description = HTTPStatus(status).phrase
        except ValueError:
            description = "Error"
        out[status] = {
            "description": description,
            "model": Problem,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    return out


def created_responses(model: type[BaseModel], *statuses: int) -> dict[int | str, dict[str, Any]]:
    """Responses of a create endpoint: 200 when a client-sent id already holds the same content."""
    return {
        200: {"description": "Already created with this id and the same content", "model": model},
        **problem_responses(*statuses),
    }
