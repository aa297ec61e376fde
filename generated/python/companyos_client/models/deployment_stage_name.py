from enum import StrEnum


class DeploymentStageName(StrEnum):
    BUILD = "build"
    DEPLOY = "deploy"
    VERIFICATION = "verification"

    def __str__(self) -> str:
        return str(self.value)
