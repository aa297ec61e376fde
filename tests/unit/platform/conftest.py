from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server.platform.runtime import Runtime
from tests.unit.platform import apphelpers


@pytest.fixture
def platform_runtime(tmp_path: Path) -> Iterator[Runtime]:
    apphelpers.COUNTERS.update({"create": 0, "slow": 0})
    apphelpers.EVENTS.clear()
    runtime = apphelpers.make_runtime(tmp_path)
    yield runtime
    runtime.close()


@pytest.fixture
def platform_app(platform_runtime: Runtime) -> Any:
    return apphelpers.build_test_app(platform_runtime)


@pytest.fixture
async def api(platform_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=platform_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


def auth(subject: str = "alice", tenants: str = "") -> dict[str, str]:
    return {"Authorization": f"Bearer user-{subject}:{tenants}"}


@pytest.fixture
def json_logs() -> Iterator[Any]:
    """Everything logged during the test, as the JSON lines our handler writes."""
    import io
    import json
    import logging

    from companyos_server.platform.logs import make_handler

    stream = io.StringIO()
    handler = make_handler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    previous = root.level
    root.setLevel(logging.INFO)

    class Lines:
        @property
        def text(self) -> str:
            return stream.getvalue()

        def records(self) -> list[dict[str, Any]]:
            return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]

    yield Lines()
    root.removeHandler(handler)
    root.setLevel(previous)
