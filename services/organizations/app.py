"""The organizations service: CSOs and their OPI assessments (port 8001)."""

from __future__ import annotations

from fastapi import FastAPI

from services.common.app import create_service_app
from services.common.auth import require_scope
from services.common.vocabulary import vocabularies_router
from services.organizations import vocabularies
from services.organizations.assessments.api import FAST_LIST as ASSESSMENTS_LIST
from services.organizations.assessments.api import router as assessments_router
from services.organizations.changes import FEED
from services.organizations.initiatives.api import FAST_LIST as INITIATIVES_LIST
from services.organizations.initiatives.api import router as initiatives_router
from services.organizations.organization_record.api import router as record_router
from services.organizations.registry.api import FAST_READS
from services.organizations.registry.api import router as registry_router
from services.organizations.settings import OrganizationsSettings
from services.organizations.stats.api import router as stats_router
from services.organizations.strengthening.api import FAST_ACTIONS_LIST, FAST_PLANS_LIST
from services.organizations.strengthening.api import router as strengthening_router
from services.organizations.support.api import FAST_LIST as SUPPORT_LIST
from services.organizations.support.api import router as support_router

TAGS = [
    {"name": "organizations", "description": "Civil-society organizations (CSOs)"},
    {
        "name": "opi-assessments",
        "description": "OPI — Índice de Desempeño Organizacional — assessments and performance",
    },
    {"name": "vocabularies", "description": "Coded lists with es/en labels"},
    {"name": "changes", "description": "What changed since a cursor (the change feed)"},
    {
        "name": "strengthening-plans",
        "description": "Strengthening plans built on an OPI baseline, and their actions",
    },
    {"name": "capacity-support", "description": "Targeted capacity support to organizations"},
    {
        "name": "community-initiatives",
        "description": "Community initiatives (Iniciativas de Balance Positivo, IBP)",
    },
    {"name": "statistics", "description": "Programme figures for results and dashboards"},
]


vocabulary_router = vocabularies_router(
    service="organizations",
    path="/api/v1/vocabularies/organizations",
    vocabularies=[*vocabularies.ALL, FEED.vocabulary()],
    tag="vocabularies",
    operation_id="organizations-vocabularies",
    guard=require_scope("organizations:read"),
)

# Registration order sets the order of operations and tags in the OpenAPI document.
ROUTERS = [
    registry_router,
    assessments_router,
    record_router,
    strengthening_router,
    support_router,
    initiatives_router,
    stats_router,
    vocabulary_router,
]


def create_app(settings: OrganizationsSettings | None = None) -> FastAPI:
    """The FastAPI app of the organizations service."""
    return create_service_app(
        settings=settings or OrganizationsSettings(),
        title="Somos — organizations",
        description="Civil-society organizations, OPI assessments and strengthening.",
        routers=ROUTERS,
        tags=TAGS,
        change_feed=FEED,
        fast_reads=[
            *FAST_READS,
            ASSESSMENTS_LIST,
            FAST_ACTIONS_LIST,
            FAST_PLANS_LIST,
            SUPPORT_LIST,
            INITIATIVES_LIST,
        ],
    )
