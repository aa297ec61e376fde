from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evaluate_tenant_flag_environment import EvaluateTenantFlagEnvironment
from ...models.problem import Problem
from ...models.tenant_flag_evaluation import TenantFlagEvaluation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    flag_key: str,
    *,
    environment: EvaluateTenantFlagEnvironment | Unset = EvaluateTenantFlagEnvironment.PRODUCTION,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/flags/{flag_key}/evaluation".format(
            tenant_id=quote(str(tenant_id), safe=""),
            flag_key=quote(str(flag_key), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TenantFlagEvaluation | None:
    if response.status_code == 200:
        response_200 = TenantFlagEvaluation.from_dict(response.json())

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
) -> Response[Problem | TenantFlagEvaluation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    flag_key: str,
    *,
    client: AuthenticatedClient | Client,
    environment: EvaluateTenantFlagEnvironment | Unset = EvaluateTenantFlagEnvironment.PRODUCTION,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | TenantFlagEvaluation]:
    """Evaluate a feature flag

     The flag's effective value in one environment and what decided it: the tenant-level override,
    else the first rule naming the environment, else the flag's default. `reason` uses the OpenFeature
    (OFREP) vocabulary.

    Args:
        tenant_id (str):  Example: acme.
        flag_key (str):
        environment (EvaluateTenantFlagEnvironment | Unset):  Default:
            EvaluateTenantFlagEnvironment.PRODUCTION.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantFlagEvaluation]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        flag_key=flag_key,
        environment=environment,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    flag_key: str,
    *,
    client: AuthenticatedClient | Client,
    environment: EvaluateTenantFlagEnvironment | Unset = EvaluateTenantFlagEnvironment.PRODUCTION,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | TenantFlagEvaluation | None:
    """Evaluate a feature flag

     The flag's effective value in one environment and what decided it: the tenant-level override,
    else the first rule naming the environment, else the flag's default. `reason` uses the OpenFeature
    (OFREP) vocabulary.

    Args:
        tenant_id (str):  Example: acme.
        flag_key (str):
        environment (EvaluateTenantFlagEnvironment | Unset):  Default:
            EvaluateTenantFlagEnvironment.PRODUCTION.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantFlagEvaluation
    """

    return sync_detailed(
        tenant_id=tenant_id,
        flag_key=flag_key,
        client=client,
        environment=environment,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    flag_key: str,
    *,
    client: AuthenticatedClient | Client,
    environment: EvaluateTenantFlagEnvironment | Unset = EvaluateTenantFlagEnvironment.PRODUCTION,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | TenantFlagEvaluation]:
    """Evaluate a feature flag

     The flag's effective value in one environment and what decided it: the tenant-level override,
    else the first rule naming the environment, else the flag's default. `reason` uses the OpenFeature
    (OFREP) vocabulary.

    Args:
        tenant_id (str):  Example: acme.
        flag_key (str):
        environment (EvaluateTenantFlagEnvironment | Unset):  Default:
            EvaluateTenantFlagEnvironment.PRODUCTION.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantFlagEvaluation]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        flag_key=flag_key,
        environment=environment,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    flag_key: str,
    *,
    client: AuthenticatedClient | Client,
    environment: EvaluateTenantFlagEnvironment | Unset = EvaluateTenantFlagEnvironment.PRODUCTION,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | TenantFlagEvaluation | None:
    """Evaluate a feature flag

     The flag's effective value in one environment and what decided it: the tenant-level override,
    else the first rule naming the environment, else the flag's default. `reason` uses the OpenFeature
    (OFREP) vocabulary.

    Args:
        tenant_id (str):  Example: acme.
        flag_key (str):
        environment (EvaluateTenantFlagEnvironment | Unset):  Default:
            EvaluateTenantFlagEnvironment.PRODUCTION.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantFlagEvaluation
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            flag_key=flag_key,
            client=client,
            environment=environment,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
