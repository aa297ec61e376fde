from enum import StrEnum


class GetAnalyticsActiveUsersRole(StrEnum):
    PLATFORM_ENGINEER = "platform_engineer"
    SECURITY_ANALYST = "security_analyst"
    SRE = "sre"
    TENANT_ADMIN = "tenant_admin"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
