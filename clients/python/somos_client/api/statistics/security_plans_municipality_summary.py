import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.municipality_security import MunicipalitySecurity
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    municipality_code: str,
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
        "url": "/api/v1/stats/security-plans/municipalities/{municipality_code}".format(
            municipality_code=quote(str(municipality_code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MunicipalitySecurity | Problem | None:
    if response.status_code == 200:
        response_200 = MunicipalitySecurity.from_dict(response.json())

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
) -> Response[MunicipalitySecurity | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    municipality_code: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[MunicipalitySecurity | Problem]:
    """One municipality's current PISCC, plans by status and prevention strategies

     The plan for the term running on `as_of` (else the latest live plan) with its latest review and its
    execution (the figures of `GET /api/v1/security-plans/{id}/execution`), live plans by status, active
    strategies by status and approach. 403 when the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)
        as_of (datetime.date | None | Unset): Reference date for the current term (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalitySecurity | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    municipality_code: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> MunicipalitySecurity | Problem | None:
    """One municipality's current PISCC, plans by status and prevention strategies

     The plan for the term running on `as_of` (else the latest live plan) with its latest review and its
    execution (the figures of `GET /api/v1/security-plans/{id}/execution`), live plans by status, active
    strategies by status and approach. 403 when the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)
        as_of (datetime.date | None | Unset): Reference date for the current term (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalitySecurity | Problem
    """

    return sync_detailed(
        municipality_code=municipality_code,
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    municipality_code: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[MunicipalitySecurity | Problem]:
    """One municipality's current PISCC, plans by status and prevention strategies

     The plan for the term running on `as_of` (else the latest live plan) with its latest review and its
    execution (the figures of `GET /api/v1/security-plans/{id}/execution`), live plans by status, active
    strategies by status and approach. 403 when the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)
        as_of (datetime.date | None | Unset): Reference date for the current term (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalitySecurity | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    municipality_code: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> MunicipalitySecurity | Problem | None:
    """One municipality's current PISCC, plans by status and prevention strategies

     The plan for the term running on `as_of` (else the latest live plan) with its latest review and its
    execution (the figures of `GET /api/v1/security-plans/{id}/execution`), live plans by status, active
    strategies by status and approach. 403 when the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)
        as_of (datetime.date | None | Unset): Reference date for the current term (default: today
            in Colombia)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalitySecurity | Problem
    """

    return (
        await asyncio_detailed(
            municipality_code=municipality_code,
            client=client,
            as_of=as_of,
        )
    ).parsed
