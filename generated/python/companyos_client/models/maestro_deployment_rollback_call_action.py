from enum import StrEnum


class MaestroDeploymentRollbackCallAction(StrEnum):
    DEPLOYMENT_ROLLBACK = "deployment.rollback"

    def __str__(self) -> str:
        return str(self.value)
