"""Server-Sent Events: parsing ``text/event-stream`` bodies and following a run's event stream."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from companyos._base_client import AsyncAPIClient, RequestSpec, SyncAPIClient

__all__ = ["ServerSentEvent", "astream_events", "parse_sse", "stream_events"]

TERMINAL_RUN_EVENTS = frozenset({"run.succeeded", "run.failed", "run.cancelled", "run.compensated"})
TERMINAL_RUN_STATES = frozenset({"succeeded", "failed", "cancelled", "compensated"})
_LINES = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class ServerSentEvent:
    """One event: ``event`` (type, default ``message``), ``data`` (the joined ``data:`` lines), ``id``."""

    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        """``data`` parsed as JSON (a run event's ``MaestroRunEvent``)."""
        return json.loads(self.data)


def parse_sse_text(text: str) -> list[ServerSentEvent]:
    """Events of a ``text/event-stream`` body (WHATWG rules: ``field: value`` lines, a blank line ends
    an event, ``:`` starts a comment; an event without data is dropped). A last event not followed by
    a blank line is still returned."""
    events: list[ServerSentEvent] = []
    data: list[str] = []
    event, last_id, retry = "", None, None
    for line in [*_LINES.split(text), ""]:
        if not line:
            if data:
                events.append(ServerSentEvent(event or "message", "\n".join(data), last_id, retry))
            data, event = [], ""
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            data.append(value)
        elif name == "event":
            event = value
        elif name == "id" and "\0" not in value:
            last_id = value or None
        elif name == "retry" and value.isdigit():
            retry = int(value)
    return events


def parse_sse(response: httpx.Response) -> list[ServerSentEvent]:
    return parse_sse_text(response.text)


def _next(
    spec: RequestSpec, events: list[ServerSentEvent], after: str | None
) -> tuple[RequestSpec, str | None]:
    for item in events:
        if item.id is not None:
            after = item.id
    query = dict(spec.query or {})
    if after is not None and after.isdigit():
        query["after"] = int(after)
    return replace(spec, query=query), after


def _run_spec(spec: RequestSpec) -> RequestSpec:
    from ._ops import op

    return op(
        "get_run", spec.tenant, path_params=spec.path_params, extra_headers=spec.extra_headers,
        timeout=spec.timeout, max_retries=spec.max_retries,
    )  # fmt: skip


def stream_events(client: SyncAPIClient, spec: RequestSpec, *, follow: bool) -> Any:
    if client._raw:  # with_raw_response: the first response, unparsed
        return client._request(spec)
    return _iter_events(client, spec, follow)


def _iter_events(client: SyncAPIClient, spec: RequestSpec, follow: bool) -> Iterator[ServerSentEvent]:
    after: str | None = None
    while True:
        events: list[ServerSentEvent] = client._request(spec)
        for item in events:
            yield item
            if item.event in TERMINAL_RUN_EVENTS:
                return
        if not follow:
            return
        if not events:  # the wait passed quietly: stop if the run already ended, else reconnect
            if client._request(_run_spec(spec)).get("state") in TERMINAL_RUN_STATES:
                return
            client._sleep(0.5)
        spec, after = _next(spec, events, after)


def astream_events(client: AsyncAPIClient, spec: RequestSpec, *, follow: bool) -> Any:
    if client._raw:
        return client._request(spec)  # a coroutine of the first raw response
    return _aiter_events(client, spec, follow)


async def _aiter_events(
    client: AsyncAPIClient, spec: RequestSpec, follow: bool
) -> AsyncIterator[ServerSentEvent]:
    after: str | None = None
    while True:
        events: list[ServerSentEvent] = await client._request(spec)
        for item in events:
            yield item
            if item.event in TERMINAL_RUN_EVENTS:
                return
        if not follow:
            return
        if not events:
            run = await client._request(_run_spec(spec))
            if run.get("state") in TERMINAL_RUN_STATES:
                return
            await client._sleep(0.5)
        spec, after = _next(spec, events, after)
