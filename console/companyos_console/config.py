"""What the console needs to know: where the API and the identity provider are, and where it keeps state."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

CLIENT_ID = "companyos-console"
# Privileged scopes are asked for always; the provider grants them only to users who hold them.
SCOPE = "openid profile offline_access api platform:admin tenants:cross"
COOKIE_NAME = "companyos_console"


@dataclass(frozen=True)
class ConsoleConfig:
    """``public_url`` is where browsers reach the console (``…/console``); ``api_url`` the API root the SDK
    talks to; ``issuer`` the OIDC issuer (default ``{api_url}/oauth2``)."""

    public_url: str
    api_url: str
    state_dir: Path
    issuer: str | None = None
    client_id: str = CLIENT_ID
    client_secret: str | None = None
    secret_key: str | None = None
    session_idle_seconds: int = 8 * 3600
    vendor_dir: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def redirect_uri(self) -> str:
        return f"{self.public_url.rstrip('/')}/auth/callback"

    @property
    def issuer_url(self) -> str:
        return (self.issuer or f"{self.api_url.rstrip('/')}/oauth2").rstrip("/")

    @property
    def secure_cookies(self) -> bool:
        return self.public_url.startswith("https://")

    def signing_key(self) -> str:
        """The cookie-signing key: configured, or generated once under ``state_dir`` (mode 600)."""
        if self.secret_key:
            return self.secret_key
        env = os.environ.get("COMPANYOS_CONSOLE_SECRET_KEY")
        if env:
            return env
        path = self.state_dir / "secret-key"
        if not path.exists():
            self.state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = self.state_dir / f".secret-key.{os.getpid()}.{secrets.token_hex(4)}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_urlsafe(48))
            try:
                os.link(tmp, path)  # atomic: the first worker's key wins, the others read it
            except FileExistsError:
                pass
            finally:
                tmp.unlink()
        return path.read_text(encoding="utf-8").strip()

    def vendor_path(self) -> Path | None:
        """``node_modules`` holding the pinned htmx and vega builds (``COMPANYOS_CONSOLE_VENDOR_DIR``, or
        the repository's, found by walking up from this package)."""
        if self.vendor_dir is not None:
            return self.vendor_dir
        env = os.environ.get("COMPANYOS_CONSOLE_VENDOR_DIR")
        if env:
            return Path(env)
        for parent in Path(__file__).resolve().parents:
            candidate = parent / "node_modules"
            if (candidate / "htmx.org").is_dir():
                return candidate
        return None
