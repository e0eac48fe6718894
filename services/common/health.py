"""Health endpoints every process serves: /healthz, /readyz, /metrics."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from services.common.db import Database
from services.common.errors import problem_response


def health_router(readiness: Callable[[Request], object]) -> APIRouter:
    """Routes for liveness, readiness (``readiness`` returns a problem text or None) and metrics."""
    router = APIRouter(include_in_schema=False)

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz(request: Request) -> Response:
        problem = await readiness(request)  # type: ignore[misc]
        if problem:
            return problem_response(
                status=503,
                slug="not-ready",
                title="Not ready",
                detail=str(problem),
                instance="/readyz",
                headers={"Retry-After": "5"},
            )
        return JSONResponse({"status": "ready"})

    @router.get("/metrics")
    async def metrics(request: Request) -> Response:
        registry = request.app.state.metrics.registry
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return router


class PoolCollector(Collector):
    """Database connections in use and idle, read at scrape time."""

    def __init__(self, service: str, database: Callable[[], Database | None]) -> None:
        self.service = service
        self.database = database

    def collect(self) -> Iterable[Metric]:
        gauge = GaugeMetricFamily(
            "somos_db_pool_connections",
            "Database pool connections",
            labels=["service", "pool", "state"],
        )
        db = self.database()
        if db is not None:
            stats = db.pool_stats()
            gauge.add_metric([self.service, "engine", "in_use"], stats["engine_in_use"])
            gauge.add_metric([self.service, "engine", "idle"], stats["engine_idle"])
            gauge.add_metric([self.service, "raw", "in_use"], stats["raw_in_use"])
            gauge.add_metric([self.service, "raw", "idle"], stats["raw_idle"])
        yield gauge
