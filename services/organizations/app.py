"""The organizations service: CSOs and their OPI assessments (port 8001)."""

from __future__ import annotations

from fastapi import FastAPI

from services.common.app import create_service_app
from services.organizations.api import FAST_READS, router, vocabulary_router
from services.organizations.settings import OrganizationsSettings

TAGS = [
    {"name": "organizations", "description": "Civil-society organizations (CSOs)"},
    {
        "name": "opi-assessments",
        "description": "OPI — Índice de Desempeño Organizacional — assessments and performance",
    },
    {"name": "vocabularies", "description": "Coded lists with es/en labels"},
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


def create_app(settings: OrganizationsSettings | None = None) -> FastAPI:
    """The FastAPI app of the organizations service."""
    return create_service_app(
        settings=settings or OrganizationsSettings(),
        title="Somos — organizations",
        description="Civil-society organizations, OPI assessments and strengthening.",
        routers=[router, vocabulary_router],
        tags=TAGS,
        fast_reads=FAST_READS,
    )
