from enum import StrEnum


class DatasetImportCreateCsvEncoding(StrEnum):
    LATIN_1 = "latin-1"
    UTF_16 = "utf-16"
    UTF_8 = "utf-8"
    WINDOWS_1252 = "windows-1252"

    def __str__(self) -> str:
        return str(self.value)
