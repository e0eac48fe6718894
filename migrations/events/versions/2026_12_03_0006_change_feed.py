"""The change feed: the ``changes`` outbox and the triggers that fill it at commit.

Built from ``services.events.changes.FEED`` (see services/common/changes.py); a later change
to the feed's sources needs its own revision that re-runs the install statements.

Revision ID: evt_0006
Revises: evt_0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

from services.common.change_outbox import install, uninstall
from services.events.changes import FEED

revision: str = "evt_0006"
down_revision: str | None = "evt_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    install(op, FEED)


def downgrade() -> None:
    uninstall(op, FEED)
