"""Contract-test fixtures: the bundled spec as a schemathesis schema bound to the in-process ASGI app.

The schema is the *bundled contract* (``generated/openapi.json``), not whatever the server happens to
serve, minus the operations served by the identity provider's Flask mount (form-encoded OAuth/OIDC
endpoints; they have tests of their own). Each test gets a fresh runtime (temp var dir, migrated
database — SQLite, and PostgreSQL when configured — dev seed), so generated mutations never leak from one operation's test into another's.

Generation is bounded and reproducible: ``MAX_EXAMPLES`` fuzzed cases per operation (override with
``COMPANYOS_CONTRACT_MAX_EXAMPLES``), a fixed seed, derandomized Hypothesis, no example database.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.filters import HasAPIOperation

from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.spec import HTTP_METHODS, SERVED_BY_IDP, bundled_spec_path
from tests.conftest import database_for

# The raw NDJSON ingest body is generated as bytes (``type: string, format: binary``) and sent as it is.
schemathesis.serializer.alias("application/x-ndjson", "application/octet-stream")

# Bounded so the whole suite stays within the CI budget as the spec grows (a member calling other
# tenants is covered exhaustively by the isolation matrix instead of a fuzzing pass).
MAX_EXAMPLES = int(os.environ.get("COMPANYOS_CONTRACT_MAX_EXAMPLES", "12"))
SEED = 20261101
ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]
ADMIN_SUBJECT = "usr_contract_admin"
MEMBER_SUBJECT = "usr_contract_member"
# The plain-member pass: a tenant admin of acme (the richest non-admin role), no elevated scopes.
MEMBER_TENANTS = {"acme": ["tenant_admin"]}


def contract_document() -> dict[str, Any]:
    return json.loads(bundled_spec_path().read_text(encoding="utf-8"))


def served_by_identity_provider(ctx: HasAPIOperation) -> bool:
    return ctx.operation.definition.raw.get("x-companyos-served-by") == SERVED_BY_IDP


def api_operations(document: dict[str, Any] | None = None) -> list[tuple[str, str, str]]:
    """(operationId, METHOD, path) of every operation the contract tests must cover."""
    document = document or contract_document()
    found = []
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if op and op.get("x-companyos-served-by") != SERVED_BY_IDP:
                found.append((op["operationId"], method.upper(), path))
    return found


def schemathesis_config(*, positive_coverage: bool = False, **parameters: Any) -> schemathesis.Config:
    """Every default check on, every phase (examples, coverage, fuzzing, stateful), bounded generation.

    ``positive_coverage``: the coverage phase generates valid cases only (see ``test_contract.PLAN_WRITES``);
    invalid ones still come from the fuzzing phase."""
    phases = {"phases": {"coverage": {"generation": {"mode": "positive"}}}} if positive_coverage else {}
    return schemathesis.Config.from_dict(
        {
            **phases,
            "seed": SEED,
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "database": "none",
                # The server refuses U+0000 in any text (PostgreSQL cannot store it), object keys included.
                # The spec states the rule (info.description, the BadRequest response) but cannot express
                # it as a schema: OpenAPI 3.0 has no `propertyNames` for keys of free-form maps (labels,
                # inputs, annotations), and a `pattern` on each released string would be a breaking change
                # of the 1.0 contract. tests/integration/security/test_nul_characters.py covers the refusal.
                "allow-x00": False,
            },
            "parameters": parameters,
        }
    )


class AppProxy:
    """The ASGI app schemathesis calls: forwards to the current test's app (a fresh runtime per test).

    Schemas are built at import time (``schemathesis.pytest.from_fixture`` is unusable here: its lazy loader
    sets ``request.node._nodeid``, which pytest 9 nodes no longer have), and schemathesis binds the app to
    each operation when it collects the tests, so the per-test app is swapped in behind this proxy. Checks
    that send requests of their own (``ignored_auth``, ``unsupported_method``, ``use_after_free``, …) reach
    the same app.
    """

    def __init__(self) -> None:
        self.app: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self.app is None:
            raise RuntimeError("no app bound: use the `contract_app` fixture")
        await self.app(scope, receive, send)


APP = AppProxy()


def load_schema(*, positive_coverage: bool = False, **parameters: Any) -> Any:
    """The contract as a schemathesis schema, served in-process through :data:`APP`."""
    config = schemathesis_config(positive_coverage=positive_coverage, **parameters)
    schema = schemathesis.openapi.from_dict(contract_document(), config=config)
    schema.app = APP
    return schema.exclude(func=served_by_identity_provider)


@pytest.fixture
def contract_app(app: Any) -> Iterator[Any]:
    APP.app = app
    yield app
    APP.app = None


@pytest.fixture
def admin_headers(mint: Callable[..., str]) -> dict[str, str]:
    """A platform admin with a fresh multi-factor sign-in: every operation, high-risk ones included."""
    token = mint(ADMIN_SUBJECT, scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time()), ttl=3600)
    # Outside a tenant, even a platform admin states a purpose to reach the tenant's data.
    return {"Authorization": f"Bearer {token}", "X-CompanyOS-Purpose": "contract tests"}


@pytest.fixture
def member_headers(mint: Callable[..., str]) -> dict[str, str]:
    token = mint(MEMBER_SUBJECT, tenants=MEMBER_TENANTS, acr=ACR_MFA, auth_time=int(time.time()), ttl=3600)
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The contract is the HTTP surface, not the store: one backend keeps the suite's time bounded.

    The integration suites run every operation on SQLite and PostgreSQL.
    """
    yield from database_for(request, tmp_path, "sqlite")
