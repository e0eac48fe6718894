"""The app factory: wires the kit so a service's ``app.py`` is a few lines."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from services.common.auth import TokenVerifier
from services.common.change_routes import changes_router
from services.common.changes import ChangeFeed, change_listener_lifespan
from services.common.db import Database
from services.common.errors import install_problem_handlers, problem_responses
from services.common.fastpath import FastReadMiddleware, FastRoute
from services.common.health import PoolCollector, health_router
from services.common.http_cache import HttpCacheMiddleware
from services.common.idempotency import IdempotencyMiddleware, purge_expired
from services.common.jwks import SigningKeysCollector
from services.common.limits import BodyLimitMiddleware
from services.common.migrations import (
    current_revisions,
    head_revisions,
    known_revisions,
    migration_problem,
)
from services.common.observability import InFlight, Metrics, RequestContextMiddleware
from services.common.openapi import install_contract_fixes
from services.common.parameters import ControlCharacterMiddleware
from services.common.settings import ServiceSettings
from services.common.territory import Territories
from services.common.tracing import instrument_app

logger = logging.getLogger("somos.app")


class MissingDatabaseUrl(RuntimeError):
    pass


def create_service_app(
    *,
    settings: ServiceSettings,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    tags: Sequence[dict[str, Any]] = (),
    version: str = "1.0.0",
    lifespan_hooks: Sequence[Callable[[FastAPI], AbstractAsyncContextManager[None]]] = (),
    fast_reads: Sequence[FastRoute] = (),
    change_feed: ChangeFeed | None = None,
) -> FastAPI:
    """A FastAPI app with auth, problem+json, request ids, logs, metrics, limits, health.

    ``lifespan_hooks`` open extra resources for the app's lifetime (e.g. pooled upstream
    clients), entered after the database starts and closed before it stops.
    ``fast_reads`` are GET routes also answered on a lean path (see ``fastpath``).
    ``change_feed`` serves ``GET /api/v1/changes`` (see ``changes``).
    """
    if change_feed is not None:
        routers = [*routers, changes_router(change_feed)]
        lifespan_hooks = [*lifespan_hooks, change_listener_lifespan]
    service = settings.service_name
    platform = settings.platform
    heads, known = head_revisions(service), known_revisions(service)
    in_flight = InFlight()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not settings.database_url:
            prefix = f"SOMOS_{service.upper()}_DATABASE_URL"
            raise MissingDatabaseUrl(f"{prefix} is not set (somos dev / somos serve set it)")
        database = Database(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            read_pool_size=settings.db_read_pool_size,
        )
        await database.start()
        app.state.database = database
        try:
            purged = await purge_expired(database)
            if purged:
                logger.info("purged expired idempotency keys", extra={"count": purged})
        except Exception as exc:  # not migrated yet: /readyz says so
            logger.warning("idempotency purge skipped", extra={"error_type": type(exc).__name__})
        try:
            async with AsyncExitStack() as stack:
                for hook in lifespan_hooks:
                    await stack.enter_async_context(hook(app))
                yield
        finally:
            await in_flight.drained()  # requests cut off at shutdown roll back first
            app.state.database = None
            await database.stop()

    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        docs_url=None,  # served below with local assets: no CDN
        redoc_url=None,
        openapi_tags=list(tags),
        responses=problem_responses(400, 401, 403, 413, 422, 500, 503),
        separate_input_output_schemas=True,
    )
    app.state.settings = settings
    app.state.database = None
    app.state.token_verifier = TokenVerifier(platform)
    app.state.territories = Territories.from_file(platform.divipola_file)
    metrics = Metrics(service)
    metrics.registry.register(PoolCollector(service, lambda: app.state.database))
    if app.state.token_verifier.keys is not None:
        metrics.registry.register(SigningKeysCollector(service, app.state.token_verifier.keys))
    app.state.metrics = metrics

    async def readiness(request: Request) -> str | None:
        database: Database | None = request.app.state.database
        if database is None:
            return "database not connected"
        try:
            async with database.engine.connect() as conn:
                current = await current_revisions(conn, service)
        except Exception as exc:
            return f"database unreachable ({type(exc).__name__})"
        return migration_problem(service, current, heads, known)

    app.include_router(health_router(readiness))
    install_offline_docs(app, title=title)
    _keep_problem_schema_name(app)
    for router in routers:
        app.include_router(router)
    install_problem_handlers(app)
    install_contract_fixes(app)  # the 200 replay of creates taking a client id

    # Last added runs first: request context → ETags, 304 and gzip → body limit → control
    # characters in parameters (422) → idempotency → fast reads → routes.
    if fast_reads:
        app.add_middleware(FastReadMiddleware, reads=fast_reads)
    app.add_middleware(IdempotencyMiddleware, ttl_hours=platform.idempotency_ttl_hours)
    app.add_middleware(ControlCharacterMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=platform.max_body_bytes)
    app.add_middleware(HttpCacheMiddleware)
    app.add_middleware(
        RequestContextMiddleware, service=service, metrics=metrics, in_flight=in_flight
    )
    instrument_app(app, service)  # outermost, and only when OTEL_* asks for traces
    return app


_PROBLEM_REF = "#/components/schemas/Problem"
_QUALIFIED_PROBLEM = "services__common__errors__Problem"


def _keep_problem_schema_name(app: FastAPI) -> None:
    """Keep the problem+json schema named ``Problem``, which every error response refers to.

    When a service has another model called ``Problem`` (security_plans' vocabulary of
    security problems), FastAPI qualifies both names and the ``$ref`` in
    ``problem_responses`` dangles: ReDoc then refuses to render the document at all.
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            schemas = document.get("components", {}).get("schemas", {})
            if "Problem" not in schemas and _QUALIFIED_PROBLEM in schemas:
                schemas["Problem"] = schemas.pop(_QUALIFIED_PROBLEM)
                app.openapi_schema = _rename_refs(
                    document, "#/components/schemas/" + _QUALIFIED_PROBLEM, _PROBLEM_REF
                )
        return generate()

    app.openapi = openapi  # type: ignore[method-assign]


def _rename_refs(node: Any, old: str, new: str) -> Any:
    if isinstance(node, dict):
        return {
            k: (new if k == "$ref" and v == old else _rename_refs(v, old, new))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rename_refs(v, old, new) for v in node]
    return node


DOCS_ASSETS_PATH = "/static/docs"
# The documentation pages may load nothing from elsewhere. ReDoc's bundle still names its
# attribution logo on cdn.redoc.ly: this policy keeps the browser from asking for it.
# Inline script and styles: Swagger UI's start-up script, ReDoc's generated styles.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


def docs_assets() -> Path:
    """Swagger UI and ReDoc files shipped by the fastapi-offline wheel (no CDN needed)."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def install_offline_docs(
    app: FastAPI, *, title: str, openapi_url: str = "/openapi.json", persist_auth: bool = False
) -> None:
    """/docs (Swagger UI) and /redoc whose scripts, styles and icon are served by the app."""
    app.mount(DOCS_ASSETS_PATH, StaticFiles(directory=docs_assets()), name="docs-assets")
    parameters: dict[str, Any] = {"validatorUrl": None}  # no call to swagger.io's validator
    if persist_auth:
        parameters["persistAuthorization"] = True

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return _local_only(
            get_swagger_ui_html(
                openapi_url=openapi_url,
                title=f"{title} — Swagger UI",
                swagger_js_url=f"{DOCS_ASSETS_PATH}/swagger-ui-bundle.js",
                swagger_css_url=f"{DOCS_ASSETS_PATH}/swagger-ui.css",
                swagger_favicon_url=f"{DOCS_ASSETS_PATH}/favicon.png",
                swagger_ui_parameters=parameters,
            )
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return _local_only(
            get_redoc_html(
                openapi_url=openapi_url,
                title=f"{title} — ReDoc",
                redoc_js_url=f"{DOCS_ASSETS_PATH}/redoc.standalone.js",
                redoc_favicon_url=f"{DOCS_ASSETS_PATH}/favicon.png",
                with_google_fonts=False,
            )
        )


def _local_only(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = DOCS_CSP
    return page
