"""Routes of capacity support activities."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.pagination import set_link_header
from services.common.territory import DepartmentCode, MunicipalityCode
from services.organizations.records import Page, Reader, Writer
from services.organizations.support import service
from services.organizations.support.repository import SupportFilters
from services.organizations.support.schemas import (
    SupportActivityCreate,
    SupportActivityPage,
    SupportActivityRead,
    SupportActivityUpdate,
)
from services.organizations.vocabularies import SupportKind

PREFIX = "/api/v1/support-activities"
router = APIRouter(prefix=PREFIX, tags=["capacity-support"])


@router.post(
    "",
    status_code=201,
    operation_id="support-activities-create",
    response_model=SupportActivityRead,
    responses=created_responses(SupportActivityRead, 409),
    summary="Record support given to an organization",
)
async def create_support_activity(
    body: SupportActivityCreate, session: SessionDep, principal: Writer, response: Response
) -> SupportActivityRead:
    activity, created = await service.create_support_activity(
        session, data=body, principal=principal
    )
    if not created:
        response.status_code = 200
    set_etag(response, activity.version)
    response.headers["Location"] = f"{PREFIX}/{activity.id}"
    return service.support_read(activity)


@router.get(
    "",
    operation_id="support-activities-list",
    response_model=SupportActivityPage,
    summary="List support activities",
)
async def list_support_activities(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    organization_id: uuid.UUID | None = None,
    kind: SupportKind | None = None,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    from_: Annotated[date | None, Query(alias="from", description="Delivered on or after")] = None,
    to: Annotated[date | None, Query(description="Delivered on or before")] = None,
    include_archived: bool = False,
) -> SupportActivityPage:
    filters = SupportFilters(
        organization_id=organization_id,
        kind=kind,
        municipality_code=municipality_code,
        department_code=department_code,
        delivered_from=from_,
        delivered_to=to,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_support_activities(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return SupportActivityPage(
        items=[service.support_read(s) for s in items], next_cursor=next_cursor
    )


@router.get(
    "/{activity_id}",
    operation_id="support-activities-get",
    response_model=SupportActivityRead,
    responses=problem_responses(404),
)
async def get_support_activity(
    activity_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> SupportActivityRead:
    activity = await service.load_support_activity(
        session, activity_id=activity_id, principal=principal
    )
    set_etag(response, activity.version)
    return service.support_read(activity)


@router.patch(
    "/{activity_id}",
    operation_id="support-activities-update",
    response_model=SupportActivityRead,
    responses=problem_responses(404, 412, 428),
)
async def update_support_activity(
    activity_id: uuid.UUID,
    body: SupportActivityUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> SupportActivityRead:
    activity = await service.load_support_activity(
        session, activity_id=activity_id, principal=principal, for_update=True
    )
    require_if_match(request, activity.version)
    activity = await service.update_support_activity(session, activity=activity, changes=body)
    set_etag(response, activity.version)
    return service.support_read(activity)


@router.delete(
    "/{activity_id}",
    operation_id="support-activities-archive",
    response_model=SupportActivityRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a support activity",
)
async def archive_support_activity(
    activity_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> SupportActivityRead:
    activity = await service.load_support_activity(
        session, activity_id=activity_id, principal=principal, for_update=True
    )
    require_if_match(request, activity.version)
    activity = await service.archive_support_activity(session, activity=activity)
    set_etag(response, activity.version)
    return service.support_read(activity)
