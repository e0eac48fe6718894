"""Request and response models of organizations (the registry)."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field, field_validator

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.organizations.vocabularies import (
    EthnicFocus,
    FocusArea,
    OrganizationStatus,
    OrganizationType,
)

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_PATTERN = r"^\+?[0-9 ()\-]{7,20}$"
Name = Annotated[
    str, Field(min_length=2, max_length=200, examples=["Consejo Comunitario Bajo Mira"])
]
Acronym = Annotated[str, Field(min_length=1, max_length=40)]
Year = Annotated[int, Field(ge=1800, le=2100)]
Members = Annotated[int, Field(ge=0, le=10_000_000)]
Email = Annotated[str, Field(max_length=254, pattern=EMAIL_PATTERN)]
Phone = Annotated[str, Field(max_length=40, pattern=PHONE_PATTERN)]


def _unique(values: list[FocusArea]) -> list[FocusArea]:
    seen: list[FocusArea] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


class OrganizationCreate(InputModel):
    """A new organization. `id` may be sent by offline clients; the server makes one otherwise."""

    id: uuid.UUID | None = None
    name: Name
    acronym: Acronym | None = None
    type: OrganizationType
    ethnic_focus: EthnicFocus = EthnicFocus.ninguno
    municipality_code: MunicipalityCode
    founded_year: Year | None = None
    members_count: Members | None = None
    focus_areas: list[FocusArea] = Field(default_factory=list, max_length=9)
    contact_email: Email | None = None
    contact_phone: Phone | None = None
    status: OrganizationStatus = OrganizationStatus.active

    _dedupe = field_validator("focus_areas")(_unique)


class OrganizationUpdate(PatchModel):
    """Fields to change; absent fields stay as they are."""

    required_fields = ("name", "type", "ethnic_focus", "municipality_code", "focus_areas", "status")

    name: Name | None = None
    acronym: Acronym | None = None
    type: OrganizationType | None = None
    ethnic_focus: EthnicFocus | None = None
    municipality_code: MunicipalityCode | None = None
    founded_year: Year | None = None
    members_count: Members | None = None
    focus_areas: list[FocusArea] | None = Field(default=None, max_length=9)
    contact_email: Email | None = None
    contact_phone: Phone | None = None
    status: OrganizationStatus | None = None

    _dedupe = field_validator("focus_areas")(lambda v: _unique(v) if v is not None else v)


class OrganizationRead(OutputModel):
    id: uuid.UUID
    name: str
    acronym: str | None
    type: OrganizationType
    ethnic_focus: EthnicFocus
    municipality_code: str
    department_code: str = Field(description="First two digits of the municipality code")
    founded_year: int | None
    members_count: int | None
    focus_areas: list[FocusArea]
    contact_email: str | None
    contact_phone: str | None
    status: OrganizationStatus
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class OrganizationPage(Page[OrganizationRead]):
    pass
