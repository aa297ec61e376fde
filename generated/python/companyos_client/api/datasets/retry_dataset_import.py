from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_import import DatasetImport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    import_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/imports/{import_id}/retry".format(
            tenant_id=quote(str(tenant_id), safe=""),
            import_id=quote(str(import_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetImport | Problem | None:
    if response.status_code == 202:
        response_202 = DatasetImport.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DatasetImport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    import_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetImport | Problem]:
    """Retry an import's quarantined rows

     After a fix to the dataset's schema (`PATCH …/datasets/{dataset_id}`), opens a new import of the
    finished import's quarantined rows and starts its job: each row is validated again against the
    current schema, written when it passes, quarantined again (in the new import) when it does not.
    Rows the parser rejected (`ragged_row`, `malformed_record`) cannot be fixed by a schema change:
    they go to the new import's quarantine as they were. Rows keep their file and row number, so the
    attempts reconcile: the first import's written rows plus the last attempt's written and
    quarantined rows are the input rows. Only the latest attempt can be retried; an import still
    running, rolled back, retried already or with nothing quarantined is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImport | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        import_id=import_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    import_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> DatasetImport | Problem | None:
    """Retry an import's quarantined rows

     After a fix to the dataset's schema (`PATCH …/datasets/{dataset_id}`), opens a new import of the
    finished import's quarantined rows and starts its job: each row is validated again against the
    current schema, written when it passes, quarantined again (in the new import) when it does not.
    Rows the parser rejected (`ragged_row`, `malformed_record`) cannot be fixed by a schema change:
    they go to the new import's quarantine as they were. Rows keep their file and row number, so the
    attempts reconcile: the first import's written rows plus the last attempt's written and
    quarantined rows are the input rows. Only the latest attempt can be retried; an import still
    running, rolled back, retried already or with nothing quarantined is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImport | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        import_id=import_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    import_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetImport | Problem]:
    """Retry an import's quarantined rows

     After a fix to the dataset's schema (`PATCH …/datasets/{dataset_id}`), opens a new import of the
    finished import's quarantined rows and starts its job: each row is validated again against the
    current schema, written when it passes, quarantined again (in the new import) when it does not.
    Rows the parser rejected (`ragged_row`, `malformed_record`) cannot be fixed by a schema change:
    they go to the new import's quarantine as they were. Rows keep their file and row number, so the
    attempts reconcile: the first import's written rows plus the last attempt's written and
    quarantined rows are the input rows. Only the latest attempt can be retried; an import still
    running, rolled back, retried already or with nothing quarantined is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImport | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        import_id=import_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    import_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> DatasetImport | Problem | None:
    """Retry an import's quarantined rows

     After a fix to the dataset's schema (`PATCH …/datasets/{dataset_id}`), opens a new import of the
    finished import's quarantined rows and starts its job: each row is validated again against the
    current schema, written when it passes, quarantined again (in the new import) when it does not.
    Rows the parser rejected (`ragged_row`, `malformed_record`) cannot be fixed by a schema change:
    they go to the new import's quarantine as they were. Rows keep their file and row number, so the
    attempts reconcile: the first import's written rows plus the last attempt's written and
    quarantined rows are the input rows. Only the latest attempt can be retried; an import still
    running, rolled back, retried already or with nothing quarantined is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImport | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            import_id=import_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
