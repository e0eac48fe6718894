"""Routes of a plan's execution summary."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.common.db import DatabaseDep
from services.common.errors import problem_responses
from services.common.schemas import IsoDate
from services.security_plans.execution import service
from services.security_plans.execution.schemas import PlanExecution
from services.security_plans.records import PLAN, Reader

router = APIRouter(prefix=PLAN, tags=["plan-execution"])


@router.get(
    "/execution",
    operation_id="security-plans-execution",
    response_model=PlanExecution,
    responses=problem_responses(404),
    summary="Budget execution, indicator progress and reporting gaps of a plan",
)
async def get_execution(
    plan_id: uuid.UUID,
    database: DatabaseDep,
    principal: Reader,
    as_of: Annotated[
        IsoDate | None,
        Query(
            description="Reference date for 'recent' quarters (default: today in Colombia)",
        ),
    ] = None,
) -> PlanExecution:
    assert database.pool is not None
    return await service.execution(database.pool, plan_id=plan_id, principal=principal, as_of=as_of)
