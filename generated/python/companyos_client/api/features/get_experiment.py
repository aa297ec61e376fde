from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.experiment import Experiment
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    experiment_id: str,
    *,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/experiments/{experiment_id}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            experiment_id=quote(str(experiment_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Experiment | Problem | None:
    if response.status_code == 200:
        response_200 = Experiment.from_dict(response.json())

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
) -> Response[Experiment | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Experiment | Problem]:
    """Get an experiment

     The experiment's definition and status.

    Args:
        tenant_id (str):  Example: acme.
        experiment_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Experiment | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        experiment_id=experiment_id,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> Experiment | Problem | None:
    """Get an experiment

     The experiment's definition and status.

    Args:
        tenant_id (str):  Example: acme.
        experiment_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Experiment | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        experiment_id=experiment_id,
        client=client,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Experiment | Problem]:
    """Get an experiment

     The experiment's definition and status.

    Args:
        tenant_id (str):  Example: acme.
        experiment_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Experiment | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        experiment_id=experiment_id,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> Experiment | Problem | None:
    """Get an experiment

     The experiment's definition and status.

    Args:
        tenant_id (str):  Example: acme.
        experiment_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Experiment | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            experiment_id=experiment_id,
            client=client,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
