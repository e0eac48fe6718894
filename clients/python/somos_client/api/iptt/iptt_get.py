from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.iptt import Iptt
from ...models.iptt_get_format import IpttGetFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int | None | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    format_: IpttGetFormat | Unset = IpttGetFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

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

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/iptt",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Iptt | Problem | None:
    if response.status_code == 200:
        response_200 = Iptt.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Iptt | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    format_: IpttGetFormat | Unset = IpttGetFormat.JSON,
) -> Response[Iptt | Problem]:
    """The Indicator Performance Tracking Table of a US fiscal year

     Per indicator: baseline, life-of-project and fiscal-year targets, the four quarters (FY2025 Q1 =
    Oct-Dec 2024, on Colombian days), the year's actual and percent of target, the cumulative actual,
    and the deviation from the pro-rated target. Submitted quarters show their frozen figures, with
    `live_value` when today's differ. People-level figures of 1 to k-1 are null for tokens without
    attendees:pii.

    Args:
        fiscal_year (int | None | Unset): US fiscal year (default: the current one)
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        format_ (IpttGetFormat | Unset): xlsx: an Excel workbook; csv: UTF-8 with BOM Default:
            IpttGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Iptt | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        department_code=department_code,
        municipality_code=municipality_code,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    format_: IpttGetFormat | Unset = IpttGetFormat.JSON,
) -> Iptt | Problem | None:
    """The Indicator Performance Tracking Table of a US fiscal year

     Per indicator: baseline, life-of-project and fiscal-year targets, the four quarters (FY2025 Q1 =
    Oct-Dec 2024, on Colombian days), the year's actual and percent of target, the cumulative actual,
    and the deviation from the pro-rated target. Submitted quarters show their frozen figures, with
    `live_value` when today's differ. People-level figures of 1 to k-1 are null for tokens without
    attendees:pii.

    Args:
        fiscal_year (int | None | Unset): US fiscal year (default: the current one)
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        format_ (IpttGetFormat | Unset): xlsx: an Excel workbook; csv: UTF-8 with BOM Default:
            IpttGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Iptt | Problem
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        department_code=department_code,
        municipality_code=municipality_code,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    format_: IpttGetFormat | Unset = IpttGetFormat.JSON,
) -> Response[Iptt | Problem]:
    """The Indicator Performance Tracking Table of a US fiscal year

     Per indicator: baseline, life-of-project and fiscal-year targets, the four quarters (FY2025 Q1 =
    Oct-Dec 2024, on Colombian days), the year's actual and percent of target, the cumulative actual,
    and the deviation from the pro-rated target. Submitted quarters show their frozen figures, with
    `live_value` when today's differ. People-level figures of 1 to k-1 are null for tokens without
    attendees:pii.

    Args:
        fiscal_year (int | None | Unset): US fiscal year (default: the current one)
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        format_ (IpttGetFormat | Unset): xlsx: an Excel workbook; csv: UTF-8 with BOM Default:
            IpttGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Iptt | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        department_code=department_code,
        municipality_code=municipality_code,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    format_: IpttGetFormat | Unset = IpttGetFormat.JSON,
) -> Iptt | Problem | None:
    """The Indicator Performance Tracking Table of a US fiscal year

     Per indicator: baseline, life-of-project and fiscal-year targets, the four quarters (FY2025 Q1 =
    Oct-Dec 2024, on Colombian days), the year's actual and percent of target, the cumulative actual,
    and the deviation from the pro-rated target. Submitted quarters show their frozen figures, with
    `live_value` when today's differ. People-level figures of 1 to k-1 are null for tokens without
    attendees:pii.

    Args:
        fiscal_year (int | None | Unset): US fiscal year (default: the current one)
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        format_ (IpttGetFormat | Unset): xlsx: an Excel workbook; csv: UTF-8 with BOM Default:
            IpttGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Iptt | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            department_code=department_code,
            municipality_code=municipality_code,
            format_=format_,
        )
    ).parsed
