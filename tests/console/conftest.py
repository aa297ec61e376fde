"""One live server (migrated, seeded, console mounted, with a job worker) for the whole browser session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tools.live_server import LiveServer, live_server


@pytest.fixture(scope="session")
def server() -> Iterator[LiveServer]:
    # The job worker runs Maestro runs (live run status); a loaded CI machine may need a while to start.
    with live_server(worker=True, ready_timeout=180) as srv:
        yield srv
