"""Routes of organizations themselves: register, list and search, read, change, archive."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal
from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.fastlist import (
    FastList,
    Filter,
    department_param,
    enum_param,
    municipality_param,
)
from services.common.fastpath import FastRead, FastRoute
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.common.text import SearchText
from services.organizations.models import Organization
from services.organizations.records import Paging, Reader, Writer
from services.organizations.registry import service
from services.organizations.registry.repository import ORGANIZATION_COLUMNS, OrganizationFilters
from services.organizations.registry.schemas import (
    OrganizationCreate,
    OrganizationPage,
    OrganizationRead,
    OrganizationUpdate,
)
from services.organizations.vocabularies import EthnicFocus, OrganizationStatus, OrganizationType

PREFIX = "/api/v1/organizations"
router = APIRouter(prefix=PREFIX, tags=["organizations"])

# The organization named by the path, 404 unless the caller's territory covers it; the
# assessments' routes use them too.
CurrentOrganization = Annotated[
    Organization,
    Depends(record_loader(service.load_organization, id_param="organization_id", principal=Reader)),
]
OrganizationToChange = Annotated[
    Organization,
    Depends(
        record_loader(
            service.load_organization,
            id_param="organization_id",
            principal=Writer,
            for_update=True,
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="organizations-create",
    response_model=OrganizationRead,
    responses=created_responses(OrganizationRead, 409),
    summary="Register an organization",
)
async def create_organization(
    body: OrganizationCreate,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    response: Response,
    write: WriteGuardDep,
) -> OrganizationRead:
    organization, created = await service.create_organization(
        session, data=body, principal=principal, territories=territories
    )
    if not created:
        response.status_code = 200
    write.etag(organization)
    response.headers["Location"] = f"{PREFIX}/{organization.id}"
    return service.organization_read(organization)


@router.get(
    "",
    operation_id="organizations-list",
    response_model=OrganizationPage,
    summary="List and search organizations",
)
async def list_organizations(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Paging,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    type: OrganizationType | None = None,
    ethnic_focus: EthnicFocus | None = None,
    status: OrganizationStatus | None = None,
    q: SearchText[
        Annotated[
            str | None,
            Query(
                min_length=1,
                max_length=100,
                description="Accent- and case-insensitive text in name or acronym",
            ),
        ]
    ] = None,
    include_archived: bool = False,
) -> OrganizationPage:
    filters = OrganizationFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        type=type,
        ethnic_focus=ethnic_focus,
        status=status,
        q=q,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_organizations(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return OrganizationPage(
        items=[service.organization_read(o) for o in items], next_cursor=next_cursor
    )


@router.get(
    "/{organization_id}",
    operation_id="organizations-get",
    response_model=OrganizationRead,
    responses=problem_responses(404),
)
async def get_organization(
    organization_id: uuid.UUID, request: Request, principal: Reader, response: Response
) -> OrganizationRead:
    # Normally answered by the lean path (FAST_READS); kept for the contract and as fallback.
    organization = await read_organization(request.app, principal, organization_id)
    set_etag(response, organization.version)
    return organization


async def read_organization(
    app: Any, principal: Principal, organization_id: uuid.UUID
) -> OrganizationRead:
    """GET by id, shared by the FastAPI route and the lean path: raw pool, no ORM."""
    pool = app.state.database.pool
    assert pool is not None
    return await service.read_organization(
        pool, organization_id=organization_id, principal=principal
    )


# The list above, on the lean path: same filters, territory rule, order and page model.
FAST_LIST = FastList(
    path=PREFIX,
    scope="organizations:read",
    select=f"SELECT {ORGANIZATION_COLUMNS} FROM organizations",
    page=OrganizationPage,
    order=(("created_at", "t"), ("id", "u")),
    filters={
        "municipality_code": Filter.equals("municipality_code", municipality_param),
        "department_code": Filter.equals("department_code", department_param),
        "type": Filter.equals("type", enum_param(OrganizationType)),
        "ethnic_focus": Filter.equals("ethnic_focus", enum_param(EthnicFocus)),
        "status": Filter.equals("status", enum_param(OrganizationStatus)),
        "q": Filter.like("search_text"),
    },
    territory=("municipality_code", "department_code"),
    archived="archived_at",
)
FAST_READS: list[FastRoute] = [
    FastRead(PREFIX + "/{organization_id}", "organizations:read", read_organization),
    FAST_LIST,
]


@router.patch(
    "/{organization_id}",
    operation_id="organizations-update",
    response_model=OrganizationRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_organization(
    body: OrganizationUpdate,
    organization: OrganizationToChange,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    write: WriteGuardDep,
) -> OrganizationRead:
    changed = await write(
        organization,
        lambda o: service.update_organization(
            session, organization=o, changes=body, principal=principal, territories=territories
        ),
    )
    return service.organization_read(changed)


@router.delete(
    "/{organization_id}",
    operation_id="organizations-archive",
    response_model=OrganizationRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive an organization (it stays readable with include_archived)",
)
async def archive_organization(
    organization: OrganizationToChange, session: SessionDep, write: WriteGuardDep
) -> OrganizationRead:
    archived = await write(
        organization, lambda o: service.archive_organization(session, organization=o)
    )
    return service.organization_read(archived)
