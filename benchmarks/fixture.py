"""Setup for `api_overhead`: a fresh database (SQLite file, or a PostgreSQL database created for the run
and dropped after), migrated and dev-seeded by the server's own CLI, then grown to benchmark size.

Setup may use our code (only the baseline *server* must be independent): 1,000 services are created in
tenant ``acme`` through the service layer (so the catalog, the IntelGraph entities and the search index
are what the API would have written), half of them with an SLO objective and a day of hourly SLI
samples, most with dependencies; 200 audit events go through the audit log (signed, chained). The token
is minted with the server's issuer for a member of ``acme`` with role ``sre`` only.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from benchmarks import bare_store

REPO_ROOT = Path(__file__).resolve().parents[1]
TENANT = "acme"
ROLES = ["sre"]
SERVICES = 1000
AUDIT_EVENTS = 200
SLI_HOURS = 24
WORDS = (
    "checkout",
    "payments",
    "ledger",
    "catalog",
    "search",
    "identity",
    "shipping",
    "pricing",
    "stock",
    "notify",
)
KINDS = ("api", "worker", "gateway", "store", "cron")
WRITE_TARGET = "zz-sli-target"  # no objective, sorts last: writes never change a measured page's work
TOKEN_TTL = 6 * 3600  # outlives the longest full run
# Far above any rate this machine reaches: the limiter runs (its cost is measured) but never refuses.
RATE_LIMITS = "free=1000000000,standard=1000000000,enterprise=1000000000"


def postgres_url() -> str | None:
    """The server we may create a benchmark database on (SQLAlchemy form), if one is configured."""
    return (
        os.environ.get("COMPANYOS_BENCH_POSTGRES_URL")
        or os.environ.get("COMPANYOS_TEST_POSTGRES_URL")
        or None
    )


def _plain(url: str) -> str:
    """A SQLAlchemy URL as libpq understands it (no ``+driver``)."""
    scheme, rest = url.split("://", 1)
    return f"{scheme.split('+', 1)[0]}://{rest}"


@contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    """A fresh database on the server of ``server_url`` (SQLAlchemy form); dropped on exit."""
    import psycopg

    base, _, _ = server_url.rpartition("/")
    name = f"companyos_bench_{secrets.token_hex(4)}"
    with psycopg.connect(_plain(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(_plain(server_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass(frozen=True)
class Fixture:
    token: str
    tenant: str
    write_service_id: str
    issuer: str
    audience: str
    our_env: dict[str, str]
    bare_database: str  # SQLite file path or libpq URL


def server_env(var_dir: Path, public_base_url: str, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMPANYOS_", "BENCH_BARE_"))}
    env.update(
        COMPANYOS_ENV="development",
        COMPANYOS_VAR_DIR=str(var_dir),
        COMPANYOS_PUBLIC_BASE_URL=public_base_url,
        COMPANYOS_RATE_LIMITS=RATE_LIMITS,
        COMPANYOS_LOG_LEVEL="WARNING",
        COMPANYOS_OTEL_EXPORTER="none",
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")])),
    )
    if database_url:
        env["COMPANYOS_DATABASE_URL"] = database_url
    return env


def _cli(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "companyos_server.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"companyos_server.cli {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}"
        )


def prepare(var_dir: Path, public_base_url: str, database_url: str | None) -> Fixture:
    env = server_env(var_dir, public_base_url, database_url)
    _cli(env, "migrate")
    _cli(env, "seed")

    from companyos_server.core.maestro.models import SliSampleRow
    from companyos_server.domains.services.service import create_service_in
    from companyos_server.platform.identity.issuer import issue_access_token
    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.platform.storage import new_id, utcnow
    from companyos_server.settings import Settings

    settings = Settings(
        env="development", var_dir=var_dir, public_base_url=public_base_url, database_url=database_url
    )
    runtime = Runtime(settings)
    set_runtime(runtime)  # the service layer reaches IntelGraph through it, as under the server
    try:
        now = utcnow()
        ids: list[str] = []
        for start in range(0, SERVICES, 100):
            with runtime.db.session() as session:
                for i in range(start, min(start + 100, SERVICES)):
                    word, kind = WORDS[i % len(WORDS)], KINDS[(i // len(WORDS)) % len(KINDS)]
                    body = {
                        "name": f"{word}-{kind}-{i:04d}",
                        "description": f"Benchmark service {i}: {word} {kind}.",
                        "owner": {"team": word, "contact": f"{word}-oncall@example.com"},
                        "tier": f"tier-{i % 4}",
                        "environments": ["production", "staging"],
                        "runbooks": [
                            {"title": f"{word} runbook", "url": f"https://runbooks.example.com/{word}"}
                        ],
                        "data_locations": ["eu"],
                        "labels": {"bench": "api_overhead", "word": word},
                        "dependencies": ids[-2:] if i % 5 else [],
                        **({"slo": {"objective": 99.5, "window_days": 28}} if i % 2 == 0 else {}),
                    }
                    created = create_service_in(session, TENANT, body, "usr_bench_setup")
                    ids.append(created["id"])
                    if i % 2 == 0:
                        session.add_all(
                            SliSampleRow(
                                id=new_id("sli"),
                                tenant_id=TENANT,
                                service_ref=created["id"],
                                ts=now - timedelta(hours=h),
                                good=9990 - (i % 7),
                                total=10000,
                            )
                            for h in range(1, SLI_HOURS + 1)
                        )
        with runtime.db.session() as session:
            target = create_service_in(
                session,
                TENANT,
                {"name": WRITE_TARGET, "owner": {"team": "bench"}, "tier": "tier-3"},
                "usr_bench_setup",
            )
        for n in range(AUDIT_EVENTS):
            runtime.audit.record(
                TENANT,
                actor="usr_bench_setup",
                actor_kind="user",
                roles=["tenant_admin"],
                action="services:update",
                resource=f"service:{ids[n % len(ids)]}",
                outcome="success",
                status=200,
                request_id=f"req_bench_{n:04d}",
                details={
                    "operation_id": "update_service",
                    "method": "PATCH",
                    "path": f"/v1/tenants/{TENANT}/services",
                },
            )
        token = issue_access_token(
            runtime.keys,
            settings,
            subject="usr_bench_sre",
            client_id="companyos-cli",
            tenants={TENANT: ROLES},
            scopes=["openid", "api"],
            auth_time=int(time.time()),
            ttl=TOKEN_TTL,
        )
        bare_database = (
            _plain(database_url) if database_url else _sqlite_path(settings.effective_database_url)
        )
        bare_store.ensure_schema(bare_database)
        return Fixture(
            token=token,
            tenant=TENANT,
            write_service_id=target["id"],
            issuer=settings.issuer,
            audience=settings.oidc_audience,
            our_env=env,
            bare_database=bare_database,
        )
    finally:
        set_runtime(None)
        runtime.close()


def _sqlite_path(url: str) -> str:
    if not url.startswith("sqlite:///"):
        raise RuntimeError(f"expected a SQLite URL for the default database, got {url}")
    return url.removeprefix("sqlite:///")
