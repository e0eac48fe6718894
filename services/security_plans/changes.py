"""The security_plans service's change feed: which tables are changes, and their types."""

from __future__ import annotations

from services.common.changes import ChangeFeed, ChangeSource, Transition

READ = ("plans:read",)
# A plan's content takes the plan's municipality, looked up when the change commits.
PLAN_OF = "(SELECT p.municipality_code FROM security_plans p WHERE p.id = r.plan_id)"
PLAN_PATH = "'/api/v1/security-plans/' || r.plan_id || "

FEED = ChangeFeed(
    service="security_plans",
    operation_id="security-plans-changes",
    sources=(
        ChangeSource(
            table="security_plans",
            type="security_plan",
            resource="security-plans",
            label=("Plan integral de seguridad (PISCC)", "Security plan (PISCC)"),
            path="'/api/v1/security-plans/' || r.id",
            municipality="r.municipality_code",
            scopes=READ,
            transitions=(
                Transition("submitted", "submitted", "radicación", "submitted"),
                Transition("formulation", "returned", "devolución", "returned"),
                Transition("approved", "approved", "aprobación", "approved"),
                Transition("in_implementation", "started", "inicio", "started"),
                Transition("closed", "closed", "cierre", "closed"),
            ),
        ),
        ChangeSource(
            table="plan_problems",
            type="plan_problem",
            resource="plan-problems",
            label=("Problema priorizado", "Prioritised problem"),
            path=PLAN_PATH + "'/problems/' || r.id",
            municipality=PLAN_OF,
            scopes=READ,
        ),
        ChangeSource(
            table="plan_lines",
            type="plan_line",
            resource="plan-lines",
            label=("Línea estratégica", "Strategic line"),
            path=PLAN_PATH + "'/lines/' || r.id",
            municipality=PLAN_OF,
            scopes=READ,
        ),
        ChangeSource(
            table="plan_actions",
            type="plan_action",
            resource="plan-actions",
            label=("Acción del plan", "Plan action"),
            path=PLAN_PATH + "'/actions/' || r.id",
            municipality=PLAN_OF,
            scopes=READ,
        ),
        ChangeSource(
            table="progress_reports",
            type="progress_report",
            resource="progress-reports",
            label=("Reporte de avance", "Progress report"),
            path=PLAN_PATH + "'/actions/' || r.action_id || '/reports/' || r.id",
            municipality=PLAN_OF,
            scopes=READ,
            archivable=False,
        ),
        ChangeSource(
            table="plan_reviews",
            type="plan_review",
            resource="plan-reviews",
            label=("Revisión técnica", "Plan review"),
            path="'/api/v1/plan-reviews/' || r.id",
            municipality=PLAN_OF,
            scopes=READ,
            archivable=False,
        ),
        ChangeSource(
            table="prevention_strategies",
            type="prevention_strategy",
            resource="prevention-strategies",
            label=("Estrategia de prevención", "Prevention strategy"),
            path="'/api/v1/prevention-strategies/' || r.id",
            municipality="r.municipality_code",
            scopes=READ,
            transitions=(
                Transition("implementing", "started", "inicio", "started"),
                Transition("implemented", "implemented", "implementación", "implemented"),
                Transition("evaluated", "evaluated", "evaluación", "evaluated"),
                Transition("discontinued", "discontinued", "suspensión", "discontinued"),
            ),
        ),
    ),
)
