from enum import StrEnum


class MaestroVerificationChecklistSource(StrEnum):
    INCIDENT = "incident"
    RUN = "run"

    def __str__(self) -> str:
        return str(self.value)
