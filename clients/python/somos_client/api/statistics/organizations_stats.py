import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.organization_stats import OrganizationStats
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_department_code: None | str | Unset
    if isinstance(department_code, Unset):
        json_department_code = UNSET
    else:
        json_department_code = department_code
    params["department_code"] = json_department_code

    json_municipality_code: None | str | Unset
    if isinstance(municipality_code, Unset):
        json_municipality_code = UNSET
    else:
        json_municipality_code = municipality_code
    params["municipality_code"] = json_municipality_code

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/organizations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrganizationStats | Problem | None:
    if response.status_code == 200:
        response_200 = OrganizationStats.from_dict(response.json())

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
) -> Response[OrganizationStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[OrganizationStats | Problem]:
    """Programme figures, in total and by municipality (DIVIPOLA keys)

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Start of the period: assessments, plans (start
            date), support (delivery date) and initiatives (start date) on or after it
        to (datetime.date | None | Unset): End of the period (inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationStats | Problem]
    """

    kwargs = _get_kwargs(
        department_code=department_code,
        municipality_code=municipality_code,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> OrganizationStats | Problem | None:
    """Programme figures, in total and by municipality (DIVIPOLA keys)

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Start of the period: assessments, plans (start
            date), support (delivery date) and initiatives (start date) on or after it
        to (datetime.date | None | Unset): End of the period (inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationStats | Problem
    """

    return sync_detailed(
        client=client,
        department_code=department_code,
        municipality_code=municipality_code,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[OrganizationStats | Problem]:
    """Programme figures, in total and by municipality (DIVIPOLA keys)

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Start of the period: assessments, plans (start
            date), support (delivery date) and initiatives (start date) on or after it
        to (datetime.date | None | Unset): End of the period (inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationStats | Problem]
    """

    kwargs = _get_kwargs(
        department_code=department_code,
        municipality_code=municipality_code,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> OrganizationStats | Problem | None:
    """Programme figures, in total and by municipality (DIVIPOLA keys)

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): Start of the period: assessments, plans (start
            date), support (delivery date) and initiatives (start date) on or after it
        to (datetime.date | None | Unset): End of the period (inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationStats | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            department_code=department_code,
            municipality_code=municipality_code,
            from_=from_,
            to=to,
        )
    ).parsed
