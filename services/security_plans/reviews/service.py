"""Rules of technical reviews: a complete nine-item checklist and its score."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.errors import InvalidInput, NotFound
from services.common.fastlist_json import JsonField
from services.common.pagination import PageParams, finish_page
from services.common.records import flush
from services.security_plans import records
from services.security_plans.models import PlanReview, SecurityPlan
from services.security_plans.plans.repository import get_plan
from services.security_plans.plans.service import PlanArchived
from services.security_plans.reviews import repository
from services.security_plans.reviews.schemas import ChecklistEntryRead, ReviewCreate, ReviewRead
from services.security_plans.vocabularies import RATING_POINTS, ChecklistItem


def review_score(checklist: Mapping[str, Mapping[str, Any]]) -> Decimal:
    """cumple = 1, parcial = 0.5, no cumple = 0; mean over the nine items x 100."""
    halves = sum(RATING_POINTS[entry["rating"]] for entry in checklist.values())
    value = Decimal(halves * 100) / Decimal(2 * len(ChecklistItem))
    return value.quantize(records.TWO_PLACES, ROUND_HALF_UP)


_CHECKLIST = JsonField(dict[ChecklistItem, ChecklistEntryRead])


def review_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """``checklist`` and ``score`` of a review's row as JSON values, as ``review_read`` shows
    them (the lean list writes the rest from the row)."""
    return {
        "checklist": _CHECKLIST(row["checklist"]),
        "score": float(row["score"]),
    }


def review_read(review: PlanReview) -> ReviewRead:
    """A review as clients read it."""
    data = review.model_dump()
    data["score"] = float(review.score)
    return ReviewRead.model_validate(data)


async def create_review(
    session: AsyncSession, *, plan: SecurityPlan, data: ReviewCreate
) -> tuple[PlanReview, bool]:
    """Record a review of a live plan; returns it and whether it is new."""
    checklist = {
        item.value: entry.model_dump(mode="json") for item, entry in data.checklist.items()
    }
    fields: dict[str, Any] = {
        "reviewer": data.reviewer,
        "reviewed_on": data.reviewed_on,
        "checklist": checklist,
        "recommendations": data.recommendations,
    }
    existing = await records.replayed_child(
        session, PlanReview, data.id, plan_id=plan.id, fields=fields, what="Review"
    )
    if existing is not None:
        return existing, False
    if plan.archived_at is not None:
        raise PlanArchived("An archived plan cannot be reviewed.")
    if data.reviewed_on > colombia_today():
        raise InvalidInput("reviewed_on", "cannot be in the future")
    review = PlanReview(
        **fields, id=data.id or uuid.uuid4(), plan_id=plan.id, score=review_score(checklist)
    )
    session.add(review)
    await flush(session)
    return review, True


async def list_reviews(
    session: AsyncSession, *, plan: SecurityPlan, page: PageParams
) -> tuple[list[PlanReview], str | None]:
    """One page of a plan's reviews and the cursor of the next."""
    rows = await repository.list_reviews(session, plan.id, page)
    return finish_page(rows, page, lambda r: (r.created_at, r.id))


async def load_review(
    session: AsyncSession, *, review_id: uuid.UUID, principal: Principal
) -> PlanReview:
    """A review of a plan in the caller's territories, or 404."""
    review = await session.get(PlanReview, review_id)
    if review is None:
        raise NotFound(f"No plan review with id {review_id}.")
    plan = await get_plan(session, review.plan_id)
    if plan is None or not principal.can_access(plan.municipality_code):
        raise NotFound(f"No plan review with id {review_id}.")
    return review
