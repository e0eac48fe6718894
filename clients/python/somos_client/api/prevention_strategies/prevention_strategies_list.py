from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approach import Approach
from ...models.problem import Problem
from ...models.problem_input import ProblemInput
from ...models.strategy_page import StrategyPage
from ...models.strategy_status import StrategyStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    approach: Approach | None | Unset = UNSET,
    status: None | StrategyStatus | Unset = UNSET,
    target_problem: None | ProblemInput | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_municipality_code: None | str | Unset
    if isinstance(municipality_code, Unset):
        json_municipality_code = UNSET
    else:
        json_municipality_code = municipality_code
    params["municipality_code"] = json_municipality_code

    json_department_code: None | str | Unset
    if isinstance(department_code, Unset):
        json_department_code = UNSET
    else:
        json_department_code = department_code
    params["department_code"] = json_department_code

    json_security_plan_id: None | str | Unset
    if isinstance(security_plan_id, Unset):
        json_security_plan_id = UNSET
    elif isinstance(security_plan_id, UUID):
        json_security_plan_id = str(security_plan_id)
    else:
        json_security_plan_id = security_plan_id
    params["security_plan_id"] = json_security_plan_id

    json_approach: None | str | Unset
    if isinstance(approach, Unset):
        json_approach = UNSET
    elif isinstance(approach, Approach):
        json_approach = approach.value
    else:
        json_approach = approach
    params["approach"] = json_approach

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, StrategyStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_target_problem: None | str | Unset
    if isinstance(target_problem, Unset):
        json_target_problem = UNSET
    elif isinstance(target_problem, ProblemInput):
        json_target_problem = target_problem.value
    else:
        json_target_problem = target_problem
    params["target_problem"] = json_target_problem

    params["include_archived"] = include_archived

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/prevention-strategies",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StrategyPage | None:
    if response.status_code == 200:
        response_200 = StrategyPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | StrategyPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    approach: Approach | None | Unset = UNSET,
    status: None | StrategyStatus | Unset = UNSET,
    target_problem: None | ProblemInput | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | StrategyPage]:
    """List Strategies

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        security_plan_id (None | Unset | UUID):
        approach (Approach | None | Unset):
        status (None | StrategyStatus | Unset):
        target_problem (None | ProblemInput | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyPage]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        department_code=department_code,
        security_plan_id=security_plan_id,
        approach=approach,
        status=status,
        target_problem=target_problem,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    approach: Approach | None | Unset = UNSET,
    status: None | StrategyStatus | Unset = UNSET,
    target_problem: None | ProblemInput | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | StrategyPage | None:
    """List Strategies

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        security_plan_id (None | Unset | UUID):
        approach (Approach | None | Unset):
        status (None | StrategyStatus | Unset):
        target_problem (None | ProblemInput | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyPage
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        department_code=department_code,
        security_plan_id=security_plan_id,
        approach=approach,
        status=status,
        target_problem=target_problem,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    approach: Approach | None | Unset = UNSET,
    status: None | StrategyStatus | Unset = UNSET,
    target_problem: None | ProblemInput | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | StrategyPage]:
    """List Strategies

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        security_plan_id (None | Unset | UUID):
        approach (Approach | None | Unset):
        status (None | StrategyStatus | Unset):
        target_problem (None | ProblemInput | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyPage]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        department_code=department_code,
        security_plan_id=security_plan_id,
        approach=approach,
        status=status,
        target_problem=target_problem,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    approach: Approach | None | Unset = UNSET,
    status: None | StrategyStatus | Unset = UNSET,
    target_problem: None | ProblemInput | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | StrategyPage | None:
    """List Strategies

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        security_plan_id (None | Unset | UUID):
        approach (Approach | None | Unset):
        status (None | StrategyStatus | Unset):
        target_problem (None | ProblemInput | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyPage
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            department_code=department_code,
            security_plan_id=security_plan_id,
            approach=approach,
            status=status,
            target_problem=target_problem,
            include_archived=include_archived,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
