import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.support_activity_page import SupportActivityPage
from ...models.support_kind import SupportKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    organization_id: None | Unset | UUID = UNSET,
    kind: None | SupportKind | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_organization_id: None | str | Unset
    if isinstance(organization_id, Unset):
        json_organization_id = UNSET
    elif isinstance(organization_id, UUID):
        json_organization_id = str(organization_id)
    else:
        json_organization_id = organization_id
    params["organization_id"] = json_organization_id

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, SupportKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

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

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

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
        "url": "/api/v1/support-activities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SupportActivityPage | None:
    if response.status_code == 200:
        response_200 = SupportActivityPage.from_dict(response.json())

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
) -> Response[Problem | SupportActivityPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    organization_id: None | Unset | UUID = UNSET,
    kind: None | SupportKind | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | SupportActivityPage]:
    """List support activities

    Args:
        organization_id (None | Unset | UUID):
        kind (None | SupportKind | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Delivered on or after
        to (datetime.date | None | Unset): Delivered on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SupportActivityPage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        kind=kind,
        municipality_code=municipality_code,
        department_code=department_code,
        from_=from_,
        to=to,
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
    organization_id: None | Unset | UUID = UNSET,
    kind: None | SupportKind | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | SupportActivityPage | None:
    """List support activities

    Args:
        organization_id (None | Unset | UUID):
        kind (None | SupportKind | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Delivered on or after
        to (datetime.date | None | Unset): Delivered on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SupportActivityPage
    """

    return sync_detailed(
        client=client,
        organization_id=organization_id,
        kind=kind,
        municipality_code=municipality_code,
        department_code=department_code,
        from_=from_,
        to=to,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    organization_id: None | Unset | UUID = UNSET,
    kind: None | SupportKind | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | SupportActivityPage]:
    """List support activities

    Args:
        organization_id (None | Unset | UUID):
        kind (None | SupportKind | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Delivered on or after
        to (datetime.date | None | Unset): Delivered on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SupportActivityPage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        kind=kind,
        municipality_code=municipality_code,
        department_code=department_code,
        from_=from_,
        to=to,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    organization_id: None | Unset | UUID = UNSET,
    kind: None | SupportKind | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | SupportActivityPage | None:
    """List support activities

    Args:
        organization_id (None | Unset | UUID):
        kind (None | SupportKind | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Delivered on or after
        to (datetime.date | None | Unset): Delivered on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SupportActivityPage
    """

    return (
        await asyncio_detailed(
            client=client,
            organization_id=organization_id,
            kind=kind,
            municipality_code=municipality_code,
            department_code=department_code,
            from_=from_,
            to=to,
            include_archived=include_archived,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
