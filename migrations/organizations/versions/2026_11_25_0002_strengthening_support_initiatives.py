"""Strengthening plans and their actions, capacity support, community initiatives.

Revision ID: org_0002
Revises: org_0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "org_0002"
down_revision: str | None = "org_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def _bookkeeping() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "strengthening_plans",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("baseline_assessment_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("cancellation_reason", sa.String(2000), nullable=True),
        sa.Column("approved_by", sa.String(255), nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name="fk_strengthening_plans_organization_id_organizations",
        ),
        sa.ForeignKeyConstraint(
            ["baseline_assessment_id"],
            ["assessments.id"],
            name="fk_strengthening_plans_baseline_assessment_id_assessments",
        ),
        sa.CheckConstraint("end_date > start_date", name="ck_strengthening_plans_dates_in_order"),
        sa.PrimaryKeyConstraint("id", name="pk_strengthening_plans"),
    )
    op.create_index(
        "ix_strengthening_plans_created_at_id", "strengthening_plans", ["created_at", "id"]
    )
    op.create_index(
        "ix_strengthening_plans_organization_id", "strengthening_plans", ["organization_id"]
    )
    op.create_index(
        "uq_strengthening_plans_one_open",
        "strengthening_plans",
        ["organization_id"],
        unique=True,
        postgresql_where=sa.text(
            "status IN ('draft', 'approved', 'in_progress') AND archived_at IS NULL"
        ),
    )

    op.create_table(
        "plan_actions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("opi_area", sa.String(30), nullable=False),
        sa.Column("description", sa.String(2000), nullable=False),
        sa.Column("strategy", sa.String(2000), nullable=False),
        sa.Column("evidence_reference", sa.String(1000), nullable=False),
        sa.Column("responsible", sa.String(200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("progress_pct", sa.Integer(), nullable=False),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["strengthening_plans.id"],
            name="fk_plan_actions_plan_id_strengthening_plans",
        ),
        sa.CheckConstraint(
            "progress_pct BETWEEN 0 AND 100", name="ck_plan_actions_progress_pct_range"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_plan_actions"),
    )
    op.create_index(
        "ix_plan_actions_plan_id_created_at_id", "plan_actions", ["plan_id", "created_at", "id"]
    )

    op.create_table(
        "support_activities",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(6, 2), nullable=False),
        sa.Column("delivered_by", sa.String(200), nullable=False),
        sa.Column("description", sa.String(4000), nullable=False),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name="fk_support_activities_organization_id_organizations",
        ),
        sa.CheckConstraint("hours > 0", name="ck_support_activities_hours_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_support_activities"),
    )
    op.create_index(
        "ix_support_activities_created_at_id", "support_activities", ["created_at", "id"]
    )
    op.create_index(
        "ix_support_activities_organization_id_delivered_on",
        "support_activities",
        ["organization_id", "delivered_on"],
    )

    op.create_table(
        "community_initiatives",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("municipality_code", sa.String(5), nullable=False),
        sa.Column("department_code", sa.String(2), nullable=False),
        sa.Column("community", sa.String(200), nullable=False),
        sa.Column("lead_organization_id", sa.Uuid(), nullable=True),
        sa.Column("methodology", sa.String(20), nullable=False),
        sa.Column("objective", sa.String(4000), nullable=False),
        sa.Column("risk_factors_addressed", postgresql.ARRAY(sa.String(40)), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("cancellation_reason", sa.String(2000), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("budget_cop", sa.BigInteger(), nullable=True),
        sa.Column("beneficiaries_total", sa.Integer(), nullable=False),
        sa.Column("beneficiaries", postgresql.JSONB(), nullable=False),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(
            ["lead_organization_id"],
            ["organizations.id"],
            name="fk_community_initiatives_lead_organization_id_organizations",
        ),
        sa.CheckConstraint(
            "budget_cop >= 0", name="ck_community_initiatives_budget_cop_not_negative"
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name="ck_community_initiatives_dates_in_order",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_community_initiatives"),
    )
    op.create_index(
        "ix_community_initiatives_created_at_id", "community_initiatives", ["created_at", "id"]
    )
    op.create_index(
        "ix_community_initiatives_municipality_code", "community_initiatives", ["municipality_code"]
    )
    op.create_index(
        "ix_community_initiatives_department_code", "community_initiatives", ["department_code"]
    )
    op.create_index(
        "ix_community_initiatives_lead_organization_id",
        "community_initiatives",
        ["lead_organization_id"],
    )


def downgrade() -> None:
    op.drop_table("community_initiatives")
    op.drop_table("support_activities")
    op.drop_table("plan_actions")
    op.drop_table("strengthening_plans")
