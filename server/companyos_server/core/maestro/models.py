"""Maestro tables: plan definitions and their versions, runs, steps, run events, effects, SLI samples.

Every table is tenant-owned; stores query them through ``tenant_select``. ``maestro_effects`` carries the
step-level idempotency key (``run_id:step_id`` or ``run_id:step_id:compensate``) under a UNIQUE
constraint: the database itself guarantees an effect is applied at most once per step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, utcnow

RUN_STATES = ("queued", "running", "compensating", "succeeded", "compensated", "failed", "cancelled")
ACTIVE_RUN_STATES = ("queued", "running", "compensating")
TERMINAL_RUN_STATES = ("succeeded", "compensated", "failed", "cancelled")
STEP_STATES = ("pending", "running", "retrying", "succeeded", "failed", "skipped")


class PlanRow(TenantOwned, Base):
    """The current head of a plan; every version (the head too) is kept in ``maestro_plan_versions``."""

    __tablename__ = "maestro_plans"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    risk: Mapped[str] = mapped_column(String(20), nullable=False, default="normal")
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (UniqueConstraint("tenant_id", "name", name="uq_maestro_plans_tenant_name"),)


class PlanVersionRow(TenantOwned, Base):
    __tablename__ = "maestro_plan_versions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    risk: Mapped[str] = mapped_column(String(20), nullable=False, default="normal")
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (UniqueConstraint("plan_id", "version", name="uq_maestro_plan_versions_plan_version"),)


class RunRow(TenantOwned, Base):
    __tablename__ = "maestro_runs"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    plan_version: Mapped[int] = mapped_column(Integer, nullable=False)
    plan_name: Mapped[str] = mapped_column(String(200), nullable=False)
    state: Mapped[str] = mapped_column(String(20), nullable=False, default="queued", index=True)
    risk: Mapped[str] = mapped_column(String(20), nullable=False, default="normal")
    current_step: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    job_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    actor_kind: Mapped[str] = mapped_column(String(20), nullable=False, default="user")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Lease: the worker executing the run refreshes heartbeat_at; an expired one means a dead worker.
    lease_owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    recoveries: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    evidence_pack_id: Mapped[str | None] = mapped_column(String(80), nullable=True)


class RunStepRow(TenantOwned, Base):
    __tablename__ = "maestro_run_steps"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    run_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    step_id: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(64), nullable=False)
    target: Mapped[str | None] = mapped_column(String(200), nullable=True)
    state: Mapped[str] = mapped_column(String(20), nullable=False, default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    output: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    compensation_state: Mapped[str | None] = mapped_column(String(20), nullable=True)
    compensation_error: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (UniqueConstraint("run_id", "step_id", name="uq_maestro_run_steps_run_step"),)


class RunEventRow(TenantOwned, Base):
    """One row per step transition: the run's live feed (SSE) and its step log (evidence)."""

    __tablename__ = "maestro_run_events"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    run_id: Mapped[str] = mapped_column(String(40), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    step_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    state: Mapped[str] = mapped_column(String(20), nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)

    __table_args__ = (UniqueConstraint("run_id", "seq", name="uq_maestro_run_events_run_seq"),)


class EffectRow(TenantOwned, Base):
    """An effect the default (recording) adapter applied. The idempotency key is UNIQUE."""

    __tablename__ = "maestro_effects"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    run_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    step_id: Mapped[str] = mapped_column(String(64), nullable=False)
    kind: Mapped[str] = mapped_column(String(64), nullable=False)
    target: Mapped[str] = mapped_column(String(200), nullable=False)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    idempotency_key: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class SliSampleRow(TenantOwned, Base):
    """A service level indicator sample: ``good`` of ``total`` events at ``ts`` (one bucket)."""

    __tablename__ = "sli_samples"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    service_ref: Mapped[str] = mapped_column(String(200), nullable=False)
    ts: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    good: Mapped[int] = mapped_column(BigInteger, nullable=False)
    total: Mapped[int] = mapped_column(BigInteger, nullable=False)
    # endpoint / task / region / segment; ``series`` is their canonical key ("" unlabelled), which a
    # re-sent sample replaces by together with ``ts``.
    labels: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    series: Mapped[str] = mapped_column(String(900), nullable=False, default="", server_default="")

    __table_args__ = (Index("ix_sli_samples_tenant_service_ts", "tenant_id", "service_ref", "ts"),)


# Samples that measure the service as a whole (or a slice of its traffic), not one SLI of several (their
# ``series`` starts with ``sli:``, services/sli.py): what the service's SLO summary, Maestro's verification
# and SLO Doctor's service-wide series read.
SERVICE_WIDE = ~SliSampleRow.series.startswith("sli:")
