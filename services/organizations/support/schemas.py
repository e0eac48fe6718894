"""Request and response models of capacity support given to organizations."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.organizations.vocabularies import SupportKind


def _to_hundredths(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


# A JSON number (text is refused), kept to the hundredth of an hour: the contract states a
# plain number, which a JSON schema can say exactly, where "at most two decimals" it cannot.
Hours = Annotated[
    Decimal,
    Field(ge=Decimal("0.01"), le=1000),
    AfterValidator(_to_hundredths),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0.01,
            "maximum": 1000,
            "description": "Hours of support, 0.01 to 1000; kept to the hundredth (rounded)",
        }
    ),
]


class SupportActivityCreate(InputModel):
    id: uuid.UUID | None = None
    organization_id: uuid.UUID
    kind: SupportKind
    delivered_on: date = Field(description="Not in the future (Colombia's calendar)")
    hours: Hours
    delivered_by: Annotated[str, Field(min_length=2, max_length=200)]
    description: str = Field(default="", max_length=4000)


class SupportActivityUpdate(PatchModel):
    required_fields = "*"

    kind: SupportKind | None = None
    delivered_on: date | None = None
    hours: Hours | None = None
    delivered_by: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    description: str | None = Field(default=None, max_length=4000)


class SupportActivityRead(OutputModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    kind: SupportKind
    delivered_on: date
    hours: float
    delivered_by: str
    description: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class SupportActivityPage(Page[SupportActivityRead]):
    pass
