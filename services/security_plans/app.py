"""The security_plans service: PISCC plans, reviews, execution and prevention (port 8002)."""

from __future__ import annotations

from fastapi import FastAPI

from services.common.app import create_service_app
from services.common.auth import require_scope
from services.common.vocabulary import vocabularies_router
from services.security_plans import vocabularies
from services.security_plans.actions.api import FAST_LIST as ACTIONS_LIST
from services.security_plans.actions.api import router as actions_router
from services.security_plans.changes import FEED
from services.security_plans.diagnosis.api import FAST_LIST as PROBLEMS_LIST
from services.security_plans.diagnosis.api import router as diagnosis_router
from services.security_plans.execution.api import router as execution_router
from services.security_plans.lines.api import FAST_LIST as LINES_LIST
from services.security_plans.lines.api import router as lines_router
from services.security_plans.plans.api import FAST_LIST as PLANS_LIST
from services.security_plans.plans.api import router as plans_router
from services.security_plans.reports.api import FAST_LIST as REPORTS_LIST
from services.security_plans.reports.api import router as reports_router
from services.security_plans.reviews.api import FAST_LIST as REVIEWS_LIST
from services.security_plans.reviews.api import router as reviews_router
from services.security_plans.settings import SecurityPlansSettings
from services.security_plans.stats.api import router as stats_router
from services.security_plans.strategies.api import FAST_LIST as STRATEGIES_LIST
from services.security_plans.strategies.api import router as strategies_router

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
    {"name": "changes", "description": "What changed since a cursor (the change feed)"},
]

vocabulary_router = vocabularies_router(
    service="security_plans",
    path="/api/v1/vocabularies/security-plans",
    vocabularies=[*vocabularies.ALL, FEED.vocabulary()],
    tag="vocabularies",
    operation_id="security-plans-vocabularies",
    guard=require_scope("plans:read"),
)

# Registration order decides the order of the tags in the merged contract.
ROUTERS = [
    plans_router,
    execution_router,
    diagnosis_router,
    lines_router,
    actions_router,
    reports_router,
    reviews_router,
    strategies_router,
    stats_router,
    vocabulary_router,
]


def create_app(settings: SecurityPlansSettings | None = None) -> FastAPI:
    """The FastAPI app of the security_plans service."""
    return create_service_app(
        settings=settings or SecurityPlansSettings(),
        title="Somos — security plans",
        description="PISCC security plans, technical reviews, execution tracking and "
        "prevention strategies.",
        routers=ROUTERS,
        tags=TAGS,
        change_feed=FEED,
        fast_reads=[
            PLANS_LIST,
            REVIEWS_LIST,
            STRATEGIES_LIST,
            LINES_LIST,
            PROBLEMS_LIST,
            ACTIONS_LIST,
            REPORTS_LIST,
        ],
    )
