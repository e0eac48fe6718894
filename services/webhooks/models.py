"""Tables of the webhooks service (id, version and timestamps come from the record kit).

The job queue's own tables (``procrastinate_*``) live in the same database; the first
migration creates them from the procrastinate package's schema.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

from services.common.models import timestamp_field, utcnow
from services.common.records import Record

ACTIVE = sa.text("archived_at IS NULL")


class WebhookSubscription(Record, table=True):
    """A partner's endpoint, the events it wants, and the territory of the token that made it."""

    __tablename__ = "webhook_subscriptions"
    __table_args__ = (sa.Index("ix_webhook_subscriptions_created_at_id", "created_at", "id"),)

    url: str = Field(max_length=2000)
    event_types: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(80)), nullable=False)
    )
    # Empty: every municipality the owner's token covers.
    municipalities: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(5)), nullable=False)
    )
    description: str | None = Field(default=None, max_length=500)
    status: str = Field(default="active", max_length=20)
    disabled_reason: str | None = Field(default=None, max_length=300)
    disabled_at: datetime | None = timestamp_field(nullable=True)
    # First failure since the last success; the subscription is disabled when it gets too old.
    failing_since: datetime | None = timestamp_field(nullable=True)
    # The signing secret, AES-GCM encrypted (``signing.py``); never shown again after creation.
    secret_ciphertext: str = Field(max_length=400)
    # After a rotation, the secret it replaced (sealed the same way): deliveries are signed with
    # both until ``previous_secret_expires_at``; the ciphertext is wiped once that has passed.
    previous_secret_ciphertext: str | None = Field(default=None, max_length=400)
    previous_secret_expires_at: datetime | None = timestamp_field(nullable=True)
    # Who made it, with what scopes and territories (the token's claims at creation).
    owner_sub: str = Field(max_length=200, index=True)
    owner_scopes: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(40)), nullable=False)
    )
    owner_municipalities: list[str] | None = Field(
        default=None, sa_column=sa.Column(ARRAY(sa.String(5)), nullable=True)
    )
    owner_departments: list[str] | None = Field(
        default=None, sa_column=sa.Column(ARRAY(sa.String(2)), nullable=True)
    )


class WebhookDelivery(SQLModel, table=True):
    """One event for one subscription: its message id, payload, and how sending it went."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        sa.Index(
            "ix_webhook_deliveries_subscription_id_created_at_id",
            "subscription_id",
            "created_at",
            "id",
        ),
        # A change is fanned out to a subscription once, however often its page is read.
        sa.UniqueConstraint(
            "subscription_id",
            "source",
            "change_cursor",
            name="uq_webhook_deliveries_subscription_id_source_change_cursor",
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    subscription_id: uuid.UUID = Field(foreign_key="webhook_subscriptions.id")
    event_type: str = Field(max_length=80)
    source: str | None = Field(default=None, max_length=40)
    change_cursor: str | None = Field(default=None, max_length=200)
    payload: dict[str, Any] = Field(sa_column=sa.Column(JSONB, nullable=False))
    status: str = Field(default="pending", max_length=20)
    attempts: int = 0
    last_attempt_at: datetime | None = timestamp_field(nullable=True)
    last_status_code: int | None = None
    last_error: str | None = Field(default=None, max_length=300)
    last_latency_ms: int | None = None
    next_attempt_at: datetime | None = timestamp_field(nullable=True)
    delivered_at: datetime | None = timestamp_field(nullable=True)
    job_id: int | None = Field(default=None, sa_type=sa.BigInteger)  # type: ignore[call-overload]
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class WebhookDeliveryAttempt(SQLModel, table=True):
    """One HTTP request of a delivery: when, the answer's status (or the error), the latency."""

    __tablename__ = "webhook_delivery_attempts"
    __table_args__ = (
        sa.Index(
            "ix_webhook_delivery_attempts_delivery_id_attempted_at", "delivery_id", "attempted_at"
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    delivery_id: uuid.UUID = Field(foreign_key="webhook_deliveries.id")
    attempted_at: datetime = Field(
        default_factory=utcnow,
        sa_type=sa.DateTime(timezone=True),  # type: ignore[call-overload]
        nullable=False,
    )
    status_code: int | None = None
    error: str | None = Field(default=None, max_length=300)
    latency_ms: int


class WebhookFeedCursor(SQLModel, table=True):
    """How far the webhooks service has read one service's change feed."""

    __tablename__ = "webhook_feed_cursors"

    source: str = Field(primary_key=True, max_length=40)
    cursor: str = Field(max_length=200)
    updated_at: datetime = timestamp_field()
