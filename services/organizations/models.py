"""Tables of the organizations service.

Each is a record-kit ``Record`` (id, version, created_at, updated_at, archived_at) or, for
assessments, which are never archived, a ``VersionedRecord``.
"""

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


class Organization(Record, table=True):
    """A civil-society organization the programme works with."""

    __tablename__ = "organizations"
    __table_args__ = (
        sa.Index("ix_organizations_created_at_id", "created_at", "id"),
        sa.Index(
            "uq_organizations_municipality_code_name_key",
            "municipality_code",
            "name_key",
            unique=True,
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
        # Statistics: organizations counted from the index alone, and the join from the
        # child tables to an organization's territory (both index-only).
        sa.Index(
            "ix_organizations_stats",
            "municipality_code",
            "type",
            "ethnic_focus",
            postgresql_include=["department_code"],
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
        sa.Index(
            "ix_organizations_id_territory",
            "id",
            postgresql_include=["municipality_code", "department_code"],
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
    )

    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200, description="normalised name, for uniqueness")
    search_text: str = Field(max_length=420, description="normalised name and acronym")
    acronym: str | None = Field(default=None, max_length=40)
    type: str = Field(max_length=40, index=True)
    ethnic_focus: str = Field(max_length=20)
    municipality_code: str = Field(max_length=5, index=True)
    department_code: str = Field(max_length=2, index=True)
    founded_year: int | None = None
    members_count: int | None = None
    focus_areas: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(30)), nullable=False)
    )
    contact_email: str | None = Field(default=None, max_length=254)
    contact_phone: str | None = Field(default=None, max_length=40)
    status: str = Field(default="active", max_length=10)


class Assessment(VersionedRecord, table=True):
    """An OPI (Índice de Desempeño Organizacional) assessment of one organization."""

    __tablename__ = "assessments"
    __table_args__ = (
        sa.Index(
            "uq_assessments_one_baseline",
            "organization_id",
            unique=True,
            postgresql_where=sa.text("kind = 'baseline'"),
        ),
        sa.Index("ix_assessments_organization_id_assessed_on", "organization_id", "assessed_on"),
        sa.Index(
            "ix_assessments_verified",
            "organization_id",
            postgresql_include=["kind", "assessed_on", "overall_score"],
            postgresql_where=sa.text("status = 'verified'"),
        ),
        sa.Index(
            "ix_assessments_verified_follow_ups",
            "organization_id",
            "assessed_on",
            "created_at",
            postgresql_include=["overall_score"],
            postgresql_where=sa.text("kind = 'follow_up' AND status = 'verified'"),
        ),
    )

    organization_id: uuid.UUID = Field(foreign_key="organizations.id")
    kind: str = Field(max_length=10)
    assessed_on: date
    facilitator: str = Field(max_length=200)
    scores: dict[str, Any] = Field(default_factory=dict, sa_column=sa.Column(JSONB, nullable=False))
    overall_score: Decimal | None = Field(
        default=None, sa_column=sa.Column(sa.Numeric(4, 2), nullable=True)
    )
    status: str = Field(default="draft", max_length=10)
    verified_by: str | None = Field(default=None, max_length=255)
    verified_at: datetime | None = timestamp_field(nullable=True)


# --- strengthening plans, capacity support, community initiatives ----------------------

OPEN_PLAN_STATUSES = ("draft", "approved", "in_progress")


class StrengtheningPlan(Record, table=True):
    """An organization's strengthening plan, built on a verified OPI assessment."""

    __tablename__ = "strengthening_plans"
    __table_args__ = (
        sa.Index("ix_strengthening_plans_created_at_id", "created_at", "id"),
        sa.Index("ix_strengthening_plans_organization_id", "organization_id"),
        # At most one open plan per organization; archived plans do not count.
        sa.Index(
            "uq_strengthening_plans_one_open",
            "organization_id",
            unique=True,
            postgresql_where=sa.text(
                "status IN ('draft', 'approved', 'in_progress') AND archived_at IS NULL"
            ),
        ),
        sa.CheckConstraint("end_date > start_date", name="dates_in_order"),
        sa.Index(
            "ix_strengthening_plans_stats",
            "organization_id",
            postgresql_include=["status", "start_date"],
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
    )

    organization_id: uuid.UUID = Field(foreign_key="organizations.id")
    baseline_assessment_id: uuid.UUID = Field(foreign_key="assessments.id")
    title: str = Field(max_length=200)
    start_date: date
    end_date: date
    status: str = Field(default="draft", max_length=20)
    cancellation_reason: str | None = Field(default=None, max_length=2000)
    approved_by: str | None = Field(default=None, max_length=255)
    approved_at: datetime | None = timestamp_field(nullable=True)


class StrengtheningAction(Record, table=True):
    """One evidence-based action of a strengthening plan, aimed at one OPI sub-area."""

    __tablename__ = "strengthening_actions"
    __table_args__ = (
        sa.Index("ix_strengthening_actions_plan_id_created_at_id", "plan_id", "created_at", "id"),
        sa.CheckConstraint("progress_pct BETWEEN 0 AND 100", name="progress_pct_range"),
    )

    plan_id: uuid.UUID = Field(foreign_key="strengthening_plans.id")
    opi_area: str = Field(max_length=30)
    description: str = Field(max_length=2000)
    strategy: str = Field(max_length=2000)
    evidence_reference: str = Field(max_length=1000)
    responsible: str = Field(max_length=200)
    due_date: date
    status: str = Field(default="pending", max_length=20)
    progress_pct: int = 0


class SupportActivity(Record, table=True):
    """Targeted capacity support given to one organization."""

    __tablename__ = "support_activities"
    __table_args__ = (
        sa.Index("ix_support_activities_created_at_id", "created_at", "id"),
        sa.Index(
            "ix_support_activities_organization_id_delivered_on", "organization_id", "delivered_on"
        ),
        sa.CheckConstraint("hours > 0", name="hours_positive"),
        sa.Index(
            "ix_support_activities_stats",
            "organization_id",
            postgresql_include=["kind", "delivered_on", "hours"],
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
    )

    organization_id: uuid.UUID = Field(foreign_key="organizations.id")
    kind: str = Field(max_length=40)
    delivered_on: date
    hours: Decimal = Field(sa_column=sa.Column(sa.Numeric(6, 2), nullable=False))
    delivered_by: str = Field(max_length=200)
    description: str = Field(default="", max_length=4000)


class CommunityInitiative(Record, table=True):
    """A community initiative (Iniciativa de Balance Positivo, IBP, or another method)."""

    __tablename__ = "community_initiatives"
    __table_args__ = (
        sa.Index("ix_community_initiatives_created_at_id", "created_at", "id"),
        sa.Index("ix_community_initiatives_municipality_code", "municipality_code"),
        sa.Index("ix_community_initiatives_department_code", "department_code"),
        sa.Index("ix_community_initiatives_lead_organization_id", "lead_organization_id"),
        sa.CheckConstraint("budget_cop >= 0", name="budget_cop_not_negative"),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
    )

    title: str = Field(max_length=200)
    municipality_code: str = Field(max_length=5)
    department_code: str = Field(max_length=2)
    community: str = Field(max_length=200)
    lead_organization_id: uuid.UUID | None = Field(default=None, foreign_key="organizations.id")
    methodology: str = Field(max_length=20)
    objective: str = Field(max_length=4000)
    risk_factors_addressed: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(40)), nullable=False)
    )
    status: str = Field(default="designed", max_length=20)
    cancellation_reason: str | None = Field(default=None, max_length=2000)
    start_date: date
    end_date: date | None = None
    budget_cop: int | None = Field(default=None, sa_type=sa.BigInteger)  # type: ignore[call-overload]
    beneficiaries_total: int = 0
    beneficiaries: dict[str, Any] = Field(
        default_factory=dict, sa_column=sa.Column(JSONB, nullable=False)
    )
