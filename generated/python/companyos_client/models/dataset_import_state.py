from enum import StrEnum


class DatasetImportState(StrEnum):
    ROLLED_BACK = "rolled_back"
    STARTED = "started"
    UPLOADING = "uploading"

    def __str__(self) -> str:
        return str(self.value)
