"""Settings of the gateway (env prefix SOMOS_GATEWAY_); platform-wide ones keep SOMOS_."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from gateway.forwarding import parse_networks
from services.common.catalog import GATEWAY, SERVICES, upstream_services
from services.common.settings import PlatformSettings

UPSTREAMS = tuple(s.name for s in upstream_services())


class GatewaySettings(BaseSettings):
    """Upstreams, resilience, edge protections and the composition budget."""

    # An empty variable means "not set", as for every Somos process (services/common/settings).
    model_config = SettingsConfigDict(
        env_prefix="SOMOS_GATEWAY_", extra="ignore", env_ignore_empty=True
    )

    service_name: ClassVar[str] = "gateway"
    default_port: ClassVar[int] = SERVICES[GATEWAY].port

    organizations_url: str = SERVICES["organizations"].local_url
    security_plans_url: str = SERVICES["security_plans"].local_url
    events_url: str = SERVICES["events"].local_url
    webhooks_url: str = SERVICES["webhooks"].local_url
    reporting_url: str = SERVICES["reporting"].local_url
    organizations_connect_timeout: float = Field(default=1.0, gt=0)
    organizations_read_timeout: float = Field(default=10.0, gt=0)
    security_plans_connect_timeout: float = Field(default=1.0, gt=0)
    security_plans_read_timeout: float = Field(default=10.0, gt=0)
    events_connect_timeout: float = Field(default=1.0, gt=0)
    events_read_timeout: float = Field(default=10.0, gt=0)
    webhooks_connect_timeout: float = Field(default=1.0, gt=0)
    webhooks_read_timeout: float = Field(default=10.0, gt=0)
    reporting_connect_timeout: float = Field(default=1.0, gt=0)
    # The IPTT and results wait for three services, four quarters each.
    reporting_read_timeout: float = Field(default=60.0, gt=0)
    pool_size: int = Field(default=100, ge=1, description="Connections kept per upstream")

    retries: int = Field(default=2, ge=0, le=5, description="Extra attempts, idempotent only")
    retry_backoff_seconds: float = Field(default=0.05, ge=0)
    breaker_failure_threshold: int = Field(default=5, ge=1)
    breaker_reset_seconds: float = Field(default=10.0, gt=0)

    cors_allow_origins: list[str] = Field(default_factory=list)
    rate_limit_per_minute: int = Field(default=1200, ge=0, description="0 disables")
    rate_limit_burst: int = Field(default=200, ge=1)
    # Calls without a token the gateway already verified (none, new, invalid), per client
    # address, counted before any signature check: a flood of bad tokens gets 429s.
    rate_limit_anonymous_per_minute: int = Field(default=120, ge=0, description="0 disables")
    rate_limit_anonymous_burst: int = Field(default=30, ge=1)
    # Shared buckets for every replica (redis://host:6379/0); unset: each replica its own.
    rate_limit_redis_url: str | None = None
    rate_limit_redis_prefix: str = "somos:ratelimit:"
    # Peers whose Forwarded / X-Forwarded-* headers are believed (the ingress controller).
    trusted_proxies: list[str] = Field(default_factory=list)
    # /metrics and /readyz's details: on this port only, which only the cluster reaches.
    internal_port: int = Field(default=9000, ge=1, le=65535)

    composition_budget_seconds: float = Field(default=2.0, gt=0)

    platform: PlatformSettings = Field(default_factory=PlatformSettings, exclude=True)

    @field_validator(
        "organizations_url", "security_plans_url", "events_url", "webhooks_url", "reporting_url"
    )
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// base URL")
        return value.rstrip("/")

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        parse_networks(value)
        return value

    def upstream_url(self, name: str) -> str:
        return str(getattr(self, f"{name}_url"))

    def connect_timeout(self, name: str) -> float:
        return float(getattr(self, f"{name}_connect_timeout"))

    def read_timeout(self, name: str) -> float:
        return float(getattr(self, f"{name}_read_timeout"))
