"""Alert quality, judged as the SRE Workbook does (ch. 5): precision, recall, detection time, reset time.

The ground truth is the **significant budget burns** of a service's own history: maximal runs of minutes
burning faster than the budget allows (burn rate above 1), merged across short gaps, that together spent at
least a set share of the window's budget. An alert policy is replayed over the same per-minute history
(:func:`replay`), and its firing episodes are matched against those burns:

- an episode is **true** when it overlaps a significant burn; precision = true episodes / episodes;
- a burn is **detected** when an episode starts before the burn ends and ends after it starts;
  recall = detected burns / burns;
- **detection time** is episode start - burn start for each detected burn (0 when already firing);
  **reset time** is episode end - burn end (how long the page stays open after the burn stopped);
- **pages per week** counts episodes per 7 days of history.

A backtest (:func:`backtest`) replays the current and a proposed policy over the same history, so a
recommendation's impact is measured, not asserted: pages before/after and significant burns missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import numpy.typing as npt

from companyos_server.domains.slos.budget import (
    WORKBOOK_POLICY,
    BurnRateRule,
    Objective,
    evaluate_policy,
    trailing_sums,
)

MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Episode:
    """Minutes ``start`` (inclusive) to ``end`` (exclusive) of a per-minute series."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Episode) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class StaticThresholdRule:
    """The classic alert: fire while the error rate over ``window`` is at least ``error_rate``."""

    name: str
    error_rate: float
    window: timedelta
    min_events: int = 0


@dataclass(frozen=True)
class Quality:
    pages: int
    pages_per_week: float
    precision: float | None
    recall: float | None
    significant_burns: int
    missed_burns: int
    detection_minutes: float | None
    reset_minutes: float | None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "pages": self.pages,
            "pages_per_week": round(self.pages_per_week, 2),
            "precision": None if self.precision is None else round(self.precision, 4),
            "recall": None if self.recall is None else round(self.recall, 4),
            "significant_burns": self.significant_burns,
            "missed_burns": self.missed_burns,
            "detection_minutes": None if self.detection_minutes is None else round(self.detection_minutes, 1),
            "reset_minutes": None if self.reset_minutes is None else round(self.reset_minutes, 1),
        }


def runs(mask: npt.ArrayLike, *, merge_gap: int = 0) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Starts and (exclusive) ends of the maximal runs of True, joined across gaps of at most ``merge_gap``
    False steps; vectorised (no Python loop per run)."""
    flags = np.asarray(mask, dtype=bool)
    edges = np.diff(flags.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    if merge_gap > 0 and starts.size > 1:
        new_run = (starts[1:] - ends[:-1]) > merge_gap
        starts = np.concatenate((starts[:1], starts[1:][new_run]))
        ends = np.concatenate((ends[:-1][new_run], ends[-1:]))
    return starts, ends


def episodes(mask: npt.ArrayLike, *, merge_gap: int = 0) -> list[Episode]:
    """Maximal runs of True, joined when separated by at most ``merge_gap`` False steps."""
    starts, ends = runs(mask, merge_gap=merge_gap)
    return [Episode(start, end) for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]


def significant_burns(
    good: npt.ArrayLike,
    total: npt.ArrayLike,
    objective: Objective,
    *,
    min_budget_share: float = 0.02,
    merge_gap: int = 15,
) -> list[Episode]:
    """Runs of minutes burning above budget that spent at least ``min_budget_share`` of the budget.

    The share spent by a run is its bad events over the window's allowance: total events in the history
    scaled to the window, times the allowed error rate.
    """
    good_a = np.asarray(good, dtype=np.float64)
    total_a = np.asarray(total, dtype=np.float64)
    bad = total_a - good_a
    burning = bad > total_a * objective.allowed_error
    window_minutes = objective.window_days * 24 * 60
    if total_a.size == 0 or total_a.sum() == 0:
        return []
    allowance = total_a.sum() * (window_minutes / total_a.size) * objective.allowed_error
    cumulative_bad = np.concatenate(([0.0], np.cumsum(bad)))
    starts, ends = runs(burning, merge_gap=merge_gap)
    keep = (cumulative_bad[ends] - cumulative_bad[starts]) / allowance >= min_budget_share
    return [
        Episode(start, end) for start, end in zip(starts[keep].tolist(), ends[keep].tolist(), strict=True)
    ]


def replay(
    good: npt.ArrayLike,
    total: npt.ArrayLike,
    objective: Objective,
    rules: Sequence[BurnRateRule | StaticThresholdRule],
    *,
    min_events: int = 0,
    pages_only: bool = True,
) -> npt.NDArray[np.bool_]:
    """Whether any of ``rules`` fires at each minute of the history (ticket rules left out by default)."""
    total_a = np.asarray(total, dtype=np.float64)
    firing = np.zeros(total_a.size, dtype=bool)
    burn_rules = [r for r in rules if isinstance(r, BurnRateRule) and (r.action == "page" or not pages_only)]
    if burn_rules:
        for mask in evaluate_policy(
            good, total, objective, policy=burn_rules, min_events=min_events
        ).values():
            firing |= mask
    good_a = np.asarray(good, dtype=np.float64)
    for rule in rules:
        if not isinstance(rule, StaticThresholdRule):
            continue
        width = max(round(rule.window / MINUTE), 1)
        window_total = trailing_sums(total_a, width)
        window_bad = window_total - trailing_sums(good_a, width)
        enough = (window_total > 0) & (window_total >= rule.min_events)
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(enough, window_bad / np.where(enough, window_total, 1.0), 0.0)
        firing |= enough & (rate >= rule.error_rate)
    return firing


def score(firing: npt.ArrayLike, burns: Sequence[Episode], *, merge_gap: int = 0) -> Quality:
    """Match an alert's firing episodes against the significant burns of the same history."""
    flags = np.asarray(firing, dtype=bool)
    pages = episodes(flags, merge_gap=merge_gap)
    weeks = max(flags.size / (7 * 24 * 60), 1e-9)
    true_pages = sum(1 for page in pages if any(page.overlaps(burn) for burn in burns))
    detections: list[float] = []
    resets: list[float] = []
    missed = 0
    for burn in burns:
        matched = [page for page in pages if page.overlaps(burn)]
        if not matched:
            missed += 1
            continue
        first, last = matched[0], matched[-1]
        detections.append(float(max(first.start - burn.start, 0)))
        resets.append(float(last.end - burn.end))
    return Quality(
        pages=len(pages),
        pages_per_week=len(pages) / weeks,
        precision=true_pages / len(pages) if pages else None,
        recall=(len(burns) - missed) / len(burns) if burns else None,
        significant_burns=len(burns),
        missed_burns=missed,
        detection_minutes=float(np.mean(detections)) if detections else None,
        reset_minutes=float(np.mean(resets)) if resets else None,
    )


@dataclass(frozen=True)
class Backtest:
    current: Quality
    proposed: Quality

    @property
    def page_reduction(self) -> float | None:
        """Share of pages the proposal removes (negative: it adds pages)."""
        if self.current.pages == 0:
            return None
        return 1.0 - self.proposed.pages / self.current.pages

    def as_dict(self) -> dict[str, object]:
        reduction = self.page_reduction
        return {
            "current": self.current.as_dict(),
            "proposed": self.proposed.as_dict(),
            "pages_before": self.current.pages,
            "pages_after": self.proposed.pages,
            "page_reduction": None if reduction is None else round(reduction, 4),
            "significant_burns_missed_before": self.current.missed_burns,
            "significant_burns_missed_after": self.proposed.missed_burns,
        }


def backtest(
    good: npt.ArrayLike,
    total: npt.ArrayLike,
    objective: Objective,
    current: Sequence[BurnRateRule | StaticThresholdRule],
    proposed: Sequence[BurnRateRule | StaticThresholdRule] = WORKBOOK_POLICY,
    *,
    min_events: int = 0,
    min_budget_share: float = 0.02,
) -> Backtest:
    """Replay the history under the current and the proposed rules and score both against its burns."""
    burns = significant_burns(good, total, objective, min_budget_share=min_budget_share)
    return Backtest(
        current=score(replay(good, total, objective, current, min_events=min_events), burns),
        proposed=score(replay(good, total, objective, proposed, min_events=min_events), burns),
    )
