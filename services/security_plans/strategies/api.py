"""Routes of prevention strategies."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import (
    FastList,
    Filter,
    department_param,
    enum_param,
    model_columns,
    municipality_param,
    uuid_param,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.security_plans.models import PreventionStrategy
from services.security_plans.records import (
    WRITE_ERRORS,
    IncludeArchived,
    PageQuery,
    Reader,
    Writer,
    created,
)
from services.security_plans.strategies import repository, service
from services.security_plans.strategies.schemas import (
    StrategyCreate,
    StrategyPage,
    StrategyRead,
    StrategyTransition,
    StrategyUpdate,
)
from services.security_plans.vocabularies import Approach, Problem, StrategyStatus

STRATEGIES = "/api/v1/prevention-strategies"
router = APIRouter(prefix=STRATEGIES, tags=["prevention-strategies"])

# The strategy of the path, or 404 (also outside the caller's territory); locked for writes.
CurrentStrategy = Annotated[
    PreventionStrategy,
    Depends(record_loader(service.load_strategy, id_param="strategy_id", principal=Reader)),
]
StrategyToChange = Annotated[
    PreventionStrategy,
    Depends(
        record_loader(
            service.load_strategy, id_param="strategy_id", principal=Writer, for_update=True
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="prevention-strategies-create",
    response_model=StrategyRead,
    responses=problem_responses(409),
    summary="Design a prevention strategy",
)
async def create_strategy(
    body: StrategyCreate,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    response: Response,
) -> StrategyRead:
    strategy, is_new = await service.create_strategy(
        session, data=body, principal=principal, territories=territories
    )
    created(response, is_new, strategy.version, f"{STRATEGIES}/{strategy.id}")
    return StrategyRead.model_validate(strategy)


@router.get(
    "",
    operation_id="prevention-strategies-list",
    response_model=StrategyPage,
)
async def list_strategies(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: PageQuery,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    security_plan_id: uuid.UUID | None = None,
    approach: Approach | None = None,
    status: StrategyStatus | None = None,
    target_problem: Problem | None = None,
    include_archived: IncludeArchived = False,
) -> StrategyPage:
    filters = repository.StrategyFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        security_plan_id=security_plan_id,
        approach=approach,
        status=status,
        target_problem=target_problem,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_strategies(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return StrategyPage(
        items=[StrategyRead.model_validate(s) for s in items], next_cursor=next_cursor
    )


@router.get(
    "/{strategy_id}",
    operation_id="prevention-strategies-get",
    response_model=StrategyRead,
    responses=problem_responses(404),
)
async def get_strategy(strategy: CurrentStrategy, write: WriteGuardDep) -> StrategyRead:
    write.etag(strategy)
    return StrategyRead.model_validate(strategy)


@router.patch(
    "/{strategy_id}",
    operation_id="prevention-strategies-update",
    response_model=StrategyRead,
    responses=WRITE_ERRORS,
)
async def update_strategy(
    body: StrategyUpdate, strategy: StrategyToChange, session: SessionDep, write: WriteGuardDep
) -> StrategyRead:
    changed = await write(
        strategy, lambda s: service.update_strategy(session, strategy=s, changes=body)
    )
    return StrategyRead.model_validate(changed)


@router.delete(
    "/{strategy_id}",
    operation_id="prevention-strategies-archive",
    response_model=StrategyRead,
    responses=problem_responses(404, 412, 428),
)
async def archive_strategy(
    strategy: StrategyToChange, session: SessionDep, write: WriteGuardDep
) -> StrategyRead:
    archived = await write(strategy, lambda s: service.archive_strategy(session, strategy=s))
    return StrategyRead.model_validate(archived)


@router.post(
    "/{strategy_id}/transitions",
    operation_id="prevention-strategies-transition",
    response_model=StrategyRead,
    responses=problem_responses(404, 409),
    summary="Start, complete, evaluate or discontinue a strategy",
)
async def transition_strategy(
    body: StrategyTransition, strategy: StrategyToChange, session: SessionDep, write: WriteGuardDep
) -> StrategyRead:
    moved = await service.transition_strategy(session, strategy=strategy, request=body)
    write.etag(moved)
    return StrategyRead.model_validate(moved)


# The list above on the lean path (``fastlist``): same filters, territory, order and page model.
FAST_LIST = FastList(
    path=STRATEGIES,
    scope="plans:read",
    select=f"SELECT {model_columns(StrategyRead)} FROM prevention_strategies",
    page=StrategyPage,
    order=(("created_at", "t"), ("id", "u")),
    filters={
        "municipality_code": Filter.equals("municipality_code", municipality_param),
        "department_code": Filter.equals("department_code", department_param),
        "security_plan_id": Filter.equals("security_plan_id", uuid_param),
        "approach": Filter.equals("approach", enum_param(Approach)),
        "status": Filter.equals("status", enum_param(StrategyStatus)),
        "target_problem": Filter.contains("target_problems", enum_param(Problem)),
    },
    territory=("municipality_code", "department_code"),
    archived="archived_at",
)
