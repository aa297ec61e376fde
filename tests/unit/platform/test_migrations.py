"""The Alembic revisions build exactly the schema the models declare, on SQLite and PostgreSQL,
and downgrade back to nothing."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import companyos_server.models as models
from companyos_server.platform.migrations import alembic_config, migrate
from companyos_server.platform.storage import Database


def test_migrations_match_the_models_and_downgrade(database_url: str) -> None:
    db = Database(database_url)
    try:
        migrate(db)
        with db.engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), models.metadata)
        assert differences == [], "the models changed without a migration: add an Alembic revision"
        command.downgrade(alembic_config(database_url), "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    finally:
        db.dispose()
