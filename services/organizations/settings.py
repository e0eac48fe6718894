"""Settings of the organizations service (env prefix SOMOS_ORGANIZATIONS_)."""

from __future__ import annotations

from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from services.common.catalog import SERVICES
from services.common.settings import ServiceSettings


class OrganizationsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOMOS_ORGANIZATIONS_", extra="ignore")
    service_name: ClassVar[str] = "organizations"
    default_port: ClassVar[int] = SERVICES["organizations"].port
