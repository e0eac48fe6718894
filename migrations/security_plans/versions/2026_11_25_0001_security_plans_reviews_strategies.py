"""Security plans (PISCC) with diagnosis, lines, actions and progress reports; reviews;
prevention strategies; idempotency keys.

Revision ID: plans_0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.idempotency import create_table_ddl as create_idempotency_table

revision: str = "plans_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)
ACTIVE = sa.text("archived_at IS NULL")


def _bookkeeping(archivable: bool = True) -> list[sa.Column[Any]]:
    columns: list[sa.Column[Any]] = [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    ]
    if archivable:
        columns.append(sa.Column("archived_at", TS, nullable=True))
    return columns


def _plan_fk(table: str, column: str = "plan_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["security_plans.id"], name=f"fk_{table}_{column}_security_plans"
    )


def upgrade() -> None:
    op.create_table(
        "security_plans",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_code", sa.String(5), nullable=False),
        sa.Column("department_code", sa.String(2), nullable=False),
        sa.Column("term_start_year", sa.Integer(), nullable=False),
        sa.Column("term_end_year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_reason", sa.String(2000), nullable=True),
        sa.Column("status_changed_at", TS, nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("approving_body", sa.String(40), nullable=True),
        sa.Column("act_reference", sa.String(200), nullable=True),
        *_bookkeeping(),
        sa.PrimaryKeyConstraint("id", name="pk_security_plans"),
    )
    op.create_index("ix_security_plans_created_at_id", "security_plans", ["created_at", "id"])
    op.create_index("ix_security_plans_municipality_code", "security_plans", ["municipality_code"])
    op.create_index("ix_security_plans_department_code", "security_plans", ["department_code"])
    op.create_index(
        "uq_security_plans_municipality_code_term_start_year",
        "security_plans",
        ["municipality_code", "term_start_year"],
        unique=True,
        postgresql_where=ACTIVE,
    )

    op.create_table(
        "plan_problems",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("problem", sa.String(40), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("baseline_value", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("baseline_year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
        *_bookkeeping(),
        _plan_fk("plan_problems"),
        sa.PrimaryKeyConstraint("id", name="pk_plan_problems"),
    )
    op.create_index("ix_plan_problems_plan_id", "plan_problems", ["plan_id"])
    op.create_index(
        "uq_plan_problems_plan_id_problem",
        "plan_problems",
        ["plan_id", "problem"],
        unique=True,
        postgresql_where=ACTIVE,
    )

    op.create_table(
        "plan_lines",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("objective", sa.String(4000), nullable=False),
        *_bookkeeping(),
        _plan_fk("plan_lines"),
        sa.PrimaryKeyConstraint("id", name="pk_plan_lines"),
    )
    op.create_index("ix_plan_lines_plan_id", "plan_lines", ["plan_id"])

    op.create_table(
        "plan_actions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("line_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("responsible_institution", sa.String(40), nullable=False),
        sa.Column("problems", postgresql.ARRAY(sa.String(40)), nullable=False),
        sa.Column("indicator", postgresql.JSONB(), nullable=False),
        sa.Column("budget", postgresql.JSONB(), nullable=False),
        sa.Column("budget_total_cop", sa.BigInteger(), nullable=False),
        *_bookkeeping(),
        _plan_fk("plan_actions"),
        sa.ForeignKeyConstraint(
            ["line_id"], ["plan_lines.id"], name="fk_plan_actions_line_id_plan_lines"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_plan_actions"),
    )
    op.create_index("ix_plan_actions_plan_id", "plan_actions", ["plan_id"])
    op.create_index("ix_plan_actions_line_id", "plan_actions", ["line_id"])

    op.create_table(
        "progress_reports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("budget_executed_cop", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.String(4000), nullable=True),
        sa.Column("reported_by", sa.String(255), nullable=False),
        *_bookkeeping(archivable=False),
        _plan_fk("progress_reports"),
        sa.ForeignKeyConstraint(
            ["action_id"], ["plan_actions.id"], name="fk_progress_reports_action_id_plan_actions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_progress_reports"),
        sa.UniqueConstraint("action_id", "period", name="uq_progress_reports_action_id_period"),
    )
    op.create_index(
        "ix_progress_reports_plan_id_period_start", "progress_reports", ["plan_id", "period_start"]
    )

    op.create_table(
        "plan_reviews",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("checklist", postgresql.JSONB(), nullable=False),
        sa.Column("recommendations", sa.String(8000), nullable=True),
        sa.Column("score", sa.Numeric(5, 2), nullable=False),
        *_bookkeeping(archivable=False),
        _plan_fk("plan_reviews"),
        sa.PrimaryKeyConstraint("id", name="pk_plan_reviews"),
    )
    op.create_index(
        "ix_plan_reviews_plan_id_reviewed_on", "plan_reviews", ["plan_id", "reviewed_on"]
    )

    op.create_table(
        "prevention_strategies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("municipality_code", sa.String(5), nullable=False),
        sa.Column("department_code", sa.String(2), nullable=False),
        sa.Column("security_plan_id", sa.Uuid(), nullable=True),
        sa.Column("approach", sa.String(30), nullable=False),
        sa.Column("target_problems", postgresql.ARRAY(sa.String(40)), nullable=False),
        sa.Column("target_population", sa.String(30), nullable=False),
        sa.Column("evidence_summary", sa.String(8000), nullable=False),
        sa.Column("evidence_references", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_reason", sa.String(2000), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("results_note", sa.String(8000), nullable=True),
        *_bookkeeping(),
        _plan_fk("prevention_strategies", "security_plan_id"),
        sa.PrimaryKeyConstraint("id", name="pk_prevention_strategies"),
    )
    op.create_index(
        "ix_prevention_strategies_created_at_id", "prevention_strategies", ["created_at", "id"]
    )
    op.create_index(
        "ix_prevention_strategies_municipality_code", "prevention_strategies", ["municipality_code"]
    )
    op.create_index(
        "ix_prevention_strategies_department_code", "prevention_strategies", ["department_code"]
    )
    op.create_index(
        "ix_prevention_strategies_security_plan_id", "prevention_strategies", ["security_plan_id"]
    )
    create_idempotency_table(op)


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_table("prevention_strategies")
    op.drop_table("plan_reviews")
    op.drop_table("progress_reports")
    op.drop_table("plan_actions")
    op.drop_table("plan_lines")
    op.drop_table("plan_problems")
    op.drop_table("security_plans")
