"""Statements on a plan's actions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from services.security_plans.models import SecurityPlanAction
from services.security_plans.records import list_children


async def list_actions(
    session: AsyncSession, plan_id: uuid.UUID, line_id: uuid.UUID, *, include_archived: bool
) -> Sequence[SecurityPlanAction]:
    """The actions of one line, oldest first."""
    return await list_children(
        session, SecurityPlanAction, plan_id, include_archived=include_archived, line_id=line_id
    )
