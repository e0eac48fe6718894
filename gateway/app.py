"""The gateway app: edge protections, pass-through routing, composed views, one contract."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway import results, territories, views
from gateway.edge import EdgeMiddleware, RateLimiter
from gateway.openapi import build_contract, service_documents
from gateway.proxy import UPSTREAM_SCOPE_KEY, ProxyMiddleware, RoutingTable
from gateway.settings import GatewaySettings
from gateway.upstreams import CircuitCollector, UpstreamMetrics, build_upstreams
from services.common.auth import TokenVerifier
from services.common.errors import install_problem_handlers, problem_responses
from services.common.health import health_router
from services.common.limits import BodyLimitMiddleware
from services.common.observability import InFlight, Metrics, RequestContextMiddleware
from services.common.parameters import ControlCharacterMiddleware
from services.common.tracing import instrument_app, traced_asgi

logger = logging.getLogger("somos.gateway")
VERSION = "1.0.0"
TAGS = [
    {"name": "composed-views", "description": "Views composed from several services in one call"},
    {"name": "results", "description": "The programme's results framework against its targets"},
    {"name": "territories", "description": "DANE DIVIPOLA departments and municipalities"},
]


def _docs_assets() -> Path:
    """Swagger UI and ReDoc files shipped by the fastapi-offline wheel (no CDN needed)."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    """The FastAPI app of the gateway (port 8000)."""
    settings = settings or GatewaySettings()
    platform = settings.platform
    directory = territories.Directory.from_file(platform.divipola_file)
    targets = results.load_targets(settings.results_targets_file)
    metrics = Metrics("gateway")
    upstream_metrics = UpstreamMetrics(metrics.registry)
    upstreams = build_upstreams(settings, upstream_metrics)
    metrics.registry.register(CircuitCollector(upstreams))
    in_flight = InFlight()

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
    app.state.targets = targets
    app.state.metrics = metrics
    app.state.token_verifier = TokenVerifier(platform)

    async def readiness(request: Request) -> str | None:
        problems = await asyncio.gather(*(u.ready() for u in upstreams.values()))
        failing = [p for p in problems if p]
        return "; ".join(failing) if failing else None

    app.include_router(health_router(readiness))
    app.include_router(views.router)
    app.include_router(results.router)
    app.include_router(territories.router)
    _install_contract(app)
    install_problem_handlers(app)

    documents = service_documents(platform)
    own_paths = [
        (route.path, route.path_regex)  # type: ignore[attr-defined]
        for router in (views.router, results.router, territories.router)
        for route in router.routes
        if getattr(route, "path", "").startswith("/api/")
    ]
    limiter = (
        RateLimiter(per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst)
        if settings.rate_limit_per_minute
        else None
    )
    verifier: TokenVerifier = app.state.token_verifier  # one for the process, with its cache

    def edge(inner: ASGIApp) -> ASGIApp:
        """Request id → CORS → body limit → token + rate limit → control characters → ``inner``."""
        chain: ASGIApp = EdgeMiddleware(
            ControlCharacterMiddleware(inner), verifier=verifier, limiter=limiter
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
        return RequestContextMiddleware(
            chain, service="gateway", metrics=metrics, in_flight=in_flight
        )

    # Pass-through takes a short pure-ASGI path (the edge, then the proxy); the gateway's own
    # routes go through the same edge inside FastAPI's full stack.
    proxy = ProxyMiddleware(
        app.router,
        routes=RoutingTable.from_documents(documents),
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
    """FastAPI for the gateway's own routes; paths a service owns skip its stack."""

    proxy: ProxyMiddleware | None = None
    proxy_chain: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.proxy is not None and self.proxy_chain is not None:
            upstream = self.proxy.upstream_for(scope["path"])
            if upstream is not None:
                scope["app"] = self
                scope[UPSTREAM_SCOPE_KEY] = upstream
                await self.proxy_chain(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def _install_contract(app: FastAPI) -> None:
    """/openapi.json (merged, built once), /docs and /redoc with assets served locally."""
    contract: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        if not contract:
            own = get_openapi(
                title=app.title,
                version=app.version,
                routes=app.routes,
                tags=app.openapi_tags,
                separate_input_output_schemas=True,
            )
            contract.update(build_contract(own, app.state.settings.platform))
        return contract

    app.openapi = openapi  # type: ignore[method-assign]
    app.mount("/static/docs", StaticFiles(directory=_docs_assets()), name="docs-assets")

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi_document() -> JSONResponse:
        return JSONResponse(openapi())

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Somos API — Swagger UI",
            swagger_js_url="/static/docs/swagger-ui-bundle.js",
            swagger_css_url="/static/docs/swagger-ui.css",
            swagger_favicon_url="/static/docs/favicon.png",
            swagger_ui_parameters={"validatorUrl": None, "persistAuthorization": True},
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="Somos API — ReDoc",
            redoc_js_url="/static/docs/redoc.standalone.js",
            redoc_favicon_url="/static/docs/favicon.png",
            with_google_fonts=False,
        )
