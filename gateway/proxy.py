"""Path-preserving pass-through to the service that owns a path, as pure-ASGI middleware."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.edge import send_problem
from gateway.forwarding import FORWARDING_HEADERS, upstream_forwarding_headers
from gateway.openapi import SERVICE_TITLES
from gateway.upstreams import Headers, Upstream
from services.common.errors import DomainError
from services.common.observability import current_request_id

logger = logging.getLogger("somos.gateway.proxy")

# RFC 9110 §7.6.1 connection-specific headers, plus those the gateway sets itself.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
_DROP_REQUEST = HOP_BY_HOP | {"content-length", "expect", "x-request-id", "x-forwarded-for"}
_DROP_RESPONSE = HOP_BY_HOP | {"x-request-id", "date", "server"}
_SMALL_BODY = 65_536
UPSTREAM_SCOPE_KEY = "somos.upstream"  # the owning upstream, once looked up for a request

# Paths the services own, by their first segment after /api/v1/ (or two for stats/vocabularies).
STATIC_ROUTES: dict[str, str] = {
    "organizations": "organizations",
    "assessments": "organizations",
    "strengthening-plans": "organizations",
    "support-activities": "organizations",
    "community-initiatives": "organizations",
    "stats/organizations": "organizations",
    "vocabularies/organizations": "organizations",
    "security-plans": "security_plans",
    "plan-reviews": "security_plans",
    "prevention-strategies": "security_plans",
    "stats/security-plans": "security_plans",
    "vocabularies/security-plans": "security_plans",
    "events": "events",
    "commitments": "events",
    "pii-access-log": "events",
    "data-subject-requests": "events",
    "stats/events": "events",
    "vocabularies/events": "events",
    "webhook-subscriptions": "webhooks",
    "webhook-deliveries": "webhooks",
}
_TWO_SEGMENT = ("stats", "vocabularies")


def route_key(path: str) -> str | None:
    """The routing key of an /api/v1 path: 'organizations', 'stats/events', …"""
    if not path.startswith("/api/v1/"):
        return None
    parts = path[len("/api/v1/") :].split("/", 2)
    if not parts[0]:
        return None
    if parts[0] in _TWO_SEGMENT and len(parts) > 1:
        return f"{parts[0]}/{parts[1]}"
    return parts[0]


@dataclass(frozen=True)
class _Route:
    path: str


class RoutingTable:
    """Which service owns a path; learnt from the services' OpenAPI documents."""

    def __init__(self, owners: Mapping[str, str]) -> None:
        self.owners = dict(owners)

    @classmethod
    def from_documents(cls, documents: Mapping[str, dict[str, object]]) -> RoutingTable:
        owners = dict(STATIC_ROUTES)
        for service, document in documents.items():
            paths = document.get("paths") or {}
            assert isinstance(paths, dict)
            for path in paths:
                key = route_key(path)
                if key is not None:
                    owners[key] = service
        return cls(owners)

    @classmethod
    def from_contract(cls, contract: Mapping[str, Any], services: Iterable[str]) -> RoutingTable:
        """The owners of the merged contract's paths, from its tag groups (one per service).

        A path's owner is the one service whose group holds every tag of its operations;
        tags shared by several services (statistics, vocabularies) are settled by
        ``STATIC_ROUTES``. ``tests/gateway/test_routing.py`` checks this equals the table
        learnt from the services' own documents.
        """
        titles = {title: service for service, title in SERVICE_TITLES.items()}
        groups = {
            titles.get(group["name"], group["name"]): set(group.get("tags", []))
            for group in contract.get("x-tagGroups", [])
        }
        upstream_groups = {s: tags for s, tags in groups.items() if s in set(services)}
        owners = dict(STATIC_ROUTES)
        for path, item in (contract.get("paths") or {}).items():
            key = route_key(path)
            if key is None or key in STATIC_ROUTES:
                continue
            tags = {
                tag for op in item.values() if isinstance(op, dict) for tag in op.get("tags", [])
            }
            candidates = [s for s, group in upstream_groups.items() if tags and tags <= group]
            if len(candidates) == 1:
                owners[key] = candidates[0]
        return cls(owners)

    def owner(self, path: str) -> str | None:
        key = route_key(path)
        return self.owners.get(key) if key is not None else None


_DROP_REQUEST_RAW = frozenset(name.encode() for name in _DROP_REQUEST) | FORWARDING_HEADERS
_DROP_RESPONSE_RAW = frozenset(name.encode() for name in _DROP_RESPONSE)


def _tokens(value: bytes) -> set[bytes]:
    return {t.strip().lower() for t in value.split(b",") if t.strip()}


def upstream_headers(scope: Scope) -> Headers:
    """The client's headers minus hop-by-hop and forwarding ones, plus the gateway's own
    Host / X-Forwarded-* / Forwarded (see ``gateway.forwarding``) and the request id."""
    raw: list[tuple[bytes, bytes]] = scope["headers"]
    drop = _DROP_REQUEST_RAW
    for key, value in raw:
        if key == b"connection":  # headers it names are hop-by-hop too (rare)
            drop = drop | _tokens(value)
    headers: Headers = [
        (key.decode("latin-1"), value.decode("latin-1"))  # ASGI servers give lower-case names
        for key, value in raw
        if key not in drop
    ]
    headers.extend(upstream_forwarding_headers(scope))
    request_id = current_request_id()
    if request_id:
        headers.append(("x-request-id", request_id))
    return headers


def _response_headers(response: aiohttp.ClientResponse) -> list[tuple[bytes, bytes]]:
    raw = response.raw_headers
    drop = _DROP_RESPONSE_RAW
    for key, value in raw:
        if key.lower() == b"connection":
            drop = drop | _tokens(value)
    return [(key.lower(), value) for key, value in raw if key.lower() not in drop]


class ProxyMiddleware:
    """Send /api/v1 paths a service owns to that service; everything else to the gateway app."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        routes: RoutingTable,
        upstreams: Mapping[str, Upstream],
        own_paths: Iterable[tuple[str, re.Pattern[str]]],
    ) -> None:
        self.app = app
        self.routes = routes
        self.upstreams = upstreams
        # The gateway's own routes (path template, regex) by routing key: a path is checked
        # only against those sharing its key (e.g. /organizations/{id}/profile).
        self.own_paths: dict[str | None, tuple[re.Pattern[str], ...]] = {}
        for template, regex in own_paths:
            key = route_key(template)
            self.own_paths[key] = (*self.own_paths.get(key, ()), regex)
        self._labels = {name: _Route(f"proxy:{name}") for name in upstreams}

    def upstream_for(self, path: str) -> Upstream | None:
        """The upstream that owns ``path``, or None when the gateway answers it itself."""
        key = route_key(path)
        service = self.routes.owners.get(key) if key is not None else None
        if service is None:
            return None
        for own in self.own_paths.get(key, ()):
            if own.match(path):
                return None
        return self.upstreams[service]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # GatewayApp has looked it up already on the pass-through path.
        upstream = scope.pop(UPSTREAM_SCOPE_KEY, None) or self.upstream_for(scope["path"])
        if upstream is None:
            await self.app(scope, receive, send)
            return
        scope["route"] = self._labels[upstream.name]  # a bounded label for logs and metrics
        await self.forward(upstream, scope, receive, send)

    async def forward(self, upstream: Upstream, scope: Scope, receive: Receive, send: Send) -> None:
        method: str = scope["method"]
        body = b""
        more = True
        while more:  # bounded by BodyLimitMiddleware, which wraps `receive`
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
        target = scope.get("raw_path") or scope["path"].encode()
        path_and_query = target.decode("latin-1")
        if scope.get("query_string"):
            path_and_query += "?" + scope["query_string"].decode("latin-1")
        try:
            response = await upstream.open(
                method,
                path_and_query,
                headers=upstream_headers(scope),
                body=body if body or method not in ("GET", "HEAD", "DELETE") else None,
            )
        except DomainError as exc:
            await send_problem(scope, receive, send, exc)
            return
        try:
            headers = _response_headers(response)
            length = response.content_length
            if method == "HEAD" or (length is not None and length <= _SMALL_BODY):
                data = b"" if method == "HEAD" else await response.read()
                await send(
                    {"type": "http.response.start", "status": response.status, "headers": headers}
                )
                await send({"type": "http.response.body", "body": data})
                return
            await send(
                {"type": "http.response.start", "status": response.status, "headers": headers}
            )
            try:
                async for chunk in response.content.iter_any():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
            except (TimeoutError, aiohttp.ClientError) as exc:
                logger.warning(
                    "upstream body interrupted",
                    extra={"upstream": upstream.name, "error_type": type(exc).__name__},
                )
            await send({"type": "http.response.body", "body": b""})
        except (TimeoutError, aiohttp.ClientError) as exc:
            logger.warning(
                "upstream body failed",
                extra={"upstream": upstream.name, "error_type": type(exc).__name__},
            )
            from gateway.resilience import GatewayTimeout

            await send_problem(
                scope,
                receive,
                send,
                GatewayTimeout(f"The {upstream.name} service stopped answering."),
            )
        finally:
            response.release()
