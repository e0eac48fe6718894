"""What the routes of every reporting resource share: scopes, the indicator in the path."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path
from pydantic import Field

from services.common.auth import Principal, require_scope
from services.common.db import SessionDep
from services.common.errors import NotFound, problem_responses
from services.reporting.indicators import repository
from services.reporting.models import Indicator

Reader = Annotated[Principal, Depends(require_scope("reporting:read"))]
Writer = Annotated[Principal, Depends(require_scope("reporting:write"))]
Admin = Annotated[Principal, Depends(require_scope("admin"))]

EVERY_ROUTE = problem_responses(400, 413)
INDICATORS = "/api/v1/indicators"
INDICATOR = INDICATORS + "/{code}"

IndicatorCode = Annotated[str, Path(pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,19}$", examples=["R9"])]
FiscalYear = Annotated[int, Field(ge=2000, le=2100, examples=[2025])]
Reason = Annotated[str, Field(min_length=1, max_length=2000)]


async def _indicator(code: IndicatorCode, session: SessionDep, principal: Reader) -> Indicator:
    indicator = await repository.get_by_code(session, code)
    if indicator is None:
        raise NotFound(f"No indicator with code {code}.")
    return indicator


CurrentIndicator = Annotated[Indicator, Depends(_indicator)]
