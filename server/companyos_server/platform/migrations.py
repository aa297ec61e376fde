"""Alembic, driven from code: `migrate(db)` brings any database to head."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from companyos_server.platform.storage import Database

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(db: Database, revision: str = "head", *, var_dir: Path | None = None) -> None:
    """``var_dir`` holds the keys a data migration may need (0008 seals TOTP secrets with the secrets
    key there); without it the settings' (``COMPANYOS_VAR_DIR``) is used."""
    config = alembic_config(db.url)
    config.attributes["var_dir"] = var_dir
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
