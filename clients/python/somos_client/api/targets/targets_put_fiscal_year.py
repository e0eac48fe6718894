from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fiscal_year_target_put import FiscalYearTargetPut
from ...models.problem import Problem
from ...models.target_read import TargetRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    fiscal_year: int,
    *,
    body: FiscalYearTargetPut,
    department_code: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_department_code: None | str | Unset
    if isinstance(department_code, Unset):
        json_department_code = UNSET
    else:
        json_department_code = department_code
    params["department_code"] = json_department_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/indicators/{code}/targets/{fiscal_year}".format(
            code=quote(str(code), safe=""),
            fiscal_year=quote(str(fiscal_year), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TargetRead | None:
    if response.status_code == 200:
        response_200 = TargetRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = TargetRead.from_dict(response.json())

        return response_201

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
) -> Response[Problem | TargetRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: FiscalYearTargetPut,
    department_code: None | str | Unset = UNSET,
) -> Response[Problem | TargetRead]:
    """Set an indicator's target for a fiscal year (If-Match once it exists)

    Args:
        code (str):
        fiscal_year (int): US fiscal year (FY2025 = Oct 2024-Sep 2025)
        department_code (None | str | Unset): A department's own target (DANE code); omit for the
            whole programme
        body (FiscalYearTargetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetRead]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
        body=body,
        department_code=department_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: FiscalYearTargetPut,
    department_code: None | str | Unset = UNSET,
) -> Problem | TargetRead | None:
    """Set an indicator's target for a fiscal year (If-Match once it exists)

    Args:
        code (str):
        fiscal_year (int): US fiscal year (FY2025 = Oct 2024-Sep 2025)
        department_code (None | str | Unset): A department's own target (DANE code); omit for the
            whole programme
        body (FiscalYearTargetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetRead
    """

    return sync_detailed(
        code=code,
        fiscal_year=fiscal_year,
        client=client,
        body=body,
        department_code=department_code,
    ).parsed


async def asyncio_detailed(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: FiscalYearTargetPut,
    department_code: None | str | Unset = UNSET,
) -> Response[Problem | TargetRead]:
    """Set an indicator's target for a fiscal year (If-Match once it exists)

    Args:
        code (str):
        fiscal_year (int): US fiscal year (FY2025 = Oct 2024-Sep 2025)
        department_code (None | str | Unset): A department's own target (DANE code); omit for the
            whole programme
        body (FiscalYearTargetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetRead]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
        body=body,
        department_code=department_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: FiscalYearTargetPut,
    department_code: None | str | Unset = UNSET,
) -> Problem | TargetRead | None:
    """Set an indicator's target for a fiscal year (If-Match once it exists)

    Args:
        code (str):
        fiscal_year (int): US fiscal year (FY2025 = Oct 2024-Sep 2025)
        department_code (None | str | Unset): A department's own target (DANE code); omit for the
            whole programme
        body (FiscalYearTargetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetRead
    """

    return (
        await asyncio_detailed(
            code=code,
            fiscal_year=fiscal_year,
            client=client,
            body=body,
            department_code=department_code,
        )
    ).parsed
