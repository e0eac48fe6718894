"""Routes of capacity support activities."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.fastlist import (
    FastList,
    Filter,
    date_param,
    department_param,
    enum_param,
    model_columns,
    municipality_param,
    uuid_param,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.schemas import IsoDate
from services.common.territory import DepartmentCode, MunicipalityCode
from services.organizations.models import SupportActivity
from services.organizations.records import Paging, Reader, Writer
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

CurrentActivity = Annotated[
    SupportActivity,
    Depends(record_loader(service.load_support_activity, id_param="activity_id", principal=Reader)),
]
ActivityToChange = Annotated[
    SupportActivity,
    Depends(
        record_loader(
            service.load_support_activity,
            id_param="activity_id",
            principal=Writer,
            for_update=True,
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="support-activities-create",
    response_model=SupportActivityRead,
    responses=created_responses(SupportActivityRead, 409),
    summary="Record support given to an organization",
)
async def create_support_activity(
    body: SupportActivityCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    write: WriteGuardDep,
) -> SupportActivityRead:
    activity, created = await service.create_support_activity(
        session, data=body, principal=principal
    )
    if not created:
        response.status_code = 200
    write.etag(activity)
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
    page: Paging,
    organization_id: uuid.UUID | None = None,
    kind: SupportKind | None = None,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    from_: Annotated[
        IsoDate | None, Query(alias="from", description="Delivered on or after")
    ] = None,
    to: Annotated[IsoDate | None, Query(description="Delivered on or before")] = None,
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
    activity: CurrentActivity, response: Response
) -> SupportActivityRead:
    set_etag(response, activity.version)
    return service.support_read(activity)


@router.patch(
    "/{activity_id}",
    operation_id="support-activities-update",
    response_model=SupportActivityRead,
    responses=problem_responses(404, 412, 428),
)
async def update_support_activity(
    body: SupportActivityUpdate,
    activity: ActivityToChange,
    session: SessionDep,
    write: WriteGuardDep,
) -> SupportActivityRead:
    changed = await write(
        activity,
        lambda a: service.update_support_activity(session, activity=a, changes=body),
    )
    return service.support_read(changed)


@router.delete(
    "/{activity_id}",
    operation_id="support-activities-archive",
    response_model=SupportActivityRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a support activity",
)
async def archive_support_activity(
    activity: ActivityToChange, session: SessionDep, write: WriteGuardDep
) -> SupportActivityRead:
    archived = await write(
        activity, lambda a: service.archive_support_activity(session, activity=a)
    )
    return service.support_read(archived)


# The list above on the lean path (``fastlist``): same filters, territory, order and page model.
FAST_LIST = FastList(
    path=PREFIX,
    scope="organizations:read",
    select=(
        f"SELECT {model_columns(SupportActivityRead, 's')} FROM support_activities s "
        "JOIN organizations o ON o.id = s.organization_id"
    ),
    page=SupportActivityPage,
    order=(("s.created_at", "t"), ("s.id", "u")),
    filters={
        "organization_id": Filter.equals("s.organization_id", uuid_param),
        "kind": Filter.equals("s.kind", enum_param(SupportKind)),
        "municipality_code": Filter.equals("o.municipality_code", municipality_param),
        "department_code": Filter.equals("o.department_code", department_param),
        "from": Filter.at_least("s.delivered_on", date_param),
        "to": Filter.at_most("s.delivered_on", date_param),
    },
    territory=("o.municipality_code", "o.department_code"),
    archived="s.archived_at",
)
