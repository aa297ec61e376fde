from enum import StrEnum


class FeatureLinkKind(StrEnum):
    CODE = "code"
    DASHBOARD = "dashboard"
    DOCS = "docs"
    FLAG = "flag"
    RUNBOOK = "runbook"

    def __str__(self) -> str:
        return str(self.value)
