from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_incident_history_format import ImportIncidentHistoryFormat
from ...models.incident_history_import_result import IncidentHistoryImportResult
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: File,
    format_: ImportIncidentHistoryFormat,
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
        "url": "/v1/tenants/{tenant_id}/incident-history/import".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IncidentHistoryImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = IncidentHistoryImportResult.from_dict(response.json())

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
) -> Response[IncidentHistoryImportResult | Problem]:
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
    format_: ImportIncidentHistoryFormat,
    idempotency_key: str | Unset = UNSET,
) -> Response[IncidentHistoryImportResult | Problem]:
    """Import past incidents and their postmortems (CSV, NDJSON or JSON)

     Records incidents from before CompanyOS (another tool's history), so SLO Doctor can check which of
    them its significant burns and your alerts caught. The body is the file's bytes; `format` says how
    to read it (`csv` with a header line; `ndjson`; `json`, an array). Each row: `title`, `started_at`
    (RFC 3339 with offset, not in the future), and optionally `resolved_at` (not before `started_at`;
    without it the incident stays open, `investigating`), `severity` (`sev1`–`sev4`, default `sev3`),
    `services` (service ids or names; in CSV separated by `;`), `summary`, `postmortem_url` (http or
    https). Each becomes an incident at its own time, its timeline holding the opening, the postmortem
    and the resolution.

    Up to 1,000 rows. Every row is checked first; any bad row refuses the file with one error per bad
    line (`line 7`; `item 7` in a JSON array) and nothing is recorded. A row whose title and start the
    tenant already has is skipped, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        format_ (ImportIncidentHistoryFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentHistoryImportResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
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
    *,
    client: AuthenticatedClient | Client,
    body: File,
    format_: ImportIncidentHistoryFormat,
    idempotency_key: str | Unset = UNSET,
) -> IncidentHistoryImportResult | Problem | None:
    """Import past incidents and their postmortems (CSV, NDJSON or JSON)

     Records incidents from before CompanyOS (another tool's history), so SLO Doctor can check which of
    them its significant burns and your alerts caught. The body is the file's bytes; `format` says how
    to read it (`csv` with a header line; `ndjson`; `json`, an array). Each row: `title`, `started_at`
    (RFC 3339 with offset, not in the future), and optionally `resolved_at` (not before `started_at`;
    without it the incident stays open, `investigating`), `severity` (`sev1`–`sev4`, default `sev3`),
    `services` (service ids or names; in CSV separated by `;`), `summary`, `postmortem_url` (http or
    https). Each becomes an incident at its own time, its timeline holding the opening, the postmortem
    and the resolution.

    Up to 1,000 rows. Every row is checked first; any bad row refuses the file with one error per bad
    line (`line 7`; `item 7` in a JSON array) and nothing is recorded. A row whose title and start the
    tenant already has is skipped, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        format_ (ImportIncidentHistoryFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentHistoryImportResult | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    format_: ImportIncidentHistoryFormat,
    idempotency_key: str | Unset = UNSET,
) -> Response[IncidentHistoryImportResult | Problem]:
    """Import past incidents and their postmortems (CSV, NDJSON or JSON)

     Records incidents from before CompanyOS (another tool's history), so SLO Doctor can check which of
    them its significant burns and your alerts caught. The body is the file's bytes; `format` says how
    to read it (`csv` with a header line; `ndjson`; `json`, an array). Each row: `title`, `started_at`
    (RFC 3339 with offset, not in the future), and optionally `resolved_at` (not before `started_at`;
    without it the incident stays open, `investigating`), `severity` (`sev1`–`sev4`, default `sev3`),
    `services` (service ids or names; in CSV separated by `;`), `summary`, `postmortem_url` (http or
    https). Each becomes an incident at its own time, its timeline holding the opening, the postmortem
    and the resolution.

    Up to 1,000 rows. Every row is checked first; any bad row refuses the file with one error per bad
    line (`line 7`; `item 7` in a JSON array) and nothing is recorded. A row whose title and start the
    tenant already has is skipped, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        format_ (ImportIncidentHistoryFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentHistoryImportResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    format_: ImportIncidentHistoryFormat,
    idempotency_key: str | Unset = UNSET,
) -> IncidentHistoryImportResult | Problem | None:
    """Import past incidents and their postmortems (CSV, NDJSON or JSON)

     Records incidents from before CompanyOS (another tool's history), so SLO Doctor can check which of
    them its significant burns and your alerts caught. The body is the file's bytes; `format` says how
    to read it (`csv` with a header line; `ndjson`; `json`, an array). Each row: `title`, `started_at`
    (RFC 3339 with offset, not in the future), and optionally `resolved_at` (not before `started_at`;
    without it the incident stays open, `investigating`), `severity` (`sev1`–`sev4`, default `sev3`),
    `services` (service ids or names; in CSV separated by `;`), `summary`, `postmortem_url` (http or
    https). Each becomes an incident at its own time, its timeline holding the opening, the postmortem
    and the resolution.

    Up to 1,000 rows. Every row is checked first; any bad row refuses the file with one error per bad
    line (`line 7`; `item 7` in a JSON array) and nothing is recorded. A row whose title and start the
    tenant already has is skipped, so importing a file again is harmless.

    Args:
        tenant_id (str):  Example: acme.
        format_ (ImportIncidentHistoryFormat):
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentHistoryImportResult | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            format_=format_,
            idempotency_key=idempotency_key,
        )
    ).parsed
