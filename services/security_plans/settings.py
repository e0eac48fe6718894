"""Settings of the security_plans service (env prefix SOMOS_SECURITY_PLANS_)."""

from __future__ import annotations

from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from services.common.catalog import SERVICES
from services.common.settings import ServiceSettings


class SecurityPlansSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOMOS_SECURITY_PLANS_", extra="ignore")
    service_name: ClassVar[str] = "security_plans"
    default_port: ClassVar[int] = SERVICES[service_name].port
