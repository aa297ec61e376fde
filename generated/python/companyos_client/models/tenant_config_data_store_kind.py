from enum import StrEnum


class TenantConfigDataStoreKind(StrEnum):
    ANALYTICS = "analytics"
    BACKUP = "backup"
    DATABASE = "database"
    EXPORT = "export"
    OBJECT_STORE = "object_store"

    def __str__(self) -> str:
        return str(self.value)
