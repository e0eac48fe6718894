"""The app factory: wires the kit so a service's ``app.py`` is a few lines."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request

from services.common.auth import TokenVerifier
from services.common.db import Database
from services.common.errors import install_problem_handlers, problem_responses
from services.common.fastpath import FastReadMiddleware, FastRoute
from services.common.health import PoolCollector, health_router
from services.common.idempotency import IdempotencyMiddleware, purge_expired
from services.common.limits import BodyLimitMiddleware
from services.common.migrations import (
    current_revisions,
    head_revisions,
    known_revisions,
    migration_problem,
)
from services.common.observability import InFlight, Metrics, RequestContextMiddleware
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
) -> FastAPI:
    """A FastAPI app with auth, problem+json, request ids, logs, metrics, limits, health.

    ``lifespan_hooks`` open extra resources for the app's lifetime (e.g. pooled upstream
    clients), entered after the database starts and closed before it stops.
    ``fast_reads`` are GET routes also answered on a lean path (see ``fastpath``).
    """
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
        openapi_tags=list(tags),
        responses=problem_responses(400, 401, 403, 413, 422, 500),
        separate_input_output_schemas=True,
    )
    app.state.settings = settings
    app.state.database = None
    app.state.token_verifier = TokenVerifier(platform)
    app.state.territories = Territories.from_file(platform.divipola_file)
    metrics = Metrics(service)
    metrics.registry.register(PoolCollector(service, lambda: app.state.database))
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
    for router in routers:
        app.include_router(router)
    install_problem_handlers(app)

    # Last added runs first: request context → body limit → idempotency → fast reads → routes.
    if fast_reads:
        app.add_middleware(FastReadMiddleware, reads=fast_reads)
    app.add_middleware(IdempotencyMiddleware, ttl_hours=platform.idempotency_ttl_hours)
    app.add_middleware(BodyLimitMiddleware, max_bytes=platform.max_body_bytes)
    app.add_middleware(
        RequestContextMiddleware, service=service, metrics=metrics, in_flight=in_flight
    )
    instrument_app(app, service)  # outermost, and only when OTEL_* asks for traces
    return app
