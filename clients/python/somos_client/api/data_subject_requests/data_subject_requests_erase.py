from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.erasure_request import ErasureRequest
from ...models.erasure_result import ErasureResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ErasureRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-subject-requests/erase",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErasureResult | Problem | None:
    if response.status_code == 200:
        response_200 = ErasureResult.from_dict(response.json())

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
) -> Response[ErasureResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
) -> Response[ErasureResult | Problem]:
    """Erase every record of one person; anonymous counts stay (attendees:pii + admin)

     Deletes the person's attendee records (ciphertext and keyed hashes) in the caller's territories; the
    events' participation summaries keep their counts. Revoking consent is an erasure.

    Args:
        body (ErasureRequest): Erase every record of the person (also how consent is revoked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
) -> ErasureResult | Problem | None:
    """Erase every record of one person; anonymous counts stay (attendees:pii + admin)

     Deletes the person's attendee records (ciphertext and keyed hashes) in the caller's territories; the
    events' participation summaries keep their counts. Revoking consent is an erasure.

    Args:
        body (ErasureRequest): Erase every record of the person (also how consent is revoked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
) -> Response[ErasureResult | Problem]:
    """Erase every record of one person; anonymous counts stay (attendees:pii + admin)

     Deletes the person's attendee records (ciphertext and keyed hashes) in the caller's territories; the
    events' participation summaries keep their counts. Revoking consent is an erasure.

    Args:
        body (ErasureRequest): Erase every record of the person (also how consent is revoked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
) -> ErasureResult | Problem | None:
    """Erase every record of one person; anonymous counts stay (attendees:pii + admin)

     Deletes the person's attendee records (ciphertext and keyed hashes) in the caller's territories; the
    events' participation summaries keep their counts. Revoking consent is an erasure.

    Args:
        body (ErasureRequest): Erase every record of the person (also how consent is revoked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
