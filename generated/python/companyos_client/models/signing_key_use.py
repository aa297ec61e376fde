from enum import StrEnum


class SigningKeyUse(StrEnum):
    AUDIT = "audit"
    EVIDENCE = "evidence"

    def __str__(self) -> str:
        return str(self.value)
