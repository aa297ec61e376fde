from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_schema import AnalyticsSchema
from ...models.analytics_schema_create import AnalyticsSchemaCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: AnalyticsSchemaCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/analytics/schemas".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalyticsSchema | Problem | None:
    if response.status_code == 201:
        response_201 = AnalyticsSchema.from_dict(response.json())

        return response_201

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
) -> Response[AnalyticsSchema | Problem]:
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
    body: AnalyticsSchemaCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsSchema | Problem]:
    """Register an event schema version

     Registers a version of an event schema. Names are Object Action in Title Case ("Report Exported");
    versions are SchemaVer `MODEL-REVISION-ADDITION`. The first version is `1-0-0`; each next version
    bumps exactly one part: ADDITION for a new optional property, REVISION for a required property made
    optional, integer widened to number or PII handling changed, MODEL for anything breaking (a property
    removed or retyped, a new or newly required property). A version whose bump is smaller than its
    changes need is refused with 409 `schema-change-refused`, naming each change (`errors[]`,
    `changes`).
    Properties classified `pii: hash` are pseudonymised with the tenant's key at ingest; `pii: drop`
    ones are never stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsSchemaCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsSchema | Problem]
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
    body: AnalyticsSchemaCreate,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsSchema | Problem | None:
    """Register an event schema version

     Registers a version of an event schema. Names are Object Action in Title Case ("Report Exported");
    versions are SchemaVer `MODEL-REVISION-ADDITION`. The first version is `1-0-0`; each next version
    bumps exactly one part: ADDITION for a new optional property, REVISION for a required property made
    optional, integer widened to number or PII handling changed, MODEL for anything breaking (a property
    removed or retyped, a new or newly required property). A version whose bump is smaller than its
    changes need is refused with 409 `schema-change-refused`, naming each change (`errors[]`,
    `changes`).
    Properties classified `pii: hash` are pseudonymised with the tenant's key at ingest; `pii: drop`
    ones are never stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsSchemaCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsSchema | Problem
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
    body: AnalyticsSchemaCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsSchema | Problem]:
    """Register an event schema version

     Registers a version of an event schema. Names are Object Action in Title Case ("Report Exported");
    versions are SchemaVer `MODEL-REVISION-ADDITION`. The first version is `1-0-0`; each next version
    bumps exactly one part: ADDITION for a new optional property, REVISION for a required property made
    optional, integer widened to number or PII handling changed, MODEL for anything breaking (a property
    removed or retyped, a new or newly required property). A version whose bump is smaller than its
    changes need is refused with 409 `schema-change-refused`, naming each change (`errors[]`,
    `changes`).
    Properties classified `pii: hash` are pseudonymised with the tenant's key at ingest; `pii: drop`
    ones are never stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsSchemaCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsSchema | Problem]
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
    body: AnalyticsSchemaCreate,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsSchema | Problem | None:
    """Register an event schema version

     Registers a version of an event schema. Names are Object Action in Title Case ("Report Exported");
    versions are SchemaVer `MODEL-REVISION-ADDITION`. The first version is `1-0-0`; each next version
    bumps exactly one part: ADDITION for a new optional property, REVISION for a required property made
    optional, integer widened to number or PII handling changed, MODEL for anything breaking (a property
    removed or retyped, a new or newly required property). A version whose bump is smaller than its
    changes need is refused with 409 `schema-change-refused`, naming each change (`errors[]`,
    `changes`).
    Properties classified `pii: hash` are pseudonymised with the tenant's key at ingest; `pii: drop`
    ones are never stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (AnalyticsSchemaCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsSchema | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
