"""The security_plans service: PISCC plans, reviews, execution and prevention (port 8002)."""

from __future__ import annotations

from fastapi import FastAPI

from services.common.app import create_service_app
from services.security_plans.api import router, vocabulary_router
from services.security_plans.settings import SecurityPlansSettings

TAGS = [
    {
        "name": "security-plans",
        "description": "Planes Integrales de Seguridad y Convivencia Ciudadana (PISCC): lifecycle",
    },
    {"name": "plan-content", "description": "Diagnosis, strategic lines and actions of a plan"},
    {"name": "plan-execution", "description": "Quarterly progress reports and execution summary"},
    {"name": "plan-reviews", "description": "The programme's technical reviews of plans"},
    {
        "name": "prevention-strategies",
        "description": "Evidence-based crime and violence prevention strategies",
    },
    {"name": "statistics", "description": "Aggregates for monitoring"},
    {"name": "vocabularies", "description": "Coded lists with es/en labels"},
]


def create_app(settings: SecurityPlansSettings | None = None) -> FastAPI:
    """The FastAPI app of the security_plans service."""
    return create_service_app(
        settings=settings or SecurityPlansSettings(),
        title="Somos — security plans",
        description="PISCC security plans, technical reviews, execution tracking and "
        "prevention strategies.",
        routers=[router, vocabulary_router],
        tags=TAGS,
    )
