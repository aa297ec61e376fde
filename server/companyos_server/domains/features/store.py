"""Feature registry, state transitions, rollout requests, experiments and exposures.

Every query is tenant-filtered (``tenant_select``); rows never cross tenants.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    case,
    distinct,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class FeatureRow(TenantOwned, Base):
    __tablename__ = "features"
    __table_args__ = (UniqueConstraint("tenant_id", "key", name="uq_features_key"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(63), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    owner: Mapped[str] = mapped_column(String(200), nullable=False)
    problem: Mapped[str] = mapped_column(Text, nullable=False, default="")
    hypothesis: Mapped[str] = mapped_column(Text, nullable=False, default="")
    state: Mapped[str] = mapped_column(String(20), nullable=False)
    objectives: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    kpis: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    personas: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    tenants: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    links: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    evidence: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class FeatureTransitionRow(TenantOwned, Base):
    __tablename__ = "feature_transitions"
    __table_args__ = (Index("ix_feature_transitions_feature", "tenant_id", "feature_id", "at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    feature_id: Mapped[str] = mapped_column(String(40), nullable=False)
    from_state: Mapped[str] = mapped_column(String(20), nullable=False)
    to_state: Mapped[str] = mapped_column(String(20), nullable=False)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    evidence: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class RolloutRow(TenantOwned, Base):
    __tablename__ = "feature_rollouts"
    __table_args__ = (Index("ix_feature_rollouts_due", "status", "auto_advance"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    flag_key: Mapped[str] = mapped_column(String(63), nullable=False)
    environment: Mapped[str] = mapped_column(String(20), nullable=False)
    stages: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    bake_seconds: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    gates: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    requester: Mapped[str] = mapped_column(String(200), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    approvals: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    current_percentage: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    history: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    plan: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    auto_advance: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    next_stage_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Moved by every change: a scheduled step claims the row with a conditional UPDATE on it.
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class ExperimentRow(TenantOwned, Base):
    __tablename__ = "feature_experiments"
    __table_args__ = (UniqueConstraint("tenant_id", "key", name="uq_feature_experiments_key"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(63), nullable=False)
    flag_key: Mapped[str] = mapped_column(String(63), nullable=False)
    environment: Mapped[str] = mapped_column(String(20), nullable=False)
    control: Mapped[str] = mapped_column(String(63), nullable=False)
    treatment: Mapped[str] = mapped_column(String(63), nullable=False)
    weights: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    metric: Mapped[str] = mapped_column(String(100), nullable=False)
    guardrails: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    guardrail_max_drop: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    decision: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    concluded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ExposureRow(TenantOwned, Base):
    __tablename__ = "feature_exposures"
    __table_args__ = (Index("ix_feature_exposures_experiment", "tenant_id", "experiment_id", "variant"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    experiment_id: Mapped[str] = mapped_column(String(40), nullable=False)
    subject: Mapped[str] = mapped_column(String(200), nullable=False)
    variant: Mapped[str] = mapped_column(String(63), nullable=False)
    converted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class ExposureMetricRow(TenantOwned, Base):
    """Whether one exposed subject hit one guardrail metric (e.g. ``checkout_completed``)."""

    __tablename__ = "feature_exposure_metrics"
    __table_args__ = (
        Index("ix_feature_exposure_metrics_experiment", "tenant_id", "experiment_id", "metric", "variant"),
    )

    exposure_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    metric: Mapped[str] = mapped_column(String(100), primary_key=True)
    experiment_id: Mapped[str] = mapped_column(String(40), nullable=False)
    variant: Mapped[str] = mapped_column(String(63), nullable=False)
    hit: Mapped[bool] = mapped_column(Boolean, nullable=False)


# -- queries ---------------------------------------------------------------------------------------
def get_feature(session: Session, tenant_id: str, feature_id: str) -> FeatureRow | None:
    query = tenant_select(FeatureRow, tenant_id).where(
        (FeatureRow.id == feature_id) | (FeatureRow.key == feature_id)
    )
    return session.scalars(query).first()


def features_page(
    session: Session, tenant_id: str, *, after: str | None, limit: int, state: str | None = None
) -> list[FeatureRow]:
    query = tenant_select(FeatureRow, tenant_id).order_by(FeatureRow.key).limit(limit)
    if after:
        query = query.where(FeatureRow.key > after)
    if state:
        query = query.where(FeatureRow.state == state)
    return list(session.scalars(query))


def all_features(session: Session, tenant_id: str) -> list[FeatureRow]:
    return list(session.scalars(tenant_select(FeatureRow, tenant_id).order_by(FeatureRow.key)))


def transitions(session: Session, tenant_id: str, feature_id: str) -> list[FeatureTransitionRow]:
    query = (
        tenant_select(FeatureTransitionRow, tenant_id)
        .where(FeatureTransitionRow.feature_id == feature_id)
        .order_by(FeatureTransitionRow.at, FeatureTransitionRow.id)
    )
    return list(session.scalars(query))


def get_rollout(session: Session, tenant_id: str, rollout_id: str) -> RolloutRow | None:
    return session.scalars(tenant_select(RolloutRow, tenant_id).where(RolloutRow.id == rollout_id)).first()


def rollouts_page(session: Session, tenant_id: str, *, after: str | None, limit: int) -> list[RolloutRow]:
    query = tenant_select(RolloutRow, tenant_id).order_by(RolloutRow.id).limit(limit)
    if after:
        query = query.where(RolloutRow.id > after)
    return list(session.scalars(query))


def get_experiment(session: Session, tenant_id: str, experiment_id: str) -> ExperimentRow | None:
    query = tenant_select(ExperimentRow, tenant_id).where(
        (ExperimentRow.id == experiment_id) | (ExperimentRow.key == experiment_id)
    )
    return session.scalars(query).first()


def experiments_page(
    session: Session, tenant_id: str, *, after: str | None, limit: int
) -> list[ExperimentRow]:
    query = tenant_select(ExperimentRow, tenant_id).order_by(ExperimentRow.key).limit(limit)
    if after:
        query = query.where(ExperimentRow.key > after)
    return list(session.scalars(query))


def exposure_counts(session: Session, tenant_id: str, experiment_id: str) -> dict[str, tuple[int, int]]:
    """variant -> (exposed subjects, converted subjects): a subject exposed again counts once, and as
    converted when any of its exposures converted."""
    converted = case((ExposureRow.converted.is_(True), ExposureRow.subject))
    query = (
        select(
            ExposureRow.variant, func.count(distinct(ExposureRow.subject)), func.count(distinct(converted))
        )
        .where(ExposureRow.tenant_id == tenant_id, ExposureRow.experiment_id == experiment_id)
        .group_by(ExposureRow.variant)
    )
    return {variant: (int(n), int(c or 0)) for variant, n, c in session.execute(query)}


def guardrail_counts(
    session: Session, tenant_id: str, experiment_id: str
) -> dict[tuple[str, str], tuple[int, int]]:
    """(metric, variant) -> (subjects measured, subjects that hit the metric), each subject once."""
    hit = case((ExposureMetricRow.hit.is_(True), ExposureRow.subject))
    query = (
        select(
            ExposureMetricRow.metric,
            ExposureMetricRow.variant,
            func.count(distinct(ExposureRow.subject)),
            func.count(distinct(hit)),
        )
        .join(ExposureRow, ExposureRow.id == ExposureMetricRow.exposure_id)
        .where(ExposureMetricRow.tenant_id == tenant_id, ExposureMetricRow.experiment_id == experiment_id)
        .where(ExposureRow.tenant_id == tenant_id)
        .group_by(ExposureMetricRow.metric, ExposureMetricRow.variant)
    )
    return {(metric, variant): (int(n), int(h or 0)) for metric, variant, n, h in session.execute(query)}


def scheduled_rollouts(session: Session, statuses: tuple[str, ...]) -> list[tuple[str, str]]:
    """(tenant, rollout) of every rollout that advances on its own, across tenants: the scheduler then
    works on each inside its tenant (every later read goes through ``get_rollout``)."""
    query = (
        select(RolloutRow.tenant_id, RolloutRow.id)
        .where(RolloutRow.status.in_(statuses), RolloutRow.auto_advance.is_(True))
        .order_by(RolloutRow.id)
    )
    return [(t, i) for t, i in session.execute(query)]
