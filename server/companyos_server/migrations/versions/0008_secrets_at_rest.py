"""identity: TOTP and client secrets encrypted at rest

Revision ID: 0008_secrets_at_rest
Revises: 0007_auth_failure_counts

``idp_users.totp_secret`` widens to hold a sealed value (``enc1:<key id>:…``, AES-256-GCM) and every TOTP
secret still in clear is sealed with the current secrets key (``var_dir/keys/secrets``, created when the
first one is needed). Client secrets need nothing: they have always been stored as SHA-256 digests.

The var dir is the one ``migrate(db, var_dir=…)`` names (``companyos-server migrate`` passes the
server's), else ``COMPANYOS_VAR_DIR``. Downgrading opens the values again with that key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from companyos_server.platform.encryption import SecretKeyring

revision = "0008_secrets_at_rest"
down_revision = "0007_auth_failure_counts"
branch_labels = None
depends_on = None


def _keyring() -> SecretKeyring:
    from companyos_server.platform.encryption import SecretKeyring

    config = op.get_context().config
    var_dir = config.attributes.get("var_dir") if config is not None else None
    if var_dir is None:
        from companyos_server.settings import get_settings

        var_dir = get_settings().var_dir
    return SecretKeyring.for_var_dir(Path(var_dir))


def _has_totp_secrets() -> bool:
    users = sa.table("idp_users", sa.column("totp_secret", sa.String))
    query = sa.select(sa.func.count()).select_from(users).where(users.c.totp_secret.is_not(None))
    return bool(op.get_bind().scalar(query))


def upgrade() -> None:
    with op.batch_alter_table("idp_users", schema=None) as batch_op:
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.String(length=64),
            type_=sa.String(length=255),
            existing_nullable=True,
        )
    if _has_totp_secrets():  # an empty database needs no key yet
        from companyos_server.platform.identity.sealing import seal_cleartext_rows

        seal_cleartext_rows(op.get_bind(), _keyring())


def downgrade() -> None:
    if _has_totp_secrets():
        from companyos_server.platform.identity.sealing import unseal_rows

        unseal_rows(op.get_bind(), _keyring())
    with op.batch_alter_table("idp_users", schema=None) as batch_op:
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.String(length=255),
            type_=sa.String(length=64),
            existing_nullable=True,
        )
