"""The events service: dialogues, workshops, participation, attendees, commitments (port 8003)."""

from __future__ import annotations

from collections.abc import Mapping

import httpx
from fastapi import FastAPI

from services.common.app import create_service_app
from services.events.api import router, vocabulary_router
from services.events.pii import Keyring, keyring_from_settings
from services.events.settings import EventsSettings
from services.events.upstreams import upstream_lifespan

TAGS = [
    {
        "name": "events",
        "description": "Diálogos de Resiliencia, Hablemos de Policía, regional "
        "spaces, PISCC trainings, workshops",
    },
    {"name": "participation", "description": "Anonymous participation summaries"},
    {
        "name": "attendees",
        "description": "Named attendees — personal data: `attendees:pii`, "
        "encrypted at rest, every read logged",
    },
    {
        "name": "risk-factors-and-commitments",
        "description": "Risk factors named in events, commitments and their follow-up",
    },
    {"name": "statistics", "description": "Aggregate figures, by municipality"},
    {"name": "vocabularies", "description": "Coded lists with es/en labels"},
]


def create_app(
    settings: EventsSettings | None = None,
    *,
    keyring: Keyring | None = None,
    upstream_transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> FastAPI:
    """The FastAPI app of the events service (keyring and transports: tests and tools)."""
    settings = settings or EventsSettings()
    app = create_service_app(
        settings=settings,
        title="Somos — events",
        description="Dialogues and workshops, participation, attendees' personal data "
        "(encrypted, access-logged), risk factors and commitments.",
        routers=[router, vocabulary_router],
        tags=TAGS,
        lifespan_hooks=[upstream_lifespan(settings, upstream_transports)],
    )
    # Refuses to start in production without keys; development keeps generated ones.
    app.state.keyring = keyring or keyring_from_settings(settings)
    return app
