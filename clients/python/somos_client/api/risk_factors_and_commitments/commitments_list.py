import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.commitment_page import CommitmentPage
from ...models.commitment_status import CommitmentStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: CommitmentStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    responsible_party: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    due_from: datetime.date | None | Unset = UNSET,
    due_to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, CommitmentStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_responsible_party: None | str | Unset
    if isinstance(responsible_party, Unset):
        json_responsible_party = UNSET
    else:
        json_responsible_party = responsible_party
    params["responsible_party"] = json_responsible_party

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

    json_due_from: None | str | Unset
    if isinstance(due_from, Unset):
        json_due_from = UNSET
    elif isinstance(due_from, datetime.date):
        json_due_from = due_from.isoformat()
    else:
        json_due_from = due_from
    params["due_from"] = json_due_from

    json_due_to: None | str | Unset
    if isinstance(due_to, Unset):
        json_due_to = UNSET
    elif isinstance(due_to, datetime.date):
        json_due_to = due_to.isoformat()
    else:
        json_due_to = due_to
    params["due_to"] = json_due_to

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
        "url": "/api/v1/commitments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommitmentPage | Problem | None:
    if response.status_code == 200:
        response_200 = CommitmentPage.from_dict(response.json())

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
) -> Response[CommitmentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: CommitmentStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    responsible_party: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    due_from: datetime.date | None | Unset = UNSET,
    due_to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[CommitmentPage | Problem]:
    """The follow-up list: commitments across events, by due date

    Args:
        status (CommitmentStatus | None | Unset):
        overdue (bool | None | Unset):
        responsible_party (None | str | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        due_from (datetime.date | None | Unset): Due on or after
        due_to (datetime.date | None | Unset): Due on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommitmentPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        overdue=overdue,
        responsible_party=responsible_party,
        municipality_code=municipality_code,
        department_code=department_code,
        due_from=due_from,
        due_to=due_to,
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
    status: CommitmentStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    responsible_party: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    due_from: datetime.date | None | Unset = UNSET,
    due_to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> CommitmentPage | Problem | None:
    """The follow-up list: commitments across events, by due date

    Args:
        status (CommitmentStatus | None | Unset):
        overdue (bool | None | Unset):
        responsible_party (None | str | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        due_from (datetime.date | None | Unset): Due on or after
        due_to (datetime.date | None | Unset): Due on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommitmentPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        overdue=overdue,
        responsible_party=responsible_party,
        municipality_code=municipality_code,
        department_code=department_code,
        due_from=due_from,
        due_to=due_to,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: CommitmentStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    responsible_party: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    due_from: datetime.date | None | Unset = UNSET,
    due_to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[CommitmentPage | Problem]:
    """The follow-up list: commitments across events, by due date

    Args:
        status (CommitmentStatus | None | Unset):
        overdue (bool | None | Unset):
        responsible_party (None | str | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        due_from (datetime.date | None | Unset): Due on or after
        due_to (datetime.date | None | Unset): Due on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommitmentPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        overdue=overdue,
        responsible_party=responsible_party,
        municipality_code=municipality_code,
        department_code=department_code,
        due_from=due_from,
        due_to=due_to,
        include_archived=include_archived,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: CommitmentStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    responsible_party: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    due_from: datetime.date | None | Unset = UNSET,
    due_to: datetime.date | None | Unset = UNSET,
    include_archived: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> CommitmentPage | Problem | None:
    """The follow-up list: commitments across events, by due date

    Args:
        status (CommitmentStatus | None | Unset):
        overdue (bool | None | Unset):
        responsible_party (None | str | Unset):
        municipality_code (None | str | Unset):
        department_code (None | str | Unset):
        due_from (datetime.date | None | Unset): Due on or after
        due_to (datetime.date | None | Unset): Due on or before
        include_archived (bool | Unset):  Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`; one this list did not issue
            is a 422

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommitmentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            overdue=overdue,
            responsible_party=responsible_party,
            municipality_code=municipality_code,
            department_code=department_code,
            due_from=due_from,
            due_to=due_to,
            include_archived=include_archived,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
