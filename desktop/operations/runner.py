"""The one mechanism every operation runs through (Anki's `CollectionOp` is the model).

`Runner.run` takes a plain function (an operation from this package, bound to its arguments),
runs it on the runner's one worker thread while the calling screen shows that it is waiting,
and hands the result or the `WaymarkError` back on the GUI thread. Because there is one worker,
two operations never interleave their writes, and each opens and closes its own unit of work
there, so no session or connection crosses threads. An operation whose result says what changed
(`ChangeNotice`) has that notice broadcast on `changed`, for every screen showing that youth.

`Runner.run_now` runs a quick operation (an autosave) on the GUI thread with the same error
handling and notices, after any queued work: its budget is milliseconds.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from casefile.errors import WaymarkError
from i18n import N_

log = logging.getLogger(__name__)
T = TypeVar("T")
UNEXPECTED = N_("Waymark stopped this action because of an unexpected problem ({kind}). "
                "Nothing more was changed.")


@dataclass(frozen=True)
class ChangeNotice:
    """What an operation changed: which youth (None: no one youth) and which kind of record."""

    youth_id: int | None
    kind: str


@dataclass
class _Job(Generic[T]):
    operation: Callable[[], T]
    on_done: Callable[[T], object] | None
    on_error: Callable[[WaymarkError], object] | None
    caller: QWidget | None
    notice: Callable[[T], ChangeNotice | None] | None
    quiet: bool = False  # work nobody waits for: no wait cursor, not `busy`
    outcome: tuple[bool, Any] = field(default=(False, None))


def _outcome(operation: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        return True, operation()
    except WaymarkError as error:
        return False, error
    except Exception as error:  # shown as one sentence; never case content in the log
        log.exception("operation failed")
        return False, WaymarkError(UNEXPECTED, kind=type(error).__name__)


class _Relay(QObject):
    """Lives on the GUI thread; a job finished on the worker is delivered through it."""

    finished = Signal(object)


class Runner(QObject):
    changed = Signal(object)  # a ChangeNotice, for every screen showing that youth
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A plain Python thread, started when work arrives and ended when none is left: a
        # QRunnable that Qt deletes leaves PySide a stale wrapper at its address, which a later
        # Qt object (a menu's separator) was then mistaken for.
        self._queue: deque[Callable[[], None]] = deque()
        self._lock = threading.Condition()
        self._working = False
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finish)  # queued: it is emitted on the worker
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(
        self, operation: Callable[[], T], *, on_done: Callable[[T], object] | None = None,
        on_error: Callable[[WaymarkError], object] | None = None, caller: QWidget | None = None,
        notice: Callable[[T], ChangeNotice | None] | None = None, quiet: bool = False,
    ) -> None:
        """Run `operation` on the worker; `caller` is disabled (and the cursor waits) until
        `on_done(result)` or `on_error(error)` runs on the GUI thread. A `quiet` operation is
        work done ahead (nobody waits for it): no wait cursor."""
        job = _Job(operation, on_done, on_error, caller, notice, quiet)
        if not quiet:
            self._begin(caller)

        def work() -> None:
            job.outcome = _outcome(operation)
            self._relay.finished.emit(job)

        with self._lock:
            self._queue.append(work)
            if not self._working:
                self._working = True
                threading.Thread(target=self._work, name="waymark-operation", daemon=True).start()

    def _work(self) -> None:
        """The worker: runs queued operations one after another, then ends."""
        while True:
            with self._lock:
                if not self._queue:
                    self._working = False
                    self._lock.notify_all()
                    return
                work = self._queue.popleft()
            work()

    def run_prepared(
        self, prepare: Callable[[], Callable[[], T]], *, on_done: Callable[[T], object],
        on_error: Callable[[WaymarkError], object], caller: QWidget,
    ) -> None:
        """Run the operation `prepare()` gives back. `prepare` runs here first, for the checks
        that need the screen (the workstation); its WaymarkError goes to `on_error` at once."""
        try:
            operation = prepare()
        except WaymarkError as error:
            on_error(error)
            return
        self.run(operation, on_done=on_done, on_error=on_error, caller=caller)

    def run_now(
        self, operation: Callable[[], T], *, on_error: Callable[[WaymarkError], object] | None
        = None, notice: Callable[[T], ChangeNotice | None] | None = None,
    ) -> T | None:
        """Run a quick `operation` here, after queued work; its result, or None on an error."""
        self.wait()
        ok, value = _outcome(operation)
        if not ok:
            if on_error is not None:
                on_error(value)
            return None
        self._announce(notice, value)
        return value  # type: ignore[no-any-return]

    def wait(self) -> None:
        """Block until queued operations have finished (before locking or closing the store)."""
        with self._lock:
            self._lock.wait_for(lambda: not self._working)
        QGuiApplication.sendPostedEvents(self)  # deliver what finished meanwhile

    def _begin(self, caller: QWidget | None) -> None:
        self._running += 1
        if caller is not None:
            caller.setEnabled(False)
        if self._running == 1:
            from PySide6.QtCore import Qt

            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.busy_changed.emit(True)

    def _finish(self, job: _Job[Any]) -> None:
        if not job.quiet:
            self._end(job.caller)
        ok, value = job.outcome
        if not ok:
            if job.on_error is not None:
                job.on_error(value)
            return
        self._announce(job.notice, value)
        if job.on_done is not None:
            job.on_done(value)

    def _end(self, caller: QWidget | None) -> None:
        self._running -= 1
        if caller is not None and isValid(caller):  # the screen may have closed
            caller.setEnabled(True)
        if self._running == 0:
            QGuiApplication.restoreOverrideCursor()
            self.busy_changed.emit(False)

    def _announce(self, notice: Callable[[Any], ChangeNotice | None] | None, value: Any) -> None:
        change = notice(value) if notice is not None else None
        if change is not None:
            self.changed.emit(change)
