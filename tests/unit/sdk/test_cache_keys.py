"""Where the token cache and offline queue keys come from; never a key file beside the ciphertext."""

from __future__ import annotations

import base64
import json
import logging
import os
from pathlib import Path

import httpx
import pytest

import companyos
from companyos._crypto import OFFLINE_QUEUE_AAD, TOKEN_CACHE_AAD, CacheKeyError, SealedBox
from companyos.auth import EncryptedFileTokenCache, KeyringTokenCache, default_token_cache
from companyos.offline import OfflineQueue

from .conftest import FakeKeyring

TOKENS = {"access_token": "secret-at", "refresh_token": "secret-rt"}


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "companyos" and r.levelno == logging.WARNING]


# -- no keyring, no COMPANYOS_CACHE_KEY -------------------------------------------------------------


def test_no_key_source_keeps_tokens_in_memory_and_warns_once(no_key_source, tmp_path, caplog):
    home = tmp_path / "home"
    with caplog.at_level(logging.WARNING, logger="companyos"):
        cache = default_token_cache()
        assert isinstance(cache, EncryptedFileTokenCache)
        cache.set("issuer|cli", TOKENS)
        assert cache.get("issuer|cli") == TOKENS  # usable for the life of the process
        assert cache.persistent is False
        other = EncryptedFileTokenCache()
        other.set("issuer|other", TOKENS)
        assert other.get("issuer|cli") is None  # nothing shared through disk
        cache.delete("issuer|cli")
        assert cache.get("issuer|cli") is None
    assert files_under(tmp_path) == []  # no cache.key, no tokens.bin, not even the directory
    assert not (home / "cache.key").exists() and not (home / "tokens.bin").exists()
    messages = warnings_of(caplog)
    assert len(messages) == 1, messages
    assert "memory only" in messages[0] and "COMPANYOS_CACHE_KEY" in messages[0]


def test_no_key_source_refuses_the_offline_queue(no_key_source, tmp_path):
    with pytest.raises(CacheKeyError, match="COMPANYOS_CACHE_KEY") as info:
        OfflineQueue()
    assert isinstance(info.value, companyos.CompanyOSError)
    assert "offline queue" in str(info.value) and "keyring" in str(info.value)
    with pytest.raises(CacheKeyError):
        companyos.Client(base_url="https://api.test", auth="tok", offline=True)
    assert files_under(tmp_path) == []


# -- COMPANYOS_CACHE_KEY ---------------------------------------------------------------------------


def test_env_key_persists_an_encrypted_file(no_key_source, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", base64.urlsafe_b64encode(b"e" * 32).decode())
    path = tmp_path / "home" / "tokens.bin"
    with caplog.at_level(logging.WARNING, logger="companyos"):
        cache = EncryptedFileTokenCache()
        cache.set("issuer|cli", TOKENS)
        assert cache.persistent is True
    assert warnings_of(caplog) == []
    assert files_under(tmp_path / "home") == ["tokens.bin"]  # and no cache.key
    assert path.stat().st_mode & 0o777 == 0o600
    assert b"secret" not in path.read_bytes()
    assert json.loads(
        SealedBox(b"e" * 32).open(path.read_bytes(), TOKEN_CACHE_AAD)
    )  # sealed with the env key
    assert EncryptedFileTokenCache().get("issuer|cli") == TOKENS  # a new instance (new process) reads it


def test_wrong_env_key_is_a_cache_miss_and_never_overwrites(no_key_source, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "the original passphrase")
    EncryptedFileTokenCache().set("issuer|a", TOKENS)
    EncryptedFileTokenCache().set("issuer|b", {"access_token": "b"})
    path = tmp_path / "home" / "tokens.bin"
    before = path.read_bytes()

    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "a different passphrase")
    with caplog.at_level(logging.WARNING, logger="companyos"):
        wrong = EncryptedFileTokenCache()
        assert wrong.get("issuer|a") is None  # no crash: a miss, so the caller signs in again
        wrong.set("issuer|a", {"access_token": "new"})  # kept in memory for this process
        assert wrong.get("issuer|a") == {"access_token": "new"}
        wrong.delete("issuer|b")
        assert wrong.persistent is False
    assert path.read_bytes() == before  # the file is neither rewritten nor deleted
    assert any("cannot decrypt" in m and str(path) in m for m in warnings_of(caplog))

    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "the original passphrase")
    again = EncryptedFileTokenCache()
    assert again.get("issuer|a") == TOKENS and again.get("issuer|b") == {"access_token": "b"}


def test_wrong_key_offline_queue_is_a_clear_error(api, make_client, no_key_source, tmp_path, monkeypatch):
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "queue key one")
    api.post("/v1/tenants").mock(side_effect=httpx.ConnectError("down"))
    client = make_client(offline=OfflineQueue(tmp_path / "q"), max_retries=0)
    with pytest.raises(companyos.MutationQueued):
        client.tenants.create(id="t1", display_name="x")
    before = {p.name: p.read_bytes() for p in (tmp_path / "q").iterdir()}

    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "queue key two")
    other = make_client(offline=OfflineQueue(tmp_path / "q"), max_retries=0)
    with pytest.raises(CacheKeyError, match="cannot be decrypted"):
        other.offline.status()
    with pytest.raises(CacheKeyError):
        other.offline.flush()
    assert {p.name: p.read_bytes() for p in (tmp_path / "q").iterdir()} == before


# -- the OS keyring --------------------------------------------------------------------------------


def test_key_from_the_keyring(fake_keyring: FakeKeyring, tmp_path):
    cache = EncryptedFileTokenCache()
    cache.set("issuer|cli", TOKENS)
    stored = fake_keyring.store[("companyos", "cache-key")]
    key = base64.urlsafe_b64decode(stored)
    path = tmp_path / "home" / "tokens.bin"
    assert json.loads(SealedBox(key).open(path.read_bytes(), TOKEN_CACHE_AAD))
    assert files_under(tmp_path / "home") == ["tokens.bin"]
    assert EncryptedFileTokenCache().get("issuer|cli") == TOKENS
    assert OfflineQueue()._key == key  # the queue shares the keyring key

    tokens = default_token_cache()  # with a usable keyring the tokens themselves go there
    assert isinstance(tokens, KeyringTokenCache)
    tokens.set("issuer|cli", TOKENS)
    assert tokens.get("issuer|cli") == TOKENS
    tokens.delete("issuer|cli")
    assert tokens.get("issuer|cli") is None


def test_env_key_wins_over_the_keyring(fake_keyring: FakeKeyring, monkeypatch):
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "from the environment")
    EncryptedFileTokenCache().set("k", TOKENS)
    assert fake_keyring.store == {}


# -- COMPANYOS_CACHE_KEY_FILE ----------------------------------------------------------------------


def write_key(path: Path, mode: int = 0o600) -> bytes:
    key = os.urandom(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(base64.urlsafe_b64encode(key).decode() + "\n")
    path.chmod(mode)
    return key


def test_key_file_outside_the_cache_directory(no_key_source, tmp_path, monkeypatch):
    key = write_key(tmp_path / "secrets" / "companyos.key")
    monkeypatch.setenv("COMPANYOS_CACHE_KEY_FILE", str(tmp_path / "secrets" / "companyos.key"))
    EncryptedFileTokenCache().set("k", TOKENS)
    path = tmp_path / "home" / "tokens.bin"
    assert json.loads(SealedBox(key).open(path.read_bytes(), TOKEN_CACHE_AAD))
    assert EncryptedFileTokenCache().get("k") == TOKENS


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(
    ("where", "mode", "message"),
    [
        ("home/cache.key", 0o600, "next to the files"),
        ("home/sub/k", 0o600, "next to the files"),
        ("secrets/k", 0o644, "chmod 600"),
        ("secrets/missing", None, "does not exist"),
    ],
)
def test_unsafe_key_files_are_refused(no_key_source, tmp_path, monkeypatch, where, mode, message):
    if mode is not None:
        write_key(tmp_path / where, mode)
    monkeypatch.setenv("COMPANYOS_CACHE_KEY_FILE", str(tmp_path / where))
    with pytest.raises(CacheKeyError, match=message):
        EncryptedFileTokenCache().get("k")
    with pytest.raises(CacheKeyError, match=message):
        OfflineQueue()


def test_relative_key_file_is_refused(no_key_source, monkeypatch):
    monkeypatch.setenv("COMPANYOS_CACHE_KEY_FILE", "key.txt")
    with pytest.raises(CacheKeyError, match="absolute"):
        OfflineQueue()


# -- legacy cache.key written by older versions ----------------------------------------------------


def legacy_layout(home: Path) -> bytes:
    """What an older SDK left behind: ``cache.key`` beside ``tokens.bin`` and queue entries."""
    legacy = os.urandom(32)
    home.mkdir(parents=True)
    (home / "cache.key").write_text(base64.urlsafe_b64encode(legacy).decode())
    box = SealedBox(legacy)
    token_key = "a" * 32  # any digest-shaped key
    (home / "tokens.bin").write_bytes(box.seal(json.dumps({token_key: TOKENS}).encode(), TOKEN_CACHE_AAD))
    (home / "offline" / "rejected").mkdir(parents=True)
    entry = {
        "id": "oq_legacy",
        "seq": 1,
        "created_at": 1.0,
        "method": "POST",
        "path": "/v1/tenants",
        "operation_id": "create_tenant",
        "query": {},
        "json": {"id": "t1"},
        "headers": {},
        "request_id": "req_1",
        "idempotency_key": "idem_1",
        "tenant": None,
    }
    sealed = box.seal(json.dumps(entry).encode(), OFFLINE_QUEUE_AAD)
    (home / "offline" / "000000000001-oq_legacy.entry").write_bytes(sealed)
    (home / "offline" / "rejected" / "000000000000-oq_old-409.entry").write_bytes(sealed)
    return legacy


def test_legacy_key_is_ignored_without_a_proper_key(no_key_source, tmp_path, caplog):
    home = tmp_path / "home"
    legacy_layout(home)
    before = {name: (home / name).read_bytes() for name in files_under(home) if (home / name).is_file()}
    with caplog.at_level(logging.WARNING, logger="companyos"):
        cache = EncryptedFileTokenCache()
        assert cache._read() == {}  # the legacy tokens are not decrypted with the key beside them
        cache.set("k", TOKENS)
        with pytest.raises(CacheKeyError):
            OfflineQueue()
    after = {name: (home / name).read_bytes() for name in files_under(home) if (home / name).is_file()}
    assert after == before  # nothing used, nothing rewritten, nothing deleted
    assert any("ignoring" in m and "cache.key" in m for m in warnings_of(caplog))


def test_legacy_key_migrates_once_to_the_env_key(no_key_source, tmp_path, monkeypatch, caplog):
    home = tmp_path / "home"
    legacy_layout(home)
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "the new proper key")
    with caplog.at_level(logging.WARNING, logger="companyos"):
        cache = EncryptedFileTokenCache()
        assert cache._read() == {"a" * 32: TOKENS}
    assert not (home / "cache.key").exists()
    assert any("re-encrypted 3 file(s)" in m for m in warnings_of(caplog))
    queue = OfflineQueue()  # the queue entries were re-sealed too
    assert [e.id for e in queue.entries()] == ["oq_legacy"]
    rejected = home / "offline" / "rejected" / "000000000000-oq_old-409.entry"
    assert (
        json.loads(SealedBox(queue._key).open(rejected.read_bytes(), OFFLINE_QUEUE_AAD))["id"] == "oq_legacy"
    )
    assert EncryptedFileTokenCache()._read() == {"a" * 32: TOKENS}


def test_legacy_key_migrates_to_the_keyring_from_the_queue_side(fake_keyring, tmp_path):
    home = tmp_path / "home"
    legacy_layout(home)
    queue = OfflineQueue()
    assert not (home / "cache.key").exists()
    assert [e.idempotency_key for e in queue.entries()] == ["idem_1"]
    assert EncryptedFileTokenCache()._read() == {"a" * 32: TOKENS}
