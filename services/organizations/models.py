"""Tables of the organizations service."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

from services.common.models import timestamp_field


class Organization(SQLModel, table=True):
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
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
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
    version: int = 1
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
    archived_at: datetime | None = timestamp_field(nullable=True)


class Assessment(SQLModel, table=True):
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
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
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
    version: int = 1
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
