"""Response models of webhook deliveries and their attempts."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from pydantic import Field

from services.common.pagination import Page
from services.common.schemas import OutputModel, UtcDatetime


class DeliveryStatus(StrEnum):
    pending = "pending"
    succeeded = "succeeded"
    failed = "failed"
    cancelled = "cancelled"


class AttemptRead(OutputModel):
    attempted_at: UtcDatetime
    status_code: int | None = Field(description="The endpoint's answer; null when none came")
    error: str | None = Field(description="Why there was no answer (timeout, refused address)")
    latency_ms: int


class DeliveryRead(OutputModel):
    id: uuid.UUID = Field(description="The `webhook-id` header: the same on every attempt")
    subscription_id: uuid.UUID
    event_type: str
    payload: dict[str, Any] = Field(description="The body sent (signed as it is sent)")
    status: DeliveryStatus
    attempts: int
    last_attempt_at: UtcDatetime | None
    last_status_code: int | None
    last_error: str | None
    last_latency_ms: int | None
    next_attempt_at: UtcDatetime | None
    delivered_at: UtcDatetime | None
    created_at: UtcDatetime
    recent_attempts: list[AttemptRead] = Field(
        default_factory=list, description="The latest attempts (at most 10), oldest first"
    )


class DeliveryPage(Page[DeliveryRead]):
    pass
