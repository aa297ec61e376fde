from enum import StrEnum


class SloVerificationKind(StrEnum):
    BUSY_ERROR_RATE = "busy_error_rate"
    ERROR_RATE_P95 = "error_rate_p95"
    PAGES_PER_WEEK = "pages_per_week"
    RUNBOOK_PRESENT = "runbook_present"

    def __str__(self) -> str:
        return str(self.value)
