from enum import StrEnum


class ServiceLinkKind(StrEnum):
    GRAFANA = "grafana"
    LOKI = "loki"
    PROMETHEUS = "prometheus"
    RUNBOOK = "runbook"

    def __str__(self) -> str:
        return str(self.value)
