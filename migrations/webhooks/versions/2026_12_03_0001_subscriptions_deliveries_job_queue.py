"""Webhook subscriptions, deliveries and their attempts, feed cursors, idempotency keys; the
job queue's tables (procrastinate's schema, from the installed package).

Revision ID: wh_0001
Revises:
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from procrastinate.schema import SchemaManager
from sqlalchemy.dialects import postgresql
from sqlalchemy.util import await_only

from services.common.idempotency import create_table_ddl as create_idempotency_table

revision: str = "wh_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)

# Everything procrastinate's schema creates that dropping its tables leaves behind.
DROP_JOB_QUEUE = """
DROP TABLE IF EXISTS procrastinate_events, procrastinate_periodic_defers, procrastinate_jobs,
    procrastinate_workers CASCADE;
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT oid::regprocedure AS signature FROM pg_proc
             WHERE proname LIKE 'procrastinate\\_%' AND pronamespace = 'public'::regnamespace
    LOOP
        EXECUTE 'DROP FUNCTION IF EXISTS ' || r.signature || ' CASCADE';
    END LOOP;
    FOR r IN SELECT typname FROM pg_type
             LEFT JOIN pg_class c ON c.oid = pg_type.typrelid
             WHERE typname LIKE 'procrastinate\\_%' AND typnamespace = 'public'::regnamespace
               AND (typtype = 'e' OR (typtype = 'c' AND c.relkind = 'c'))
    LOOP
        EXECUTE 'DROP TYPE IF EXISTS ' || quote_ident(r.typname) || ' CASCADE';
    END LOOP;
END $$;
"""


def _run_script(sql: str) -> None:
    """Run a multi-statement script (functions with $$ bodies) on the migration's connection."""
    driver = op.get_bind().connection.driver_connection
    assert driver is not None
    await_only(driver.execute(sql))  # asyncpg: no arguments = simple query protocol


def upgrade() -> None:
    op.create_table(
        "webhook_subscriptions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("event_types", postgresql.ARRAY(sa.String(80)), nullable=False),
        sa.Column("municipalities", postgresql.ARRAY(sa.String(5)), nullable=False),
        sa.Column("description", sa.String(500), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("disabled_reason", sa.String(300), nullable=True),
        sa.Column("disabled_at", TS, nullable=True),
        sa.Column("failing_since", TS, nullable=True),
        sa.Column("secret_ciphertext", sa.String(400), nullable=False),
        sa.Column("owner_sub", sa.String(200), nullable=False),
        sa.Column("owner_scopes", postgresql.ARRAY(sa.String(40)), nullable=False),
        sa.Column("owner_municipalities", postgresql.ARRAY(sa.String(5)), nullable=True),
        sa.Column("owner_departments", postgresql.ARRAY(sa.String(2)), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_subscriptions"),
    )
    op.create_index(
        "ix_webhook_subscriptions_created_at_id", "webhook_subscriptions", ["created_at", "id"]
    )
    op.create_index("ix_webhook_subscriptions_owner_sub", "webhook_subscriptions", ["owner_sub"])
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("source", sa.String(40), nullable=True),
        sa.Column("change_cursor", sa.String(200), nullable=True),
        sa.Column("payload", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", TS, nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.String(300), nullable=True),
        sa.Column("last_latency_ms", sa.Integer(), nullable=True),
        sa.Column("next_attempt_at", TS, nullable=True),
        sa.Column("delivered_at", TS, nullable=True),
        sa.Column("job_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_deliveries"),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["webhook_subscriptions.id"],
            name="fk_webhook_deliveries_subscription_id_webhook_subscriptions",
        ),
        sa.UniqueConstraint(
            "subscription_id",
            "source",
            "change_cursor",
            name="uq_webhook_deliveries_subscription_id_source_change_cursor",
        ),
    )
    op.create_index(
        "ix_webhook_deliveries_subscription_id_created_at_id",
        "webhook_deliveries",
        ["subscription_id", "created_at", "id"],
    )
    op.create_table(
        "webhook_delivery_attempts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("delivery_id", sa.Uuid(), nullable=False),
        sa.Column("attempted_at", TS, nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(300), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_delivery_attempts"),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["webhook_deliveries.id"],
            name="fk_webhook_delivery_attempts_delivery_id_webhook_deliveries",
        ),
    )
    op.create_index(
        "ix_webhook_delivery_attempts_delivery_id_attempted_at",
        "webhook_delivery_attempts",
        ["delivery_id", "attempted_at"],
    )
    op.create_table(
        "webhook_feed_cursors",
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("cursor", sa.String(200), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("source", name="pk_webhook_feed_cursors"),
    )
    create_idempotency_table(op)
    _run_script(SchemaManager.get_schema())


def downgrade() -> None:
    _run_script(DROP_JOB_QUEUE)
    op.drop_table("idempotency_keys")
    op.drop_table("webhook_feed_cursors")
    op.drop_table("webhook_delivery_attempts")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhook_subscriptions")
