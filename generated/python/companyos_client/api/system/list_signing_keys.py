from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_signing_keys_use import ListSigningKeysUse
from ...models.problem import Problem
from ...models.signing_key_set import SigningKeySet
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    use: ListSigningKeysUse | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_use: str | Unset = UNSET
    if not isinstance(use, Unset):
        json_use = use.value

    params["use"] = json_use

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/signing-keys",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SigningKeySet | None:
    if response.status_code == 200:
        response_200 = SigningKeySet.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SigningKeySet]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    use: ListSigningKeysUse | Unset = UNSET,
) -> Response[Problem | SigningKeySet]:
    """The platform's public signing keys

     The Ed25519 public keys that sign audit events (`use: audit`) and evidence packs
    (`use: evidence`), as JWKs (RFC 8037) with their PEM. Every key ever used stays listed so old
    signatures remain verifiable; `current` marks the key signing now. Pin these (fetched over an
    authenticated TLS connection) to verify archives offline instead of trusting the key an archive
    carries: `companyos evidence verify --trust-api`.

    Args:
        use (ListSigningKeysUse | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SigningKeySet]
    """

    kwargs = _get_kwargs(
        use=use,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    use: ListSigningKeysUse | Unset = UNSET,
) -> Problem | SigningKeySet | None:
    """The platform's public signing keys

     The Ed25519 public keys that sign audit events (`use: audit`) and evidence packs
    (`use: evidence`), as JWKs (RFC 8037) with their PEM. Every key ever used stays listed so old
    signatures remain verifiable; `current` marks the key signing now. Pin these (fetched over an
    authenticated TLS connection) to verify archives offline instead of trusting the key an archive
    carries: `companyos evidence verify --trust-api`.

    Args:
        use (ListSigningKeysUse | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SigningKeySet
    """

    return sync_detailed(
        client=client,
        use=use,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    use: ListSigningKeysUse | Unset = UNSET,
) -> Response[Problem | SigningKeySet]:
    """The platform's public signing keys

     The Ed25519 public keys that sign audit events (`use: audit`) and evidence packs
    (`use: evidence`), as JWKs (RFC 8037) with their PEM. Every key ever used stays listed so old
    signatures remain verifiable; `current` marks the key signing now. Pin these (fetched over an
    authenticated TLS connection) to verify archives offline instead of trusting the key an archive
    carries: `companyos evidence verify --trust-api`.

    Args:
        use (ListSigningKeysUse | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SigningKeySet]
    """

    kwargs = _get_kwargs(
        use=use,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    use: ListSigningKeysUse | Unset = UNSET,
) -> Problem | SigningKeySet | None:
    """The platform's public signing keys

     The Ed25519 public keys that sign audit events (`use: audit`) and evidence packs
    (`use: evidence`), as JWKs (RFC 8037) with their PEM. Every key ever used stays listed so old
    signatures remain verifiable; `current` marks the key signing now. Pin these (fetched over an
    authenticated TLS connection) to verify archives offline instead of trusting the key an archive
    carries: `companyos evidence verify --trust-api`.

    Args:
        use (ListSigningKeysUse | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SigningKeySet
    """

    return (
        await asyncio_detailed(
            client=client,
            use=use,
        )
    ).parsed
