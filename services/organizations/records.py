"""What the organizations service's resources share beyond the record kit.

The scope aliases of its routes, paging, the archived-record error of plans and initiatives
and the two-decimal rounding of OPI scores and statistics.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from fastapi import Depends

from services.common.auth import Principal, require_scope
from services.common.errors import Conflict
from services.common.pagination import PageParams, page_params

Reader = Annotated[Principal, Depends(require_scope("organizations:read"))]
Writer = Annotated[Principal, Depends(require_scope("organizations:write"))]
Paging = Annotated[PageParams, Depends(page_params)]

TWO_PLACES = Decimal("0.01")


class RecordArchived(Conflict):
    slug, title = "record-archived", "The record is archived"
