"""Tables of the security_plans service (id, version and timestamps come from the record kit)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from services.common.models import timestamp_field
from services.common.records import Record, VersionedRecord

ACTIVE = sa.text("archived_at IS NULL")


class SecurityPlan(Record, table=True):
    """A municipality's PISCC for one mayoral term."""

    __tablename__ = "security_plans"
    __table_args__ = (
        sa.Index("ix_security_plans_created_at_id", "created_at", "id"),
        sa.Index(
            "uq_security_plans_municipality_code_term_start_year",
            "municipality_code",
            "term_start_year",
            unique=True,
            postgresql_where=ACTIVE,
        ),
    )

    municipality_code: str = Field(max_length=5, index=True)
    department_code: str = Field(max_length=2, index=True)
    term_start_year: int
    term_end_year: int
    title: str = Field(max_length=300)
    status: str = Field(default="formulation", max_length=20)
    status_reason: str | None = Field(default=None, max_length=2000)
    status_changed_at: datetime | None = timestamp_field(nullable=True)
    approved_on: date | None = None
    approving_body: str | None = Field(default=None, max_length=40)
    act_reference: str | None = Field(default=None, max_length=200)


class PlanProblem(Record, table=True):
    """One prioritised problem of a plan's diagnosis."""

    __tablename__ = "plan_problems"
    __table_args__ = (
        sa.Index(
            "uq_plan_problems_plan_id_problem",
            "plan_id",
            "problem",
            unique=True,
            postgresql_where=ACTIVE,
        ),
    )

    plan_id: uuid.UUID = Field(foreign_key="security_plans.id", index=True)
    problem: str = Field(max_length=40)
    priority: int
    baseline_value: float = Field(sa_type=sa.Double)  # type: ignore[call-overload]
    unit: str = Field(max_length=20)
    baseline_year: int
    source: str = Field(max_length=300)


class PlanLine(Record, table=True):
    """A strategic line of a plan."""

    __tablename__ = "plan_lines"

    plan_id: uuid.UUID = Field(foreign_key="security_plans.id", index=True)
    name: str = Field(max_length=300)
    objective: str = Field(max_length=4000)


class SecurityPlanAction(Record, table=True):
    """An action (project) under a strategic line, with its indicator and planned budget."""

    __tablename__ = "plan_actions"

    plan_id: uuid.UUID = Field(foreign_key="security_plans.id", index=True)
    line_id: uuid.UUID = Field(foreign_key="plan_lines.id", index=True)
    name: str = Field(max_length=300)
    responsible_institution: str = Field(max_length=40)
    problems: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(40)), nullable=False)
    )
    indicator: dict[str, Any] = Field(
        default_factory=dict, sa_column=sa.Column(JSONB, nullable=False)
    )
    budget: dict[str, int] = Field(default_factory=dict, sa_column=sa.Column(JSONB, nullable=False))
    budget_total_cop: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]


class ProgressReport(VersionedRecord, table=True):
    """What an action achieved and spent in one quarter of the term."""

    __tablename__ = "progress_reports"
    __table_args__ = (
        sa.UniqueConstraint("action_id", "period", name="uq_progress_reports_action_id_period"),
        sa.Index("ix_progress_reports_plan_id_period_start", "plan_id", "period_start"),
    )

    plan_id: uuid.UUID = Field(foreign_key="security_plans.id")
    action_id: uuid.UUID = Field(foreign_key="plan_actions.id")
    period: str = Field(max_length=7)
    period_start: date
    value: float = Field(sa_type=sa.Double)  # type: ignore[call-overload]
    budget_executed_cop: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]
    note: str | None = Field(default=None, max_length=4000)
    reported_by: str = Field(max_length=255)


class PlanReview(VersionedRecord, table=True):
    """The programme's technical review of a plan against the fixed checklist."""

    __tablename__ = "plan_reviews"
    __table_args__ = (sa.Index("ix_plan_reviews_plan_id_reviewed_on", "plan_id", "reviewed_on"),)

    plan_id: uuid.UUID = Field(foreign_key="security_plans.id")
    reviewer: str = Field(max_length=200)
    reviewed_on: date
    checklist: dict[str, Any] = Field(
        default_factory=dict, sa_column=sa.Column(JSONB, nullable=False)
    )
    recommendations: str | None = Field(default=None, max_length=8000)
    score: Decimal = Field(sa_column=sa.Column(sa.Numeric(5, 2), nullable=False))


class PreventionStrategy(Record, table=True):
    """An evidence-based crime and violence prevention strategy in one municipality."""

    __tablename__ = "prevention_strategies"
    __table_args__ = (sa.Index("ix_prevention_strategies_created_at_id", "created_at", "id"),)

    title: str = Field(max_length=300)
    municipality_code: str = Field(max_length=5, index=True)
    department_code: str = Field(max_length=2, index=True)
    security_plan_id: uuid.UUID | None = Field(
        default=None, foreign_key="security_plans.id", index=True
    )
    approach: str = Field(max_length=30)
    target_problems: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(40)), nullable=False)
    )
    target_population: str = Field(max_length=30)
    evidence_summary: str = Field(max_length=8000)
    evidence_references: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.Text), nullable=False)
    )
    status: str = Field(default="designed", max_length=20)
    status_reason: str | None = Field(default=None, max_length=2000)
    started_on: date | None = None
    results_note: str | None = Field(default=None, max_length=8000)
