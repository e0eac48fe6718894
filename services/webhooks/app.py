"""The webhooks service: subscriptions, signed deliveries fed by the change feeds (port 8004)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.common.app import create_service_app
from services.webhooks.deliveries.api import router as deliveries_router
from services.webhooks.deliveries.api import subscription_router as subscription_deliveries
from services.webhooks.queue import create_job_queue
from services.webhooks.settings import WebhooksSettings
from services.webhooks.signing import secret_box
from services.webhooks.subscriptions.api import router as subscriptions_router

TAGS = [
    {
        "name": "webhook-subscriptions",
        "description": "Endpoints that receive signed events (Standard Webhooks)",
    },
    {
        "name": "webhook-deliveries",
        "description": "What was sent to a subscription, its attempts, pings and redeliveries",
    },
]

ROUTERS = [subscriptions_router, subscription_deliveries, deliveries_router]


def create_app(settings: WebhooksSettings | None = None) -> FastAPI:
    """The FastAPI app of the webhooks service (the worker runs apart: `somos worker`)."""
    settings = settings or WebhooksSettings()

    @asynccontextmanager
    async def job_queue(app: FastAPI) -> AsyncIterator[None]:
        assert settings.database_url
        queue = create_job_queue(settings.database_url, pool_size=4)
        async with queue.open_async():
            app.state.job_queue = queue
            try:
                yield
            finally:
                app.state.job_queue = None

    app = create_service_app(
        settings=settings,
        title="Somos — webhooks",
        description="Webhook subscriptions and signed deliveries (Standard Webhooks) of the "
        "services' change feeds.",
        routers=ROUTERS,
        tags=TAGS,
        lifespan_hooks=[job_queue],
    )
    app.state.secret_box = secret_box(settings)
    return app
