import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.maestro_verification import MaestroVerification
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    run_id: str,
    *,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/runs/{run_id}/verification".format(
            tenant_id=quote(str(tenant_id), safe=""),
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MaestroVerification | Problem | None:
    if response.status_code == 200:
        response_200 = MaestroVerification.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MaestroVerification | Problem]:
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
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[MaestroVerification | Problem]:
    """Verify a remediation (SLO burn-down, error-budget delta, handoff checklist)

     For every service the run affected: the SLO burn-down and the error-budget delta over the window,
    from the service's SLI samples, split at the action (when the run finished). A service without
    samples says `state: no_data`. Plus the handoff checklist: the linked incident's runbook checklist
    when there is one, else the run's own handoff list.

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MaestroVerification | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        run_id=run_id,
        since=since,
        until=until,
        x_company_os_purpose=x_company_os_purpose,
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
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> MaestroVerification | Problem | None:
    """Verify a remediation (SLO burn-down, error-budget delta, handoff checklist)

     For every service the run affected: the SLO burn-down and the error-budget delta over the window,
    from the service's SLI samples, split at the action (when the run finished). A service without
    samples says `state: no_data`. Plus the handoff checklist: the linked incident's runbook checklist
    when there is one, else the run's own handoff list.

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MaestroVerification | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        run_id=run_id,
        client=client,
        since=since,
        until=until,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[MaestroVerification | Problem]:
    """Verify a remediation (SLO burn-down, error-budget delta, handoff checklist)

     For every service the run affected: the SLO burn-down and the error-budget delta over the window,
    from the service's SLI samples, split at the action (when the run finished). A service without
    samples says `state: no_data`. Plus the handoff checklist: the linked incident's runbook checklist
    when there is one, else the run's own handoff list.

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MaestroVerification | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        run_id=run_id,
        since=since,
        until=until,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> MaestroVerification | Problem | None:
    """Verify a remediation (SLO burn-down, error-budget delta, handoff checklist)

     For every service the run affected: the SLO burn-down and the error-budget delta over the window,
    from the service's SLI samples, split at the action (when the run finished). A service without
    samples says `state: no_data`. Plus the handoff checklist: the linked incident's runbook checklist
    when there is one, else the run's own handoff list.

    Args:
        tenant_id (str):  Example: acme.
        run_id (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MaestroVerification | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            run_id=run_id,
            client=client,
            since=since,
            until=until,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
