from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_environment import ServiceEnvironment
from ...models.tenant_overview import TenantOverview
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    environment: ServiceEnvironment | Unset = UNSET,
    service_limit: int | Unset = 100,
    deployment_limit: int | Unset = 10,
    incident_limit: int | Unset = 10,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    json_environment: str | Unset = UNSET
    if not isinstance(environment, Unset):
        json_environment = environment.value

    params["environment"] = json_environment

    params["service_limit"] = service_limit

    params["deployment_limit"] = deployment_limit

    params["incident_limit"] = incident_limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/overview".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TenantOverview | None:
    if response.status_code == 200:
        response_200 = TenantOverview.from_dict(response.json())

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
) -> Response[Problem | TenantOverview]:
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
    environment: ServiceEnvironment | Unset = UNSET,
    service_limit: int | Unset = 100,
    deployment_limit: int | Unset = 10,
    incident_limit: int | Unset = 10,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | TenantOverview]:
    """A tenant's overview (service health, recent deployments, incidents, spotlight)

     What the console's home page shows, in one request instead of one per section: every service's
    SLO state and firing alerts (worst first; counts by SLO state over all services in the
    environment), the newest deployments in the environment, open incidents by severity, firing
    alerts by severity, and a tenant spotlight (recent configuration versions, enabled flags, recent
    admin actions). Each section is read only when the caller may read it (the action its own list
    operation checks); a section the caller may not read is empty and listed in `withheld` with the
    policy's reasons.

    Args:
        tenant_id (str):  Example: acme.
        environment (ServiceEnvironment | Unset):
        service_limit (int | Unset):  Default: 100.
        deployment_limit (int | Unset):  Default: 10.
        incident_limit (int | Unset):  Default: 10.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantOverview]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        environment=environment,
        service_limit=service_limit,
        deployment_limit=deployment_limit,
        incident_limit=incident_limit,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    environment: ServiceEnvironment | Unset = UNSET,
    service_limit: int | Unset = 100,
    deployment_limit: int | Unset = 10,
    incident_limit: int | Unset = 10,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | TenantOverview | None:
    """A tenant's overview (service health, recent deployments, incidents, spotlight)

     What the console's home page shows, in one request instead of one per section: every service's
    SLO state and firing alerts (worst first; counts by SLO state over all services in the
    environment), the newest deployments in the environment, open incidents by severity, firing
    alerts by severity, and a tenant spotlight (recent configuration versions, enabled flags, recent
    admin actions). Each section is read only when the caller may read it (the action its own list
    operation checks); a section the caller may not read is empty and listed in `withheld` with the
    policy's reasons.

    Args:
        tenant_id (str):  Example: acme.
        environment (ServiceEnvironment | Unset):
        service_limit (int | Unset):  Default: 100.
        deployment_limit (int | Unset):  Default: 10.
        incident_limit (int | Unset):  Default: 10.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantOverview
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        environment=environment,
        service_limit=service_limit,
        deployment_limit=deployment_limit,
        incident_limit=incident_limit,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    environment: ServiceEnvironment | Unset = UNSET,
    service_limit: int | Unset = 100,
    deployment_limit: int | Unset = 10,
    incident_limit: int | Unset = 10,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | TenantOverview]:
    """A tenant's overview (service health, recent deployments, incidents, spotlight)

     What the console's home page shows, in one request instead of one per section: every service's
    SLO state and firing alerts (worst first; counts by SLO state over all services in the
    environment), the newest deployments in the environment, open incidents by severity, firing
    alerts by severity, and a tenant spotlight (recent configuration versions, enabled flags, recent
    admin actions). Each section is read only when the caller may read it (the action its own list
    operation checks); a section the caller may not read is empty and listed in `withheld` with the
    policy's reasons.

    Args:
        tenant_id (str):  Example: acme.
        environment (ServiceEnvironment | Unset):
        service_limit (int | Unset):  Default: 100.
        deployment_limit (int | Unset):  Default: 10.
        incident_limit (int | Unset):  Default: 10.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantOverview]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        environment=environment,
        service_limit=service_limit,
        deployment_limit=deployment_limit,
        incident_limit=incident_limit,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    environment: ServiceEnvironment | Unset = UNSET,
    service_limit: int | Unset = 100,
    deployment_limit: int | Unset = 10,
    incident_limit: int | Unset = 10,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | TenantOverview | None:
    """A tenant's overview (service health, recent deployments, incidents, spotlight)

     What the console's home page shows, in one request instead of one per section: every service's
    SLO state and firing alerts (worst first; counts by SLO state over all services in the
    environment), the newest deployments in the environment, open incidents by severity, firing
    alerts by severity, and a tenant spotlight (recent configuration versions, enabled flags, recent
    admin actions). Each section is read only when the caller may read it (the action its own list
    operation checks); a section the caller may not read is empty and listed in `withheld` with the
    policy's reasons.

    Args:
        tenant_id (str):  Example: acme.
        environment (ServiceEnvironment | Unset):
        service_limit (int | Unset):  Default: 100.
        deployment_limit (int | Unset):  Default: 10.
        incident_limit (int | Unset):  Default: 10.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantOverview
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            environment=environment,
            service_limit=service_limit,
            deployment_limit=deployment_limit,
            incident_limit=incident_limit,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
