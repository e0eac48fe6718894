from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_page import PlanPage
from ...models.problem import Problem
from ...models.security_plan_status import SecurityPlanStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    term_start_year: int | None | Unset = UNSET,
    status: None | SecurityPlanStatus | Unset = UNSET,
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

    json_term_start_year: int | None | Unset
    if isinstance(term_start_year, Unset):
        json_term_start_year = UNSET
    else:
        json_term_start_year = term_start_year
    params["term_start_year"] = json_term_start_year

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, SecurityPlanStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/api/v1/security-plans",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanPage | Problem | None:
    if response.status_code == 200:
        response_200 = PlanPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanPage | Problem]:
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
    term_start_year: int | None | Unset = UNSET,
    status: None | SecurityPlanStatus | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PlanPage | Problem]:
    """List security plans

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        term_start_year (int | None | Unset):
        status (None | SecurityPlanStatus | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanPage | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        department_code=department_code,
        term_start_year=term_start_year,
        status=status,
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
    term_start_year: int | None | Unset = UNSET,
    status: None | SecurityPlanStatus | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PlanPage | Problem | None:
    """List security plans

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        term_start_year (int | None | Unset):
        status (None | SecurityPlanStatus | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanPage | Problem
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        department_code=department_code,
        term_start_year=term_start_year,
        status=status,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    term_start_year: int | None | Unset = UNSET,
    status: None | SecurityPlanStatus | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PlanPage | Problem]:
    """List security plans

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        term_start_year (int | None | Unset):
        status (None | SecurityPlanStatus | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanPage | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        department_code=department_code,
        term_start_year=term_start_year,
        status=status,
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
    term_start_year: int | None | Unset = UNSET,
    status: None | SecurityPlanStatus | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PlanPage | Problem | None:
    """List security plans

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        term_start_year (int | None | Unset):
        status (None | SecurityPlanStatus | Unset):
        include_archived (bool | Unset): Include archived records Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            department_code=department_code,
            term_start_year=term_start_year,
            status=status,
            include_archived=include_archived,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
