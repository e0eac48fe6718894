import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.event_status import EventStatus
from ...models.event_type import EventType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    type_: EventType | None | Unset = UNSET,
    status: EventStatus | None | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
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

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, EventType):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, EventStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_organization_id: None | str | Unset
    if isinstance(organization_id, Unset):
        json_organization_id = UNSET
    elif isinstance(organization_id, UUID):
        json_organization_id = str(organization_id)
    else:
        json_organization_id = organization_id
    params["organization_id"] = json_organization_id

    json_security_plan_id: None | str | Unset
    if isinstance(security_plan_id, Unset):
        json_security_plan_id = UNSET
    elif isinstance(security_plan_id, UUID):
        json_security_plan_id = str(security_plan_id)
    else:
        json_security_plan_id = security_plan_id
    params["security_plan_id"] = json_security_plan_id

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

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/api/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EventPage | Problem]:
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
    type_: EventType | None | Unset = UNSET,
    status: EventStatus | None | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """List events, newest first

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        type_ (EventType | None | Unset):
        status (EventStatus | None | Unset):
        organization_id (None | Unset | UUID):
        security_plan_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        q (None | str | Unset): Accent- and case-insensitive text in title or community
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        department_code=department_code,
        type_=type_,
        status=status,
        organization_id=organization_id,
        security_plan_id=security_plan_id,
        from_=from_,
        to=to,
        q=q,
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
    type_: EventType | None | Unset = UNSET,
    status: EventStatus | None | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> EventPage | Problem | None:
    """List events, newest first

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        type_ (EventType | None | Unset):
        status (EventStatus | None | Unset):
        organization_id (None | Unset | UUID):
        security_plan_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        q (None | str | Unset): Accent- and case-insensitive text in title or community
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        department_code=department_code,
        type_=type_,
        status=status,
        organization_id=organization_id,
        security_plan_id=security_plan_id,
        from_=from_,
        to=to,
        q=q,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    type_: EventType | None | Unset = UNSET,
    status: EventStatus | None | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """List events, newest first

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        type_ (EventType | None | Unset):
        status (EventStatus | None | Unset):
        organization_id (None | Unset | UUID):
        security_plan_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        q (None | str | Unset): Accent- and case-insensitive text in title or community
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        department_code=department_code,
        type_=type_,
        status=status,
        organization_id=organization_id,
        security_plan_id=security_plan_id,
        from_=from_,
        to=to,
        q=q,
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
    type_: EventType | None | Unset = UNSET,
    status: EventStatus | None | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    security_plan_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> EventPage | Problem | None:
    """List events, newest first

    Args:
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        type_ (EventType | None | Unset):
        status (EventStatus | None | Unset):
        organization_id (None | Unset | UUID):
        security_plan_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        q (None | str | Unset): Accent- and case-insensitive text in title or community
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            department_code=department_code,
            type_=type_,
            status=status,
            organization_id=organization_id,
            security_plan_id=security_plan_id,
            from_=from_,
            to=to,
            q=q,
            include_archived=include_archived,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
