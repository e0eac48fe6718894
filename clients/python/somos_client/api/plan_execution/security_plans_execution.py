import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_execution import PlanExecution
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    plan_id: UUID,
    *,
    as_of: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/security-plans/{plan_id}/execution".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlanExecution | Problem | None:
    if response.status_code == 200:
        response_200 = PlanExecution.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PlanExecution | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[PlanExecution | Problem]:
    """Budget execution, indicator progress and reporting gaps of a plan

    Args:
        plan_id (UUID):
        as_of (datetime.date | None | Unset): Reference date for 'recent' quarters (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanExecution | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> PlanExecution | Problem | None:
    """Budget execution, indicator progress and reporting gaps of a plan

    Args:
        plan_id (UUID):
        as_of (datetime.date | None | Unset): Reference date for 'recent' quarters (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanExecution | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[PlanExecution | Problem]:
    """Budget execution, indicator progress and reporting gaps of a plan

    Args:
        plan_id (UUID):
        as_of (datetime.date | None | Unset): Reference date for 'recent' quarters (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanExecution | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> PlanExecution | Problem | None:
    """Budget execution, indicator progress and reporting gaps of a plan

    Args:
        plan_id (UUID):
        as_of (datetime.date | None | Unset): Reference date for 'recent' quarters (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanExecution | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            as_of=as_of,
        )
    ).parsed
