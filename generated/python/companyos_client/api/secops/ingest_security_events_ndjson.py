from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.security_ingest_result import SecurityIngestResult
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/security-events/ndjson".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/x-ndjson"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SecurityIngestResult | None:
    if response.status_code == 200:
        response_200 = SecurityIngestResult.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SecurityIngestResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SecurityIngestResult]:
    """Ingest raw NDJSON security events (log shippers)

     The body is newline-delimited JSON (`Content-Type: application/x-ndjson`), one event a line, as
    log shippers send it (Vector's `http` sink with `encoding.codec = "json"` and
    `framing.method = "newline_delimited"`, Fluent Bit's `http` output with `format json_lines`), with
    no JSON envelope. At most 5,000 events and 5 MB. Otherwise exactly `…/security-events/bulk`: each
    line is validated on its own and reported in `errors` by its index (a line that is not UTF-8 JSON
    is refused as such; a blank line is skipped), the path's tenant wins, and the event budget applies
    to the whole batch.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityIngestResult]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SecurityIngestResult | None:
    """Ingest raw NDJSON security events (log shippers)

     The body is newline-delimited JSON (`Content-Type: application/x-ndjson`), one event a line, as
    log shippers send it (Vector's `http` sink with `encoding.codec = "json"` and
    `framing.method = "newline_delimited"`, Fluent Bit's `http` output with `format json_lines`), with
    no JSON envelope. At most 5,000 events and 5 MB. Otherwise exactly `…/security-events/bulk`: each
    line is validated on its own and reported in `errors` by its index (a line that is not UTF-8 JSON
    is refused as such; a blank line is skipped), the path's tenant wins, and the event budget applies
    to the whole batch.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityIngestResult
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SecurityIngestResult]:
    """Ingest raw NDJSON security events (log shippers)

     The body is newline-delimited JSON (`Content-Type: application/x-ndjson`), one event a line, as
    log shippers send it (Vector's `http` sink with `encoding.codec = "json"` and
    `framing.method = "newline_delimited"`, Fluent Bit's `http` output with `format json_lines`), with
    no JSON envelope. At most 5,000 events and 5 MB. Otherwise exactly `…/security-events/bulk`: each
    line is validated on its own and reported in `errors` by its index (a line that is not UTF-8 JSON
    is refused as such; a blank line is skipped), the path's tenant wins, and the event budget applies
    to the whole batch.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityIngestResult]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SecurityIngestResult | None:
    """Ingest raw NDJSON security events (log shippers)

     The body is newline-delimited JSON (`Content-Type: application/x-ndjson`), one event a line, as
    log shippers send it (Vector's `http` sink with `encoding.codec = "json"` and
    `framing.method = "newline_delimited"`, Fluent Bit's `http` output with `format json_lines`), with
    no JSON envelope. At most 5,000 events and 5 MB. Otherwise exactly `…/security-events/bulk`: each
    line is validated on its own and reported in `errors` by its index (a line that is not UTF-8 JSON
    is refused as such; a blank line is skipped), the path's tenant wins, and the event budget applies
    to the whole batch.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityIngestResult
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
