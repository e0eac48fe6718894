"""Settings of the reporting service (env prefix SOMOS_REPORTING_)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from services.common.catalog import SERVICES
from services.common.settings import ServiceSettings


class ReportingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOMOS_REPORTING_", extra="ignore")
    service_name: ClassVar[str] = "reporting"
    default_port: ClassVar[int] = SERVICES[service_name].port

    organizations_url: str = Field(
        default=SERVICES["organizations"].local_url,
        description="Base URL of the organizations service (its statistics)",
    )
    security_plans_url: str = Field(
        default=SERVICES["security_plans"].local_url,
        description="Base URL of the security plans service (its statistics)",
    )
    events_url: str = Field(
        default=SERVICES["events"].local_url,
        description="Base URL of the events service (its statistics)",
    )
    upstream_timeout_seconds: float = Field(default=20.0, gt=0, le=300)
    upstream_connect_timeout_seconds: float = Field(default=1.0, gt=0, le=30)
    upstream_max_connections: int = Field(default=20, ge=1, le=1000)
    budget_seconds: float = Field(
        default=30.0,
        gt=0,
        le=600,
        description="Time an IPTT or results answer waits for the services; a service "
        "that has not answered by then is listed in `unavailable`",
    )
    programme_start: date | None = Field(
        default=None,
        description="First day of the life of the project: cumulative actuals count from "
        "here (default: all the data the services hold)",
    )

    @field_validator("organizations_url", "security_plans_url", "events_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// base URL")
        return value.rstrip("/")
