from enum import StrEnum


class MaestroCredentialRotateStepAction(StrEnum):
    CREDENTIAL_ROTATE = "credential.rotate"

    def __str__(self) -> str:
        return str(self.value)
