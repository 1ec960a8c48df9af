"""Printing from `waymark-admin` so that no text can make it crash.

A path may hold bytes that are not UTF-8 (Python carries them as lone surrogates), a message
may be in a script the terminal's encoding lacks, and standard output may be strict ASCII
(`LC_ALL=C`, `PYTHONIOENCODING=ascii:strict`) or a pipe that closes. Text is therefore made
printable first (a byte that is not UTF-8 shows as `\\xff`), and the streams replace what their
encoding cannot hold instead of raising. The recovery key, shown once, is written and flushed on
its own so that a failure to show it is known at once (see `cli.setup`).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import unicodedata
from typing import TextIO

_MISSING_STREAM = "standard output is closed"


def printable(text: str) -> str:
    """`text` safe to print: the bytes a file name carried that are not UTF-8 as `\\xNN`, any
    other lone surrogate as `\\udNNN`, and control characters other than the line break
    escaped too (a name or file name holding ESC could otherwise drive the terminal)."""
    if text.isprintable() or not any(_needs_escape(ch) for ch in text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
        raw = text.encode("utf-8", "backslashreplace")
    decoded = raw.decode("utf-8", "backslashreplace")
    return "".join(ch.encode("unicode_escape").decode("ascii") if _is_control(ch) else ch
                   for ch in decoded)


def _is_control(ch: str) -> bool:
    return ch != "\n" and unicodedata.category(ch) == "Cc"


def _needs_escape(ch: str) -> bool:
    return _is_control(ch) or unicodedata.category(ch) == "Cs"


def shown(path: object) -> str:
    """A path (str, bytes or Path) as text that can always be printed."""
    if isinstance(path, str | bytes | os.PathLike):
        return printable(os.fsdecode(path))
    return printable(str(path))


def make_streams_safe() -> None:
    """Let standard output and error replace what their encoding cannot hold (a backslash
    escape) instead of raising in the middle of a message."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # closed, or cannot change now: printing stays guarded
                continue


def say(*lines: str, stream: TextIO | None = None) -> None:
    """Print `lines` (to standard output unless `stream` is given), made printable first."""
    target = sys.stdout if stream is None else stream
    if target is None:  # pythonw on Windows: there is nowhere to print
        return
    for line in lines:
        print(printable(line), file=target)


def write_now(text: str) -> None:
    """Write `text` to standard output and flush it; raises OSError when it did not get out."""
    stream = sys.stdout
    if stream is None:
        raise OSError(_MISSING_STREAM)
    stream.write(printable(text))
    stream.flush()


def silence_stdout() -> None:
    """After the process's standard output failed: point it at the null device, so that Python's
    own flush at exit does not add a second, technical complaint about the same failure."""
    real: TextIO | None = sys.__stdout__
    if real is None or sys.stdout is not real:  # a test's or a caller's stream: leave it be
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, real.fileno())
        finally:
            os.close(devnull)
