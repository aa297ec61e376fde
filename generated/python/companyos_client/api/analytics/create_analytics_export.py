from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_export import AnalyticsExport
from ...models.analytics_export_create import AnalyticsExportCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: AnalyticsExportCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/analytics/exports".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalyticsExport | Problem | None:
    if response.status_code == 202:
        response_202 = AnalyticsExport.from_dict(response.json())

        return response_202

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
) -> Response[AnalyticsExport | Problem]:
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
    body: AnalyticsExportCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsExport | Problem]:
    """Export a report

     Starts an `analytics.export` job that computes the report (or the ad-hoc query) and writes its rows
    as CSV, NDJSON or Parquet into a signed evidence pack. Residency is honoured: the tenant's analytics
    live in its residency's partition, and an `eu` tenant's report cannot go to a destination outside
    `eu` (403 naming the rule `residency-eu-analytics-export`). Columns are redacted by classification
    (`user_hash` is `pii`: hashed with a salt unique to the export; `properties` is `confidential`:
    masked); a text column whose values look like personal data (emails, phone numbers, IBANs, card
    numbers, national ids, IP addresses) is treated as `pii` too. `redactions` may tighten a column to
    `mask`, `hash` or `drop`, never loosen it. Every row carries a `_watermark` naming the export and
    its recipient (and Parquet files the export id in their metadata).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsExportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsExport | Problem]
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
    body: AnalyticsExportCreate,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsExport | Problem | None:
    """Export a report

     Starts an `analytics.export` job that computes the report (or the ad-hoc query) and writes its rows
    as CSV, NDJSON or Parquet into a signed evidence pack. Residency is honoured: the tenant's analytics
    live in its residency's partition, and an `eu` tenant's report cannot go to a destination outside
    `eu` (403 naming the rule `residency-eu-analytics-export`). Columns are redacted by classification
    (`user_hash` is `pii`: hashed with a salt unique to the export; `properties` is `confidential`:
    masked); a text column whose values look like personal data (emails, phone numbers, IBANs, card
    numbers, national ids, IP addresses) is treated as `pii` too. `redactions` may tighten a column to
    `mask`, `hash` or `drop`, never loosen it. Every row carries a `_watermark` naming the export and
    its recipient (and Parquet files the export id in their metadata).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsExportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsExport | Problem
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
    body: AnalyticsExportCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsExport | Problem]:
    """Export a report

     Starts an `analytics.export` job that computes the report (or the ad-hoc query) and writes its rows
    as CSV, NDJSON or Parquet into a signed evidence pack. Residency is honoured: the tenant's analytics
    live in its residency's partition, and an `eu` tenant's report cannot go to a destination outside
    `eu` (403 naming the rule `residency-eu-analytics-export`). Columns are redacted by classification
    (`user_hash` is `pii`: hashed with a salt unique to the export; `properties` is `confidential`:
    masked); a text column whose values look like personal data (emails, phone numbers, IBANs, card
    numbers, national ids, IP addresses) is treated as `pii` too. `redactions` may tighten a column to
    `mask`, `hash` or `drop`, never loosen it. Every row carries a `_watermark` naming the export and
    its recipient (and Parquet files the export id in their metadata).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsExportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsExport | Problem]
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
    body: AnalyticsExportCreate,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsExport | Problem | None:
    """Export a report

     Starts an `analytics.export` job that computes the report (or the ad-hoc query) and writes its rows
    as CSV, NDJSON or Parquet into a signed evidence pack. Residency is honoured: the tenant's analytics
    live in its residency's partition, and an `eu` tenant's report cannot go to a destination outside
    `eu` (403 naming the rule `residency-eu-analytics-export`). Columns are redacted by classification
    (`user_hash` is `pii`: hashed with a salt unique to the export; `properties` is `confidential`:
    masked); a text column whose values look like personal data (emails, phone numbers, IBANs, card
    numbers, national ids, IP addresses) is treated as `pii` too. `redactions` may tighten a column to
    `mask`, `hash` or `drop`, never loosen it. Every row carries a `_watermark` naming the export and
    its recipient (and Parquet files the export id in their metadata).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsExportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsExport | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
