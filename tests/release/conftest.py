"""Print how long each step of the publish-and-install test took (nox -s release_smoke)."""

from __future__ import annotations

import json

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.release.test_publish_install import TIMINGS

    if TIMINGS:
        terminalreporter.write_line(f"release test timings (s): {json.dumps(TIMINGS)}")
