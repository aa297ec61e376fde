"""`companyos-server`: migrate, seed, serve, worker, housekeeping, rotate keys, analytics tier. Used by ./dev and
by operators."""

from __future__ import annotations

import argparse
import json
import os
import sys

from companyos_server.platform.migrations import migrate
from companyos_server.platform.runtime import Runtime, set_runtime
from companyos_server.settings import get_settings


def _runtime() -> Runtime:
    """The process's runtime: domain code reaches it with get_runtime(), as it does under the server."""
    runtime = Runtime(get_settings())
    set_runtime(runtime)
    return runtime


def cmd_migrate(_: argparse.Namespace) -> int:
    runtime = _runtime()
    migrate(runtime.db, var_dir=runtime.settings.var_dir)
    print(f"database migrated: {runtime.db.engine.url.render_as_string(hide_password=True)}")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from companyos_server.seed import seed_development

    runtime = _runtime()
    creds = seed_development(runtime)
    if args.json:
        print(json.dumps(creds, indent=2))
    return 0


def private_umask() -> None:
    """For the long-running processes (and the server workers they start): whatever they create is for
    their owner alone. Files under the var dir are created 0600 on purpose anyway (platform/files.py);
    this covers what a library creates on its own."""
    os.umask(0o077)


def default_workers() -> int:
    """One server process per core (COMPANYOS_WORKERS overrides): Python serves one request per core."""
    configured = os.environ.get("COMPANYOS_WORKERS", "").strip()
    if configured:
        return int(configured)
    return max(1, os.cpu_count() or 1)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        print("companyos-server: --workers must be at least 1", file=sys.stderr)
        return 2
    # The workers read it through their settings: shared rate limits when there are several.
    os.environ["COMPANYOS_WORKERS"] = str(workers)
    private_umask()
    uvicorn.run(
        "companyos_server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=workers,
        log_level="warning",
        access_log=False,
        proxy_headers=False,
        loop="uvloop",
        http="httptools",
    )
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Consume every job kind; recovery passes resume plan runs and requeue jobs whose worker died."""
    import logging
    import threading

    from companyos_server.housekeeping import start_housekeeping_thread

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    private_umask()
    runtime = _runtime()
    maestro = runtime.maestro
    stop = threading.Event()

    def recovery_loop() -> None:
        while not stop.is_set():
            try:
                maestro.recover()
            except Exception:
                logging.getLogger("companyos.maestro").exception("maestro recovery pass failed")
            try:
                runtime.jobs.recover_lost()
            except Exception:
                logging.getLogger("companyos.jobs").exception("lost-job recovery pass failed")
            stop.wait(max(min(maestro.lease_seconds, runtime.settings.job_lease_seconds) / 2, 0.5))

    threading.Thread(target=recovery_loop, name="maestro-recovery", daemon=True).start()
    start_housekeeping_thread(runtime.db, runtime.settings, stop)
    print(f"companyos worker: backend={runtime.jobs.ping()} workers={args.workers}", file=sys.stderr)
    try:
        runtime.jobs.run_worker(workers=args.workers)
    finally:
        stop.set()
    return 0


def cmd_housekeeping(args: argparse.Namespace) -> int:
    from companyos_server.housekeeping import run_housekeeping

    runtime = _runtime()
    removed = run_housekeeping(runtime.db, runtime.settings)
    if args.json:
        print(json.dumps(removed, indent=2, sort_keys=True))
    else:
        for name, count in removed.items():
            print(f"{name}: {'failed (see the log)' if count < 0 else f'{count} removed'}")
    return 1 if any(count < 0 for count in removed.values()) else 0


def cmd_rotate_keys(_: argparse.Namespace) -> int:
    kid = _runtime().keys.rotate()
    print(f"new signing key: {kid} (previous keys stay published until their tokens expire)")
    return 0


def cmd_rotate_secrets_key(_: argparse.Namespace) -> int:
    from companyos_server.platform.encryption import SecretKeyring, SecretsKeyError
    from companyos_server.platform.identity.sealing import rotate_secrets_key

    runtime = _runtime()
    try:
        rotation = rotate_secrets_key(runtime.db, SecretKeyring.for_var_dir(runtime.settings.var_dir))
    except SecretsKeyError as exc:
        print(f"companyos-server: nothing rotated: {exc}", file=sys.stderr)
        return 1
    retired = ", ".join(rotation.retired) or "none"
    print(
        f"new secrets key: {rotation.key_id}; re-encrypted {rotation.reencrypted} TOTP secret(s);"
        f" retired keys: {retired}"
    )
    if rotation.kept:
        print(f"still in use, kept: {', '.join(rotation.kept)}", file=sys.stderr)
    return 0


def cmd_analytics_tier(args: argparse.Namespace) -> int:
    """One cold tier pass now: settle what a stopped pass left, move old events to Parquet, compact."""
    from companyos_server.domains.analytics import coldtier
    from companyos_server.domains.analytics.warehouse import Warehouse

    settings = get_settings()
    days = settings.analytics_hot_days if args.older_than_days is None else args.older_than_days
    if days < 0:
        print("companyos-server: --older-than-days must be 0 or more", file=sys.stderr)
        return 2
    store = Warehouse.from_settings(settings.var_dir)
    if store.cold_root() is None:
        print("nothing to do: a ClickHouse server moves old parts with its own TTL rules (see the runbook)")
        return 0
    stored = store.stored_regions()
    unknown = sorted(set(args.region or ()) - set(stored))
    if unknown:
        print(f"companyos-server: no analytics partition {', '.join(unknown)} (stored: {', '.join(stored) or 'none'})",
              file=sys.stderr)  # fmt: skip
        return 2
    # Shared: open the DuckDB file per operation, taking turns with serving workers instead of locking
    # them out; wait for a pass another process is running rather than skip.
    store.shared = True
    try:
        reports = coldtier.run(store, older_than_days=days, regions=args.region or stored, wait=120.0)
    finally:
        store.close()
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], indent=2))
    elif not reports:
        print("nothing to do: no analytics partition is stored yet")
    for r in reports if not args.json else []:
        if r.skipped:
            print(f"{r.region}: skipped: {r.skipped}")
            continue
        print(
            f"{r.region}: moved {r.moved_rows} rows older than {days} days into {r.moved_files} files "
            f"({r.moved_bytes} bytes); compacted {r.compacted_files} files into {r.compacted_days} "
            f"({r.compacted_rows} rows); settled {r.healed_files} pending files, removed {r.orphans_removed} orphans"
        )
        for problem in r.problems:
            print(f"{r.region}: {problem}", file=sys.stderr)
    return 1 if any(r.skipped or r.problems for r in reports) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="companyos-server", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="bring the database schema to head").set_defaults(func=cmd_migrate)
    seed = sub.add_parser("seed", help="seed demo tenants and dev identities (development only)")
    seed.add_argument("--json", action="store_true", help="print the dev credentials as JSON")
    seed.set_defaults(func=cmd_seed)
    serve = sub.add_parser("serve", help="serve the API with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="server processes (default: COMPANYOS_WORKERS, else one per core)",
    )
    serve.set_defaults(func=cmd_serve)
    worker = sub.add_parser("worker", help="consume background jobs (imports, exports, plan runs)")
    worker.add_argument("--workers", type=int, default=2)
    worker.set_defaults(func=cmd_worker)
    housekeeping = sub.add_parser(
        "housekeeping", help="one retention pass: expired idempotency keys, revoked tokens, old decisions"
    )
    housekeeping.add_argument("--json", action="store_true", help="print rows removed per sweep as JSON")
    housekeeping.set_defaults(func=cmd_housekeeping)
    sub.add_parser("rotate-keys", help="rotate the OIDC signing key").set_defaults(func=cmd_rotate_keys)
    sub.add_parser(
        "rotate-secrets-key", help="new key for secrets encrypted at rest (TOTP); re-encrypts them all"
    ).set_defaults(func=cmd_rotate_secrets_key)
    analytics = sub.add_parser("analytics", help="analytics store maintenance")
    analytics_sub = analytics.add_subparsers(dest="analytics_command", required=True)
    tier = analytics_sub.add_parser(
        "tier", help="move events older than COMPANYOS_ANALYTICS_HOT_DAYS to the cold Parquet tier, compact"
    )
    tier.add_argument("--region", action="append", help="only this partition (repeatable; default: all)")
    tier.add_argument(
        "--older-than-days", type=int, default=None, help="default: COMPANYOS_ANALYTICS_HOT_DAYS"
    )
    tier.add_argument("--json", action="store_true", help="print one report per partition as JSON")
    tier.set_defaults(func=cmd_analytics_tier)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except RuntimeError as exc:
        print(f"companyos-server: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
