"""The events service: dialogues, workshops, participation, attendees, commitments (port 8003)."""

from __future__ import annotations

from collections.abc import Mapping

import httpx
from fastapi import FastAPI

from services.common.app import create_service_app
from services.common.auth import require_scope
from services.common.vocabulary import vocabularies_router
from services.events import vocabularies
from services.events.attendees import api as attendees
from services.events.changes import FEED
from services.events.commitments import api as commitments
from services.events.commitments.overdue import overdue_lifespan
from services.events.data_subject_requests import api as data_subject_requests
from services.events.data_subject_requests.service import person_hash_backfill
from services.events.events import api as events
from services.events.participation import api as participation
from services.events.pii import Keyring, keyring_from_settings
from services.events.pii_access_log import api as pii_access_log
from services.events.risk_factors import api as risk_factors
from services.events.settings import EventsSettings
from services.events.stats import api as stats
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
        "name": "data-subject-requests",
        "description": "Habeas data (Ley 1581 de 2012): find, export and erase one person's "
        "records across events — `attendees:pii` and `admin`, every call logged",
    },
    {
        "name": "risk-factors-and-commitments",
        "description": "Risk factors named in events, commitments and their follow-up",
    },
    {"name": "statistics", "description": "Aggregate figures, by municipality"},
    {"name": "vocabularies", "description": "Coded lists with es/en labels"},
    {"name": "changes", "description": "What changed since a cursor (the change feed)"},
]

vocabulary_router = vocabularies_router(
    service="events",
    path="/api/v1/vocabularies/events",
    vocabularies=[*vocabularies.ALL, FEED.vocabulary()],
    tag="vocabularies",
    operation_id="events-vocabularies",
    guard=require_scope("events:read"),
)
# Registration order is the order of paths in the contract.
ROUTERS = [
    events.router,
    participation.router,
    attendees.router,
    pii_access_log.router,
    data_subject_requests.router,
    risk_factors.router,
    commitments.event_router,
    commitments.router,
    stats.router,
    vocabulary_router,
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
        routers=ROUTERS,
        tags=TAGS,
        change_feed=FEED,
        lifespan_hooks=[
            upstream_lifespan(settings, upstream_transports),
            person_hash_backfill,
            overdue_lifespan(settings.overdue_check_seconds),
        ],
        fast_reads=[
            events.FAST_LIST,
            risk_factors.FAST_LIST,
            commitments.FAST_EVENT_LIST,
            commitments.FAST_LIST,
            attendees.FAST_LIST,
            pii_access_log.FAST_LIST,
        ],
    )
    # Refuses to start in production without keys; development keeps generated ones.
    app.state.keyring = keyring or keyring_from_settings(settings)
    return app
