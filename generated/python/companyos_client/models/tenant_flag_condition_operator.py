from enum import StrEnum


class TenantFlagConditionOperator(StrEnum):
    CONTAINS = "contains"
    ENDS_WITH = "ends_with"
    EXISTS = "exists"
    GT = "gt"
    GTE = "gte"
    IN = "in"
    LT = "lt"
    LTE = "lte"
    MATCHES = "matches"
    NOT_IN = "not_in"
    SEMVER_GTE = "semver_gte"
    SEMVER_LT = "semver_lt"
    STARTS_WITH = "starts_with"

    def __str__(self) -> str:
        return str(self.value)
