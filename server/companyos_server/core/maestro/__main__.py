"""``python -m companyos_server.core.maestro worker``: the platform worker (``companyos-server worker``),
which consumes every job kind and runs Maestro's recovery pass at start and every half lease.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from companyos_server.cli import main as server_main

    args = list(sys.argv[1:] if argv is None else argv)
    return server_main(args)


if __name__ == "__main__":
    sys.exit(main())
