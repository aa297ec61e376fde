from enum import StrEnum


class MaestroAccountLockCallAction(StrEnum):
    ACCOUNT_LOCK = "account.lock"

    def __str__(self) -> str:
        return str(self.value)
