"""Settings of the webhooks service (env prefix SOMOS_WEBHOOKS_)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from services.common.catalog import SERVICES
from services.common.settings import InsecureConfiguration, ServiceSettings

# The services whose change feeds the webhooks service reads, and the read scope that each
# feed's events need from a subscription's owner.
FEED_SCOPES: dict[str, str] = {
    "organizations": "organizations:read",
    "security_plans": "plans:read",
    "events": "events:read",
}


class WebhooksSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="SOMOS_WEBHOOKS_", extra="ignore", env_ignore_empty=True
    )
    service_name: ClassVar[str] = "webhooks"
    default_port: ClassVar[int] = SERVICES[service_name].port

    # Subscriber URLs on loopback, private or link-local addresses (and plain http outside
    # production): for development and tests only.
    allow_private: bool = False
    # AES-256-GCM key (base64, 32 bytes) that encrypts signing secrets at rest; required in
    # production (`somos generate-pii-key` prints one). Development derives one from the JWT
    # secret.
    secret_key: SecretStr | None = None

    # The change feeds: each service's base URL and the token the webhooks service reads them
    # with (a service account with the read scopes; minted from the HS256 secret if unset).
    feeds: list[str] = Field(default_factory=lambda: list(FEED_SCOPES))
    organizations_url: str = SERVICES["organizations"].local_url
    security_plans_url: str = SERVICES["security_plans"].local_url
    events_url: str = SERVICES["events"].local_url
    feed_token: SecretStr | None = None
    # With an identity provider (SOMOS_JWT_JWKS_URL), the worker's own client at the provider:
    # it asks the token endpoint for a token by client credentials and renews it at half its
    # lifetime (an alternative to a static SOMOS_WEBHOOKS_FEED_TOKEN, which expires).
    feed_token_url: str | None = None
    feed_client_id: str | None = None
    feed_client_secret: SecretStr | None = None
    # The resource indicator (RFC 8707) to ask for, when the provider needs one.
    feed_token_resource: str | None = None
    feed_wait_seconds: int = Field(default=25, ge=0, le=60)
    feed_page_size: int = Field(default=200, ge=1, le=200)
    feed_error_pause_seconds: float = Field(default=2.0, gt=0)

    # Where partners read the resource an event names (the gateway's public URL).
    public_base_url: str = SERVICES["gateway"].local_url

    # Delivery: the request's timeout, then retries with exponential backoff and jitter.
    delivery_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    retry_base_seconds: float = Field(default=5.0, gt=0)
    retry_max_delay_seconds: float = Field(default=10 * 3600.0, gt=0)
    # A delivery is retried until it is this old (at least 24 h by default: 27 h).
    retry_window_seconds: float = Field(default=27 * 3600.0, gt=0)
    # A subscription whose deliveries have failed without a success for this long is disabled.
    disable_after_seconds: float = Field(default=5 * 24 * 3600.0, gt=0)

    # The worker (`somos worker webhooks`): parallel deliveries, heartbeat, stalled jobs.
    worker_concurrency: int = Field(default=10, ge=1, le=200)
    worker_heartbeat_seconds: float = Field(default=10.0, gt=0)
    # A job whose worker sent no heartbeat for this long is run again (killed worker).
    worker_stalled_seconds: float = Field(default=30.0, gt=0)
    worker_poll_seconds: float = Field(default=5.0, gt=0)
    # The worker's own HTTP port for /metrics (Prometheus) and /healthz (liveness); 0: none.
    # Loopback by default (a developer's machine); containers set 0.0.0.0.
    worker_metrics_port: int = Field(default=9104, ge=0, le=65535)
    worker_metrics_host: str = "127.0.0.1"

    @field_validator("organizations_url", "security_plans_url", "events_url", "public_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// base URL")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _client_credentials_complete(self) -> WebhooksSettings:
        given = [self.feed_token_url, self.feed_client_id, self.feed_client_secret]
        if any(v is not None for v in given) and not all(v is not None for v in given):
            raise ValueError(
                "SOMOS_WEBHOOKS_FEED_TOKEN_URL, SOMOS_WEBHOOKS_FEED_CLIENT_ID and "
                "SOMOS_WEBHOOKS_FEED_CLIENT_SECRET go together (client credentials)"
            )
        return self

    @property
    def uses_client_credentials(self) -> bool:
        return self.feed_token_url is not None

    @field_validator("feeds")
    @classmethod
    def _known_feeds(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(FEED_SCOPES))
        if unknown:
            raise ValueError(f"unknown feeds {unknown}; choose from {sorted(FEED_SCOPES)}")
        return value

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> WebhooksSettings:
        if self.platform.environment == "production" and self.secret_key is None:
            raise InsecureConfiguration(
                "SOMOS_WEBHOOKS_SECRET_KEY must be set in production (it encrypts the "
                "subscriptions' signing secrets)"
            )
        return self

    @property
    def production(self) -> bool:
        return self.platform.environment == "production"

    def feed_url(self, source: str) -> str:
        return str(getattr(self, f"{source}_url"))
