"""Indicators (PIRS), targets with their history, quarter submissions, idempotency keys;
R1-R10 seeded with the targets of results_targets.toml.

Revision ID: reporting_0001
Revises:
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.idempotency import create_table_ddl as create_idempotency_table
from services.reporting import framework

revision: str = "reporting_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "indicators",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_es", sa.String(300), nullable=False),
        sa.Column("name_en", sa.String(300), nullable=False),
        sa.Column("definition", sa.String(4000), nullable=False),
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("measure", sa.String(60), nullable=False),
        sa.Column("parameter", sa.String(60), nullable=True),
        sa.Column("disaggregations", postgresql.JSONB(), nullable=False),
        sa.Column("frequency", sa.String(20), nullable=False),
        sa.Column("data_source", sa.String(1000), nullable=False),
        sa.Column("limitations", sa.String(4000), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("baseline_year", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(255), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_indicators"),
    )
    op.create_index("uq_indicators_code", "indicators", ["code"], unique=True)
    op.create_index("ix_indicators_position", "indicators", ["position"])

    op.create_table(
        "indicator_targets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=True),
        sa.Column("department_code", sa.String(2), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("rationale", sa.String(2000), nullable=True),
        sa.Column("set_by", sa.String(255), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_indicator_targets"),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicators.id"], name="fk_indicator_targets_indicator_id_indicators"
        ),
    )
    op.create_index(
        "uq_indicator_targets_scope",
        "indicator_targets",
        [
            "indicator_id",
            sa.text("coalesce(fiscal_year, 0)"),
            sa.text("coalesce(department_code, '')"),
        ],
        unique=True,
    )

    op.create_table(
        "target_changes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=True),
        sa.Column("department_code", sa.String(2), nullable=True),
        sa.Column("previous_value", sa.Float(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("rationale", sa.String(2000), nullable=True),
        sa.Column("changed_by", sa.String(255), nullable=False),
        sa.Column("changed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_target_changes"),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicators.id"], name="fk_target_changes_indicator_id_indicators"
        ),
    )
    op.create_index(
        "ix_target_changes_indicator_id_changed_at",
        "target_changes",
        ["indicator_id", "changed_at"],
    )

    op.create_table(
        "quarter_submissions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("submitted_by", sa.String(255), nullable=False),
        sa.Column("submitted_at", TS, nullable=False),
        sa.Column("narratives", postgresql.JSONB(), nullable=False),
        sa.Column("figures", postgresql.JSONB(), nullable=False),
        sa.Column("reopened_at", TS, nullable=True),
        sa.Column("reopened_by", sa.String(255), nullable=True),
        sa.Column("reopen_reason", sa.String(2000), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_quarter_submissions"),
    )
    op.create_index(
        "uq_quarter_submissions_fiscal_year_quarter",
        "quarter_submissions",
        ["fiscal_year", "quarter"],
        unique=True,
        postgresql_where=sa.text("reopened_at IS NULL"),
    )
    create_idempotency_table(op)
    framework.seed(op.get_bind())


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_table("quarter_submissions")
    op.drop_table("target_changes")
    op.drop_table("indicator_targets")
    op.drop_table("indicators")
