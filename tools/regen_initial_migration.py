"""Regenerate the initial Alembic revision from the models (pre-1.0 schema only).

Once 1.0.0 ships, schema changes get a new revision (`alembic revision --autogenerate`) instead.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from companyos_server.platform.migrations import MIGRATIONS_DIR, alembic_config

INITIAL = "0001_initial"


def main() -> None:
    versions = MIGRATIONS_DIR / "versions"
    versions.mkdir(exist_ok=True)
    for old in versions.glob(f"{INITIAL}*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        config = alembic_config(f"sqlite:///{Path(tmp) / 'empty.db'}")
        command.revision(config, message="initial schema", autogenerate=True, rev_id=INITIAL)
    generated = next(versions.glob(f"{INITIAL}*.py"))
    text = generated.read_text()
    # Stable output: no creation timestamp.
    lines = [line for line in text.splitlines() if not line.startswith("Create Date:")]
    generated.write_text("\n".join(lines) + "\n")
    print(generated)


if __name__ == "__main__":
    main()
