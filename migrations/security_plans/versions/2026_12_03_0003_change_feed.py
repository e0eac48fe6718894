"""The change feed: the ``changes`` outbox and the triggers that fill it at commit.

Built from ``services.security_plans.changes.FEED`` (see services/common/changes.py); a later change
to the feed's sources needs its own revision that re-runs the install statements.

Revision ID: plans_0003
Revises: plans_0002
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

from services.common.change_outbox import install, uninstall
from services.security_plans.changes import FEED

revision: str = "plans_0003"
down_revision: str | None = "plans_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    install(op, FEED)


def downgrade() -> None:
    uninstall(op, FEED)
