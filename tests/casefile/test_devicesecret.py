"""The device secret: only a known secure keyring backend is accepted, discovery never raises, the
secret round-trips through the keyring, and a failing keyring becomes one clear error."""

from __future__ import annotations

import base64
import hashlib
import hmac
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.backend
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked, PasswordSetError

from casefile.errors import KeyringFailed, KeyringRequired
from casefile.keys.devicesecret import (
    SECRET_BYTES,
    SECURE_BACKENDS,
    SERVICE,
    KeyringKeystore,
    Keystore,
    MemoryKeystore,
    fingerprint,
    new_device_secret,
    system_keystore,
)

SECRET = bytes(range(SECRET_BYTES))
INSTALLATION = "3f2c9a7e-install"


class DictBackend(KeyringBackend):
    """A keyring backend held in a dict. Never viable itself, so keyring's own discovery (in this
    or any other test) never picks it; `make_backend` makes usable copies under chosen names."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test double")

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password


class FailingBackend(DictBackend):
    """Raises the given exception from every operation."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


MakeBackend = Callable[[str], DictBackend]


@pytest.fixture
def make_backend() -> Iterator[MakeBackend]:
    """Build a `DictBackend` whose class is exactly `module.QualName`, with a plain priority (no
    D-Bus); keyring registers every backend class, so they are unregistered afterwards."""
    made: list[type[KeyringBackend]] = []

    def make(path: str) -> DictBackend:
        module, _, qualname = path.rpartition(".")
        namespace = {"__module__": module, "__qualname__": qualname, "priority": 5}
        cls: type[DictBackend] = type(qualname, (DictBackend,), namespace)
        made.append(cls)
        return cls()

    yield make
    KeyringBackend._classes.difference_update(made)


@pytest.fixture(autouse=True)
def fresh_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Forget keyring's cached backend and ignore the real environment and config file."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(keyring.backend, "_limit", None)
    monkeypatch.setattr(keyring.core, "_config_path", lambda: tmp_path / "no-keyringrc.cfg")


# Discovery


def test_the_fail_backend_is_refused_without_raising(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    check = system_keystore()

    assert check.keystore is None
    assert check.problem == "no keyring backend is available (keyring.backends.fail.Keyring)"


def test_the_null_backend_from_the_config_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "keyringrc.cfg"
    config.write_text("[backend]\ndefault-keyring=keyring.backends.null.Keyring\n")
    monkeypatch.setattr(keyring.core, "_config_path", lambda: config)

    check = system_keystore()

    assert check.keystore is None
    assert check.problem == "the keyring is turned off (keyring.backends.null.Keyring)"


@pytest.mark.parametrize(
    "path",
    [
        "keyrings.alt.file.PlaintextKeyring",
        "keyrings.alt.file.EncryptedKeyring",
        "keyrings.alt.Gnome.Keyring",
        "keyrings.cryptfile.cryptfile.CryptFileKeyring",
        "keyring.backends.SecretService.Keyring2",  # look-alike name in a trusted module
        "keyrings.alt.SecretService.Keyring",  # trusted name in an untrusted module
        "tests.fake.Keyring",
    ],
)
def test_insecure_or_unknown_backends_are_refused(make_backend: MakeBackend, path: str) -> None:
    keyring.core.set_keyring(make_backend(path))

    check = system_keystore()

    assert check.keystore is None
    assert check.problem == f"only an insecure backend is configured ({path})"


def test_a_subclass_of_a_secure_backend_is_refused(make_backend: MakeBackend) -> None:
    secure = type(make_backend("keyring.backends.SecretService.Keyring"))
    impostor = type("Keyring", (secure,), {"__module__": "evil"})
    try:
        keyring.core.set_keyring(impostor())
        check = system_keystore()
    finally:
        KeyringBackend._classes.discard(impostor)

    assert check.keystore is None
    assert "(evil.Keyring)" in check.problem


@pytest.mark.parametrize(("path", "name"), sorted(SECURE_BACKENDS.items()))
def test_each_secure_backend_is_accepted(make_backend: MakeBackend, path: str, name: str) -> None:
    backend = make_backend(path)
    keyring.core.set_keyring(backend)

    check = system_keystore()

    assert check.problem == ""
    assert isinstance(check.keystore, KeyringKeystore)
    assert check.keystore.name == name
    check.keystore.put(INSTALLATION, SECRET)
    assert backend.stored  # the secret went to this very backend


def test_a_chain_yields_its_first_secure_backend(
    monkeypatch: pytest.MonkeyPatch, make_backend: MakeBackend
) -> None:
    plaintext = make_backend("keyrings.alt.file.PlaintextKeyring")
    kwallet = make_backend("keyring.backends.kwallet.DBusKeyring")
    secret_service = make_backend("keyring.backends.SecretService.Keyring")
    monkeypatch.setattr(ChainerBackend, "backends", [plaintext, kwallet, secret_service])
    keyring.core.set_keyring(ChainerBackend())

    check = system_keystore()

    assert check.problem == ""
    assert check.keystore is not None
    assert check.keystore.name == "KWallet"
    check.keystore.put(INSTALLATION, SECRET)
    assert kwallet.stored
    assert not plaintext.stored
    assert not secret_service.stored


def test_a_chain_of_insecure_backends_is_refused(
    monkeypatch: pytest.MonkeyPatch, make_backend: MakeBackend
) -> None:
    chained = [make_backend("keyrings.alt.file.PlaintextKeyring"), make_backend("x.y.Keyring")]
    monkeypatch.setattr(ChainerBackend, "backends", chained)
    keyring.core.set_keyring(ChainerBackend())

    check = system_keystore()

    assert check.keystore is None
    assert check.problem == (
        "only insecure backends are available (keyrings.alt.file.PlaintextKeyring, x.y.Keyring)"
    )


def test_an_empty_chain_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ChainerBackend, "backends", [])
    keyring.core.set_keyring(ChainerBackend())

    check = system_keystore()

    assert check.keystore is None
    assert "keyring.backends.chainer.ChainerBackend" in check.problem


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        ("no_such_module.Keyring", "ModuleNotFoundError"),
        ("keyring.backends.no_such_backend.Keyring", "ModuleNotFoundError"),
        ("keyring.backends.fail.NoSuchClass", "AttributeError"),
    ],
)
def test_an_unloadable_backend_becomes_a_problem(
    monkeypatch: pytest.MonkeyPatch, configured: str, expected: str
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", configured)

    check = system_keystore()

    assert check.keystore is None
    assert check.problem.startswith("the keyring could not be set up (")
    assert expected in check.problem


@pytest.mark.skipif(sys.platform == "darwin", reason="the Keychain is really there on macOS")
def test_a_configured_secure_backend_that_is_not_viable_becomes_a_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.macOS.Keyring")

    check = system_keystore()

    assert check.keystore is None
    assert "RuntimeError" in check.problem


def test_any_exception_during_discovery_becomes_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> KeyringBackend:
        raise OSError("org.freedesktop.DBus.Error.NoReply:\n  no reply")

    monkeypatch.setattr(keyring.core, "get_keyring", broken)

    check = system_keystore()

    assert check.keystore is None
    assert check.problem == (
        "the keyring could not be set up (OSError: org.freedesktop.DBus.Error.NoReply: no reply)"
    )


# The keyring keystore


def test_keyring_keystore_round_trips_base64_under_the_waymark_service() -> None:
    backend = DictBackend()
    keystore: Keystore = KeyringKeystore(backend, "Secret Service")

    assert keystore.get(INSTALLATION) is None
    keystore.put(INSTALLATION, SECRET)

    assert backend.stored == {
        (SERVICE, f"device-secret-{INSTALLATION}"): base64.b64encode(SECRET).decode()
    }
    assert keystore.get(INSTALLATION) == SECRET
    assert keystore.get("another-installation") is None
    assert keystore.name == "Secret Service"


def test_keyring_keystore_replaces_the_secret() -> None:
    keystore = KeyringKeystore(DictBackend(), "Secret Service")
    replacement = new_device_secret()

    keystore.put(INSTALLATION, SECRET)
    keystore.put(INSTALLATION, replacement)

    assert keystore.get(INSTALLATION) == replacement


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "not base64!!",
        base64.b64encode(SECRET)[:-4].decode() + "====",
        base64.b64encode(SECRET[:-1]).decode(),
        base64.b64encode(SECRET + b"x").decode(),
        base64.b64encode(SECRET).decode() + "\n",
        "é" * 44,
    ],
)
def test_a_stored_value_that_is_not_a_whole_secret_counts_as_absent(stored: str) -> None:
    backend = DictBackend()
    backend.stored[(SERVICE, f"device-secret-{INSTALLATION}")] = stored

    assert KeyringKeystore(backend, "Secret Service").get(INSTALLATION) is None


@pytest.mark.parametrize(
    "error",
    [
        KeyringLocked("Failed to unlock the collection!"),
        PasswordSetError("write refused"),
        OSError("org.freedesktop.DBus.Error.ServiceUnknown"),
        RuntimeError(),
    ],
)
def test_backend_failures_become_keyring_failed(error: Exception) -> None:
    keystore = KeyringKeystore(FailingBackend(error), "Secret Service")

    with pytest.raises(KeyringFailed) as got:
        keystore.get(INSTALLATION)
    assert got.value.user_message().startswith("The system keyring did not answer (")
    assert type(error).__name__ in got.value.user_message()

    with pytest.raises(KeyringFailed) as put:
        keystore.put(INSTALLATION, SECRET)
    assert str(error) in put.value.user_message()


def test_a_failed_put_does_not_repeat_the_secret() -> None:
    encoded = base64.b64encode(SECRET).decode()
    keystore = KeyringKeystore(FailingBackend(PasswordSetError(f"cannot store {encoded}")), "x")

    with pytest.raises(KeyringFailed) as failed:
        keystore.put(INSTALLATION, SECRET)

    assert encoded not in failed.value.user_message()
    assert failed.value.__cause__ is None
    assert failed.value.__suppress_context__


def test_a_long_backend_message_is_shortened() -> None:
    keystore = KeyringKeystore(FailingBackend(OSError("x" * 1000)), "x")

    with pytest.raises(KeyringFailed) as failed:
        keystore.get(INSTALLATION)

    assert len(str(failed.value.params["reason"])) == 200


@pytest.mark.parametrize("keystore", [KeyringKeystore(DictBackend(), "x"), MemoryKeystore()])
def test_only_whole_secrets_are_stored(keystore: Keystore) -> None:
    for wrong in (b"", SECRET[:-1], SECRET + b"x"):
        with pytest.raises(ValueError, match="32 bytes"):
            keystore.put(INSTALLATION, wrong)
    assert keystore.get(INSTALLATION) is None


# Memory keystore, secrets, fingerprints, errors


def test_memory_keystore_round_trips() -> None:
    keystore: Keystore = MemoryKeystore()

    assert keystore.name == "memory (demo)"
    assert keystore.get(INSTALLATION) is None
    keystore.put(INSTALLATION, SECRET)
    assert keystore.get(INSTALLATION) == SECRET
    assert keystore.get("another-installation") is None
    assert MemoryKeystore().get(INSTALLATION) is None


def test_new_device_secrets_are_random_and_whole() -> None:
    secrets = {new_device_secret() for _ in range(8)}

    assert len(secrets) == 8
    assert all(len(secret) == SECRET_BYTES for secret in secrets)


def test_fingerprint_is_a_truncated_hmac() -> None:
    expected = hmac.new(
        SECRET, b"waymark-device-fingerprint|" + INSTALLATION.encode(), hashlib.sha256
    ).hexdigest()[:32]

    assert fingerprint(SECRET, INSTALLATION) == expected
    assert len(expected) == 32


def test_fingerprint_is_stable_and_differs_per_installation_and_secret() -> None:
    other_secret = new_device_secret()

    assert fingerprint(SECRET, INSTALLATION) == fingerprint(SECRET, INSTALLATION)
    assert fingerprint(SECRET, INSTALLATION) != fingerprint(SECRET, "another-installation")
    assert fingerprint(SECRET, INSTALLATION) != fingerprint(other_secret, INSTALLATION)
    assert SECRET.hex() not in fingerprint(SECRET, INSTALLATION)


def test_keyring_required_names_the_problem() -> None:
    problem = "no keyring backend is available (keyring.backends.fail.Keyring)"

    message = KeyringRequired(problem=problem).user_message()

    assert message.startswith("This agency requires the system keyring")
    assert f"({problem})" in message


@pytest.mark.slow
def test_importing_the_module_does_not_import_keyring() -> None:
    code = (
        "import sys, casefile.keys.devicesecret as d\n"
        "d.fingerprint(d.new_device_secret(), 'i')\n"
        "d.MemoryKeystore().put('i', d.new_device_secret())\n"
        "assert 'keyring' not in sys.modules, 'keyring imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
