from enum import StrEnum


class TenantEnvironment(StrEnum):
    PRODUCTION = "production"
    SANDBOX = "sandbox"
    STAGING = "staging"

    def __str__(self) -> str:
        return str(self.value)
