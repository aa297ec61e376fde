"""Runtime configuration, read from ``COMPANYOS_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


def _default_var_dir() -> Path:
    return REPO_ROOT / "var"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COMPANYOS_", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    var_dir: Path = Field(default_factory=_default_var_dir)
    database_url: str | None = None
    redis_url: str | None = None
    public_base_url: str = "http://127.0.0.1:8080"

    # Identity: the built-in provider is the default issuer; production names external ones.
    oidc_issuer: str | None = None
    oidc_audience: str = "companyos-api"
    oidc_trusted_issuers: list[str] = Field(default_factory=list)
    oidc_algorithms: list[str] = Field(default_factory=lambda: ["RS256", "ES256", "EdDSA"])
    oidc_leeway_seconds: int = Field(default=30, ge=0, le=60)
    builtin_idp: bool = True
    access_token_ttl_seconds: int = 900

    # Server processes serving this var dir (`serve --workers` sets it for them): with more than one and
    # no Redis, rate limits are shared through a SQLite file under var_dir instead of process memory.
    workers: int = Field(default=1, ge=1)
    # Threads that run (synchronous) handlers per worker: few enough that they do not fight over the GIL
    # at high concurrency, enough to overlap database round trips.
    handler_threads: int = Field(default=8, ge=1, le=200)
    # How often allowed-read policy decisions are written in batches (a crash loses at most this much).
    decision_flush_seconds: float = Field(default=0.5, gt=0, le=10)

    max_body_bytes: int = 10 * 1024 * 1024
    validate_responses: bool = False
    rate_limit_enabled: bool = True
    # Requests with no valid bearer token (missing, malformed, forged, expired, revoked) on protected
    # operations: requests per COMPANYOS_RATE_LIMIT_WINDOW_SECONDS per client address (tighter than any
    # tier), and counted per (address, reason, window) in auth_failure_counts instead of one audit event
    # each; the closed windows go into one `_platform` audit event every auth_failure_summary_seconds.
    rate_limit_unauthenticated: int = Field(default=30, ge=1)
    auth_failure_window_seconds: int = Field(default=60, ge=1, le=86400)
    auth_failure_summary_seconds: int = Field(default=300, ge=1)
    otel_exporter: Literal["none", "console", "otlp"] = "none"
    log_level: str = "INFO"

    # Jobs: a running attempt renews its lease every third of it; a worker gone longer loses the job,
    # which goes back to the queue until it has had job_max_attempts attempts.
    job_lease_seconds: float = Field(default=60.0, gt=0)
    job_max_attempts: int = Field(default=3, ge=1)

    # Where signed audit checkpoints are mirrored (default: var_dir/audit-witness). Put it where the
    # database's administrators cannot rewrite it, so a truncated or deleted audit chain stays provable.
    audit_witness_dir: Path | None = None

    # Retention (see companyos_server.housekeeping); audit events are never swept.
    policy_decision_retention_days: int = Field(default=30, ge=1)
    auth_failure_retention_days: int = Field(default=30, ge=1)
    housekeeping_interval_seconds: int = Field(default=3600, ge=1)

    # How often each server process copies new audit events into security events and runs detection
    # (companyos_server.domains.secops.feed); 0 turns the follower off (POST …/security-events/sync only).
    secops_feed_interval_seconds: float = Field(default=2.0, ge=0)
    # How often each server process copies new ops records into the analytics store
    # (companyos_server.domains.analytics.follower); 0 turns it off (POST …/analytics/ops-sync only).
    analytics_ops_sync_interval_seconds: float = Field(default=60.0, ge=0)
    # Analytics events older than this many days move from the hot store into the cold Parquet tier
    # (companyos_server.domains.analytics.coldtier), checked every analytics_tier_interval_seconds by
    # each server process (one at a time per partition); 0 turns the pass off (`companyos-server
    # analytics tier` only).
    analytics_hot_days: int = Field(default=30, ge=1)
    analytics_tier_interval_seconds: float = Field(default=3600.0, ge=0)
    # How often each server process delivers due scheduled reports
    # (companyos_server.domains.analytics.schedules); 0 turns the scheduler off (POST …/run only).
    analytics_schedule_interval_seconds: float = Field(default=60.0, ge=0)
    # How often each server process advances due rollouts and watches the gates of baking ones
    # (companyos_server.domains.features.scheduler); 0 turns it off (POST …/rollouts/{id}/advance only).
    rollout_schedule_interval_seconds: float = Field(default=15.0, ge=0)

    @property
    def issuer(self) -> str:
        return self.oidc_issuer or f"{self.public_base_url}/oauth2"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.var_dir / 'companyos.db'}"

    @property
    def is_development(self) -> bool:
        return self.env in ("development", "test")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
