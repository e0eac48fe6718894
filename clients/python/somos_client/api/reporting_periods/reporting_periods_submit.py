from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reporting_period_read import ReportingPeriodRead
from ...models.submit_request import SubmitRequest
from ...types import Response


def _get_kwargs(
    period: str,
    *,
    body: SubmitRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/reporting-periods/{period}/submit".format(
            period=quote(str(period), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReportingPeriodRead | None:
    if response.status_code == 200:
        response_200 = ReportingPeriodRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Problem | ReportingPeriodRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    period: str,
    *,
    client: AuthenticatedClient,
    body: SubmitRequest,
) -> Response[Problem | ReportingPeriodRead]:
    """Submit a quarter that has ended: its figures are frozen

     A narrative is required for every indicator more than 10 % off its fiscal-year target pro-rated to
    the quarter (422 names each). The quarter must have ended in Colombian time (409 before). Figures
    are frozen programme-wide, so the caller needs a token without territorial limits (and attendees:pii
    when people-level figures would be withheld); nothing is frozen while a service is down (503).

    Args:
        period (str): A US fiscal quarter: 2025-Q1 is Oct-Dec 2024
        body (SubmitRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportingPeriodRead]
    """

    kwargs = _get_kwargs(
        period=period,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    period: str,
    *,
    client: AuthenticatedClient,
    body: SubmitRequest,
) -> Problem | ReportingPeriodRead | None:
    """Submit a quarter that has ended: its figures are frozen

     A narrative is required for every indicator more than 10 % off its fiscal-year target pro-rated to
    the quarter (422 names each). The quarter must have ended in Colombian time (409 before). Figures
    are frozen programme-wide, so the caller needs a token without territorial limits (and attendees:pii
    when people-level figures would be withheld); nothing is frozen while a service is down (503).

    Args:
        period (str): A US fiscal quarter: 2025-Q1 is Oct-Dec 2024
        body (SubmitRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportingPeriodRead
    """

    return sync_detailed(
        period=period,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    period: str,
    *,
    client: AuthenticatedClient,
    body: SubmitRequest,
) -> Response[Problem | ReportingPeriodRead]:
    """Submit a quarter that has ended: its figures are frozen

     A narrative is required for every indicator more than 10 % off its fiscal-year target pro-rated to
    the quarter (422 names each). The quarter must have ended in Colombian time (409 before). Figures
    are frozen programme-wide, so the caller needs a token without territorial limits (and attendees:pii
    when people-level figures would be withheld); nothing is frozen while a service is down (503).

    Args:
        period (str): A US fiscal quarter: 2025-Q1 is Oct-Dec 2024
        body (SubmitRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportingPeriodRead]
    """

    kwargs = _get_kwargs(
        period=period,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    period: str,
    *,
    client: AuthenticatedClient,
    body: SubmitRequest,
) -> Problem | ReportingPeriodRead | None:
    """Submit a quarter that has ended: its figures are frozen

     A narrative is required for every indicator more than 10 % off its fiscal-year target pro-rated to
    the quarter (422 names each). The quarter must have ended in Colombian time (409 before). Figures
    are frozen programme-wide, so the caller needs a token without territorial limits (and attendees:pii
    when people-level figures would be withheld); nothing is frozen while a service is down (503).

    Args:
        period (str): A US fiscal quarter: 2025-Q1 is Oct-Dec 2024
        body (SubmitRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportingPeriodRead
    """

    return (
        await asyncio_detailed(
            period=period,
            client=client,
            body=body,
        )
    ).parsed
