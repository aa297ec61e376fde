"""``client.alerts`` — the ``alerts`` tag (Alertmanager ingest, the alerts inbox, ingest keys)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import (
    Alert,
    AlertIngestKey,
    AlertIngestKeyWithToken,
    AlertIngestResult,
    AlertmanagerWebhook,
    AlertSeverity,
    AlertStatus,
    Incident,
    IncidentSeverity,
)

from ._base import AsyncAPIResource, SyncAPIResource, call_options
from ._ops import body, op, with_ingest_key

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["Alerts", "AsyncAlerts", "AsyncIngestKeys", "IngestKeys"]


class IngestKeys(SyncAPIResource):
    def list(
        self,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[AlertIngestKey]:
        """List the tenant's Alertmanager ingest keys (never their secrets). Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("list_alert_ingest_keys", tenant, **opts)
        return self._client._paginate(spec)

    def create(
        self,
        *,
        name: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AlertIngestKeyWithToken:
        """Create an Alertmanager ingest key (the token is shown once)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_alert_ingest_key",
            tenant,
            json=body({"name": name}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def rotate(
        self,
        ingest_key_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AlertIngestKeyWithToken:
        """Rotate an ingest key (the old one stops working at once; the new token is shown once)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "rotate_alert_ingest_key",
            tenant,
            path_params={"ingest_key_id": ingest_key_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncIngestKeys(AsyncAPIResource):
    def list(
        self,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[AlertIngestKey]:
        """List the tenant's Alertmanager ingest keys (never their secrets). Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("list_alert_ingest_keys", tenant, **opts)
        return self._client._paginate(spec)

    async def create(
        self,
        *,
        name: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AlertIngestKeyWithToken:
        """Create an Alertmanager ingest key (the token is shown once)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_alert_ingest_key",
            tenant,
            json=body({"name": name}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def rotate(
        self,
        ingest_key_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AlertIngestKeyWithToken:
        """Rotate an ingest key (the old one stops working at once; the new token is shown once)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "rotate_alert_ingest_key",
            tenant,
            path_params={"ingest_key_id": ingest_key_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]


class Alerts(SyncAPIResource):
    @property
    def ingest_keys(self) -> IngestKeys:
        return IngestKeys(self._client)

    def ingest(
        self,
        *,
        payload: AlertmanagerWebhook,
        ingest_key: str,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AlertIngestResult:
        """Receive an Alertmanager webhook notification, authenticated with an ingest key (not the client's token)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("ingest_alertmanager_alerts", tenant, json=payload, idempotency_key=idempotency_key, **opts)
        return with_ingest_key(self._client, ingest_key)._request(spec)  # type: ignore[no-any-return]

    def list(
        self,
        *,
        status: AlertStatus | None = None,
        severity: AlertSeverity | None = None,
        service_id: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Alert]:
        """List the alerts inbox. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_alerts",
            tenant,
            query={"page_size": page_size, "status": status, "severity": severity, "service_id": service_id},
            **opts,
        )
        return self._client._paginate(spec)

    def retrieve(
        self,
        alert_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Alert:
        """Get an alert."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_alert", tenant, path_params={"alert_id": alert_id}, **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def acknowledge(
        self,
        alert_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Alert:
        """Acknowledge an alert."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "acknowledge_alert",
            tenant,
            path_params={"alert_id": alert_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def silence(
        self,
        alert_id: str,
        *,
        until: str,
        reason: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Alert:
        """Silence an alert until a time."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "silence_alert",
            tenant,
            path_params={"alert_id": alert_id},
            json=body({"until": until, "reason": reason}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def open_incident(
        self,
        alert_id: str,
        *,
        title: str | None = None,
        summary: str | None = None,
        severity: IncidentSeverity | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Open an incident from an alert (idempotent)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "open_incident_from_alert",
            tenant,
            path_params={"alert_id": alert_id},
            json=body({"title": title, "summary": summary, "severity": severity}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncAlerts(AsyncAPIResource):
    @property
    def ingest_keys(self) -> AsyncIngestKeys:
        return AsyncIngestKeys(self._client)

    async def ingest(
        self,
        *,
        payload: AlertmanagerWebhook,
        ingest_key: str,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AlertIngestResult:
        """Receive an Alertmanager webhook notification, authenticated with an ingest key (not the client's token)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("ingest_alertmanager_alerts", tenant, json=payload, idempotency_key=idempotency_key, **opts)
        return await with_ingest_key(self._client, ingest_key)._request(spec)  # type: ignore[no-any-return]

    def list(
        self,
        *,
        status: AlertStatus | None = None,
        severity: AlertSeverity | None = None,
        service_id: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Alert]:
        """List the alerts inbox. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_alerts",
            tenant,
            query={"page_size": page_size, "status": status, "severity": severity, "service_id": service_id},
            **opts,
        )
        return self._client._paginate(spec)

    async def retrieve(
        self,
        alert_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Alert:
        """Get an alert."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_alert", tenant, path_params={"alert_id": alert_id}, **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def acknowledge(
        self,
        alert_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Alert:
        """Acknowledge an alert."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "acknowledge_alert",
            tenant,
            path_params={"alert_id": alert_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def silence(
        self,
        alert_id: str,
        *,
        until: str,
        reason: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Alert:
        """Silence an alert until a time."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "silence_alert",
            tenant,
            path_params={"alert_id": alert_id},
            json=body({"until": until, "reason": reason}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def open_incident(
        self,
        alert_id: str,
        *,
        title: str | None = None,
        summary: str | None = None,
        severity: IncidentSeverity | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Open an incident from an alert (idempotent)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "open_incident_from_alert",
            tenant,
            path_params={"alert_id": alert_id},
            json=body({"title": title, "summary": summary, "severity": severity}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]
