from enum import StrEnum


class Residency(StrEnum):
    APAC = "apac"
    EU = "eu"
    US = "us"

    def __str__(self) -> str:
        return str(self.value)
