"""The previous signing secret of a subscription and when it stops signing (secret rotation).

Revision ID: wh_0002
Revises: wh_0001
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "wh_0002"
down_revision: str | None = "wh_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "webhook_subscriptions",
        sa.Column("previous_secret_ciphertext", sa.String(400), nullable=True),
    )
    op.add_column(
        "webhook_subscriptions",
        sa.Column("previous_secret_expires_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_column("webhook_subscriptions", "previous_secret_expires_at")
    op.drop_column("webhook_subscriptions", "previous_secret_ciphertext")
