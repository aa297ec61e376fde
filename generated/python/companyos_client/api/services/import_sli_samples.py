from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_sli_samples_format import ImportSliSamplesFormat
from ...models.problem import Problem
from ...models.sli_sample_import_result import SliSampleImportResult
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    tenant_id: str,
    service_id: str,
    *,
    body: File,
    format_: ImportSliSamplesFormat,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_format_ = format_.value
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/services/{service_id}/sli-samples/import".format(
            tenant_id=quote(str(tenant_id), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SliSampleImportResult | None:
    if response.status_code == 200:
        response_200 = SliSampleImportResult.from_dict(response.json())

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
) -> Response[Problem | SliSampleImportResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    format_: ImportSliSamplesFormat,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SliSampleImportResult]:
    """Import a file of SLI samples (CSV, NDJSON or JSON)

     Loads a service's SLI history in one call, for example 30 days of per-minute buckets exported from
    Prometheus: up to 100,000 samples and the platform's request-body limit. The body is the file's
    bytes; `format` says how to read it:

    - `csv`: a header line naming the columns `ts`, `good`, `total` and optionally `endpoint`,
      `task`, `region`, `segment`, `sli` (an empty cell is no label);
    - `ndjson`: one JSON object a line with the fields of an SLI sample;
    - `json`: a JSON array of such objects.

    Every row is checked before anything is stored, with the rules of `…/sli-samples`. Any bad row
    refuses the whole file: 400 `invalid-argument` with one error per bad row, named by its line (`line
    7`; `item 7` in a JSON array), and nothing stored. Samples replace stored ones with the same `ts`
    and labels, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        format_ (ImportSliSamplesFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliSampleImportResult]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    format_: ImportSliSamplesFormat,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SliSampleImportResult | None:
    """Import a file of SLI samples (CSV, NDJSON or JSON)

     Loads a service's SLI history in one call, for example 30 days of per-minute buckets exported from
    Prometheus: up to 100,000 samples and the platform's request-body limit. The body is the file's
    bytes; `format` says how to read it:

    - `csv`: a header line naming the columns `ts`, `good`, `total` and optionally `endpoint`,
      `task`, `region`, `segment`, `sli` (an empty cell is no label);
    - `ndjson`: one JSON object a line with the fields of an SLI sample;
    - `json`: a JSON array of such objects.

    Every row is checked before anything is stored, with the rules of `…/sli-samples`. Any bad row
    refuses the whole file: 400 `invalid-argument` with one error per bad row, named by its line (`line
    7`; `item 7` in a JSON array), and nothing stored. Samples replace stored ones with the same `ts`
    and labels, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        format_ (ImportSliSamplesFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliSampleImportResult
    """

    return sync_detailed(
        tenant_id=tenant_id,
        service_id=service_id,
        client=client,
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    format_: ImportSliSamplesFormat,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SliSampleImportResult]:
    """Import a file of SLI samples (CSV, NDJSON or JSON)

     Loads a service's SLI history in one call, for example 30 days of per-minute buckets exported from
    Prometheus: up to 100,000 samples and the platform's request-body limit. The body is the file's
    bytes; `format` says how to read it:

    - `csv`: a header line naming the columns `ts`, `good`, `total` and optionally `endpoint`,
      `task`, `region`, `segment`, `sli` (an empty cell is no label);
    - `ndjson`: one JSON object a line with the fields of an SLI sample;
    - `json`: a JSON array of such objects.

    Every row is checked before anything is stored, with the rules of `…/sli-samples`. Any bad row
    refuses the whole file: 400 `invalid-argument` with one error per bad row, named by its line (`line
    7`; `item 7` in a JSON array), and nothing stored. Samples replace stored ones with the same `ts`
    and labels, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        format_ (ImportSliSamplesFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliSampleImportResult]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    format_: ImportSliSamplesFormat,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SliSampleImportResult | None:
    """Import a file of SLI samples (CSV, NDJSON or JSON)

     Loads a service's SLI history in one call, for example 30 days of per-minute buckets exported from
    Prometheus: up to 100,000 samples and the platform's request-body limit. The body is the file's
    bytes; `format` says how to read it:

    - `csv`: a header line naming the columns `ts`, `good`, `total` and optionally `endpoint`,
      `task`, `region`, `segment`, `sli` (an empty cell is no label);
    - `ndjson`: one JSON object a line with the fields of an SLI sample;
    - `json`: a JSON array of such objects.

    Every row is checked before anything is stored, with the rules of `…/sli-samples`. Any bad row
    refuses the whole file: 400 `invalid-argument` with one error per bad row, named by its line (`line
    7`; `item 7` in a JSON array), and nothing stored. Samples replace stored ones with the same `ts`
    and labels, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        format_ (ImportSliSamplesFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliSampleImportResult
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            service_id=service_id,
            client=client,
            body=body,
            format_=format_,
            idempotency_key=idempotency_key,
        )
    ).parsed
