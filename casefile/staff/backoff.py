"""Exponential back-off after failed sign-ins, per login, kept in the key file.

The first few mistakes cost nothing; after that each further failure doubles the wait, up to a
ceiling. The wait is measured on the wall clock and survives restarting Waymark.
"""

from __future__ import annotations

from dataclasses import replace

from casefile.keys.keyfile import FailedSignIn, KeyFile, SignInFailures, normalize_login

FREE_TRIES = 3
FIRST_WAIT_SECONDS = 5.0
MAX_WAIT_SECONDS = 15 * 60.0
MAX_TRACKED_LOGINS = 100  # typed logins need not exist: keep the file small
MAX_PENDING_AUDIT = 500
MAX_LOGIN_CHARS = 128


def wait_after(failures: int) -> float:
    """Seconds a login must wait after `failures` failures in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_TRIES), MAX_WAIT_SECONDS))


def seconds_to_wait(key_file: KeyFile, login: str, now: float) -> int:
    """Whole seconds before `login` may try again (0 when it may try now)."""
    failures = key_file.failures_of(login)
    if failures is None:
        return 0
    remaining = failures.last + wait_after(failures.count) - now
    return max(0, int(remaining + 0.999))


def record_failure(key_file: KeyFile, login: str, now: float) -> KeyFile:
    wanted = normalize_login(login)[:MAX_LOGIN_CHARS]
    previous = key_file.failures_of(wanted)
    count = 1 if previous is None else previous.count + 1
    others = [(name, f) for name, f in key_file.failures if name != wanted]
    others.sort(key=lambda item: item[1].last)
    kept = others[-(MAX_TRACKED_LOGINS - 1):] if MAX_TRACKED_LOGINS > 1 else []
    pending = (*key_file.failed_sign_ins, FailedSignIn(wanted, now))[-MAX_PENDING_AUDIT:]
    return replace(key_file, failures=(*kept, (wanted, SignInFailures(count, now))),
                   failed_sign_ins=pending)


def clear_failures(key_file: KeyFile, login: str) -> KeyFile:
    wanted = normalize_login(login)
    return replace(key_file, failures=tuple(
        (name, f) for name, f in key_file.failures if name != wanted))
