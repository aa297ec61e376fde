from __future__ import annotations

from collections.abc import Iterator

import pytest

from companyos_server.platform.runtime import Runtime


@pytest.fixture
def worker(runtime: Runtime) -> Iterator[Runtime]:
    """An in-process job consumer for the duration of a test."""
    runtime.jobs.start_worker_thread()
    yield runtime
    runtime.jobs.stop_worker()
