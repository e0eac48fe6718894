"""The gateway app: edge protections, pass-through routing, composed views, one contract."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway import changes, territories, views
from gateway import contract as checked_in_contract
from gateway.edge import EdgeMiddleware, EdgeVerifier
from gateway.forwarding import ForwardedMiddleware, TrustedProxies
from gateway.proxy import UPSTREAM_SCOPE_KEY, ProxyMiddleware, RoutingTable
from gateway.ratelimit import Policy, build_limiter
from gateway.settings import UPSTREAMS, GatewaySettings
from gateway.upstreams import CircuitCollector, UpstreamMetrics, build_upstreams
from services.common.app import install_offline_docs
from services.common.errors import install_problem_handlers, problem_response, problem_responses
from services.common.health import health_router
from services.common.http_cache import HttpCacheMiddleware
from services.common.jwks import SigningKeysCollector
from services.common.limits import BodyLimitMiddleware
from services.common.observability import InFlight, Metrics, RequestContextMiddleware
from services.common.parameters import ControlCharacterMiddleware
from services.common.tracing import instrument_app, traced_asgi

logger = logging.getLogger("somos.gateway")
VERSION = "1.0.0"
TAGS = [
    {"name": "composed-views", "description": "Views composed from several services in one call"},
    {"name": "territories", "description": "DANE DIVIPOLA departments and municipalities"},
    {"name": "changes", "description": "What changed in every service since a cursor"},
]


def create_app(
    settings: GatewaySettings | None = None, *, contract: dict[str, Any] | None = None
) -> FastAPI:
    """The FastAPI app of the gateway (port 8000; /metrics on the internal port).

    It serves ``contract``, by default the checked-in ``gateway/openapi.json``: the gateway
    never builds the services' apps, whose settings hold secrets it must not have.
    """
    settings = settings or GatewaySettings()
    document = checked_in_contract.load() if contract is None else contract
    platform = settings.platform
    directory = territories.Directory.from_file(platform.divipola_file)
    metrics = Metrics("gateway")
    upstream_metrics = UpstreamMetrics(metrics.registry)
    upstreams = build_upstreams(settings, upstream_metrics)
    metrics.registry.register(CircuitCollector(upstreams))
    in_flight = InFlight()
    policies = _policies(settings)
    limiter = (
        build_limiter(settings.rate_limit_redis_url, prefix=settings.rate_limit_redis_prefix)
        if any(policies)
        else None
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        for upstream in upstreams.values():
            await upstream.start()
        try:
            yield
        finally:
            await in_flight.drained()  # requests cut off at shutdown answer 503 first
            for upstream in upstreams.values():
                await upstream.close()
            if limiter is not None:
                await limiter.close()

    app = GatewayApp(
        title="Somos API gateway",
        version=VERSION,
        lifespan=lifespan,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        responses=problem_responses(400, 401, 403, 422, 500),
    )
    app.state.settings = settings
    app.state.upstreams = upstreams
    app.state.directory = directory
    app.state.metrics = metrics
    app.state.token_verifier = EdgeVerifier(platform)
    if app.state.token_verifier.keys is not None:
        metrics.registry.register(SigningKeysCollector("gateway", app.state.token_verifier.keys))

    async def readiness(request: Request) -> str | None:
        problems = await asyncio.gather(*(u.ready() for u in upstreams.values()))
        failing = [p for p in problems if p]
        return "; ".join(failing) if failing else None

    app.include_router(_public_health_router(readiness))
    app.include_router(views.router)
    app.include_router(territories.router)
    app.include_router(changes.router)
    app.state.change_feeds = changes.catalogues(contract=document)
    _install_contract(app, document)
    install_problem_handlers(app)
    app.internal_port = settings.internal_port
    app.internal = _internal_app(readiness, metrics)

    own_paths = [
        (route.path, route.path_regex)  # type: ignore[attr-defined]
        for router in (views.router, territories.router, changes.router)
        for route in router.routes
        if getattr(route, "path", "").startswith("/api/")
    ]
    verifier: EdgeVerifier = app.state.token_verifier  # one for the process, with its cache
    proxies = TrustedProxies(settings.trusted_proxies)

    def edge(inner: ASGIApp) -> ASGIApp:
        """Client view → request id → CORS → body limit → limits + token → ETags, 304, gzip
        → control characters in parameters (422) → ``inner``."""
        chain: ASGIApp = EdgeMiddleware(
            HttpCacheMiddleware(ControlCharacterMiddleware(inner)),
            verifier=verifier,
            limiter=limiter,
            caller_policy=policies[0],
            anonymous_policy=policies[1],
        )
        chain = BodyLimitMiddleware(chain, max_bytes=platform.max_body_bytes)
        if settings.cors_allow_origins:
            chain = CORSMiddleware(
                chain,
                allow_origins=settings.cors_allow_origins,
                allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
                allow_headers=[
                    "Authorization",
                    "Content-Type",
                    "If-Match",
                    "Idempotency-Key",
                    "X-Request-ID",
                ],
                expose_headers=[
                    "ETag",
                    "Link",
                    "Location",
                    "Retry-After",
                    "Server-Timing",
                    "X-Request-ID",
                ],
                max_age=600,
            )
        chain = RequestContextMiddleware(
            chain, service="gateway", metrics=metrics, in_flight=in_flight
        )
        return ForwardedMiddleware(chain, proxies=proxies)

    # Pass-through takes a short pure-ASGI path (the edge, then the proxy); the gateway's own
    # routes go through the same edge inside FastAPI's full stack.
    proxy = ProxyMiddleware(
        app.router,
        routes=RoutingTable.from_contract(document, UPSTREAMS),
        upstreams=upstreams,
        own_paths=own_paths,
    )
    app.proxy = proxy
    # Server spans when OTEL_* asks for traces: the pass-through path skips FastAPI's stack,
    # so it gets its own span middleware; the gateway's own routes are instrumented as usual.
    app.proxy_chain = traced_asgi(edge(proxy), "gateway")
    app.add_middleware(_Edge, build=edge)
    instrument_app(app, "gateway")
    return app


class _Edge:
    """The edge chain as a middleware class FastAPI can install around its own routes."""

    def __init__(self, app: ASGIApp, *, build: Callable[[ASGIApp], ASGIApp]) -> None:
        self.chain = build(app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.chain(scope, receive, send)


class GatewayApp(FastAPI):
    """FastAPI for the gateway's own routes; paths a service owns skip its stack; requests
    to the internal port (metrics, detailed readiness) go to the internal app."""

    proxy: ProxyMiddleware | None = None
    proxy_chain: ASGIApp | None = None
    internal: ASGIApp | None = None
    internal_port: int | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.internal is not None:
            server = scope.get("server")
            if server and server[1] == self.internal_port:
                await self.internal(scope, receive, send)
                return
        if scope["type"] == "http" and self.proxy is not None and self.proxy_chain is not None:
            upstream = self.proxy.upstream_for(scope["path"])
            if upstream is not None:
                scope["app"] = self
                scope[UPSTREAM_SCOPE_KEY] = upstream
                await self.proxy_chain(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def _policies(settings: GatewaySettings) -> tuple[Policy | None, Policy | None]:
    """The per-caller policy and the anonymous (per client address) one; None = off."""
    caller = (
        Policy("caller", settings.rate_limit_per_minute, settings.rate_limit_burst)
        if settings.rate_limit_per_minute
        else None
    )
    anonymous = (
        Policy(
            "anonymous",
            settings.rate_limit_anonymous_per_minute,
            settings.rate_limit_anonymous_burst,
        )
        if settings.rate_limit_anonymous_per_minute
        else None
    )
    return caller, anonymous


def _public_health_router(readiness: Callable[[Request], Any]) -> APIRouter:
    """/healthz and a /readyz that says ready or not, never why (details: internal port)."""
    router = APIRouter(include_in_schema=False)

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz(request: Request) -> Response:
        if await readiness(request):
            return problem_response(
                status=503,
                slug="not-ready",
                title="Not ready",
                detail="The gateway is not ready to serve requests.",
                instance="/readyz",
                headers={"Retry-After": "5"},
            )
        return JSONResponse({"status": "ready"})

    return router


def _internal_app(readiness: Callable[[Request], Any], metrics: Metrics) -> ASGIApp:
    """What only the cluster sees: /metrics, /readyz with its reasons, /healthz."""
    internal = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    internal.state.metrics = metrics
    internal.include_router(health_router(readiness))
    install_problem_handlers(internal)
    return internal


def own_document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of the gateway's own routes (merged into the contract)."""
    return get_openapi(
        title=app.title,
        version=app.version,
        routes=app.routes,
        tags=app.openapi_tags,
        separate_input_output_schemas=True,
    )


def _install_contract(app: FastAPI, document: dict[str, Any]) -> None:
    """/openapi.json (the contract given), /docs and /redoc with assets served locally."""

    def openapi() -> dict[str, Any]:
        return document

    app.openapi = openapi  # type: ignore[method-assign]
    body = JSONResponse(document).body  # rendered once; the document never changes

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi_document() -> Response:
        return Response(body, media_type="application/json")

    install_offline_docs(app, title="Somos API", persist_auth=True)
