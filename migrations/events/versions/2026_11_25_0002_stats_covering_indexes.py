"""Covering partial indexes for GET /api/v1/stats/events (index-only scans).

Revision ID: evt_0002
Revises: evt_0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "evt_0002"
down_revision: str | None = "evt_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("archived_at IS NULL")


def upgrade() -> None:
    # Events by municipality, type and status with distinct communities, from the index.
    op.create_index(
        "ix_events_stats",
        "events",
        ["municipality_code", "type", "status", "community_key"],
        postgresql_include=["department_code", "starts_at"],
        postgresql_where=ACTIVE,
    )
    # The join from participation and commitments to the event's territory, date, status.
    op.create_index(
        "ix_events_id_stats",
        "events",
        ["id"],
        postgresql_include=["municipality_code", "department_code", "starts_at", "status"],
        postgresql_where=ACTIVE,
    )
    op.create_index(
        "ix_commitments_stats",
        "commitments",
        ["event_id"],
        postgresql_include=["status", "due_date"],
        postgresql_where=ACTIVE,
    )


def downgrade() -> None:
    op.drop_index("ix_commitments_stats", table_name="commitments")
    op.drop_index("ix_events_id_stats", table_name="events")
    op.drop_index("ix_events_stats", table_name="events")
