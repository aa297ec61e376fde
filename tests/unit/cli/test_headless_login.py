"""CLI login that survives headless Linux (issue 8, item 4) and the base install's ``companyos`` command.

- no usable keyring (the ``keyring`` fail backend) and no configured key: tokens go to an encrypted file in
  the user's config directory with a generated 0600 key file, and the login says so once;
- a passphrase (``COMPANYOS_CACHE_KEY``) goes through scrypt with a random salt stored in the file; files
  written with the old unsalted SHA-256 are still read and rewritten in the new format on the next write.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import keyring
import pytest
import respx
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from companyos._crypto import TOKEN_CACHE_AAD, CacheKeyError, Passphrase, SealedBox
from companyos.auth import EncryptedFileTokenCache, KeyringTokenCache, cli_token_cache
from companyos.auth._cache import _digest

from .conftest import DISCOVERY, ISSUER, Cli
from .factories import me


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A Linux box without a keyring daemon: keyring falls back to its fail backend; no cache key set."""
    monkeypatch.setattr(keyring, "get_keyring", lambda: FailKeyring())
    monkeypatch.delenv("COMPANYOS_CACHE_KEY", raising=False)
    monkeypatch.delenv("COMPANYOS_CACHE_KEY_FILE", raising=False)
    monkeypatch.delenv("COMPANYOS_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "config" / "companyos"


def _device_login(api: respx.MockRouter) -> None:
    api.get("/oauth2/.well-known/openid-configuration").respond(json=DISCOVERY)
    api.post("/oauth2/device_authorization").respond(
        json={
            "device_code": "dc",
            "user_code": "AAAA-BBBB",
            "verification_uri": f"{ISSUER}/device",
            "interval": 1,
        }
    )
    api.post("/oauth2/token").respond(
        json={"access_token": "tok_dev", "refresh_token": "rt_dev", "expires_in": 3600}
    )
    api.get("/v1/me").respond(json=me())


def test_fail_backend_is_not_a_keyring(headless: Path) -> None:
    cache = cli_token_cache()
    assert isinstance(cache, EncryptedFileTokenCache)
    assert (cache.path, cache.key_file) == (headless / "tokens.bin", headless / "tokens.key")


def test_a_configured_key_keeps_the_state_dir_file(headless: Path, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "a long passphrase for the token cache")
    monkeypatch.setenv("COMPANYOS_HOME", str(tmp_path / "state"))
    cache = cli_token_cache()
    assert isinstance(cache, EncryptedFileTokenCache)
    assert (cache.path, cache.key_file) == (tmp_path / "state" / "tokens.bin", None)


def test_a_real_keyring_wins(headless: Path, monkeypatch) -> None:
    class Real(KeyringBackend):
        priority = 5  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None: ...

        def delete_password(self, service: str, username: str) -> None: ...

    monkeypatch.setattr(keyring, "get_keyring", lambda: Real())
    assert isinstance(cli_token_cache(), KeyringTokenCache)


def test_headless_login_persists_to_an_encrypted_file_and_says_so_once(
    headless: Path, api: respx.MockRouter
) -> None:
    _device_login(api)
    login = Cli()
    login.overrides.token_cache = None  # what the installed command uses: cli_token_cache()
    login.overrides.on_device_prompt = lambda _info: None
    result = login("login")
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: no usable OS keyring")]
    assert len(notes) == 1
    assert str(headless / "tokens.bin") in notes[0] and str(headless / "tokens.key") in notes[0]

    token_file, key_file = headless / "tokens.bin", headless / "tokens.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(headless.stat().st_mode) == 0o700
    assert b"tok_dev" not in token_file.read_bytes() and b"rt_dev" not in token_file.read_bytes()
    key = base64.urlsafe_b64decode(key_file.read_text().strip())
    stored = json.loads(SealedBox(key).open(token_file.read_bytes(), TOKEN_CACHE_AAD))
    assert [v["access_token"] for v in stored.values()] == ["tok_dev"]

    # A later command (a new process: a new cache object) uses the saved login, and says nothing more.
    later = Cli()
    later.overrides.token_cache = None
    whoami = later("whoami")
    assert whoami.exit_code == 0, whoami.stderr
    assert api.routes[-1].calls.last.request.headers["authorization"] == "Bearer tok_dev"
    assert "note:" not in whoami.stderr


def test_key_file_readable_by_others_is_refused(headless: Path) -> None:
    headless.mkdir(parents=True)
    key_file = headless / "tokens.key"
    key_file.write_text(base64.urlsafe_b64encode(os.urandom(32)).decode())
    key_file.chmod(0o644)
    cache = EncryptedFileTokenCache(headless / "tokens.bin", key_file=key_file)
    with pytest.raises(CacheKeyError, match="accessible by other users"):
        cache.set("k", {"access_token": "a"})
    assert not (headless / "tokens.bin").exists()


# -- passphrases: scrypt with a salt, old files still read and migrated ------------------------------------


def test_passphrase_is_stretched_with_scrypt_and_a_random_salt(tmp_path: Path) -> None:
    phrase = "correct horse battery staple"
    first, second = SealedBox(Passphrase(phrase)), SealedBox(Passphrase(phrase))
    a, b = first.seal(b"secret", TOKEN_CACHE_AAD), second.seal(b"secret", TOKEN_CACHE_AAD)
    assert a.startswith(SealedBox.MAGIC) and b.startswith(SealedBox.MAGIC)
    salt_a, salt_b = a[5:21], b[5:21]
    assert salt_a != salt_b  # a random salt per key, stored with the ciphertext
    expected = hashlib.scrypt(phrase.encode(), salt=salt_a, n=1 << a[4], r=8, p=1, maxmem=1 << 26, dklen=32)
    assert SealedBox(expected).open(a[21:], TOKEN_CACHE_AAD) == b"secret"
    assert SealedBox(Passphrase(phrase)).open(b, TOKEN_CACHE_AAD) == b"secret"  # another process reads it
    with pytest.raises(Exception):  # noqa: B017 (cryptography's InvalidTag)
        SealedBox(hashlib.sha256(phrase.encode()).digest()).open(a, TOKEN_CACHE_AAD)


def test_old_unsalted_passphrase_file_is_read_then_migrated_on_next_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    phrase = "an old passphrase from before"
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", phrase)
    path = tmp_path / "state" / "tokens.bin"
    path.parent.mkdir()
    old_box = SealedBox(hashlib.sha256(phrase.encode()).digest())  # what older versions wrote
    old = {_digest("k1"): {"access_token": "old"}}
    path.write_bytes(old_box.seal(json.dumps(old).encode(), TOKEN_CACHE_AAD))

    cache = EncryptedFileTokenCache(path)
    assert cache.get("k1") == {"access_token": "old"}  # read with the old scheme
    assert cache.persistent  # nothing fell back to memory
    assert json.loads(old_box.open(path.read_bytes(), TOKEN_CACHE_AAD))  # untouched by reading
    cache.set("k2", {"access_token": "new"})

    blob = path.read_bytes()
    assert blob.startswith(SealedBox.MAGIC)
    with pytest.raises(Exception):  # noqa: B017 (the old key no longer opens it)
        old_box.open(blob, TOKEN_CACHE_AAD)
    data = json.loads(SealedBox(Passphrase(phrase)).open(blob, TOKEN_CACHE_AAD))
    assert sorted(v["access_token"] for v in data.values()) == ["new", "old"]
    assert EncryptedFileTokenCache(path).get("k1") == {"access_token": "old"}


# -- the base install (no `cli` extra) ------------------------------------------------------------------------

BLOCK_CLI_EXTRA = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoCliExtra(importlib.abc.MetaPathFinder):  # what a `pip install companyos` environment looks like
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("typer", "click", "rich", "yaml"):
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, NoCliExtra())
    """
)


def test_base_install_command_says_install_the_cli_extra() -> None:
    pyproject = (Path(__file__).resolve().parents[3] / "sdk" / "pyproject.toml").read_text()
    assert 'companyos = "companyos.cli:main"' in pyproject
    # The console script pip generates: `from companyos.cli import main; sys.exit(main())`.
    script = BLOCK_CLI_EXTRA + "from companyos.cli import main\nsys.exit(main())\n"
    done = subprocess.run([sys.executable, "-c", script, "whoami"], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "error: the companyos command needs the CLI extra: install companyos[cli] (pip install 'companyos[cli]')"
    ]
    module = subprocess.run(
        [
            sys.executable,
            "-c",
            BLOCK_CLI_EXTRA + "import runpy; runpy.run_module('companyos.cli', run_name='__main__')",
        ],
        capture_output=True,
        text=True,
    )
    assert module.returncode == 1 and "Traceback" not in module.stderr
    assert "install companyos[cli]" in module.stderr
