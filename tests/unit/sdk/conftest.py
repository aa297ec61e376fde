"""Fixtures for SDK unit tests: a fake clock and respx-backed clients (no sockets, no real sleeping)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import respx
from keyring.backend import KeyringBackend

import companyos

BASE = "https://api.test"


class FakeClock:
    """``now()`` for the SDK's clock, ``sleep()`` records the delay and advances time instantly."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.t = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


SHARED_ENV = (
    "COMPANYOS_BASE_URL", "COMPANYOS_API_URL", "COMPANYOS_TENANT", "COMPANYOS_ENVIRONMENT", "COMPANYOS_TOKEN",
    "COMPANYOS_CLIENT_ID", "COMPANYOS_CLIENT_SECRET", "COMPANYOS_SCOPE",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _no_shared_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own COMPANYOS_* variables must not leak into clients built by the tests."""
    for name in SHARED_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
def make_client(clock: FakeClock) -> Any:
    def _make(**kwargs: Any) -> companyos.Client:
        kwargs.setdefault("auth", "tok")
        kwargs.setdefault("tenant", "acme")
        return companyos.Client(base_url=BASE, _clock=clock.now, _sleep=clock.sleep, **kwargs)

    return _make


@pytest.fixture
def make_async_client(clock: FakeClock) -> Any:
    def _make(**kwargs: Any) -> companyos.AsyncClient:
        kwargs.setdefault("auth", "tok")
        kwargs.setdefault("tenant", "acme")
        return companyos.AsyncClient(base_url=BASE, _clock=clock.now, _sleep=clock.async_sleep, **kwargs)

    return _make


def problem(status: int, title: str = "Problem", **extra: Any) -> dict[str, Any]:
    return {"type": f"https://errors.companyos.dev/{status}", "title": title, "status": status, **extra}


TENANT = {
    "id": "acme",
    "display_name": "ACME",
    "tier": "enterprise",
    "residency": "eu",
    "status": "active",
    "labels": {},
    "created_at": "2026-11-01T09:00:00Z",
    "updated_at": "2026-11-01T09:00:00Z",
}


class FakeKeyring(KeyringBackend):
    """An in-memory keyring backend (``keyring.set_keyring``): a usable OS keyring without touching one."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def _install_keyring(backend: Any) -> Iterator[Any]:
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_key_source(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[Any]:
    """No ``COMPANYOS_CACHE_KEY``/``_FILE``, no usable keyring, ``COMPANYOS_HOME`` in ``tmp_path``."""
    from keyring.backends.fail import Keyring as FailKeyring

    from companyos import _crypto

    monkeypatch.delenv("COMPANYOS_CACHE_KEY", raising=False)
    monkeypatch.delenv("COMPANYOS_CACHE_KEY_FILE", raising=False)
    monkeypatch.setenv("COMPANYOS_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(_crypto, "_warned", set())
    yield from _install_keyring(FailKeyring())


@pytest.fixture
def fake_keyring(no_key_source: Any) -> Iterator[FakeKeyring]:
    """``no_key_source`` plus a usable in-memory keyring."""
    yield from _install_keyring(FakeKeyring())
