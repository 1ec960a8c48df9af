"""The device secret against a real Secret Service, as a person at the workstation meets it.

The other device-secret tests use fake keyring backends. These start a real one for each test:
gnome-keyring-daemon on a private D-Bus session bus, its keyrings in a fresh temporary home, and
let Waymark find it the way it does on a workstation (keyring's own discovery, then our
allow-list). They check that a store made there needs that keyring, what a person is told when
the keyring lost its item, is locked or is gone, that the recovery key brings a new device
secret, and that `waymark-admin` works with it.

Keeping the real user's keyring out of reach: the private bus is found only through
DBUS_SESSION_BUS_ADDRESS, set for the test alone (and, for child processes, in an environment
built from scratch with its own HOME and XDG folders); the bus has no service directories, so it
starts nothing on demand (no second keyring daemon, no password prompt on someone's screen). Both
daemons are our children, run in the foreground, and are stopped and checked gone afterwards.

`python3 dev.py test` installs the programs on Debian and Ubuntu; elsewhere the tests skip.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import keyring.backend
import keyring.core
import pytest

from casefile import workstation as workstation_module
from casefile.errors import (
    DeviceSecretLost,
    DeviceSecretUnavailable,
    KeyringFailed,
    WrongPassword,
)
from casefile.files.paths import KEYS_NAME, StorePaths, StoreState
from casefile.keys.devicesecret import SERVICE, fingerprint
from casefile.staff.accounts import recover_with_key
from casefile.store import create_store, open_store
from casefile.workstation import Workstation, current_workstation, throwaway_workstation
from tests.cli.cli_support import RECOVERY_KEY, assert_one_sentence

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a brand new passphrase"
KEYRING_PASSWORD = "the login keyring's password"
DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"
START_SECONDS = 10.0
PROGRAMS = ("dbus-daemon", "gnome-keyring-daemon")

# A session bus that starts no service on demand: no <servicedir>, no standard_session_servicedirs.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

# The real environment variables that could lead to the real user's keyring or screen.
_REAL_SESSION = ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "GNOME_KEYRING_CONTROL",
                 "SSH_AUTH_SOCK", "PYTHON_KEYRING_BACKEND", "XDG_SESSION_TYPE")


def _forget_keyring_discovery() -> None:
    """keyring caches the backend it picked and, once per process, the list of viable ones (made
    before this test's bus existed, or pointing at another test's): forget both."""
    keyring.core._keyring_backend = None
    keyring.backend._limit = None
    vars(keyring.backend.get_all_keyring).pop("saved_result", None)


def _read_line(stream: IO[bytes] | None, seconds: float) -> str:
    """One line from a child's pipe, or "" when none came in time."""
    assert stream is not None
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline().decode().strip() if ready else ""


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _processes_using(marker: str) -> list[int]:
    """Processes (other than this one) whose command line or environment mention `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            text = (entry / "cmdline").read_bytes() + (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
            if marker.encode() in text and state != "Z":  # a zombie is gone, just not reaped
                found.append(int(entry.name))
    return found


class SecretService:
    """A private D-Bus session bus with gnome-keyring-daemon serving secrets on it, its login
    keyring created and unlocked at start. Seen through its own connections, never through the
    test process's environment, so what it reports is what is really stored."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="waymark-keyring-"))  # short: a socket lives here
        self.logs = self.root / "logs"
        for folder in ("home", "config", "data", "cache", "run", "logs"):
            (self.root / folder).mkdir(mode=0o700)
        (self.root / "bus.conf").write_text(BUS_CONFIG.format(folder=self.root))
        self.processes: list[subprocess.Popen[bytes]] = []
        self.address = ""
        self.bus = self._spawn("dbus-daemon", "--config-file", str(self.root / "bus.conf"),
                               "--nofork", "--nopidfile", "--print-address=1")
        self.address = _read_line(self.bus.stdout, START_SECONDS)
        if not self.address:
            self.close()
            pytest.fail("dbus-daemon gave no address: " + self.log("dbus-daemon"))
        self.daemon = self._spawn("gnome-keyring-daemon", "--foreground", "--unlock",
                                  "--components=secrets", stdin=KEYRING_PASSWORD)
        self._wait_until_ready()

    def environment(self) -> dict[str, str]:
        """An environment for a process that is to use this Secret Service and nothing else."""
        env = {name: value for name, value in os.environ.items() if name not in _REAL_SESSION}
        env.update(HOME=str(self.root / "home"), XDG_CONFIG_HOME=str(self.root / "config"),
                   XDG_DATA_HOME=str(self.root / "data"), XDG_CACHE_HOME=str(self.root / "cache"),
                   XDG_RUNTIME_DIR=str(self.root / "run"), LANGUAGE="en")
        if self.address:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        return env

    def _spawn(self, *command: str, stdin: str | None = None) -> subprocess.Popen[bytes]:
        with (self.logs / command[0]).open("wb") as log:
            process = subprocess.Popen(
                command, env=self.environment(), stdin=subprocess.PIPE, stderr=log,
                stdout=subprocess.PIPE if command[0] == "dbus-daemon" else log)
        self.processes.append(process)
        assert process.stdin is not None
        if stdin is not None:
            process.stdin.write(stdin.encode())
        process.stdin.close()
        return process

    def log(self, program: str) -> str:
        return (self.logs / program).read_text(errors="replace")

    def connection(self) -> Any:
        """A connection to this bus by its address (jeepney's, as secretstorage uses)."""
        from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

        return open_dbus_connection(bus=self.address)

    def _wait_until_ready(self) -> None:
        """Wait until the daemon serves its default collection, unlocked."""
        from secretstorage import Collection
        from secretstorage.exceptions import SecretStorageException

        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and self.daemon.poll() is None:
            with contextlib.suppress(SecretStorageException), self.connection() as connection:
                if not Collection(connection, DEFAULT_COLLECTION).is_locked():
                    return
            time.sleep(0.05)
        self.close()
        pytest.fail("gnome-keyring-daemon did not start: " + self.log("gnome-keyring-daemon"))

    def waymark_secrets(self) -> dict[str, bytes]:
        """What the keyring holds under Waymark's service: user name -> the decoded secret."""
        from secretstorage import Collection

        with self.connection() as connection:
            collection = Collection(connection, DEFAULT_COLLECTION)
            return {
                item.get_attributes()["username"]: base64.b64decode(item.get_secret())
                for item in collection.search_items({"service": SERVICE})
            }

    def delete_waymark_secrets(self) -> None:
        """What `secret-tool clear service Waymark` does: the keyring loses the device secret."""
        from secretstorage import Collection

        with self.connection() as connection:
            for item in Collection(connection, DEFAULT_COLLECTION).search_items(
                    {"service": SERVICE}):
                item.delete()
        assert self.waymark_secrets() == {}

    def lock(self) -> None:
        """Lock the login keyring, as the desktop does on a timeout or a screen lock."""
        from secretstorage import Collection

        with self.connection() as connection:
            collection = Collection(connection, DEFAULT_COLLECTION)
            collection.lock()
            assert collection.is_locked()

    def stop_keyring(self) -> None:
        """Stop the keyring daemon; the bus stays, as when the daemon crashed."""
        _stop(self.daemon)

    def close(self) -> None:
        for process in reversed(self.processes):
            _stop(process)
            for pipe in (process.stdout, process.stdin):
                if pipe is not None:
                    pipe.close()
        left = _processes_using(str(self.root))
        shutil.rmtree(self.root, ignore_errors=True)
        assert left == [], f"processes left running: {left}"

    def admin(self, data_dir: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
        """`waymark-admin --data-dir DIR ARGS...` as its own process, with only this keyring."""
        env = {**self.environment(), "PYTHONPATH": str(REPO)}
        return subprocess.run(
            [sys.executable, "-m", "cli", "--data-dir", str(data_dir), *args],
            input=stdin, capture_output=True, text=True, env=env, timeout=60, check=False,
        )


@pytest.fixture
def secret_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretService]:
    """A real Secret Service for this test, which Waymark's own discovery finds: the autouse
    in-memory workstation of tests/conftest.py is replaced by the real `current_workstation`."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Secret Service tests run on Linux only")
    missing = [program for program in PROGRAMS if shutil.which(program) is None]
    if missing:
        pytest.skip(f"no real Secret Service: {', '.join(missing)} not found "
                    "(python3 dev.py test installs them on Debian and Ubuntu)")
    pytest.importorskip("secretstorage")
    assert current_workstation.__module__ == "casefile.workstation"  # the real one, not a stub
    service = SecretService()
    try:
        for name in _REAL_SESSION:
            monkeypatch.delenv(name, raising=False)
        for name, value in service.environment().items():
            if name.startswith(("XDG_", "DBUS_")):
                monkeypatch.setenv(name, value)
        monkeypatch.setattr(workstation_module, "current_workstation", current_workstation)
        _forget_keyring_discovery()
        yield service
    finally:
        _forget_keyring_discovery()
        service.close()


def _key_file(data_dir: Path) -> dict[str, object]:
    parsed: dict[str, object] = json.loads((data_dir / KEYS_NAME).read_text())
    return parsed


def _staff_devices(data_dir: Path) -> dict[str, bool]:
    slots = _key_file(data_dir)["slots"]
    assert isinstance(slots, list)
    return {slot["login"]: slot["device"] for slot in slots if slot["kind"] == "staff"}


def _device_secret(service: SecretService, data_dir: Path) -> bytes:
    """The one device secret in the keyring, checked against the key file's fingerprint."""
    keys = _key_file(data_dir)
    installation = str(keys["installation_id"])
    stored = service.waymark_secrets()
    assert list(stored) == [f"device-secret-{installation}"]
    secret = stored[f"device-secret-{installation}"]
    assert fingerprint(secret, installation) == keys["device_fingerprint"]
    return secret


def _failure_of(action: Callable[[], object], service: SecretService,
                seconds: float = 10.0) -> BaseException | None:
    """What `action` raised (None if nothing), failing instead of hanging the whole run when it
    waits for ever, for instance on a keyring prompt nobody can answer."""
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            action()
        except BaseException as error:
            outcome.append(error)
        else:
            outcome.append(None)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        service.stop_keyring()  # its D-Bus calls then end, and so does the thread
        pytest.fail(f"still waiting for the keyring after {seconds} seconds")
    return outcome[0]


def test_a_store_made_with_the_real_keyring_signs_in_with_it_and_not_elsewhere(
    secret_service: SecretService, data_dir: Path
) -> None:
    here = current_workstation()
    assert here.keystore is not None
    assert here.keystore.name == "Secret Service"

    store, _recovery = create_store(data_dir, "ada", "Ada Admin", PASSWORD)
    store.close()

    assert _staff_devices(data_dir) == {"ada": True}
    _device_secret(secret_service, data_dir)
    open_store(data_dir, "ada", PASSWORD).close()  # a second sign-in finds the keyring afresh
    with pytest.raises(WrongPassword):
        open_store(data_dir, "ada", "not the password")
    copied = data_dir.parent / "copied"  # the folder carried to a computer without that keyring
    shutil.copytree(data_dir, copied)
    with pytest.raises(DeviceSecretLost):
        open_store(copied, "ada", PASSWORD, throwaway_workstation())


def test_a_lost_keyring_item_is_explained_and_the_recovery_key_stores_a_new_one(
    secret_service: SecretService, data_dir: Path
) -> None:
    store, recovery_key = create_store(data_dir, "ada", "Ada Admin", PASSWORD)
    store.close()
    lost_secret = _device_secret(secret_service, data_dir)
    keys_before = (data_dir / KEYS_NAME).read_bytes()

    secret_service.delete_waymark_secrets()
    with pytest.raises(DeviceSecretLost) as lost:
        open_store(data_dir, "ada", PASSWORD)

    message = lost.value.user_message()
    assert message.startswith("The system keyring no longer holds this store's workstation key")
    assert "Use the recovery key" in message
    assert (data_dir / KEYS_NAME).read_bytes() == keys_before  # not even a failure counted

    recover_with_key(data_dir, "ada", recovery_key, NEW_PASSWORD).close()  # the GUI's and CLI's

    assert _device_secret(secret_service, data_dir) != lost_secret
    assert _staff_devices(data_dir) == {"ada": True}
    open_store(data_dir, "ada", NEW_PASSWORD).close()
    with pytest.raises(WrongPassword):
        open_store(data_dir, "ada", PASSWORD)


def test_a_locked_keyring_is_one_clear_message_and_changes_nothing(
    secret_service: SecretService, data_dir: Path
) -> None:
    store, _recovery = create_store(data_dir, "ada", "Ada Admin", PASSWORD)
    store.close()
    keys_before = (data_dir / KEYS_NAME).read_bytes()
    secret_service.lock()

    signing_in = _failure_of(lambda: open_store(data_dir, "ada", PASSWORD), secret_service)
    other_folder = data_dir.parent / "other"
    creating = _failure_of(lambda: create_store(other_folder, "bo", "Bo", PASSWORD),
                           secret_service)

    for failure in (signing_in, creating):
        assert isinstance(failure, KeyringFailed)
        assert failure.user_message() == (
            "The system keyring did not answer (KeyringLocked: Failed to unlock the "
            "collection!). Nothing was changed; try again, or ask your IT staff to check the "
            "keyring."
        )
    assert (data_dir / KEYS_NAME).read_bytes() == keys_before
    assert StorePaths(other_folder).state() is StoreState.NEW  # set-up can simply be tried again
    verified = secret_service.admin(data_dir, "--as", "ada", "verify", stdin=f"{PASSWORD}\n")
    assert verified.returncode == 1
    assert_one_sentence(verified.stderr)
    assert verified.stderr.startswith("The system keyring did not answer (KeyringLocked")


def test_a_keyring_that_is_gone_sends_people_to_the_recovery_key(
    secret_service: SecretService, data_dir: Path
) -> None:
    store, _recovery = create_store(data_dir, "ada", "Ada Admin", PASSWORD)
    store.close()
    keys_before = (data_dir / KEYS_NAME).read_bytes()

    secret_service.stop_keyring()
    _forget_keyring_discovery()  # as in a fresh start of Waymark
    here: Workstation = current_workstation()
    with pytest.raises(DeviceSecretUnavailable) as unavailable:
        open_store(data_dir, "ada", PASSWORD, here)

    assert here.password_only
    message = unavailable.value.user_message()
    assert message.startswith("Your password works only together with this workstation's "
                              "keyring, which is not available now (")
    assert here.keyring.problem in message
    assert "Sign in with the recovery key" in message
    assert (data_dir / KEYS_NAME).read_bytes() == keys_before


def test_waymark_admin_uses_the_real_keyring(secret_service: SecretService,
                                             data_dir: Path) -> None:
    created = secret_service.admin(data_dir, "init", "--admin", "ada", "--name", "Ada Admin",
                                   stdin=f"{PASSWORD}\n")
    assert created.returncode == 0, created.stderr
    (recovery_key,) = RECOVERY_KEY.findall(created.stdout)
    assert _staff_devices(data_dir) == {"ada": True}
    first_secret = _device_secret(secret_service, data_dir)

    verified = secret_service.admin(data_dir, "--as", "ada", "verify", stdin=f"{PASSWORD}\n")
    assert (verified.returncode, verified.stderr) == (0, ""), verified.stderr
    listed = secret_service.admin(data_dir, "--as", "ada", "user", "list", stdin=f"{PASSWORD}\n")
    assert listed.returncode == 0, listed.stderr
    assert "keyring-protected" in listed.stdout

    secret_service.delete_waymark_secrets()
    refused = secret_service.admin(data_dir, "--as", "ada", "verify", stdin=f"{PASSWORD}\n")
    assert refused.returncode == 1
    assert_one_sentence(refused.stderr)
    assert refused.stderr.startswith("The system keyring no longer holds")
    recovered = secret_service.admin(data_dir, "user", "reset-password", "ada", "--recovery-key",
                                     stdin=f"{recovery_key}\n{NEW_PASSWORD}\n")
    assert recovered.returncode == 0, recovered.stderr
    assert _device_secret(secret_service, data_dir) != first_secret
    again = secret_service.admin(data_dir, "--as", "ada", "verify", stdin=f"{NEW_PASSWORD}\n")
    assert (again.returncode, again.stderr) == (0, ""), again.stderr

