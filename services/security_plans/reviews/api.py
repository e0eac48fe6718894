"""Routes of technical reviews."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import Computed, FastList, Parent
from services.common.pagination import set_link_header
from services.security_plans.plans.api import CurrentPlan, PlanToChange
from services.security_plans.records import PageQuery, Reader, created
from services.security_plans.reviews import service
from services.security_plans.reviews.schemas import ReviewCreate, ReviewPage, ReviewRead

router = APIRouter(prefix="/api/v1", tags=["plan-reviews"])


@router.post(
    "/security-plans/{plan_id}/reviews",
    status_code=201,
    operation_id="plan-reviews-create",
    response_model=ReviewRead,
    responses=problem_responses(404, 409),
    summary="Record the programme's technical review of a plan",
)
async def create_review(
    body: ReviewCreate, plan: PlanToChange, session: SessionDep, response: Response
) -> ReviewRead:
    review, is_new = await service.create_review(session, plan=plan, data=body)
    created(response, is_new, review.version, f"/api/v1/plan-reviews/{review.id}")
    return service.review_read(review)


@router.get(
    "/security-plans/{plan_id}/reviews",
    operation_id="plan-reviews-list",
    response_model=ReviewPage,
    responses=problem_responses(404),
)
async def list_reviews(
    plan: CurrentPlan, request: Request, response: Response, session: SessionDep, page: PageQuery
) -> ReviewPage:
    items, next_cursor = await service.list_reviews(session, plan=plan, page=page)
    set_link_header(request, response, next_cursor)
    return ReviewPage(items=[service.review_read(r) for r in items], next_cursor=next_cursor)


@router.get(
    "/plan-reviews/{review_id}",
    operation_id="plan-reviews-get",
    response_model=ReviewRead,
    responses=problem_responses(404),
)
async def get_review(
    review_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> ReviewRead:
    review = await service.load_review(session, review_id=review_id, principal=principal)
    set_etag(response, review.version)
    return service.review_read(review)


# The list above on the lean path (``fastlist``); the plan must be in the caller's territory.
FAST_LIST = FastList(
    path="/api/v1/security-plans/{plan_id}/reviews",
    scope="plans:read",
    select="SELECT * FROM plan_reviews",
    page=ReviewPage,
    order=(("created_at", "t"), ("id", "u")),
    parent=Parent(
        "plan_id", "SELECT municipality_code FROM security_plans WHERE id = $1", column="plan_id"
    ),
    computed=Computed(("checklist", "score"), lambda _app, _caller: service.review_fields),
)
