from enum import StrEnum


class SloRecommendationKind(StrEnum):
    BURN_RATE_POLICY = "burn_rate_policy"
    CAPACITY = "capacity"
    CIRCUIT_BREAKER = "circuit_breaker"
    HEDGING = "hedging"
    ROLLBACK = "rollback"
    RUNBOOK = "runbook"
    THRESHOLD_TUNING = "threshold_tuning"

    def __str__(self) -> str:
        return str(self.value)
