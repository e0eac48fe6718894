import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.results_get_format import ResultsGetFormat
from ...models.results_report import ResultsReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    format_: ResultsGetFormat | Unset = ResultsGetFormat.JSON,
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

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/results",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResultsReport | None:
    if response.status_code == 200:
        response_200 = ResultsReport.from_dict(response.json())

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
) -> Response[Problem | ResultsReport]:
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
    format_: ResultsGetFormat | Unset = ResultsGetFormat.JSON,
) -> Response[Problem | ResultsReport]:
    """The programme's results framework: each indicator against its target

     Each indicator (the reporting service's definitions) against its life-of-project target, and the
    people reached (participants and beneficiaries, disaggregated). People-level counts of 1 to k-1
    people (k = SOMOS_MIN_CELL_SIZE) are null for tokens without attendees:pii, with any count that
    would reveal them by subtraction; `suppressed` lists them (in the CSV: an empty value marked
    `withheld`). By quarter and fiscal year: `GET /api/v1/iptt`.

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        format_ (ResultsGetFormat | Unset): csv: UTF-8 with BOM, for Excel Default:
            ResultsGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultsReport]
    """

    kwargs = _get_kwargs(
        department_code=department_code,
        municipality_code=municipality_code,
        from_=from_,
        to=to,
        format_=format_,
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
    format_: ResultsGetFormat | Unset = ResultsGetFormat.JSON,
) -> Problem | ResultsReport | None:
    """The programme's results framework: each indicator against its target

     Each indicator (the reporting service's definitions) against its life-of-project target, and the
    people reached (participants and beneficiaries, disaggregated). People-level counts of 1 to k-1
    people (k = SOMOS_MIN_CELL_SIZE) are null for tokens without attendees:pii, with any count that
    would reveal them by subtraction; `suppressed` lists them (in the CSV: an empty value marked
    `withheld`). By quarter and fiscal year: `GET /api/v1/iptt`.

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        format_ (ResultsGetFormat | Unset): csv: UTF-8 with BOM, for Excel Default:
            ResultsGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultsReport
    """

    return sync_detailed(
        client=client,
        department_code=department_code,
        municipality_code=municipality_code,
        from_=from_,
        to=to,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    department_code: None | str | Unset = UNSET,
    municipality_code: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    format_: ResultsGetFormat | Unset = ResultsGetFormat.JSON,
) -> Response[Problem | ResultsReport]:
    """The programme's results framework: each indicator against its target

     Each indicator (the reporting service's definitions) against its life-of-project target, and the
    people reached (participants and beneficiaries, disaggregated). People-level counts of 1 to k-1
    people (k = SOMOS_MIN_CELL_SIZE) are null for tokens without attendees:pii, with any count that
    would reveal them by subtraction; `suppressed` lists them (in the CSV: an empty value marked
    `withheld`). By quarter and fiscal year: `GET /api/v1/iptt`.

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        format_ (ResultsGetFormat | Unset): csv: UTF-8 with BOM, for Excel Default:
            ResultsGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultsReport]
    """

    kwargs = _get_kwargs(
        department_code=department_code,
        municipality_code=municipality_code,
        from_=from_,
        to=to,
        format_=format_,
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
    format_: ResultsGetFormat | Unset = ResultsGetFormat.JSON,
) -> Problem | ResultsReport | None:
    """The programme's results framework: each indicator against its target

     Each indicator (the reporting service's definitions) against its life-of-project target, and the
    people reached (participants and beneficiaries, disaggregated). People-level counts of 1 to k-1
    people (k = SOMOS_MIN_CELL_SIZE) are null for tokens without attendees:pii, with any count that
    would reveal them by subtraction; `suppressed` lists them (in the CSV: an empty value marked
    `withheld`). By quarter and fiscal year: `GET /api/v1/iptt`.

    Args:
        department_code (None | str | Unset):
        municipality_code (None | str | Unset):
        from_ (datetime.date | None | Unset): From this date (inclusive)
        to (datetime.date | None | Unset): Up to this date (inclusive)
        format_ (ResultsGetFormat | Unset): csv: UTF-8 with BOM, for Excel Default:
            ResultsGetFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultsReport
    """

    return (
        await asyncio_detailed(
            client=client,
            department_code=department_code,
            municipality_code=municipality_code,
            from_=from_,
            to=to,
            format_=format_,
        )
    ).parsed
