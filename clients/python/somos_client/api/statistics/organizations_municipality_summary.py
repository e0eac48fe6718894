from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.municipality_organizations import MunicipalityOrganizations
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    municipality_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/organizations/municipalities/{municipality_code}".format(
            municipality_code=quote(str(municipality_code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MunicipalityOrganizations | Problem | None:
    if response.status_code == 200:
        response_200 = MunicipalityOrganizations.from_dict(response.json())

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
) -> Response[MunicipalityOrganizations | Problem]:
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
) -> Response[MunicipalityOrganizations | Problem]:
    """One municipality's figures with its community initiatives listed

     The statistics of one municipality (as `totals` of `GET
    /api/v1/stats/organizations?municipality_code=`) and its active initiatives, in one read. 403 when
    the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalityOrganizations | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    municipality_code: str,
    *,
    client: AuthenticatedClient,
) -> MunicipalityOrganizations | Problem | None:
    """One municipality's figures with its community initiatives listed

     The statistics of one municipality (as `totals` of `GET
    /api/v1/stats/organizations?municipality_code=`) and its active initiatives, in one read. 403 when
    the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalityOrganizations | Problem
    """

    return sync_detailed(
        municipality_code=municipality_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    municipality_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[MunicipalityOrganizations | Problem]:
    """One municipality's figures with its community initiatives listed

     The statistics of one municipality (as `totals` of `GET
    /api/v1/stats/organizations?municipality_code=`) and its active initiatives, in one read. 403 when
    the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalityOrganizations | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    municipality_code: str,
    *,
    client: AuthenticatedClient,
) -> MunicipalityOrganizations | Problem | None:
    """One municipality's figures with its community initiatives listed

     The statistics of one municipality (as `totals` of `GET
    /api/v1/stats/organizations?municipality_code=`) and its active initiatives, in one read. 403 when
    the token does not cover the municipality.

    Args:
        municipality_code (str): DIVIPOLA municipality code (5 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalityOrganizations | Problem
    """

    return (
        await asyncio_detailed(
            municipality_code=municipality_code,
            client=client,
        )
    ).parsed
