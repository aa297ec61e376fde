from enum import StrEnum


class MaestroRunState(StrEnum):
    CANCELLED = "cancelled"
    COMPENSATED = "compensated"
    COMPENSATING = "compensating"
    FAILED = "failed"
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
