"""One live server (migrated, seeded, console mounted) for the whole browser session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tools.live_server import LiveServer, live_server


@pytest.fixture(scope="session")
def server() -> Iterator[LiveServer]:
    with live_server() as srv:
        yield srv
