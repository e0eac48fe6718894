"""Organizations, OPI assessments and idempotency keys.

Revision ID: org_0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.idempotency import create_table_ddl as create_idempotency_table

revision: str = "org_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("search_text", sa.String(420), nullable=False),
        sa.Column("acronym", sa.String(40), nullable=True),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("ethnic_focus", sa.String(20), nullable=False),
        sa.Column("municipality_code", sa.String(5), nullable=False),
        sa.Column("department_code", sa.String(2), nullable=False),
        sa.Column("founded_year", sa.Integer(), nullable=True),
        sa.Column("members_count", sa.Integer(), nullable=True),
        sa.Column("focus_areas", postgresql.ARRAY(sa.String(30)), nullable=False),
        sa.Column("contact_email", sa.String(254), nullable=True),
        sa.Column("contact_phone", sa.String(40), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_organizations"),
    )
    op.create_index("ix_organizations_created_at_id", "organizations", ["created_at", "id"])
    op.create_index("ix_organizations_type", "organizations", ["type"])
    op.create_index("ix_organizations_municipality_code", "organizations", ["municipality_code"])
    op.create_index("ix_organizations_department_code", "organizations", ["department_code"])
    op.create_index(
        "uq_organizations_municipality_code_name_key",
        "organizations",
        ["municipality_code", "name_key"],
        unique=True,
        postgresql_where=sa.text("archived_at IS NULL"),
    )

    op.create_table(
        "assessments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("facilitator", sa.String(200), nullable=False),
        sa.Column("scores", postgresql.JSONB(), nullable=False),
        sa.Column("overall_score", sa.Numeric(4, 2), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("verified_by", sa.String(255), nullable=True),
        sa.Column("verified_at", TS, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name="fk_assessments_organization_id_organizations",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
    )
    op.create_index(
        "uq_assessments_one_baseline",
        "assessments",
        ["organization_id"],
        unique=True,
        postgresql_where=sa.text("kind = 'baseline'"),
    )
    op.create_index(
        "ix_assessments_organization_id_assessed_on",
        "assessments",
        ["organization_id", "assessed_on"],
    )
    create_idempotency_table(op)


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_table("assessments")
    op.drop_table("organizations")
