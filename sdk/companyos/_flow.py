"""The I/O-free core's vocabulary, and the two drivers that run it.

Request logic (retries, auth, step-up, offline queueing) is written once as generators that *yield*
actions — send this request, sleep this long, call this hook — and receive their results. ``run_sync``
drives a flow with an ``httpx.Client``; ``run_async`` with an ``httpx.AsyncClient``. The same idea as
httpx's ``Auth.auth_flow``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

__all__ = ["Call", "Flow", "Send", "Sleep", "run_async", "run_sync"]

T = TypeVar("T")


@dataclass(frozen=True)
class Send:
    """Send ``request``; the flow receives the ``httpx.Response`` or the ``httpx.TransportError`` raised."""

    request: httpx.Request


@dataclass(frozen=True)
class Sleep:
    seconds: float


@dataclass(frozen=True)
class Call:
    """Call an application hook. ``blocking`` hooks run in a worker thread under the async driver;
    a hook returning an awaitable is awaited under the async driver."""

    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()
    blocking: bool = False
    kwargs: dict[str, Any] = field(default_factory=dict)


Action = Send | Sleep | Call
Flow = Generator[Action, Any, T]


def run_sync(flow: Flow[T], http: httpx.Client, sleep: Callable[[float], Any]) -> T:
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            action = flow.throw(error) if error is not None else flow.send(value)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        value, error = None, None
        try:
            if isinstance(action, Send):
                try:
                    value = http.send(action.request)
                except httpx.TransportError as exc:
                    value = exc
            elif isinstance(action, Sleep):
                if action.seconds > 0:
                    sleep(action.seconds)
            else:
                value = action.fn(*action.args, **action.kwargs)
                if inspect.isawaitable(value):
                    raise TypeError(f"{action.fn!r} returned an awaitable; use AsyncClient for async hooks")
        except BaseException as exc:  # noqa: BLE001 — thrown back into the flow so its cleanup (spans) runs
            error = exc


async def run_async(flow: Flow[T], http: httpx.AsyncClient, sleep: Callable[[float], Any]) -> T:
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            action = flow.throw(error) if error is not None else flow.send(value)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        value, error = None, None
        try:
            if isinstance(action, Send):
                try:
                    value = await http.send(action.request)
                except httpx.TransportError as exc:
                    value = exc
            elif isinstance(action, Sleep):
                if action.seconds > 0:
                    slept = sleep(action.seconds)
                    if inspect.isawaitable(slept):
                        await slept
            elif action.blocking:
                import asyncio  # here, not at the top: `import companyos` stays light for sync users

                value = await asyncio.to_thread(action.fn, *action.args, **action.kwargs)
            else:
                value = action.fn(*action.args, **action.kwargs)
                if inspect.isawaitable(value):
                    value = await value
        except BaseException as exc:  # noqa: BLE001 — thrown back into the flow so its cleanup (spans) runs
            error = exc
