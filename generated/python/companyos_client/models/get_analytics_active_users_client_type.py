from enum import StrEnum


class GetAnalyticsActiveUsersClientType(StrEnum):
    API = "api"
    CLI = "cli"
    CONSOLE = "console"
    MOBILE = "mobile"
    SDK = "sdk"
    SERVER = "server"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
