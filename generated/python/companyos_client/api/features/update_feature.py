from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.feature import Feature
from ...models.feature_update import FeatureUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    tenant_id: str,
    feature_id: str,
    *,
    body: FeatureUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/tenants/{tenant_id}/features/{feature_id}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            feature_id=quote(str(feature_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Feature | Problem | None:
    if response.status_code == 200:
        response_200 = Feature.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Feature | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    feature_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeatureUpdate,
) -> Response[Feature | Problem]:
    """Update a feature

     Changes the descriptive fields (not the state: see transitions).

    Args:
        tenant_id (str):  Example: acme.
        feature_id (str):
        body (FeatureUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Feature | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        feature_id=feature_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    feature_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeatureUpdate,
) -> Feature | Problem | None:
    """Update a feature

     Changes the descriptive fields (not the state: see transitions).

    Args:
        tenant_id (str):  Example: acme.
        feature_id (str):
        body (FeatureUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Feature | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        feature_id=feature_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    feature_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeatureUpdate,
) -> Response[Feature | Problem]:
    """Update a feature

     Changes the descriptive fields (not the state: see transitions).

    Args:
        tenant_id (str):  Example: acme.
        feature_id (str):
        body (FeatureUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Feature | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        feature_id=feature_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    feature_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeatureUpdate,
) -> Feature | Problem | None:
    """Update a feature

     Changes the descriptive fields (not the state: see transitions).

    Args:
        tenant_id (str):  Example: acme.
        feature_id (str):
        body (FeatureUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Feature | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            feature_id=feature_id,
            client=client,
            body=body,
        )
    ).parsed
