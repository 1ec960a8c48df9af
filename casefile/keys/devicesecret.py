"""The per-installation device secret, kept in the operating system's keyring.

The secret is mixed into every staff slot of the key file, so a copied database and key file are
useless away from this workstation. Only known secure keyring backends are accepted (Windows
Credential Manager, macOS Keychain, Secret Service, KWallet); plaintext, "alternative", null and
fail backends are refused, and `system_keystore` says why: a `KeyringProblem` (which the admin
status says in words, in the interface language) and the technical names of the backends found
(for IT staff, shown apart). Whether a missing keyring stops Waymark is agency policy, decided
elsewhere.

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
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from casefile.errors import KeyringFailed
from i18n import N_

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


class KeyringProblem(Enum):
    """Why there is no secure keyring, each said in words by `describe_problem`."""

    NONE = "none"  # a secure keyring is in use
    NOT_CHECKED = "not-checked"
    NO_BACKEND = "no-backend"
    TURNED_OFF = "turned-off"
    INSECURE_ONLY = "insecure-only"
    SETUP_FAILED = "setup-failed"
    UNKNOWN = "unknown"


# What each problem means for the agency, in a sentence (marked with N_, translated when shown).
_PROBLEM_SENTENCES = {
    KeyringProblem.NONE: N_("A secure system keyring is in use."),
    KeyringProblem.NOT_CHECKED: N_("Waymark has not looked for the system keyring yet."),
    KeyringProblem.NO_BACKEND: N_("This computer has no system keyring that Waymark can use."),
    KeyringProblem.TURNED_OFF: N_("The system keyring is turned off on this computer."),
    KeyringProblem.INSECURE_ONLY: N_(
        "The only keyring set up on this computer does not keep secrets safe, so Waymark does "
        "not use it."),
    KeyringProblem.SETUP_FAILED: N_(
        "The system keyring did not work when Waymark tried to use it."),
    KeyringProblem.UNKNOWN: N_("Waymark cannot use a system keyring on this computer."),
}


def describe_problem(kind: KeyringProblem) -> str:
    """The sentence for `kind`, marked with N_: translate it with `_` where it is shown."""
    return _PROBLEM_SENTENCES[kind]


@dataclass(frozen=True)
class KeyringCheck:
    """The outcome of looking for a secure keyring: a keystore, or the reason there is none.

    `problem` is one technical English line (for logs and error details); `kind` is what the
    problem is, and `technical` the backends or the error it is about (class paths, never said
    in words)."""

    keystore: Keystore | None
    problem: str
    kind: KeyringProblem | None = None
    technical: str = ""

    @property
    def problem_kind(self) -> KeyringProblem:
        if self.kind is not None:
            return self.kind
        return KeyringProblem.NONE if self.keystore is not None else KeyringProblem.UNKNOWN

    @property
    def technical_detail(self) -> str:
        """What the problem is about, for IT staff: backend class paths or an error."""
        return self.technical or self.problem


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


def _refusal(backend: object) -> KeyringCheck:
    path = _class_path(backend)
    if path == _FAIL_BACKEND:
        return _refused(KeyringProblem.NO_BACKEND, "no keyring backend is available", path)
    if path == _NULL_BACKEND:
        return _refused(KeyringProblem.TURNED_OFF, "the keyring is turned off", path)
    return _refused(KeyringProblem.INSECURE_ONLY, "only an insecure backend is configured", path)


def _refused(kind: KeyringProblem, what: str, technical: str) -> KeyringCheck:
    return KeyringCheck(None, f"{what} ({technical})", kind, technical)


def _accept(backend: KeyringBackend) -> KeyringCheck:
    return KeyringCheck(KeyringKeystore(backend, SECURE_BACKENDS[_class_path(backend)]), "",
                        KeyringProblem.NONE)


def _choose(configured: KeyringBackend, chained: list[KeyringBackend] | None) -> KeyringCheck:
    """Accept the configured backend, or for a chain its first (highest priority) secure one."""
    if chained is None:
        if _class_path(configured) in SECURE_BACKENDS:
            return _accept(configured)
        return _refusal(configured)
    for backend in chained:
        if _class_path(backend) in SECURE_BACKENDS:
            return _accept(backend)
    if not chained:
        return _refused(KeyringProblem.NO_BACKEND, "no keyring backend is available",
                        _class_path(configured))
    names = ", ".join(_class_path(backend) for backend in chained)
    return _refused(KeyringProblem.INSECURE_ONLY, "only insecure backends are available", names)


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
        return _refused(KeyringProblem.SETUP_FAILED, "the keyring could not be set up",
                        _describe(exc))
