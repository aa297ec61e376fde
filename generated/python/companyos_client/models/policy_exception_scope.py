from enum import StrEnum


class PolicyExceptionScope(StrEnum):
    SERVICE = "service"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
