"""``client.incidents`` — the ``incidents`` tag (incidents, timeline, responders, checklist)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import (
    Incident,
    IncidentChecklistItem,
    IncidentResponderRole,
    IncidentSeverity,
    IncidentStatus,
    IncidentTimelineEntry,
)

from ._base import AsyncAPIResource, SyncAPIResource, call_options
from ._ops import body, op

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncIncidents", "Incidents"]


class Incidents(SyncAPIResource):
    def list(
        self,
        *,
        status: IncidentStatus | None = None,
        severity: IncidentSeverity | None = None,
        service_id: str | None = None,
        since: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Incident]:
        """List incidents. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_incidents",
            tenant,
            query={
                "page_size": page_size,
                "status": status,
                "severity": severity,
                "service_id": service_id,
                "since": since,
            },
            **opts,
        )
        return self._client._paginate(spec)

    def create(
        self,
        *,
        title: str,
        severity: IncidentSeverity,
        summary: str | None = None,
        alert_id: str | None = None,
        service_ids: builtins.list[str] | None = None,
        responders: builtins.list[dict[str, Any]] | None = None,
        dashboards: builtins.list[dict[str, Any]] | None = None,
        checklist: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Open an incident."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_incident",
            tenant,
            json=body(
                {
                    "title": title,
                    "summary": summary,
                    "severity": severity,
                    "alert_id": alert_id,
                    "service_ids": service_ids,
                    "responders": responders,
                    "dashboards": dashboards,
                    "checklist": checklist,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def retrieve(
        self,
        incident_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Get an incident with its timeline and checklist."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_incident", tenant, path_params={"incident_id": incident_id}, **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def update(
        self,
        incident_id: str,
        *,
        title: str | None = None,
        summary: str | None = None,
        severity: IncidentSeverity | None = None,
        status: IncidentStatus | None = None,
        status_note: str | None = None,
        service_ids: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Update an incident (status changes are recorded on the timeline)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_incident",
            tenant,
            path_params={"incident_id": incident_id},
            json=body(
                {
                    "title": title,
                    "summary": summary,
                    "severity": severity,
                    "status": status,
                    "status_note": status_note,
                    "service_ids": service_ids,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def add_timeline_entry(
        self,
        incident_id: str,
        *,
        kind: Literal["note", "action"],
        text: str,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> IncidentTimelineEntry:
        """Append a note or action to the timeline (append-only)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_timeline_entry",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"kind": kind, "text": text}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def add_responder(
        self,
        incident_id: str,
        *,
        subject: str,
        role: IncidentResponderRole,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Add a responder (or change their role)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_responder",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"subject": subject, "role": role}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def add_dashboard(
        self,
        incident_id: str,
        *,
        url: str,
        title: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Link a dashboard."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_dashboard",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"url": url, "title": title}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def add_task(
        self,
        incident_id: str,
        *,
        ref: str,
        title: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Link a Maestro plan run as a task."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_task",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"ref": ref, "title": title}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def add_checklist_item(
        self,
        incident_id: str,
        *,
        text: str,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> IncidentChecklistItem:
        """Add a runbook checklist item."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_checklist_item",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"text": text}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def check_checklist_item(
        self,
        incident_id: str,
        item_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> IncidentChecklistItem:
        """Tick a checklist item (records who and when)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "check_incident_checklist_item",
            tenant,
            path_params={"incident_id": incident_id, "item_id": item_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncIncidents(AsyncAPIResource):
    def list(
        self,
        *,
        status: IncidentStatus | None = None,
        severity: IncidentSeverity | None = None,
        service_id: str | None = None,
        since: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Incident]:
        """List incidents. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_incidents",
            tenant,
            query={
                "page_size": page_size,
                "status": status,
                "severity": severity,
                "service_id": service_id,
                "since": since,
            },
            **opts,
        )
        return self._client._paginate(spec)

    async def create(
        self,
        *,
        title: str,
        severity: IncidentSeverity,
        summary: str | None = None,
        alert_id: str | None = None,
        service_ids: builtins.list[str] | None = None,
        responders: builtins.list[dict[str, Any]] | None = None,
        dashboards: builtins.list[dict[str, Any]] | None = None,
        checklist: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Open an incident."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_incident",
            tenant,
            json=body(
                {
                    "title": title,
                    "summary": summary,
                    "severity": severity,
                    "alert_id": alert_id,
                    "service_ids": service_ids,
                    "responders": responders,
                    "dashboards": dashboards,
                    "checklist": checklist,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def retrieve(
        self,
        incident_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Get an incident with its timeline and checklist."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_incident", tenant, path_params={"incident_id": incident_id}, **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def update(
        self,
        incident_id: str,
        *,
        title: str | None = None,
        summary: str | None = None,
        severity: IncidentSeverity | None = None,
        status: IncidentStatus | None = None,
        status_note: str | None = None,
        service_ids: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Update an incident (status changes are recorded on the timeline)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_incident",
            tenant,
            path_params={"incident_id": incident_id},
            json=body(
                {
                    "title": title,
                    "summary": summary,
                    "severity": severity,
                    "status": status,
                    "status_note": status_note,
                    "service_ids": service_ids,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def add_timeline_entry(
        self,
        incident_id: str,
        *,
        kind: Literal["note", "action"],
        text: str,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> IncidentTimelineEntry:
        """Append a note or action to the timeline (append-only)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_timeline_entry",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"kind": kind, "text": text}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def add_responder(
        self,
        incident_id: str,
        *,
        subject: str,
        role: IncidentResponderRole,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Add a responder (or change their role)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_responder",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"subject": subject, "role": role}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def add_dashboard(
        self,
        incident_id: str,
        *,
        url: str,
        title: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Link a dashboard."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_dashboard",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"url": url, "title": title}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def add_task(
        self,
        incident_id: str,
        *,
        ref: str,
        title: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Incident:
        """Link a Maestro plan run as a task."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_task",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"ref": ref, "title": title}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def add_checklist_item(
        self,
        incident_id: str,
        *,
        text: str,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> IncidentChecklistItem:
        """Add a runbook checklist item."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "add_incident_checklist_item",
            tenant,
            path_params={"incident_id": incident_id},
            json=body({"text": text}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def check_checklist_item(
        self,
        incident_id: str,
        item_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> IncidentChecklistItem:
        """Tick a checklist item (records who and when)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "check_incident_checklist_item",
            tenant,
            path_params={"incident_id": incident_id, "item_id": item_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]
