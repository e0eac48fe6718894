"""The reporting service: indicators, targets, the IPTT and locked quarters (port 8005)."""

from __future__ import annotations

from collections.abc import Mapping

import httpx
from fastapi import FastAPI

from services.common.app import create_service_app
from services.reporting.indicators.api import router as indicators_router
from services.reporting.iptt.api import router as iptt_router
from services.reporting.reporting_periods.api import router as periods_router
from services.reporting.results.api import router as results_router
from services.reporting.settings import ReportingSettings
from services.reporting.targets.api import router as targets_router
from services.reporting.upstreams import statistics_lifespan

TAGS = [
    {"name": "indicators", "description": "Indicators and their reference sheets (PIRS)"},
    {"name": "targets", "description": "Fiscal-year and life-of-project targets, with history"},
    {
        "name": "iptt",
        "description": "The Indicator Performance Tracking Table by US fiscal year and quarter",
    },
    {
        "name": "reporting-periods",
        "description": "Quarters submitted (figures frozen) and reopened",
    },
    {"name": "results", "description": "The programme's results framework against its targets"},
]

# Registration order decides the order of the tags in the merged contract.
ROUTERS = [indicators_router, targets_router, iptt_router, periods_router, results_router]


def create_app(
    settings: ReportingSettings | None = None,
    *,
    transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> FastAPI:
    """The FastAPI app of the reporting service (``transports``: tests only)."""
    settings = settings or ReportingSettings()
    return create_service_app(
        settings=settings,
        title="Somos — reporting",
        description="The programme's indicators (PIRS), their targets, the Indicator "
        "Performance Tracking Table by US fiscal year and quarter, and submitted quarters.",
        routers=ROUTERS,
        tags=TAGS,
        lifespan_hooks=[statistics_lifespan(settings, transports)],
    )
