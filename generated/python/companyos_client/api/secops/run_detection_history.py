from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detection_run_result import DetectionRunResult
from ...models.problem import Problem
from ...models.run_detection_history_body import RunDetectionHistoryBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: RunDetectionHistoryBody,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/detection-runs".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DetectionRunResult | Problem | None:
    if response.status_code == 200:
        response_200 = DetectionRunResult.from_dict(response.json())

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
) -> Response[DetectionRunResult | Problem]:
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
    body: RunDetectionHistoryBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[DetectionRunResult | Problem]:
    """Evaluate rules in batch over a time-bounded slice of history

     Compiles the rules (the tenant's enabled ones, or `rules`) to SQL with pySigma's SQLite backend and
    runs them over the events in [`since`, `until`). `since` is required (rules never scan unbounded
    history); `until` defaults to now (or to `since` when that is later: an empty slice). A `since`
    after an explicit `until` is a 400 naming `since`. The slice scanned is at most 31 days: a `since`
    earlier than 31 days before `until` is moved up to it, and the result's `since` says where the scan
    started. Reports detections; raises no alerts.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (RunDetectionHistoryBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetectionRunResult | Problem]
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
    body: RunDetectionHistoryBody,
    idempotency_key: str | Unset = UNSET,
) -> DetectionRunResult | Problem | None:
    """Evaluate rules in batch over a time-bounded slice of history

     Compiles the rules (the tenant's enabled ones, or `rules`) to SQL with pySigma's SQLite backend and
    runs them over the events in [`since`, `until`). `since` is required (rules never scan unbounded
    history); `until` defaults to now (or to `since` when that is later: an empty slice). A `since`
    after an explicit `until` is a 400 naming `since`. The slice scanned is at most 31 days: a `since`
    earlier than 31 days before `until` is moved up to it, and the result's `since` says where the scan
    started. Reports detections; raises no alerts.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (RunDetectionHistoryBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetectionRunResult | Problem
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
    body: RunDetectionHistoryBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[DetectionRunResult | Problem]:
    """Evaluate rules in batch over a time-bounded slice of history

     Compiles the rules (the tenant's enabled ones, or `rules`) to SQL with pySigma's SQLite backend and
    runs them over the events in [`since`, `until`). `since` is required (rules never scan unbounded
    history); `until` defaults to now (or to `since` when that is later: an empty slice). A `since`
    after an explicit `until` is a 400 naming `since`. The slice scanned is at most 31 days: a `since`
    earlier than 31 days before `until` is moved up to it, and the result's `since` says where the scan
    started. Reports detections; raises no alerts.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (RunDetectionHistoryBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetectionRunResult | Problem]
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
    body: RunDetectionHistoryBody,
    idempotency_key: str | Unset = UNSET,
) -> DetectionRunResult | Problem | None:
    """Evaluate rules in batch over a time-bounded slice of history

     Compiles the rules (the tenant's enabled ones, or `rules`) to SQL with pySigma's SQLite backend and
    runs them over the events in [`since`, `until`). `since` is required (rules never scan unbounded
    history); `until` defaults to now (or to `since` when that is later: an empty slice). A `since`
    after an explicit `until` is a 400 naming `since`. The slice scanned is at most 31 days: a `since`
    earlier than 31 days before `until` is moved up to it, and the result's `since` says where the scan
    started. Reports detections; raises no alerts.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (RunDetectionHistoryBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetectionRunResult | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
