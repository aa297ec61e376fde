from enum import StrEnum


class ServiceDataLocation(StrEnum):
    APAC = "apac"
    EU = "eu"
    US = "us"

    def __str__(self) -> str:
        return str(self.value)
