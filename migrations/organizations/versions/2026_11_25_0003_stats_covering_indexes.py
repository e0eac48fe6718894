"""Covering partial indexes for GET /api/v1/stats/organizations (index-only scans).

Revision ID: org_0003
Revises: org_0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "org_0003"
down_revision: str | None = "org_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("archived_at IS NULL")


def upgrade() -> None:
    # Organizations by municipality, type and ethnic focus, read from the index alone.
    op.create_index(
        "ix_organizations_stats",
        "organizations",
        ["municipality_code", "type", "ethnic_focus"],
        postgresql_include=["department_code"],
        postgresql_where=ACTIVE,
    )
    # The join from every child table to its organization's territory.
    op.create_index(
        "ix_organizations_id_territory",
        "organizations",
        ["id"],
        postgresql_include=["municipality_code", "department_code"],
        postgresql_where=ACTIVE,
    )
    op.create_index(
        "ix_assessments_verified",
        "assessments",
        ["organization_id"],
        postgresql_include=["kind", "assessed_on", "overall_score"],
        postgresql_where=sa.text("status = 'verified'"),
    )
    # The latest verified follow-up of each organization (DISTINCT ON, no sort).
    op.create_index(
        "ix_assessments_verified_follow_ups",
        "assessments",
        ["organization_id", "assessed_on", "created_at"],
        postgresql_include=["overall_score"],
        postgresql_where=sa.text("kind = 'follow_up' AND status = 'verified'"),
    )
    op.create_index(
        "ix_strengthening_plans_stats",
        "strengthening_plans",
        ["organization_id"],
        postgresql_include=["status", "start_date"],
        postgresql_where=ACTIVE,
    )
    op.create_index(
        "ix_support_activities_stats",
        "support_activities",
        ["organization_id"],
        postgresql_include=["kind", "delivered_on", "hours"],
        postgresql_where=ACTIVE,
    )


def downgrade() -> None:
    op.drop_index("ix_support_activities_stats", table_name="support_activities")
    op.drop_index("ix_strengthening_plans_stats", table_name="strengthening_plans")
    op.drop_index("ix_assessments_verified_follow_ups", table_name="assessments")
    op.drop_index("ix_assessments_verified", table_name="assessments")
    op.drop_index("ix_organizations_id_territory", table_name="organizations")
    op.drop_index("ix_organizations_stats", table_name="organizations")
