"""Handwritten helpers of the generated resource modules: query/body building, casts, ingest-key auth.

The generator (``codegen/sdk.py``) never writes this module; the generated ``resources/*.py`` import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from companyos._base_client import RequestSpec
from companyos._types import NotGiven

from ._routes import OPERATIONS

if TYPE_CHECKING:
    import httpx

__all__ = [
    "body",
    "content",
    "encode",
    "header_params",
    "json_body",
    "no_content",
    "op",
    "params",
    "with_ingest_key",
]

C = TypeVar("C")


def op(operation_id: str, tenant: str | None, **fields: Any) -> RequestSpec:
    """The ``RequestSpec`` of one operation (method and path from the generated ``_routes``)."""
    method, path = OPERATIONS[operation_id]
    return RequestSpec(method, path, operation_id, tenant=tenant, **fields)


def body(fields: dict[str, Any]) -> dict[str, Any]:
    """A JSON body of the fields passed (``None`` means "not given")."""
    return {k: v for k, v in fields.items() if v is not None}


def params(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Query parameters that were given (``NOT_GIVEN`` and ``None`` are left out: a query has no null)."""
    return {k: v for k, v in fields.items() if v is not None and not isinstance(v, NotGiven)}


def header_params(fields: Mapping[str, str | None]) -> dict[str, str]:
    """Request headers that were given (``None`` and empty values are left out)."""
    return {k: v for k, v in fields.items() if v}


def json_body(fields: Mapping[str, Any], nullable: Iterable[str] = ()) -> dict[str, Any]:
    """A JSON body of the fields given.

    ``NOT_GIVEN`` (the default of every optional parameter) leaves a field out. An explicit ``None`` sends
    JSON ``null`` for a field the spec marks ``nullable`` (clearing it); for any other field ``null`` is not
    a valid value, so ``None`` leaves it out as before.
    """
    allowed = frozenset(nullable)
    return {
        k: v for k, v in fields.items() if not isinstance(v, NotGiven) and (v is not None or k in allowed)
    }


def encode(value: Any, template: str) -> str | None:
    """The wire form of a structured argument (``x-companyos-sdk-encode``): ``template.format(**value)``."""
    if value is None or isinstance(value, NotGiven):
        return None
    return template.format(**value)


def content(response: httpx.Response) -> bytes:
    return response.content


def no_content(response: httpx.Response) -> None:
    return None


def with_ingest_key(client: C, ingest_key: str) -> C:
    """The client with an Alertmanager ingest key as its bearer credential, for one call.

    The ingest operation is secured by ``alertIngestKey`` (not OAuth): the key replaces the client's
    token, no step-up or token refresh applies, and the call is never queued offline.
    """
    from companyos.auth._base import StaticToken

    if not ingest_key:
        raise ValueError("ingest_alertmanager_alerts needs ingest_key=... (an aik_… key)")
    return client._copy_with(  # type: ignore[attr-defined, no-any-return]
        auth=StaticToken(ingest_key), offline_queue=None, on_step_up=None
    )
