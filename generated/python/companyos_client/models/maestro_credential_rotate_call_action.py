from enum import StrEnum


class MaestroCredentialRotateCallAction(StrEnum):
    CREDENTIAL_ROTATE = "credential.rotate"

    def __str__(self) -> str:
        return str(self.value)
