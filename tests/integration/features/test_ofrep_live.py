"""The official OpenFeature SDK with the OFREP provider against a live server process: every reason and
error code; the SDK's in-process provider agrees with the server's bulk evaluation on 10k contexts."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from openfeature import api
from openfeature.contrib.provider.ofrep import OFREPProvider
from openfeature.evaluation_context import EvaluationContext
from openfeature.exception import ErrorCode
from openfeature.flag_evaluation import Reason

import companyos
from companyos.flags import evaluator
from companyos.flags.provider import CompanyOSProvider
from companyos_server.platform.cache.epoch import CHECK_SECONDS
from tools.live_server import LiveServer, live_server

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
VECTORS = json.loads((Path(__file__).parents[2] / "unit" / "features" / "flag_vectors.json").read_text())


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    # 10k evaluations in a minute exceed the tenant tier's rate limit: the limiter is not under test here.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COMPANYOS_RATE_LIMIT_ENABLED", "false")
        with live_server(ready_timeout=300) as srv:
            _store_vector_flags(srv.var_dir / "companyos.db")
            yield srv


def _store_vector_flags(path: Path) -> None:
    """The vector flags, written into the server's database (the server reads them on its next request)."""
    from companyos_server.domains.tenant_config import flags, store
    from companyos_server.platform.storage import Database

    db = Database(f"sqlite:///{path}")
    try:
        with db.session() as session:
            for flag in VECTORS["flags"]:
                body = {k: v for k, v in flag.items() if v is not None}
                # The demo seed has flags of the same keys (``checkout-copy``): the vectors' versions win.
                seeded = store.get_flag(session, "acme", flag["key"])
                if seeded is not None:
                    session.delete(seeded)
                    session.flush()
                future = flag["key"] == "future-rule"
                if future:
                    body["rules"] = []
                flags.create_flag_in(session, "acme", body)
                if future:
                    row = store.get_flag(session, "acme", flag["key"])
                    assert row is not None
                    row.rules = flag["rules"]
    finally:
        db.dispose()


def _service(server: LiveServer) -> tuple[str, str]:
    creds = json.loads(server.credentials.read_text())
    svc = next(c for c in creds["clients"] if c["tenant_id"] == "acme")
    return svc["client_id"], svc["client_secret"]


@pytest.fixture(scope="module")
def token(server: LiveServer) -> str:
    client_id, secret = _service(server)
    r = httpx.post(
        f"{server.url}/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=(client_id, secret),
        timeout=30,
    )
    r.raise_for_status()
    return str(r.json()["access_token"])


def _client(server: LiveServer, name: str, headers: dict[str, str]) -> Any:
    base = f"{server.url}/v1/tenants/acme/environments/production"
    api.set_provider(OFREPProvider(base, headers_factory=lambda: headers, timeout=30), domain=name)
    return api.get_client(name)


def test_every_reason_and_error_code_through_the_official_provider(server: LiveServer, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    of = _client(server, "live", auth)
    reasons: dict[str, Any] = {}
    errors: dict[str, Any] = {}

    def check(details: Any) -> Any:
        reasons.setdefault(details.reason, details)
        if details.error_code is not None:
            errors.setdefault(details.error_code, details)
        return details

    d = check(of.get_boolean_details("static-on", False))
    assert (d.value, d.reason) == (True, Reason.STATIC)
    d = check(of.get_string_details("plan-ui", "x", EvaluationContext("u1", {"plan": "free"})))
    assert (d.value, d.variant, d.reason) == ("basic-ui", "basic", Reason.DEFAULT)
    d = check(of.get_string_details("plan-ui", "x", EvaluationContext("u1", {"plan": "pro"})))
    assert (d.value, d.variant, d.reason) == ("pro-ui", "pro", Reason.TARGETING_MATCH)
    d = check(of.get_boolean_details("canary", False, EvaluationContext("user-1")))
    assert (d.value, d.reason, d.flag_metadata["bucket"]) == (
        True,
        Reason.SPLIT,
        evaluator.bucket("canary", "user-1"),
    )
    d = check(of.get_string_details("checkout-copy", "?", EvaluationContext("user-6")))
    assert (d.value, d.variant, d.reason) == ("Get it today", "treatment", Reason.SPLIT)
    d = check(of.get_integer_details("seat-limit", 0, EvaluationContext("u", {"seats": 80})))
    assert (d.value, d.variant) == (100, "large")
    d = check(
        of.get_object_details(
            "theme", {}, EvaluationContext("u", {"country": "DE", "email": "x@acme.example"})
        )
    )
    assert d.value == {"color": "green", "dense": True}
    d = check(of.get_boolean_details("off-flag", True))
    assert (d.value, d.reason) == (True, Reason.DISABLED)  # the caller's default
    d = check(of.get_boolean_details("future-rule", False))
    assert (d.value, d.reason) == (True, Reason.UNKNOWN)

    cached = _client(server, "live-cached", {**auth, "Cache-Control": "max-age=300"})
    d = check(cached.get_boolean_details("static-on", False))
    assert (d.value, d.reason) == (True, Reason.CACHED)

    # The flag store becomes unreadable: the server serves its last snapshot, STALE.
    db = sqlite3.connect(server.var_dir / "companyos.db", timeout=30)
    try:
        db.execute("ALTER TABLE tenant_flags RENAME TO tenant_flags_away")
        db.commit()
        time.sleep(CHECK_SECONDS + 0.05)  # the server revalidates its snapshot once it is past the bound
        d = check(of.get_boolean_details("static-on", False))
        assert (d.value, d.reason) == (True, Reason.STALE)
    finally:
        db.execute("ALTER TABLE tenant_flags_away RENAME TO tenant_flags")
        db.commit()
        db.close()

    d = check(of.get_boolean_details("no-such-flag", False))
    assert (d.value, d.reason, d.error_code) == (False, Reason.ERROR, ErrorCode.FLAG_NOT_FOUND)
    d = check(of.get_boolean_details("new-editor", True, EvaluationContext("u", {"app_version": "latest"})))
    assert (d.value, d.error_code) == (True, ErrorCode.PARSE_ERROR)
    d = check(of.get_boolean_details("canary", False, EvaluationContext(None, {"plan": "pro"})))
    assert d.error_code == ErrorCode.TARGETING_KEY_MISSING
    d = check(of.get_integer_details("seat-limit", 1, EvaluationContext("u", {"seats": "many"})))
    assert (d.value, d.error_code) == (1, ErrorCode.INVALID_CONTEXT)
    d = check(of.get_boolean_details("plan-ui", False))
    assert d.error_code == ErrorCode.TYPE_MISMATCH
    unauthenticated = _client(server, "live-anonymous", {"Authorization": "Bearer not-a-token"})
    d = check(unauthenticated.get_boolean_details("static-on", False))
    assert (d.value, d.error_code) == (False, ErrorCode.GENERAL)

    assert {r.value for r in reasons} == set(evaluator.REASONS)
    assert {e.value for e in errors} >= {
        "FLAG_NOT_FOUND",
        "PARSE_ERROR",
        "TARGETING_KEY_MISSING",
        "INVALID_CONTEXT",
        "GENERAL",
        "TYPE_MISMATCH",
    }


def _random_context(rng: random.Random) -> dict[str, Any]:
    ctx: dict[str, Any] = {}
    if rng.random() < 0.95:
        ctx["targetingKey"] = f"user-{rng.randrange(10**9)}"
    if rng.random() < 0.5:
        ctx["plan"] = rng.choice(["free", "pro", "enterprise"])
    if rng.random() < 0.5:
        ctx["seats"] = rng.choice([1, 10, 49, 50, 51, 500, "many"])
    if rng.random() < 0.5:
        ctx["country"] = rng.choice(["DE", "FR", "US", "JP"])
        ctx["email"] = rng.choice(["a@acme.example", "b@other.example"])
    if rng.random() < 0.5:
        ctx["org"] = f"org-{rng.randrange(100)}"
    if rng.random() < 0.5:
        ctx["app_version"] = rng.choice(["1.0.0", "1.9.9", "2.0.0", "3.1.4", "latest"])
    return ctx


# Contexts sent over HTTP (one bulk request each, every 10th context); the server's bulk evaluation of all
# 10k runs its own code (``ofrep.evaluate_all``) on the live server's database, and the HTTP sample must
# answer exactly that: 10k HTTP round trips took minutes on a loaded machine without checking more.
HTTP_EVERY = 10


def test_in_process_provider_agrees_with_the_server_on_10k_contexts(server: LiveServer) -> None:
    from companyos_server.domains.features import ofrep
    from companyos_server.platform.storage import Database

    client_id, secret = _service(server)
    auth = companyos.ClientCredentials(client_id, secret, issuer=f"{server.url}/oauth2")
    rng = random.Random(20261204)
    contexts = [_random_context(rng) for _ in range(10_000)]
    db = Database(f"sqlite:///{server.var_dir / 'companyos.db'}")
    try:
        results = []
        for ctx in contexts:
            body, status, _ = ofrep.evaluate_all(db, "acme", "production", {"context": ctx})
            assert status == 200 and body is not None
            results.append(body["flags"])
    finally:
        db.dispose()
    with companyos.Client(
        base_url=server.url, auth=auth, tenant="acme", environment="production", max_retries=2
    ) as client:
        provider = CompanyOSProvider(client, environment="production", max_age=3600)
        provider.initialize()
        assert {f["key"] for f in VECTORS["flags"]} <= set(provider._flags)

        def remote(ctx: dict[str, Any]) -> list[dict[str, Any]]:
            return client.flags.ofrep_evaluate_all("production", context=ctx)["flags"]

        sample = contexts[::HTTP_EVERY]
        with ThreadPoolExecutor(max_workers=4) as pool:
            over_http = list(pool.map(remote, sample))
        assert over_http == results[::HTTP_EVERY]
        disagreements = []
        for ctx, flags in zip(contexts, results, strict=True):
            for item in flags:
                local = evaluator.ofrep_result(provider.resolve(item["key"], ctx))
                if local != item:
                    disagreements.append((ctx, item, local))
    assert disagreements == []
    outcomes = {item.get("reason") or item["errorCode"] for flags in results for item in flags}
    assert outcomes >= {"STATIC", "DEFAULT", "TARGETING_MATCH", "SPLIT", "DISABLED", "UNKNOWN", "PARSE_ERROR"}
