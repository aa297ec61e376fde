from enum import StrEnum


class OfrepEvaluateFlagsEnvironment(StrEnum):
    PRODUCTION = "production"
    SANDBOX = "sandbox"
    STAGING = "staging"

    def __str__(self) -> str:
        return str(self.value)
