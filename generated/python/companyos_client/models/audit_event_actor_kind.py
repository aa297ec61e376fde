from enum import StrEnum


class AuditEventActorKind(StrEnum):
    ANONYMOUS = "anonymous"
    CLIENT = "client"
    SYSTEM = "system"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
