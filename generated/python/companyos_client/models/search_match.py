from enum import StrEnum


class SearchMatch(StrEnum):
    BODY = "body"
    EXACT = "exact"
    NAME = "name"
    PREFIX = "prefix"

    def __str__(self) -> str:
        return str(self.value)
