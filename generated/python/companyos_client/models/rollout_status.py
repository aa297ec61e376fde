from enum import StrEnum


class RolloutStatus(StrEnum):
    APPROVED = "approved"
    COMPLETED = "completed"
    PENDING_APPROVAL = "pending_approval"
    REJECTED = "rejected"
    ROLLED_BACK = "rolled_back"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
