from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.municipality_list import MunicipalityList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    department_code: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_department_code: None | str | Unset
    if isinstance(department_code, Unset):
        json_department_code = UNSET
    else:
        json_department_code = department_code
    params["department_code"] = json_department_code

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/territories/municipalities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MunicipalityList | Problem | None:
    if response.status_code == 200:
        response_200 = MunicipalityList.from_dict(response.json())

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
) -> Response[MunicipalityList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    department_code: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[MunicipalityList | Problem]:
    """List Municipalities

     Municipalities of the DIVIPOLA list, by department and name.

    Args:
        department_code (None | str | Unset):
        q (None | str | Unset): Accent- and case-insensitive name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalityList | Problem]
    """

    kwargs = _get_kwargs(
        department_code=department_code,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    department_code: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> MunicipalityList | Problem | None:
    """List Municipalities

     Municipalities of the DIVIPOLA list, by department and name.

    Args:
        department_code (None | str | Unset):
        q (None | str | Unset): Accent- and case-insensitive name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalityList | Problem
    """

    return sync_detailed(
        client=client,
        department_code=department_code,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    department_code: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[MunicipalityList | Problem]:
    """List Municipalities

     Municipalities of the DIVIPOLA list, by department and name.

    Args:
        department_code (None | str | Unset):
        q (None | str | Unset): Accent- and case-insensitive name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalityList | Problem]
    """

    kwargs = _get_kwargs(
        department_code=department_code,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    department_code: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> MunicipalityList | Problem | None:
    """List Municipalities

     Municipalities of the DIVIPOLA list, by department and name.

    Args:
        department_code (None | str | Unset):
        q (None | str | Unset): Accent- and case-insensitive name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalityList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            department_code=department_code,
            q=q,
        )
    ).parsed
