"""The per-installation device secret, kept in the operating system's keyring.

The secret is mixed into every staff slot of the key file, so a copied database and key file are
useless away from this workstation. Only known secure keyring backends are accepted (Windows
Credential Manager, macOS Keychain, Secret Service, KWallet); plaintext, "alternative", null and
fail backends are refused, and `system_keystore` says why in a short technical `problem` that the
admin status can show. Whether a missing keyring stops Waymark is agency policy, decided elsewhere.

`keyring` is imported only inside the functions that need it: importing it costs ~80-120 ms, which
the GUI's cold start should not pay before anything asks for the keyring. The `Keystore` protocol,
`MemoryKeystore`, `new_device_secret` and `fingerprint` never import it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from casefile.errors import KeyringFailed

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "Waymark"
SECRET_BYTES = 32

_FINGERPRINT_CONTEXT = b"waymark-device-fingerprint|"
_FINGERPRINT_BYTES = 16
_REASON_LIMIT = 200

# Exact class paths of the secure backends, with the name shown in the admin status. Matched on
# module and qualified name, never isinstance: a subclass or look-alike is refused.
SECURE_BACKENDS: dict[str, str] = {
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
}

_FAIL_BACKEND = "keyring.backends.fail.Keyring"
_NULL_BACKEND = "keyring.backends.null.Keyring"


class Keystore(Protocol):
    """Where the device secret of each installation is kept."""

    name: str

    def get(self, installation_id: str) -> bytes | None:
        """The stored secret, or None when none is stored for this installation."""
        ...

    def put(self, installation_id: str, secret: bytes) -> None:
        """Store (or replace) the secret of this installation."""
        ...


@dataclass(frozen=True)
class KeyringCheck:
    """The outcome of looking for a secure keyring: a keystore, or the reason there is none."""

    keystore: Keystore | None
    problem: str


def new_device_secret() -> bytes:
    return os.urandom(SECRET_BYTES)


def fingerprint(secret: bytes, installation_id: str) -> str:
    """A short, stable identifier of a secret (32 hex characters) that reveals nothing about it."""
    mac = hmac.new(secret, _FINGERPRINT_CONTEXT + installation_id.encode(), hashlib.sha256)
    return mac.digest()[:_FINGERPRINT_BYTES].hex()


def _check_secret(secret: bytes) -> None:
    if len(secret) != SECRET_BYTES:
        raise ValueError(f"a device secret is {SECRET_BYTES} bytes, not {len(secret)}")


def _username(installation_id: str) -> str:
    return f"device-secret-{installation_id}"


class MemoryKeystore:
    """A keystore that forgets everything when the process ends: for tests and the demo store."""

    name = "memory (demo)"

    def __init__(self) -> None:
        self._secrets: dict[str, bytes] = {}

    def get(self, installation_id: str) -> bytes | None:
        return self._secrets.get(installation_id)

    def put(self, installation_id: str, secret: bytes) -> None:
        _check_secret(secret)
        self._secrets[installation_id] = bytes(secret)


class KeyringKeystore:
    """A keystore backed by one (secure) keyring backend; see `system_keystore`.

    The secret is stored base64-encoded under service `SERVICE` and user name
    `device-secret-<installation id>`. Any failure of the backend becomes `KeyringFailed`.
    """

    def __init__(self, backend: KeyringBackend, name: str) -> None:
        self._backend = backend
        self.name = name

    def get(self, installation_id: str) -> bytes | None:
        try:
            stored = self._backend.get_password(SERVICE, _username(installation_id))
        except Exception as exc:
            raise KeyringFailed(reason=_describe(exc)) from exc
        return _decode(stored)

    def put(self, installation_id: str, secret: bytes) -> None:
        _check_secret(secret)
        encoded = base64.b64encode(secret).decode("ascii")
        try:
            self._backend.set_password(SERVICE, _username(installation_id), encoded)
        except Exception as exc:
            # Not chained: the backend's exception could conceivably carry what it was given.
            raise KeyringFailed(reason=_describe(exc).replace(encoded, "...")) from None


def _decode(stored: object) -> bytes | None:
    """The secret in a stored value; None when it is missing or is not a whole secret."""
    if not isinstance(stored, str):
        return None
    try:
        secret = base64.b64decode(stored.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        return None
    return secret if len(secret) == SECRET_BYTES else None


def _describe(exc: BaseException) -> str:
    """One short line naming an exception, for a problem string or an error's reason."""
    text = " ".join(str(exc).split())
    line = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return line if len(line) <= _REASON_LIMIT else line[: _REASON_LIMIT - 3] + "..."


def _class_path(backend: object) -> str:
    """The exact class of a backend, as `module.QualifiedName`."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _refusal(backend: object) -> str:
    path = _class_path(backend)
    if path == _FAIL_BACKEND:
        return f"no keyring backend is available ({path})"
    if path == _NULL_BACKEND:
        return f"the keyring is turned off ({path})"
    return f"only an insecure backend is configured ({path})"


def _accept(backend: KeyringBackend) -> KeyringCheck:
    return KeyringCheck(KeyringKeystore(backend, SECURE_BACKENDS[_class_path(backend)]), "")


def _choose(configured: KeyringBackend, chained: list[KeyringBackend] | None) -> KeyringCheck:
    """Accept the configured backend, or for a chain its first (highest priority) secure one."""
    if chained is None:
        if _class_path(configured) in SECURE_BACKENDS:
            return _accept(configured)
        return KeyringCheck(None, _refusal(configured))
    for backend in chained:
        if _class_path(backend) in SECURE_BACKENDS:
            return _accept(backend)
    if not chained:
        return KeyringCheck(None, f"no keyring backend is available ({_class_path(configured)})")
    names = ", ".join(_class_path(backend) for backend in chained)
    return KeyringCheck(None, f"only insecure backends are available ({names})")


def _discover() -> KeyringCheck:
    from keyring.backends.chainer import ChainerBackend
    from keyring.core import get_keyring

    configured = get_keyring()
    if isinstance(configured, ChainerBackend):
        return _choose(configured, list(configured.backends))
    return _choose(configured, None)


def system_keystore() -> KeyringCheck:
    """Find the secure keyring that `keyring` is configured to use (honouring
    PYTHON_KEYRING_BACKEND and keyring's config file). Never raises."""
    try:
        return _discover()
    except Exception as exc:
        return KeyringCheck(None, f"the keyring could not be set up ({_describe(exc)})")
