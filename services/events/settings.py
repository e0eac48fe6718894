"""Settings of the events service (env prefix SOMOS_EVENTS_)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.common.catalog import SERVICES
from services.common.settings import InsecureConfiguration, ServiceSettings

RetentionDays = Annotated[
    int,
    Field(
        ge=1,
        le=36500,
        description="Days after its event (its end) that attendees' personal data is kept; "
        "`somos purge-pii` erases it afterwards, keeping anonymous counts",
    ),
]


class EventsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOMOS_EVENTS_", extra="ignore")
    service_name: ClassVar[str] = "events"
    default_port: ClassVar[int] = SERVICES[service_name].port

    organizations_url: str = Field(
        default=SERVICES["organizations"].local_url,
        description="Base URL of the organizations service (checks organization ids)",
    )
    security_plans_url: str = Field(
        default=SERVICES["security_plans"].local_url,
        description="Base URL of the security plans service (checks security_plan_id)",
    )
    upstream_timeout_seconds: float = Field(default=3.0, gt=0, le=60)
    upstream_connect_timeout_seconds: float = Field(default=1.0, gt=0, le=30)
    upstream_max_connections: int = Field(default=20, ge=1, le=1000)
    upstream_retry_after_seconds: int = Field(default=5, ge=1, le=3600)

    pii_keys: SecretStr | None = Field(
        default=None,
        description="Attendee-data encryption keys: 'keyid:base64-32-bytes,...' (AES-256-GCM)",
    )
    pii_active_key_id: str | None = Field(
        default=None, description="Key id new and re-encrypted rows use (default: the only key)"
    )
    pii_hash_key: SecretStr | None = Field(
        default=None, description="Base64 HMAC-SHA256 key (32+ bytes) for the keyed document hash"
    )
    pii_key_file: Path | None = Field(
        default=None,
        description="Development only: where generated keys are kept "
        "(default <SOMOS_DATA_DIR>/events-pii-keys.json)",
    )
    pii_retention_days: RetentionDays = 730
    overdue_check_seconds: int = Field(
        default=300,
        ge=0,
        le=86400,
        description="How often the service announces commitments whose due date passed while "
        "pending (`commitment.overdue` in the change feed); 0: never (`somos announce-overdue`)",
    )

    @model_validator(mode="after")
    def _refuse_production_without_keys(self) -> EventsSettings:
        if self.platform.environment == "production" and (
            self.pii_keys is None or self.pii_hash_key is None
        ):
            raise InsecureConfiguration(
                "SOMOS_EVENTS_PII_KEYS and SOMOS_EVENTS_PII_HASH_KEY must be set in production: "
                "attendees' personal data is never stored with generated or default keys"
            )
        return self


class RetentionSettings(BaseSettings):
    """What `somos purge-pii` reads: erasing decrypts nothing, so it holds no PII keys."""

    model_config = SettingsConfigDict(env_prefix="SOMOS_EVENTS_", extra="ignore")

    pii_retention_days: RetentionDays = 730
