"""Habeas data: a person-level keyed hash on attendees (indexed), the anonymous counts of
erased attendees per event, and PII access log entries without an event (searches that found
nobody).

The hash cannot be computed here (a migration holds no keys): the events service fills it in
for existing rows at start-up (``services.events.data_subject_requests.service
.backfill_person_hashes``), idempotently.

Revision ID: evt_0004
Revises: evt_0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "evt_0004"
# Re-chained after evt_0003 (tamper-evident PII access log) when both branches merge.
down_revision: str | None = "evt_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)

# Frozen copy of the participation count columns at this revision.
COUNT_COLUMNS = [
    "sex_mujer",
    "sex_hombre",
    "sex_otro",
    "sex_no_reporta",
    "age_0_13",
    "age_14_28",
    "age_29_59",
    "age_60_mas",
    "age_no_reporta",
    "eth_afrocolombiano",
    "eth_indigena",
    "eth_raizal",
    "eth_palenquero",
    "eth_rrom",
    "eth_ninguno",
    "eth_no_reporta",
    "role_comunidad",
    "role_lider_social",
    "role_policia",
    "role_autoridad_local",
    "role_organizacion_sociedad_civil",
    "role_otro",
]


def upgrade() -> None:
    op.add_column("attendees", sa.Column("person_hash", sa.LargeBinary(32), nullable=True))
    op.create_index(
        "ix_attendees_person_hash",
        "attendees",
        ["person_hash"],
        postgresql_where=sa.text("person_hash IS NOT NULL"),
    )
    op.create_table(
        "participation_erased",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        *[sa.Column(c, sa.Integer(), nullable=False) for c in COUNT_COLUMNS],
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_participation_erased_event_id_events"
        ),
        sa.PrimaryKeyConstraint("event_id", name="pk_participation_erased"),
    )
    # A habeas data search that finds nobody is logged too, with no event.
    op.alter_column("pii_access_log", "event_id", existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM pii_access_log WHERE event_id IS NULL")
    op.alter_column("pii_access_log", "event_id", existing_type=sa.Uuid(), nullable=False)
    op.drop_table("participation_erased")
    op.drop_index("ix_attendees_person_hash", table_name="attendees")
    op.drop_column("attendees", "person_hash")
