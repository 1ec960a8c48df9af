"""No copy of the key file survives a crash: a temporary file killed before its rename still
holds old slots (old passwords, disabled accounts) and is removed at the next open."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from casefile.files.paths import KEYS_NAME
from casefile.keys import keyfile
from casefile.store import create_store, open_store
from tests import keys as keys_helper
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD

REPO_ROOT = Path(__file__).resolve().parents[2]
NEW_PASSWORD = "a brand new password"

# Changes ada's password; with "kill-before-rename" the process dies with the temporary key
# file written and fsynced but not yet renamed over the key file.
CHANGE_PASSWORD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from casefile.keys import crypto
    crypto.DEFAULT_KDF = crypto.KdfParams(1, 1024, 1)
    from tests import keys
    from casefile.staff.accounts import change_own_password
    from casefile.store import open_store
    data_dir, old, new, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    store = open_store(data_dir, "ada", old, keys.PASSWORD_ONLY)
    if mode == "kill-before-rename":
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
    while True:
        change_own_password(store, old, new)
        old, new = new, old
        if mode != "loop":
            break
""")


def _child(data_dir: Path, mode: str, old: str, new: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", CHANGE_PASSWORD, str(data_dir), old, new,
                             mode], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


@pytest.fixture
def password_only_store(data_dir: Path) -> Path:
    create_store(data_dir, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD,
                 workstation=keys_helper.PASSWORD_ONLY)[0].close()
    return data_dir


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_copy_killed_before_its_rename_is_removed_at_the_next_open(
    password_only_store: Path,
) -> None:
    data_dir = password_only_store
    child = _child(data_dir, "kill-before-rename", ADMIN_PASSWORD, NEW_PASSWORD)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    (leftover,) = keyfile.stale_temporaries(data_dir / KEYS_NAME)
    # What makes it dangerous: a whole key file, whose slot keeps opening with this password
    # after the password is changed (or the account disabled).
    copy = keyfile.read_key_file(leftover)
    assert keyfile.unlock_with_password(copy, ADMIN_LOGIN, ADMIN_PASSWORD)

    store = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD, keys_helper.PASSWORD_ONLY)
    try:
        assert keyfile.stale_temporaries(data_dir / KEYS_NAME) == []
        assert store.stale_key_copies == 1
        from cli.verify import key_file_copies
        (report,) = key_file_copies(store)
        assert "1 temporary copy of the key file" in report and "removed" in report
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_random_kills_during_password_changes_leave_no_copy_after_the_next_open(
    password_only_store: Path,
) -> None:
    data_dir = password_only_store
    randomness = random.Random(7)
    passwords = [ADMIN_PASSWORD, NEW_PASSWORD]
    for _round in range(4):
        child = _child(data_dir, "loop", *passwords)
        time.sleep(1.0 + randomness.random() * 0.6)  # after start-up, mid-loop
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        for password in passwords:  # the kill may have landed either side of a change
            try:
                store = open_store(data_dir, ADMIN_LOGIN, password, keys_helper.PASSWORD_ONLY)
            except Exception:
                continue
            store.close()
            if password != passwords[0]:
                passwords.reverse()
            break
        else:
            pytest.fail("neither password opens the store after a kill")
        assert keyfile.stale_temporaries(data_dir / KEYS_NAME) == []
