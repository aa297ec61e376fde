from enum import StrEnum


class PolicySource(StrEnum):
    BUILTIN = "builtin"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
