"""Settings shared by every Somos process; each service adds its own prefixed ones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, ClassVar, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.common.jwks import ASYMMETRIC_ALGORITHMS

DEFAULT_DEV_SECRET = "somos-development-secret-change-me"  # refused in production

# How long a service keeps an idle keep-alive connection open, and how long the gateway's pool
# reuses one: the pool must let go first. Otherwise the service may close a connection just
# as the gateway sends on it, and a POST (never retried) becomes a 502.
SERVICE_KEEP_ALIVE_SECONDS = 75
GATEWAY_POOL_IDLE_SECONDS = 30


class InsecureConfiguration(RuntimeError):
    """Raised at start-up when production mode is configured unsafely."""


ChangeRetentionDays = Annotated[int, Field(ge=1, description="days change-feed rows are kept")]


class PlatformSettings(BaseSettings):
    """Settings every process reads: environment, tokens, territories, limits, logging."""

    # An empty variable means "not set": compose and Kubernetes pass `${VAR:-}` for optional ones.
    model_config = SettingsConfigDict(
        env_prefix="SOMOS_", extra="ignore", env_file=None, env_ignore_empty=True
    )

    environment: Literal["development", "production"] = "development"
    jwt_secret: SecretStr | None = None
    jwt_jwks_url: str | None = None
    jwt_issuer: str = "somos"
    jwt_audience: str = "somos-api"
    jwt_algorithms: list[str] = Field(default_factory=lambda: ["HS256", "RS256", "ES256"])
    # With a JWKS URL (an external identity provider): the key set is fetched again after
    # this many seconds, so a key the provider removed is refused within it; a token naming an
    # unknown key fetches it again at most once per refresh interval; each fetch has a timeout.
    jwt_jwks_ttl_seconds: float = Field(default=300, gt=0)
    jwt_jwks_refresh_interval_seconds: float = Field(default=30, ge=0)
    jwt_jwks_timeout_seconds: float = Field(default=3, gt=0)
    # The provider's claims as Somos reads them. Scopes come from `scope` (space-separated) or
    # `scp` (a list); with a prefix, only scopes carrying it count, without it ("somos/" turns
    # "somos/events:read" into "events:read" and ignores "openid" or "profile").
    jwt_scope_prefix: str = ""
    # Territories: a claim listing DIVIPOLA codes (2 digits = a department, 5 = a
    # municipality), and/or the two separate claims. Dotted names reach nested claims.
    jwt_territories_claim: str | None = None
    jwt_municipalities_claim: str = "municipalities"
    jwt_departments_claim: str = "departments"
    divipola_file: Path | None = None
    data_dir: Path = Path(".somos")
    log_level: str = "INFO"
    max_body_bytes: int = 1_048_576
    idempotency_ttl_hours: int = 24
    # `somos purge` deletes change-feed rows older than this (services/common/changes.py).
    changes_retention_days: ChangeRetentionDays = 90
    # A token carrying attendees:pii may live at most this long (exp - iat, seconds), so a leaked
    # one opens personal data for a short while only.
    pii_token_max_ttl: int = Field(default=3600, ge=60)
    shutdown_grace_seconds: int = 20
    # Disclosure control: counts of 1 to min_cell_size-1 people are withheld from callers
    # without attendees:pii (services/common/disclosure.py).
    min_cell_size: int = Field(default=5, ge=1, le=1000)
    # Statistics without dates read the per-municipality tallies (services/common/tallies.py);
    # false recounts from the records on every request (a check, and the benchmark's "before").
    stats_tallies: bool = True
    # Statistics answers kept per process until a write touches their territory (0: none).
    stats_kept_answers: int = Field(default=256, ge=0, le=100_000)

    @model_validator(mode="after")
    def _refuse_unsafe_algorithms(self) -> PlatformSettings:
        if any(a.lower() == "none" for a in self.jwt_algorithms):
            raise InsecureConfiguration("SOMOS_JWT_ALGORITHMS must not contain 'none'")
        if self.jwt_jwks_url and not self.jwks_algorithms():
            raise InsecureConfiguration(
                "SOMOS_JWT_ALGORITHMS must name an asymmetric algorithm (RS256, ES256, …) "
                "when SOMOS_JWT_JWKS_URL is set"
            )
        return self

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> PlatformSettings:
        if self.environment == "production" and not self.jwt_jwks_url:
            secret = self.jwt_secret.get_secret_value() if self.jwt_secret else ""
            if not secret or secret == DEFAULT_DEV_SECRET or len(secret) < 32:
                raise InsecureConfiguration(
                    "SOMOS_JWT_SECRET must be set to a strong secret (32+ characters) "
                    "in production, or SOMOS_JWT_JWKS_URL must point at an identity provider"
                )
        return self

    def jwks_algorithms(self) -> list[str]:
        """The algorithms accepted with a JWKS URL: the asymmetric ones configured, only."""
        return [a for a in self.jwt_algorithms if a in ASYMMETRIC_ALGORITHMS]

    def signing_secret(self) -> str:
        """The HS256 secret in force (the development default only outside production)."""
        if self.jwt_secret is not None:
            return self.jwt_secret.get_secret_value()
        return DEFAULT_DEV_SECRET


class ServiceSettings(BaseSettings):
    """Base of a service's settings: its own database and pool settings, plus the platform's.

    Subclasses set ``service_name`` and a ``model_config`` with their own env prefix
    (``SOMOS_ORGANIZATIONS_``); platform-wide settings keep their ``SOMOS_`` names.
    """

    model_config = SettingsConfigDict(
        env_prefix="SOMOS_SERVICE_", extra="ignore", env_ignore_empty=True
    )

    service_name: ClassVar[str] = "service"
    default_port: ClassVar[int] = 8000

    database_url: str | None = None
    db_pool_size: int = 10
    db_max_overflow: int = 5
    db_read_pool_size: int = 10
    platform: PlatformSettings = Field(default_factory=PlatformSettings, exclude=True)
