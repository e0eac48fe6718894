import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pii_access_page import PiiAccessPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    event_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_event_id: None | str | Unset
    if isinstance(event_id, Unset):
        json_event_id = UNSET
    elif isinstance(event_id, UUID):
        json_event_id = str(event_id)
    else:
        json_event_id = event_id
    params["event_id"] = json_event_id

    json_subject: None | str | Unset
    if isinstance(subject, Unset):
        json_subject = UNSET
    else:
        json_subject = subject
    params["subject"] = json_subject

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
        "url": "/api/v1/pii-access-log",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PiiAccessPage | Problem | None:
    if response.status_code == 200:
        response_200 = PiiAccessPage.from_dict(response.json())

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
) -> Response[PiiAccessPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    event_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PiiAccessPage | Problem]:
    """Who read attendees' personal data, when, of which event, how many (admin)

     Entries of events within the token's territories (`municipalities`, `departments` claims), newest
    first. The log is a hash chain: `somos verify-pii-log` checks that no entry was changed or removed.

    Args:
        event_id (None | Unset | UUID):
        subject (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PiiAccessPage | Problem]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        subject=subject,
        from_=from_,
        to=to,
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
    event_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PiiAccessPage | Problem | None:
    """Who read attendees' personal data, when, of which event, how many (admin)

     Entries of events within the token's territories (`municipalities`, `departments` claims), newest
    first. The log is a hash chain: `somos verify-pii-log` checks that no entry was changed or removed.

    Args:
        event_id (None | Unset | UUID):
        subject (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PiiAccessPage | Problem
    """

    return sync_detailed(
        client=client,
        event_id=event_id,
        subject=subject,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    event_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PiiAccessPage | Problem]:
    """Who read attendees' personal data, when, of which event, how many (admin)

     Entries of events within the token's territories (`municipalities`, `departments` claims), newest
    first. The log is a hash chain: `somos verify-pii-log` checks that no entry was changed or removed.

    Args:
        event_id (None | Unset | UUID):
        subject (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PiiAccessPage | Problem]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        subject=subject,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    event_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PiiAccessPage | Problem | None:
    """Who read attendees' personal data, when, of which event, how many (admin)

     Entries of events within the token's territories (`municipalities`, `departments` claims), newest
    first. The log is a hash chain: `somos verify-pii-log` checks that no entry was changed or removed.

    Args:
        event_id (None | Unset | UUID):
        subject (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive, Colombian calendar)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PiiAccessPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            event_id=event_id,
            subject=subject,
            from_=from_,
            to=to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
