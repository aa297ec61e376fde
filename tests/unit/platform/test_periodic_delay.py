"""A periodic pass may wait before its first run (a heavy pass must not start in every worker at boot)."""

from __future__ import annotations

import logging
import threading

from companyos_server.platform.periodic import PeriodicPass


def test_the_first_pass_waits_for_its_delay_and_closing_meanwhile_runs_none() -> None:
    ran = threading.Event()
    waiting = PeriodicPass("delayed", 60, ran.set, logging.getLogger("test"), first_delay=60).start()
    assert not ran.wait(0.2)
    waiting.close()  # stops during the delay: no pass ever ran
    assert not ran.is_set()
    prompt = threading.Event()
    soon = PeriodicPass("soon", 60, prompt.set, logging.getLogger("test"), first_delay=0.05).start()
    assert prompt.wait(5)
    soon.close()
