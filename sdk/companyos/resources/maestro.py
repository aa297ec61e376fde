"""``client.maestro`` — the ``maestro`` tag (remediation plans, versions, dry-runs, runs, run events, verification)."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import (
    MaestroDryRun,
    MaestroPlan,
    MaestroRisk,
    MaestroRun,
    MaestroRunState,
    MaestroStep,
    MaestroVerification,
)

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import body, op
from ._sse import ServerSentEvent, astream_events, parse_sse, stream_events

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncMaestro", "AsyncPlans", "AsyncRuns", "Maestro", "Plans", "Runs"]


class Plans(SyncAPIResource):
    def list(
        self,
        *,
        name: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[MaestroPlan]:
        """List remediation plans. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_plans",
            tenant,
            query={"page_size": page_size, "name": name},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def create(
        self,
        *,
        name: str,
        steps: builtins.list[MaestroStep],
        description: str | None = None,
        risk: MaestroRisk | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Create a remediation plan."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_plan",
            tenant,
            json=body({"name": name, "description": description, "risk": risk, "steps": steps}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def retrieve(
        self,
        plan_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Get a plan (current version)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_plan", tenant, path_params={"plan_id": plan_id}, headers=purpose_header(purpose), **opts
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def update(
        self,
        plan_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        risk: MaestroRisk | None = None,
        steps: builtins.list[MaestroStep] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Update a plan (makes a new version)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_plan",
            tenant,
            path_params={"plan_id": plan_id},
            json=body({"name": name, "description": description, "risk": risk, "steps": steps}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def list_versions(
        self,
        plan_id: str,
        *,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[MaestroPlan]:
        """List a plan's versions. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_plan_versions",
            tenant,
            path_params={"plan_id": plan_id},
            query={"page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def retrieve_version(
        self,
        plan_id: str,
        version: int,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Get one version of a plan."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_plan_version",
            tenant,
            path_params={"plan_id": plan_id, "version": str(version)},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def dry_run(
        self,
        plan_id: str,
        *,
        version: int | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroDryRun:
        """Dry-run a plan."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "dry_run_plan",
            tenant,
            path_params={"plan_id": plan_id},
            query={"version": version},
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def execute(
        self,
        plan_id: str,
        *,
        dry_run: bool | None = None,
        reason: str | None = None,
        inputs: dict[str, str] | None = None,
        plan_version: int | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroDryRun | MaestroRun:
        """Execute a plan (start a run)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "execute_plan",
            tenant,
            path_params={"plan_id": plan_id},
            query={"dry_run": dry_run},
            json=body({"reason": reason, "inputs": inputs, "plan_version": plan_version}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncPlans(AsyncAPIResource):
    def list(
        self,
        *,
        name: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[MaestroPlan]:
        """List remediation plans. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_plans",
            tenant,
            query={"page_size": page_size, "name": name},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def create(
        self,
        *,
        name: str,
        steps: builtins.list[MaestroStep],
        description: str | None = None,
        risk: MaestroRisk | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Create a remediation plan."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_plan",
            tenant,
            json=body({"name": name, "description": description, "risk": risk, "steps": steps}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def retrieve(
        self,
        plan_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Get a plan (current version)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_plan", tenant, path_params={"plan_id": plan_id}, headers=purpose_header(purpose), **opts
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def update(
        self,
        plan_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        risk: MaestroRisk | None = None,
        steps: builtins.list[MaestroStep] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Update a plan (makes a new version)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_plan",
            tenant,
            path_params={"plan_id": plan_id},
            json=body({"name": name, "description": description, "risk": risk, "steps": steps}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    def list_versions(
        self,
        plan_id: str,
        *,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[MaestroPlan]:
        """List a plan's versions. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_plan_versions",
            tenant,
            path_params={"plan_id": plan_id},
            query={"page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def retrieve_version(
        self,
        plan_id: str,
        version: int,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroPlan:
        """Get one version of a plan."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_plan_version",
            tenant,
            path_params={"plan_id": plan_id, "version": str(version)},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def dry_run(
        self,
        plan_id: str,
        *,
        version: int | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroDryRun:
        """Dry-run a plan."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "dry_run_plan",
            tenant,
            path_params={"plan_id": plan_id},
            query={"version": version},
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def execute(
        self,
        plan_id: str,
        *,
        dry_run: bool | None = None,
        reason: str | None = None,
        inputs: dict[str, str] | None = None,
        plan_version: int | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroDryRun | MaestroRun:
        """Execute a plan (start a run)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "execute_plan",
            tenant,
            path_params={"plan_id": plan_id},
            query={"dry_run": dry_run},
            json=body({"reason": reason, "inputs": inputs, "plan_version": plan_version}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]


class Runs(SyncAPIResource):
    def list(
        self,
        *,
        plan_id: str | None = None,
        state: MaestroRunState | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[MaestroRun]:
        """List plan runs. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_runs",
            tenant,
            query={"page_size": page_size, "plan_id": plan_id, "state": state},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def retrieve(
        self,
        run_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroRun:
        """Get a run's live status."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_run", tenant, path_params={"run_id": run_id}, headers=purpose_header(purpose), **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def events(
        self,
        run_id: str,
        *,
        after: int | None = None,
        wait_seconds: int | None = None,
        follow: bool = True,
        last_event_id: str | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Iterator[ServerSentEvent]:
        """Stream a run's events (Server-Sent Events). Parsed events; with ``follow`` it reconnects (``after``) until the run ends."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "stream_run_events",
            tenant,
            path_params={"run_id": run_id},
            query={"after": after, "wait_seconds": wait_seconds},
            headers={
                **purpose_header(purpose),
                "Last-Event-ID": last_event_id,
                "Accept": "text/event-stream",
            },
            cast=parse_sse,
            **opts,
        )
        return stream_events(self._client, spec, follow=follow)

    def cancel(
        self,
        run_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroRun:
        """Cancel a run."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "cancel_run", tenant, path_params={"run_id": run_id}, idempotency_key=idempotency_key, **opts
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def verification(
        self,
        run_id: str,
        *,
        since: str | None = None,
        until: str | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroVerification:
        """Verify a remediation (SLO burn-down, error-budget delta, handoff checklist)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_run_verification",
            tenant,
            path_params={"run_id": run_id},
            query={"since": since, "until": until},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncRuns(AsyncAPIResource):
    def list(
        self,
        *,
        plan_id: str | None = None,
        state: MaestroRunState | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[MaestroRun]:
        """List plan runs. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_runs",
            tenant,
            query={"page_size": page_size, "plan_id": plan_id, "state": state},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def retrieve(
        self,
        run_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroRun:
        """Get a run's live status."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_run", tenant, path_params={"run_id": run_id}, headers=purpose_header(purpose), **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    def events(
        self,
        run_id: str,
        *,
        after: int | None = None,
        wait_seconds: int | None = None,
        follow: bool = True,
        last_event_id: str | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[ServerSentEvent]:
        """Stream a run's events (Server-Sent Events). Parsed events; with ``follow`` it reconnects (``after``) until the run ends."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "stream_run_events",
            tenant,
            path_params={"run_id": run_id},
            query={"after": after, "wait_seconds": wait_seconds},
            headers={
                **purpose_header(purpose),
                "Last-Event-ID": last_event_id,
                "Accept": "text/event-stream",
            },
            cast=parse_sse,
            **opts,
        )
        return astream_events(self._client, spec, follow=follow)

    async def cancel(
        self,
        run_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroRun:
        """Cancel a run."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "cancel_run", tenant, path_params={"run_id": run_id}, idempotency_key=idempotency_key, **opts
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def verification(
        self,
        run_id: str,
        *,
        since: str | None = None,
        until: str | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MaestroVerification:
        """Verify a remediation (SLO burn-down, error-budget delta, handoff checklist)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_run_verification",
            tenant,
            path_params={"run_id": run_id},
            query={"since": since, "until": until},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]


class Maestro(SyncAPIResource):
    @property
    def plans(self) -> Plans:
        return Plans(self._client)

    @property
    def runs(self) -> Runs:
        return Runs(self._client)


class AsyncMaestro(AsyncAPIResource):
    @property
    def plans(self) -> AsyncPlans:
        return AsyncPlans(self._client)

    @property
    def runs(self) -> AsyncRuns:
        return AsyncRuns(self._client)
