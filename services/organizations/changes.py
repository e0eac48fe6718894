"""The organizations service's change feed: which tables are changes, and their types."""

from __future__ import annotations

from services.common.changes import ChangeFeed, ChangeSource, Transition

READ = ("organizations:read",)
# Child records take their organization's municipality, looked up when the change commits.
ORGANIZATION_OF = "(SELECT o.municipality_code FROM organizations o WHERE o.id = r.organization_id)"

FEED = ChangeFeed(
    service="organizations",
    operation_id="organizations-changes",
    sources=(
        ChangeSource(
            table="organizations",
            type="organization",
            resource="organizations",
            label=("Organización", "Organization"),
            path="'/api/v1/organizations/' || r.id",
            municipality="r.municipality_code",
            scopes=READ,
        ),
        ChangeSource(
            table="assessments",
            type="assessment",
            resource="assessments",
            label=("Evaluación OPI", "OPI assessment"),
            path="'/api/v1/assessments/' || r.id",
            municipality=ORGANIZATION_OF,
            scopes=READ,
            transitions=(Transition("verified", "verified", "verificación", "verified"),),
            archivable=False,
        ),
        ChangeSource(
            table="strengthening_plans",
            type="strengthening_plan",
            resource="strengthening-plans",
            label=("Plan de fortalecimiento", "Strengthening plan"),
            path="'/api/v1/strengthening-plans/' || r.id",
            municipality=ORGANIZATION_OF,
            scopes=READ,
            transitions=(
                Transition("approved", "approved", "aprobación", "approved"),
                Transition("in_progress", "started", "inicio", "started"),
                Transition("completed", "completed", "finalización", "completed"),
                Transition("cancelled", "cancelled", "cancelación", "cancelled"),
            ),
        ),
        ChangeSource(
            table="strengthening_actions",
            type="strengthening_action",
            resource="strengthening-actions",
            label=("Acción de fortalecimiento", "Strengthening action"),
            path="'/api/v1/strengthening-plans/' || r.plan_id || '/actions/' || r.id",
            municipality=(
                "(SELECT o.municipality_code FROM strengthening_plans p "
                "JOIN organizations o ON o.id = p.organization_id WHERE p.id = r.plan_id)"
            ),
            scopes=READ,
        ),
        ChangeSource(
            table="support_activities",
            type="support_activity",
            resource="support-activities",
            label=("Apoyo a la capacidad", "Capacity support"),
            path="'/api/v1/support-activities/' || r.id",
            municipality=ORGANIZATION_OF,
            scopes=READ,
        ),
        ChangeSource(
            table="community_initiatives",
            type="community_initiative",
            resource="community-initiatives",
            label=("Iniciativa comunitaria", "Community initiative"),
            path="'/api/v1/community-initiatives/' || r.id",
            municipality="r.municipality_code",
            scopes=READ,
            transitions=(
                Transition("in_implementation", "started", "inicio", "started"),
                Transition("completed", "completed", "finalización", "completed"),
                Transition("cancelled", "cancelled", "cancelación", "cancelled"),
            ),
        ),
    ),
)
