from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.strengthening_action_read import StrengtheningActionRead
from ...models.strengthening_action_update import StrengtheningActionUpdate
from ...types import Response


def _get_kwargs(
    plan_id: UUID,
    action_id: UUID,
    *,
    body: StrengtheningActionUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/strengthening-plans/{plan_id}/actions/{action_id}".format(
            plan_id=quote(str(plan_id), safe=""),
            action_id=quote(str(action_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StrengtheningActionRead | None:
    if response.status_code == 200:
        response_200 = StrengtheningActionRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[Problem | StrengtheningActionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StrengtheningActionUpdate,
) -> Response[Problem | StrengtheningActionRead]:
    """Update Action

    Args:
        plan_id (UUID):
        action_id (UUID):
        body (StrengtheningActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrengtheningActionRead]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        action_id=action_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StrengtheningActionUpdate,
) -> Problem | StrengtheningActionRead | None:
    """Update Action

    Args:
        plan_id (UUID):
        action_id (UUID):
        body (StrengtheningActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrengtheningActionRead
    """

    return sync_detailed(
        plan_id=plan_id,
        action_id=action_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StrengtheningActionUpdate,
) -> Response[Problem | StrengtheningActionRead]:
    """Update Action

    Args:
        plan_id (UUID):
        action_id (UUID):
        body (StrengtheningActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrengtheningActionRead]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        action_id=action_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StrengtheningActionUpdate,
) -> Problem | StrengtheningActionRead | None:
    """Update Action

    Args:
        plan_id (UUID):
        action_id (UUID):
        body (StrengtheningActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrengtheningActionRead
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            action_id=action_id,
            client=client,
            body=body,
        )
    ).parsed
