"""Tables of the reporting service (id, version and timestamps come from the record kit)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from services.common.models import timestamp_field
from services.common.records import Record, VersionedRecord


class Indicator(Record, table=True):
    """An indicator and its reference sheet (USAID's PIRS), built from one measure."""

    __tablename__ = "indicators"
    __table_args__ = (
        sa.Index("uq_indicators_code", "code", unique=True),
        sa.Index("ix_indicators_position", "position"),
    )

    code: str = Field(max_length=20)
    position: int
    name_es: str = Field(max_length=300)
    name_en: str = Field(max_length=300)
    definition: str = Field(max_length=4000)
    unit: str = Field(max_length=10)
    direction: str = Field(max_length=10)
    measure: str = Field(max_length=60)
    parameter: str | None = Field(default=None, max_length=60)
    disaggregations: list[str] = Field(
        default_factory=list, sa_column=sa.Column(JSONB, nullable=False)
    )
    frequency: str = Field(max_length=20)
    data_source: str = Field(max_length=1000)
    limitations: str = Field(max_length=4000)
    baseline: float | None = Field(default=None, sa_type=sa.Float)  # type: ignore[call-overload]
    baseline_year: int | None = None
    created_by: str = Field(max_length=255)


class IndicatorTarget(VersionedRecord, table=True):
    """A target of an indicator: for a fiscal year, or the life of the project (no year);
    for the whole programme, or one department."""

    __tablename__ = "indicator_targets"
    __table_args__ = (
        sa.Index(
            "uq_indicator_targets_scope",
            "indicator_id",
            sa.text("coalesce(fiscal_year, 0)"),
            sa.text("coalesce(department_code, '')"),
            unique=True,
        ),
    )

    indicator_id: uuid.UUID = Field(foreign_key="indicators.id")
    fiscal_year: int | None = None
    department_code: str | None = Field(default=None, max_length=2)
    value: float = Field(sa_type=sa.Float)  # type: ignore[call-overload]
    rationale: str | None = Field(default=None, max_length=2000)
    set_by: str = Field(max_length=255)


class TargetChange(SQLModel, table=True):
    """One change of a target: who, when, why, from what to what (never changed itself)."""

    __tablename__ = "target_changes"
    __table_args__ = (
        sa.Index("ix_target_changes_indicator_id_changed_at", "indicator_id", "changed_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    indicator_id: uuid.UUID = Field(foreign_key="indicators.id")
    fiscal_year: int | None = None
    department_code: str | None = Field(default=None, max_length=2)
    previous_value: float | None = Field(default=None, sa_type=sa.Float)  # type: ignore[call-overload]
    value: float = Field(sa_type=sa.Float)  # type: ignore[call-overload]
    rationale: str | None = Field(default=None, max_length=2000)
    changed_by: str = Field(max_length=255)
    changed_at: datetime = timestamp_field()


class QuarterSubmission(SQLModel, table=True):
    """A quarter as submitted: its frozen figures and narratives. A reopened submission
    is kept, with who reopened it, when and why; the live one has no ``reopened_at``."""

    __tablename__ = "quarter_submissions"
    __table_args__ = (
        sa.Index(
            "uq_quarter_submissions_fiscal_year_quarter",
            "fiscal_year",
            "quarter",
            unique=True,
            postgresql_where=sa.text("reopened_at IS NULL"),
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    fiscal_year: int
    quarter: int
    submitted_by: str = Field(max_length=255)
    submitted_at: datetime = timestamp_field()
    narratives: dict[str, str] = Field(
        default_factory=dict, sa_column=sa.Column(JSONB, nullable=False)
    )
    figures: dict[str, Any] = Field(
        default_factory=dict, sa_column=sa.Column(JSONB, nullable=False)
    )
    reopened_at: datetime | None = timestamp_field(nullable=True)
    reopened_by: str | None = Field(default=None, max_length=255)
    reopen_reason: str | None = Field(default=None, max_length=2000)
