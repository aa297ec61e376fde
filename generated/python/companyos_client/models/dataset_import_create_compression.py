from enum import StrEnum


class DatasetImportCreateCompression(StrEnum):
    GZIP = "gzip"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
