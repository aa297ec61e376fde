"""A job worker in a process of its own, killed with SIGKILL at a named point (the crash-safety tests).

python -m tests.integration.datasets.worker_proc CONFIG_JSON JOB_ID [POINT CHUNK_ID]
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path


def main() -> None:
    config, job_id = json.loads(sys.argv[1]), sys.argv[2]
    point, chunk = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else (None, None)
    from companyos_server.domains.datasets import imports
    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.settings import Settings

    runtime = Runtime(Settings(env="test", var_dir=Path(config["var_dir"]), database_url=config["database_url"],
                               public_base_url=config["public_base_url"], rate_limit_enabled=False))  # fmt: skip
    set_runtime(runtime)

    def hook(at: str, chunk_id: str) -> None:
        if at == point and (chunk == "*" or chunk_id == chunk):
            os.kill(os.getpid(), signal.SIGKILL)

    imports.CRASH_HOOK = hook
    runtime.jobs.run_now(job_id)
    runtime.close()


if __name__ == "__main__":
    main()
