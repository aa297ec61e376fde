"""Recorded alert occurrences as firing masks, scored like replayed rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from companyos_server.domains.alerts.occurrences import Occurrence
from companyos_server.domains.slos import observed, quality

SINCE = datetime(2026, 12, 1, tzinfo=UTC)


def at(minute: float) -> datetime:
    return SINCE + timedelta(minutes=minute)


def test_occurrences_become_minute_masks_clipped_to_the_period() -> None:
    masks = observed.firing_masks(
        [
            Occurrence("A", at(10), at(12.5), "import"),  # minutes 10, 11, 12
            Occurrence("A", at(-30), at(2), "import"),  # started before the period
            Occurrence("B", at(55), None, "alertmanager"),  # still firing: to the end
            Occurrence("B", at(20), at(20.2), "alertmanager"),  # shorter than a minute: its minute
            Occurrence("C", at(90), at(95), "import"),  # after the period
        ],
        SINCE,
        60,
    )
    assert sorted(masks) == ["A", "B"]
    assert np.flatnonzero(masks["A"]).tolist() == [0, 1, 10, 11, 12]
    assert np.flatnonzero(masks["B"]).tolist() == [20, *range(55, 60)]


def test_scores_match_the_replay_scoring_and_list_the_noisiest_first() -> None:
    burns = [quality.Episode(100, 130)]
    occurrences = [Occurrence("noisy", at(m), at(m + 3), "import") for m in (10, 40, 70, 160, 190)]
    occurrences.append(Occurrence("good", at(105), at(140), "alertmanager"))
    found = observed.scores(observed.firing_masks(occurrences, SINCE, 240), burns)
    assert [q["alert_name"] for q in found] == ["noisy", "good"]
    noisy, good = found
    assert (noisy["pages"], noisy["precision"], noisy["recall"], noisy["missed_burns"]) == (5, 0.0, 0.0, 1)
    assert (good["pages"], good["precision"], good["recall"]) == (1, 1.0, 1.0)
    assert (good["detection_minutes"], good["reset_minutes"]) == (5.0, 10.0)
