"""Reference checks with the services that own the referenced records.

One pooled ``httpx.AsyncClient`` per upstream lives as long as the app. Each check forwards
the caller's own ``Authorization`` (so visibility is the caller's, not ours) and the request
id. Unknown or invisible ids are a 422 naming the field; an owner that cannot answer is a 503
with ``Retry-After`` — raised before anything is written, so nothing is stored.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request

from services.common.errors import DomainError, FieldError, UpstreamUnavailable
from services.common.observability import current_request_id
from services.common.upstream_clients import pooled_clients
from services.events.settings import EventsSettings

logger = logging.getLogger("somos.events.upstreams")


class UnknownReference(DomainError):
    status, slug, title = 422, "unknown-reference", "A referenced record does not exist"

    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


@dataclass(frozen=True)
class Reference:
    """One id to check: where it sits in the request (``organization_ids.1``) and its value."""

    field: str
    id: uuid.UUID


@dataclass(frozen=True)
class Upstream:
    name: str  # "organizations", "security_plans"
    path: str  # "/api/v1/organizations/{id}"
    what: str  # "organization"


ORGANIZATIONS = Upstream("organizations", "/api/v1/organizations/{id}", "organization")
SECURITY_PLANS = Upstream("security_plans", "/api/v1/security-plans/{id}", "security plan")


class ReferenceChecker:
    """The pooled clients of the upstreams and the checks made with them."""

    def __init__(self, clients: Mapping[str, httpx.AsyncClient], *, retry_after: int) -> None:
        self.clients = clients
        self.retry_after = retry_after

    async def _exists(self, upstream: Upstream, ref: Reference, headers: Mapping[str, str]) -> bool:
        client = self.clients[upstream.name]
        try:
            response = await client.get(upstream.path.format(id=ref.id), headers=dict(headers))
        except httpx.HTTPError as exc:
            logger.warning(
                "upstream unreachable",
                extra={
                    "upstream": upstream.name,
                    "error_type": type(exc).__name__,
                    "outcome": "unavailable",
                },
            )
            raise UpstreamUnavailable(
                f"The {upstream.name} service could not be reached to check {ref.field}; "
                "nothing was stored. Retry later.",
                retry_after=self.retry_after,
            ) from exc
        if response.status_code == 200:
            return True
        if response.status_code in (403, 404, 410):
            return False
        logger.warning(
            "upstream error",
            extra={"upstream": upstream.name, "status": response.status_code, "outcome": "error"},
        )
        raise UpstreamUnavailable(
            f"The {upstream.name} service answered {response.status_code} while checking "
            f"{ref.field}; nothing was stored. Retry later.",
            retry_after=self.retry_after,
        )

    async def check(self, upstream: Upstream, refs: Sequence[Reference], request: Request) -> None:
        """422 naming every unknown id; 503 when the owner cannot answer."""
        if not refs:
            return
        headers = {"X-Request-ID": current_request_id() or ""}
        authorization = request.headers.get("authorization")
        if authorization:
            headers["Authorization"] = authorization
        results = await asyncio.gather(
            *(self._exists(upstream, r, headers) for r in refs), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result
        unknown = [r for r, ok in zip(refs, results, strict=True) if not ok]
        if unknown:
            raise UnknownReference(
                [
                    FieldError(
                        field=r.field,
                        message=f"no {upstream.what} {r.id} exists that this token may see",
                    )
                    for r in unknown
                ]
            )


def upstream_lifespan(
    settings: EventsSettings,
    transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan hook opening one pooled client per upstream (transports: tests only)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        bases = {
            "organizations": settings.organizations_url,
            "security_plans": settings.security_plans_url,
        }
        async with pooled_clients(
            bases,
            timeout_seconds=settings.upstream_timeout_seconds,
            connect_timeout_seconds=settings.upstream_connect_timeout_seconds,
            max_connections=settings.upstream_max_connections,
            transports=transports,
        ) as clients:
            app.state.references = ReferenceChecker(
                clients, retry_after=settings.upstream_retry_after_seconds
            )
            try:
                yield
            finally:
                app.state.references = None

    return lifespan


def _references(request: Request) -> ReferenceChecker:
    checker: ReferenceChecker = request.app.state.references
    return checker


ReferencesDep = Annotated[ReferenceChecker, Depends(_references)]
