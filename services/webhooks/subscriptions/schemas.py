"""Request and response models of webhook subscriptions."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.common.territory import MunicipalityCode

EventType = Annotated[
    str,
    Field(
        min_length=3,
        max_length=80,
        pattern=r"^[a-z][a-z_]*\.[a-z][a-z_]*$",
        examples=["organization.created"],
        description="An event type of the change feeds: `<record>.<what happened>`",
    ),
]
SubscriberUrl = Annotated[
    str,
    Field(
        min_length=10,
        max_length=2000,
        examples=["https://seguridad.gobernacion.example/somos/webhooks"],
        description="https only; must not resolve to a loopback, private or link-local address",
    ),
]
Description = Annotated[str, Field(min_length=1, max_length=500)]


class SubscriptionStatus(StrEnum):
    active = "active"
    disabled = "disabled"


def _dedupe(values: list[str] | None) -> list[str] | None:
    return None if values is None else list(dict.fromkeys(values))


class SubscriptionCreate(InputModel):
    url: SubscriberUrl
    event_types: list[EventType] = Field(min_length=1, max_length=100)
    municipalities: list[MunicipalityCode] = Field(
        default_factory=list,
        max_length=1200,
        description="Only events in these municipalities; empty: every municipality the "
        "token that creates the subscription covers",
    )
    description: Description | None = None

    _dedupe = field_validator("event_types", "municipalities")(_dedupe)


class SubscriptionUpdate(PatchModel):
    required_fields = ("url", "event_types", "municipalities", "status")

    url: SubscriberUrl | None = None
    event_types: list[EventType] | None = Field(default=None, min_length=1, max_length=100)
    municipalities: list[MunicipalityCode] | None = Field(default=None, max_length=1200)
    description: Description | None = None
    status: SubscriptionStatus | None = Field(
        default=None, description="`active` re-enables a disabled subscription"
    )

    _dedupe = field_validator("event_types", "municipalities")(_dedupe)


class SubscriptionRead(OutputModel):
    id: uuid.UUID
    url: str
    event_types: list[str]
    municipalities: list[str]
    description: str | None
    status: SubscriptionStatus
    disabled_reason: str | None
    disabled_at: UtcDatetime | None
    failing_since: UtcDatetime | None = Field(
        description="First failed delivery since the last success (null while healthy)"
    )
    previous_secret_expires_at: UtcDatetime | None = Field(
        description="After a secret rotation: until when deliveries are also signed with the "
        "previous secret (null if the secret was never rotated)"
    )
    owner_sub: str = Field(description="The `sub` of the token that created it")
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class SubscriptionCreated(SubscriptionRead):
    secret: str = Field(
        description="The signing secret (Standard Webhooks, `whsec_…`): shown only in this "
        "answer. Keep it to verify the `webhook-signature` header.",
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    )


GRACE_DEFAULT = 24 * 3600
GRACE_MAX = 7 * 24 * 3600


class SecretRotation(InputModel):
    grace_seconds: int = Field(
        default=GRACE_DEFAULT,
        ge=0,
        le=GRACE_MAX,
        description="How long deliveries stay signed with the previous secret too (0 to 7 "
        "days; 0: at once only the new one)",
    )


class SubscriptionSecretRotated(SubscriptionCreated):
    """The subscription with its new signing secret (shown only in this answer)."""


class SubscriptionPage(Page[SubscriptionRead]):
    pass
