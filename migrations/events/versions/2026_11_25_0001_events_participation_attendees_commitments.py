"""Events, participation summaries, encrypted attendees, PII access log, risk factors,
commitments with follow-up notes, and idempotency keys.

Revision ID: evt_0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.idempotency import create_table_ddl as create_idempotency_table

revision: str = "evt_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)
# Check constraint names are short: the metadata's naming convention adds ck_<table>_.

# Frozen copy of the participation count columns at this revision (not imported from models,
# so later model changes cannot rewrite history).
BREAKDOWN_COLUMNS = {
    "by_sex": ["sex_mujer", "sex_hombre", "sex_otro", "sex_no_reporta"],
    "by_age_group": ["age_0_13", "age_14_28", "age_29_59", "age_60_mas", "age_no_reporta"],
    "by_ethnicity": [
        "eth_afrocolombiano",
        "eth_indigena",
        "eth_raizal",
        "eth_palenquero",
        "eth_rrom",
        "eth_ninguno",
        "eth_no_reporta",
    ],
    "by_role": [
        "role_comunidad",
        "role_lider_social",
        "role_policia",
        "role_autoridad_local",
        "role_organizacion_sociedad_civil",
        "role_otro",
    ],
}
OPTIONAL_COUNTS = ["conflict_victims", "persons_with_disability", "lgbtiq"]


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("municipality_code", sa.String(5), nullable=False),
        sa.Column("department_code", sa.String(2), nullable=False),
        sa.Column("community", sa.String(200), nullable=False),
        sa.Column("community_key", sa.Text(), nullable=False),
        sa.Column("starts_at", TS, nullable=False),
        sa.Column("ends_at", TS, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("status_reason", sa.String(2000), nullable=True),
        sa.Column("partner_institutions", postgresql.ARRAY(sa.String(30)), nullable=False),
        sa.Column("organization_ids", postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("security_plan_id", sa.Uuid(), nullable=True),
        sa.Column("trust_before_respondents", sa.Integer(), nullable=True),
        sa.Column("trust_before_mean", sa.Numeric(3, 2), nullable=True),
        sa.Column("trust_after_respondents", sa.Integer(), nullable=True),
        sa.Column("trust_after_mean", sa.Numeric(3, 2), nullable=True),
        sa.Column("trust_change", sa.Numeric(3, 2), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )
    op.create_index("ix_events_starts_at_id", "events", ["starts_at", "id"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_index("ix_events_municipality_code", "events", ["municipality_code"])
    op.create_index("ix_events_department_code", "events", ["department_code"])
    op.create_index("ix_events_security_plan_id", "events", ["security_plan_id"])
    op.create_index(
        "ix_events_organization_ids", "events", ["organization_ids"], postgresql_using="gin"
    )

    count_columns = [
        sa.Column(c, sa.Integer(), nullable=False)
        for cols in BREAKDOWN_COLUMNS.values()
        for c in cols
    ]
    checks = [
        sa.CheckConstraint(" + ".join(cols) + " = total", name=f"{name}_adds_up")
        for name, cols in BREAKDOWN_COLUMNS.items()
    ]
    checks += [
        sa.CheckConstraint(f"{c} IS NULL OR ({c} >= 0 AND {c} <= total)", name=f"{c}_within_total")
        for c in OPTIONAL_COUNTS
    ]
    checks.append(sa.CheckConstraint("total >= 0", name="total_not_negative"))
    op.create_table(
        "participation",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        *count_columns,
        *[sa.Column(c, sa.Integer(), nullable=True) for c in OPTIONAL_COUNTS],
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_participation_event_id_events"
        ),
        sa.PrimaryKeyConstraint("event_id", name="pk_participation"),
        *checks,
    )

    op.create_table(
        "attendees",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("pii_key_id", sa.String(40), nullable=False),
        sa.Column("pii_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("document_hash", sa.LargeBinary(32), nullable=True),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("consent_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_attendees_event_id_events"),
        sa.PrimaryKeyConstraint("id", name="pk_attendees"),
        sa.CheckConstraint("consent_given", name="consent_given"),
    )
    op.create_index(
        "ix_attendees_event_id_created_at_id", "attendees", ["event_id", "created_at", "id"]
    )
    op.create_index(
        "uq_attendees_event_id_document_hash",
        "attendees",
        ["event_id", "document_hash"],
        unique=True,
        postgresql_where=sa.text("archived_at IS NULL AND document_hash IS NOT NULL"),
    )

    op.create_table(
        "pii_access_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", TS, nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("token_id", sa.String(255), nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("attendee_id", sa.Uuid(), nullable=True),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_pii_access_log"),
    )
    op.create_index("ix_pii_access_log_occurred_at_id", "pii_access_log", ["occurred_at", "id"])
    op.create_index("ix_pii_access_log_subject", "pii_access_log", ["subject"])
    op.create_index("ix_pii_access_log_event_id", "pii_access_log", ["event_id"])

    op.create_table(
        "risk_factors",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("description", sa.String(4000), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_risk_factors_event_id_events"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_risk_factors"),
    )
    op.create_index(
        "ix_risk_factors_event_id_created_at_id", "risk_factors", ["event_id", "created_at", "id"]
    )
    op.create_index("ix_risk_factors_category", "risk_factors", ["category"])

    op.create_table(
        "commitments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.String(4000), nullable=False),
        sa.Column("responsible_party", sa.String(300), nullable=False),
        sa.Column("responsible_party_kind", sa.String(20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("status_reason", sa.String(2000), nullable=True),
        sa.Column("fulfilled_at", TS, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_commitments_event_id_events"),
        sa.PrimaryKeyConstraint("id", name="pk_commitments"),
    )
    op.create_index(
        "ix_commitments_event_id_created_at_id", "commitments", ["event_id", "created_at", "id"]
    )
    op.create_index("ix_commitments_due_date_id", "commitments", ["due_date", "id"])
    op.create_index("ix_commitments_status_due_date", "commitments", ["status", "due_date"])
    op.create_index("ix_commitments_responsible_party", "commitments", ["responsible_party"])

    op.create_table(
        "commitment_notes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("commitment_id", sa.Uuid(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(4000), nullable=False),
        sa.Column("author", sa.String(255), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name="fk_commitment_notes_commitment_id_commitments",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_commitment_notes"),
    )
    op.create_index(
        "ix_commitment_notes_commitment_id_created_at",
        "commitment_notes",
        ["commitment_id", "created_at"],
    )
    create_idempotency_table(op)


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_table("commitment_notes")
    op.drop_table("commitments")
    op.drop_table("risk_factors")
    op.drop_table("pii_access_log")
    op.drop_table("attendees")
    op.drop_table("participation")
    op.drop_table("events")
