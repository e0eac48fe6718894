from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.risk_factor_page import RiskFactorPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    event_id: UUID,
    *,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/api/v1/events/{event_id}/risk-factors".format(
            event_id=quote(str(event_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RiskFactorPage | None:
    if response.status_code == 200:
        response_200 = RiskFactorPage.from_dict(response.json())

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
) -> Response[Problem | RiskFactorPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | RiskFactorPage]:
    """List Risk Factors

    Args:
        event_id (UUID):
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskFactorPage]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | RiskFactorPage | None:
    """List Risk Factors

    Args:
        event_id (UUID):
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskFactorPage
    """

    return sync_detailed(
        event_id=event_id,
        client=client,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | RiskFactorPage]:
    """List Risk Factors

    Args:
        event_id (UUID):
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskFactorPage]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | RiskFactorPage | None:
    """List Risk Factors

    Args:
        event_id (UUID):
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskFactorPage
    """

    return (
        await asyncio_detailed(
            event_id=event_id,
            client=client,
            include_archived=include_archived,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
