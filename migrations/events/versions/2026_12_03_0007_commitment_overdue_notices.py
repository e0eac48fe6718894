"""Commitments announced overdue: one notice per commitment and due date, whose deferred
trigger writes the ``commitment.overdue`` change at commit (see
``services/events/commitments/overdue.py``).

Commitments already overdue when this runs are recorded as noticed *before* the trigger
exists: they are not announced (a flood of old news, dated now, to every subscriber and one
long commit holding the feed's commit-order lock); `?overdue=true` lists them.

Revision ID: evt_0007
Revises: evt_0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.common.change_outbox import announcement_statements, drop_announcement_statements
from services.events.changes import FEED, OVERDUE

revision: str = "evt_0007"
down_revision: str | None = "evt_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "commitment_overdue_notices",
        sa.Column("commitment_id", sa.Uuid(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("announced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name="fk_commitment_overdue_notices_commitment_id_commitments",
        ),
        sa.PrimaryKeyConstraint("commitment_id", "due_date", name="pk_commitment_overdue_notices"),
    )
    # Today in Colombia (UTC-5 all year), as services.common.colombia.colombia_today.
    op.execute(
        "INSERT INTO commitment_overdue_notices (commitment_id, due_date, announced_at) "
        "SELECT id, due_date, now() FROM commitments "
        "WHERE status IN ('open', 'in_progress') AND archived_at IS NULL "
        "AND due_date < ((now() AT TIME ZONE 'UTC') - interval '5 hours')::date"
    )
    commitments = next(s for s in FEED.sources if s.table == "commitments")
    for statement in announcement_statements(commitments, OVERDUE):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_announcement_statements(OVERDUE):
        op.execute(statement)
    op.drop_table("commitment_overdue_notices")
