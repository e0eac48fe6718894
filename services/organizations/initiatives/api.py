"""Routes of community initiatives."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal
from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.disclosure import DisclosureDep, disclosure_for
from services.common.errors import created_responses, problem_responses
from services.common.fastlist import (
    Computed,
    FastList,
    Filter,
    date_param,
    department_param,
    enum_param,
    municipality_param,
    uuid_param,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.schemas import IsoDate
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.organizations.initiatives import service
from services.organizations.initiatives.repository import InitiativeFilters
from services.organizations.initiatives.schemas import (
    CommunityInitiativeCreate,
    CommunityInitiativePage,
    CommunityInitiativeRead,
    CommunityInitiativeUpdate,
    InitiativeTransition,
)
from services.organizations.models import CommunityInitiative
from services.organizations.records import Paging, Reader, Writer
from services.organizations.vocabularies import InitiativeStatus, Methodology, RiskFactor

PREFIX = "/api/v1/community-initiatives"
router = APIRouter(prefix=PREFIX, tags=["community-initiatives"])

CurrentInitiative = Annotated[
    CommunityInitiative,
    Depends(record_loader(service.load_initiative, id_param="initiative_id", principal=Reader)),
]
InitiativeToChange = Annotated[
    CommunityInitiative,
    Depends(
        record_loader(
            service.load_initiative, id_param="initiative_id", principal=Writer, for_update=True
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="community-initiatives-create",
    response_model=CommunityInitiativeRead,
    responses=created_responses(CommunityInitiativeRead, 409),
    summary="Register a community initiative (IBP or other)",
)
async def create_initiative(
    body: CommunityInitiativeCreate,
    session: SessionDep,
    principal: Writer,
    disclosure: DisclosureDep,
    territories: TerritoriesDep,
    response: Response,
    write: WriteGuardDep,
) -> CommunityInitiativeRead:
    initiative, created = await service.create_initiative(
        session, data=body, principal=principal, territories=territories
    )
    if not created:
        response.status_code = 200
    write.etag(initiative)
    response.headers["Location"] = f"{PREFIX}/{initiative.id}"
    return service.initiative_read(initiative, disclosure=disclosure)


@router.get(
    "",
    operation_id="community-initiatives-list",
    response_model=CommunityInitiativePage,
    summary="List community initiatives",
)
async def list_initiatives(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Paging,
    disclosure: DisclosureDep,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    status: InitiativeStatus | None = None,
    methodology: Methodology | None = None,
    lead_organization_id: uuid.UUID | None = None,
    risk_factor: Annotated[
        RiskFactor | None, Query(description="Initiatives addressing this risk factor")
    ] = None,
    from_: Annotated[
        IsoDate | None, Query(alias="from", description="Starting on or after")
    ] = None,
    to: Annotated[IsoDate | None, Query(description="Starting on or before")] = None,
    include_archived: bool = False,
) -> CommunityInitiativePage:
    filters = InitiativeFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        status=status,
        methodology=methodology,
        lead_organization_id=lead_organization_id,
        risk_factor=risk_factor,
        starts_from=from_,
        starts_to=to,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_initiatives(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return CommunityInitiativePage(
        items=[service.initiative_read(c, disclosure=disclosure) for c in items],
        next_cursor=next_cursor,
    )


@router.get(
    "/{initiative_id}",
    operation_id="community-initiatives-get",
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404),
)
async def get_initiative(
    initiative: CurrentInitiative, response: Response, disclosure: DisclosureDep
) -> CommunityInitiativeRead:
    set_etag(response, initiative.version)
    return service.initiative_read(initiative, disclosure=disclosure)


@router.patch(
    "/{initiative_id}",
    operation_id="community-initiatives-update",
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_initiative(
    body: CommunityInitiativeUpdate,
    initiative: InitiativeToChange,
    session: SessionDep,
    principal: Writer,
    disclosure: DisclosureDep,
    territories: TerritoriesDep,
    write: WriteGuardDep,
) -> CommunityInitiativeRead:
    changed = await write(
        initiative,
        lambda i: service.update_initiative(
            session, initiative=i, changes=body, principal=principal, territories=territories
        ),
    )
    return service.initiative_read(changed, disclosure=disclosure)


@router.delete(
    "/{initiative_id}",
    operation_id="community-initiatives-archive",
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a community initiative",
)
async def archive_initiative(
    initiative: InitiativeToChange,
    session: SessionDep,
    write: WriteGuardDep,
    disclosure: DisclosureDep,
) -> CommunityInitiativeRead:
    archived = await write(initiative, lambda i: service.archive_initiative(session, initiative=i))
    return service.initiative_read(archived, disclosure=disclosure)


@router.post(
    "/{initiative_id}/transitions",
    operation_id="community-initiatives-transition",
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404, 409),
    summary="Start, complete or cancel an initiative",
)
async def transition_initiative(
    body: InitiativeTransition,
    initiative: InitiativeToChange,
    session: SessionDep,
    write: WriteGuardDep,
    disclosure: DisclosureDep,
) -> CommunityInitiativeRead:
    initiative = await service.transition_initiative(session, initiative=initiative, request=body)
    write.etag(initiative)
    return service.initiative_read(initiative, disclosure=disclosure)


def _initiative_beneficiaries(
    app: Any, principal: Principal
) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
    """An initiative's beneficiaries under the caller's disclosure level (small cells
    withheld), as ``service.initiative_read`` shows them; once per request."""
    return partial(service.beneficiary_fields, disclosure=disclosure_for(app, principal))


# The list above on the lean path (``fastlist``): same filters, territory rule, disclosure.
FAST_LIST = FastList(
    path=PREFIX,
    scope="organizations:read",
    select=(
        "SELECT id, title, municipality_code, department_code, community, "
        "lead_organization_id, methodology, objective, risk_factors_addressed, status, "
        "cancellation_reason, start_date, end_date, budget_cop, beneficiaries, version, "
        "created_at, updated_at, archived_at FROM community_initiatives"
    ),
    page=CommunityInitiativePage,
    order=(("created_at", "t"), ("id", "u")),
    filters={
        "municipality_code": Filter.equals("municipality_code", municipality_param),
        "department_code": Filter.equals("department_code", department_param),
        "status": Filter.equals("status", enum_param(InitiativeStatus)),
        "methodology": Filter.equals("methodology", enum_param(Methodology)),
        "lead_organization_id": Filter.equals("lead_organization_id", uuid_param),
        "risk_factor": Filter.contains("risk_factors_addressed", enum_param(RiskFactor)),
        "from": Filter.at_least("start_date", date_param),
        "to": Filter.at_most("start_date", date_param),
    },
    territory=("municipality_code", "department_code"),
    archived="archived_at",
    computed=Computed(("beneficiaries", "suppressed"), _initiative_beneficiaries),
)
