from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merged_change_page import MergedChangePage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: None | str | Unset = UNSET,
    types: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    json_types: None | str | Unset
    if isinstance(types, Unset):
        json_types = UNSET
    else:
        json_types = types
    params["types"] = json_types

    params["limit"] = limit

    params["wait"] = wait

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MergedChangePage | Problem | None:
    if response.status_code == 200:
        response_200 = MergedChangePage.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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
) -> Response[MergedChangePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    types: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> Response[MergedChangePage | Problem]:
    """Changes in every service since a cursor (one cursor; long poll with wait)

     What changed, in commit order: one item per created, updated, archived or transitioned record (type
    `<resource>.<verb>`), with its id, new version and municipality, never its field values. Read page
    after page with `after`; each change appears exactly once. Filtered by the token's read scopes and
    territories. With `wait` (seconds, at most 25), an empty page is held open until a matching change
    commits. The gateway merges the services' feeds by `occurred_at` under one opaque cursor; a service
    that does not answer is listed in `unavailable` and read on the next call.

    Args:
        after (None | str | Unset): The cursor of the last change you read (none: the beginning)
        types (None | str | Unset): Comma-separated resource types (`organization`) or change
            types (`organization.created`); default: every type your scopes read
        limit (int | Unset): Changes per page Default: 50.
        wait (int | Unset): Seconds to hold an empty page open for the next matching change
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MergedChangePage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        types=types,
        limit=limit,
        wait=wait,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    types: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> MergedChangePage | Problem | None:
    """Changes in every service since a cursor (one cursor; long poll with wait)

     What changed, in commit order: one item per created, updated, archived or transitioned record (type
    `<resource>.<verb>`), with its id, new version and municipality, never its field values. Read page
    after page with `after`; each change appears exactly once. Filtered by the token's read scopes and
    territories. With `wait` (seconds, at most 25), an empty page is held open until a matching change
    commits. The gateway merges the services' feeds by `occurred_at` under one opaque cursor; a service
    that does not answer is listed in `unavailable` and read on the next call.

    Args:
        after (None | str | Unset): The cursor of the last change you read (none: the beginning)
        types (None | str | Unset): Comma-separated resource types (`organization`) or change
            types (`organization.created`); default: every type your scopes read
        limit (int | Unset): Changes per page Default: 50.
        wait (int | Unset): Seconds to hold an empty page open for the next matching change
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MergedChangePage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        types=types,
        limit=limit,
        wait=wait,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    types: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> Response[MergedChangePage | Problem]:
    """Changes in every service since a cursor (one cursor; long poll with wait)

     What changed, in commit order: one item per created, updated, archived or transitioned record (type
    `<resource>.<verb>`), with its id, new version and municipality, never its field values. Read page
    after page with `after`; each change appears exactly once. Filtered by the token's read scopes and
    territories. With `wait` (seconds, at most 25), an empty page is held open until a matching change
    commits. The gateway merges the services' feeds by `occurred_at` under one opaque cursor; a service
    that does not answer is listed in `unavailable` and read on the next call.

    Args:
        after (None | str | Unset): The cursor of the last change you read (none: the beginning)
        types (None | str | Unset): Comma-separated resource types (`organization`) or change
            types (`organization.created`); default: every type your scopes read
        limit (int | Unset): Changes per page Default: 50.
        wait (int | Unset): Seconds to hold an empty page open for the next matching change
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MergedChangePage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        types=types,
        limit=limit,
        wait=wait,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    types: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> MergedChangePage | Problem | None:
    """Changes in every service since a cursor (one cursor; long poll with wait)

     What changed, in commit order: one item per created, updated, archived or transitioned record (type
    `<resource>.<verb>`), with its id, new version and municipality, never its field values. Read page
    after page with `after`; each change appears exactly once. Filtered by the token's read scopes and
    territories. With `wait` (seconds, at most 25), an empty page is held open until a matching change
    commits. The gateway merges the services' feeds by `occurred_at` under one opaque cursor; a service
    that does not answer is listed in `unavailable` and read on the next call.

    Args:
        after (None | str | Unset): The cursor of the last change you read (none: the beginning)
        types (None | str | Unset): Comma-separated resource types (`organization`) or change
            types (`organization.created`); default: every type your scopes read
        limit (int | Unset): Changes per page Default: 50.
        wait (int | Unset): Seconds to hold an empty page open for the next matching change
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MergedChangePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            types=types,
            limit=limit,
            wait=wait,
        )
    ).parsed
