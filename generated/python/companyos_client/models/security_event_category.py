from enum import StrEnum


class SecurityEventCategory(StrEnum):
    ADMIN = "admin"
    AUTHENTICATION = "authentication"
    AUTHORIZATION = "authorization"
    CONFIG = "config"
    DEPLOY = "deploy"
    NETWORK = "network"
    OTHER = "other"
    SUPPLY_CHAIN = "supply_chain"

    def __str__(self) -> str:
        return str(self.value)
