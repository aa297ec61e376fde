"""Binds operationIds to handlers, defaulting their responses to JSON.

Every operation declares `application/json` for success and `application/problem+json` for errors,
so connexion cannot infer a content type on its own; handlers that return something else (a file,
a stream) say so in their response headers.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from connexion.resolver import Resolver

JSON_HEADERS = {"Content-Type": "application/json"}


def _with_json_default(result: Any) -> Any:
    if isinstance(result, tuple):
        if len(result) >= 2 and result[1] in (204, 304):
            return result  # bodiless: no content type
        if len(result) == 2 and isinstance(result[1], int):
            return (result[0], result[1], JSON_HEADERS)
        if len(result) == 3 and isinstance(result[2], dict):
            headers = result[2]
            if not any(k.lower() == "content-type" for k in headers):
                return (result[0], result[1], {**JSON_HEADERS, **headers})
        return result
    if isinstance(result, dict | list) or result is None:
        return (result, 200, JSON_HEADERS) if result is not None else result
    return result


def json_by_default(function: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def async_handler(*args: Any, **kwargs: Any) -> Any:
            return _with_json_default(await function(*args, **kwargs))

        return async_handler

    @functools.wraps(function)
    def handler(*args: Any, **kwargs: Any) -> Any:
        return _with_json_default(function(*args, **kwargs))

    return handler


class CompanyOSResolver(Resolver):
    def resolve_function_from_operation_id(self, operation_id: str) -> Callable[..., Any]:
        return json_by_default(super().resolve_function_from_operation_id(operation_id))
