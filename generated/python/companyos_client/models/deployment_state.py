from enum import StrEnum


class DeploymentState(StrEnum):
    FAILED = "failed"
    PENDING = "pending"
    ROLLED_BACK = "rolled_back"
    RUNNING = "running"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
