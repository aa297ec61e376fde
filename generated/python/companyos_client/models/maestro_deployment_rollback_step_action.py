from enum import StrEnum


class MaestroDeploymentRollbackStepAction(StrEnum):
    DEPLOYMENT_ROLLBACK = "deployment.rollback"

    def __str__(self) -> str:
        return str(self.value)
