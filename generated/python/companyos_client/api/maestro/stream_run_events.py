from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    run_id: str,
    *,
    after: int | Unset = UNSET,
    wait_seconds: int | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["after"] = after

    params["wait_seconds"] = wait_seconds

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/runs/{run_id}/events".format(
            tenant_id=quote(str(tenant_id), safe=""),
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    wait_seconds: int | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[Problem | str]:
    """Stream a run's events (Server-Sent Events)

     A `text/event-stream`: one event per transition (`run.started`, `step.running`, `step.retrying`,
    `step.succeeded`, `step.failed`, `step.compensated`, `run.succeeded`, …). Each event has `id:` (the
    event's sequence number), `event:` (its type) and `data:` (a JSON `MaestroRunEvent`). The stream
    ends
    after the run's terminal event, or when `wait_seconds` pass (then a comment line; reconnect with
    `Last-Event-ID` or `after` to continue where it stopped).

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        after (int | Unset):
        wait_seconds (int | Unset):
        x_company_os_purpose (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        run_id=run_id,
        after=after,
        wait_seconds=wait_seconds,
        x_company_os_purpose=x_company_os_purpose,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    wait_seconds: int | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Problem | str | None:
    """Stream a run's events (Server-Sent Events)

     A `text/event-stream`: one event per transition (`run.started`, `step.running`, `step.retrying`,
    `step.succeeded`, `step.failed`, `step.compensated`, `run.succeeded`, …). Each event has `id:` (the
    event's sequence number), `event:` (its type) and `data:` (a JSON `MaestroRunEvent`). The stream
    ends
    after the run's terminal event, or when `wait_seconds` pass (then a comment line; reconnect with
    `Last-Event-ID` or `after` to continue where it stopped).

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        after (int | Unset):
        wait_seconds (int | Unset):
        x_company_os_purpose (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        tenant_id=tenant_id,
        run_id=run_id,
        client=client,
        after=after,
        wait_seconds=wait_seconds,
        x_company_os_purpose=x_company_os_purpose,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    wait_seconds: int | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[Problem | str]:
    """Stream a run's events (Server-Sent Events)

     A `text/event-stream`: one event per transition (`run.started`, `step.running`, `step.retrying`,
    `step.succeeded`, `step.failed`, `step.compensated`, `run.succeeded`, …). Each event has `id:` (the
    event's sequence number), `event:` (its type) and `data:` (a JSON `MaestroRunEvent`). The stream
    ends
    after the run's terminal event, or when `wait_seconds` pass (then a comment line; reconnect with
    `Last-Event-ID` or `after` to continue where it stopped).

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        after (int | Unset):
        wait_seconds (int | Unset):
        x_company_os_purpose (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        run_id=run_id,
        after=after,
        wait_seconds=wait_seconds,
        x_company_os_purpose=x_company_os_purpose,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    wait_seconds: int | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Problem | str | None:
    """Stream a run's events (Server-Sent Events)

     A `text/event-stream`: one event per transition (`run.started`, `step.running`, `step.retrying`,
    `step.succeeded`, `step.failed`, `step.compensated`, `run.succeeded`, …). Each event has `id:` (the
    event's sequence number), `event:` (its type) and `data:` (a JSON `MaestroRunEvent`). The stream
    ends
    after the run's terminal event, or when `wait_seconds` pass (then a comment line; reconnect with
    `Last-Event-ID` or `after` to continue where it stopped).

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        after (int | Unset):
        wait_seconds (int | Unset):
        x_company_os_purpose (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            run_id=run_id,
            client=client,
            after=after,
            wait_seconds=wait_seconds,
            x_company_os_purpose=x_company_os_purpose,
            last_event_id=last_event_id,
        )
    ).parsed
