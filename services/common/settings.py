"""Settings shared by every Somos process; each service adds its own prefixed ones."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DEV_SECRET = "somos-development-secret-change-me"  # refused in production


class InsecureConfiguration(RuntimeError):
    """Raised at start-up when production mode is configured unsafely."""


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
    divipola_file: Path | None = None
    data_dir: Path = Path(".somos")
    log_level: str = "INFO"
    max_body_bytes: int = 1_048_576
    idempotency_ttl_hours: int = 24
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
    def _refuse_unsafe_production(self) -> PlatformSettings:
        if self.environment == "production" and not self.jwt_jwks_url:
            secret = self.jwt_secret.get_secret_value() if self.jwt_secret else ""
            if not secret or secret == DEFAULT_DEV_SECRET or len(secret) < 32:
                raise InsecureConfiguration(
                    "SOMOS_JWT_SECRET must be set to a strong secret (32+ characters) "
                    "in production, or SOMOS_JWT_JWKS_URL must point at an identity provider"
                )
        return self

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
