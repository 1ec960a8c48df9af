"""Start Waymark: `waymark [--data-dir DIR] [--lang CODE] [--demo]`."""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from casefile.errors import WaymarkError
from casefile.files.paths import StorePaths, StoreState, default_data_dir
from desktop import look
from desktop.shell import Shell
from desktop.translation import LanguageSwitcher
from i18n import _, current_language, normalize_language

if TYPE_CHECKING:  # imported where used: the sign-in window must appear as fast as possible
    from casefile.policy import Policy
    from casefile.store import Store
    from casefile.workstation import Workstation
    from desktop.locking.guard import LockGuard
    from desktop.operations.session import Session
    from desktop.operations.signing_in import SignedIn
    from desktop.operations.youth import FirstView
    from desktop.workspace.workspace import WorkspaceState

DEMO_YOUTH = 250
DEMO_PASSWORD = "practice"  # the demo's made-up account, shown on its lock screen
MESSAGE_MS = 10_000  # how long a message stays in the status bar
WARM_AFTER_MS = 250  # the keyring is asked this long after the sign-in page appears


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="waymark", description=_("Start Waymark."))
    parser.add_argument("--data-dir", type=Path, help=_("the folder that holds Waymark's data"))
    parser.add_argument("--lang", help=_("the interface language, for example en, es, ar"))
    parser.add_argument("--demo", action="store_true",
                        help=_("open a throwaway store filled with made-up youth"))
    return parser.parse_args(argv)


class Controller(QObject):
    """Leads from start-up to the workspace (setup or sign-in, or a problem page), and locks and
    unlocks it.

    The keyring is looked for only when first needed (it costs ~80 ms to import), so the
    sign-in window appears without waiting for it; a policy that requires a keyring is the
    exception, since Waymark must refuse to start without one.
    """

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.policy: Policy | None = None
        self.workstation: Workstation | None = None
        self._guard: LockGuard | None = None
        self._locked_login: str | None = None
        self._snapshot: WorkspaceState | None = None
        self._demo_password = ""
        self._warming = False  # the workstation is being found on the worker
        self.fixed_language: str | None = None  # --lang: wins over every remembered language
        self._chosen_while_locked: str | None = None
        shell.sign_in_needed.connect(self.start)
        shell.lock_action.triggered.connect(self.lock)
        shell.language_chosen.connect(self._language_chosen)

    def start(self) -> None:
        if not self._load_policy():
            return
        paths = StorePaths(self.shell.data_dir)
        problem = paths.missing_file()
        if problem is not None:
            self.shell.show_problem(problem)
        elif self._policy().keyring_required and self._find_workstation() is None:
            return
        elif paths.state() is StoreState.NEW:
            self._show_setup()
        else:
            self._show_login()

    def _show_setup(self) -> None:
        page = self.shell.show_setup(self._create)
        page.created.connect(self._created)
        page.restore_requested.connect(self.start_restore)

    def start_restore(self) -> None:
        """Restore a backup into the empty data folder instead of creating a new store."""
        page = self.shell.show_restore_backup(self._restore_backup)
        page.restored.connect(self._signed_in)
        page.back_requested.connect(self.start)

    def _show_login(self) -> None:
        page = self.shell.show_login(self._sign_in, self._policy().agency_name)
        page.signed_in.connect(self._signed_in)
        page.recovery_requested.connect(self.start_recovery)
        page.restore_requested.connect(self.start_restore)  # offered for a damaged store
        QTimer.singleShot(WARM_AFTER_MS, self._warm_workstation)  # once the page is painted

    def start_recovery(self) -> None:
        page = self.shell.show_recovery(self._recover)
        page.recovered.connect(self._signed_in)
        page.back_requested.connect(self.start)

    def start_demo(self) -> None:
        """A throwaway store whose device secret lives in memory, never in the real keyring."""
        from casefile.workstation import throwaway_workstation
        from demo import create_demo_store

        if not self._load_policy():
            return
        self.workstation = throwaway_workstation(self._policy())
        self._demo_password = DEMO_PASSWORD
        try:
            store = create_demo_store(self.shell.data_dir, DEMO_YOUTH,
                                      workstation=self.workstation, password=DEMO_PASSWORD)
        except WaymarkError as error:  # a full temporary folder, say
            self.shell.show_problem(error)
            return
        self._open_workspace(_session(store))

    # the agency policy and the keyring
    def _policy(self) -> Policy:
        assert self.policy is not None
        return self.policy

    def _load_policy(self) -> bool:
        from casefile.policy import load_policy

        try:
            self.policy = load_policy()
        except WaymarkError as error:
            self.shell.show_problem(error)
            return False
        self.shell.apply_policy(self.policy)
        return True

    def _warm_workstation(self) -> None:
        """Find the workstation on the worker while the person types (the click then finds it
        ready); a problem is left for the click to find again and show."""
        if self.workstation is not None or self._warming:
            return
        from desktop.operations.workstation import find_workstation

        self._warming = True
        self.shell.runner.run(find_workstation, on_done=self._found_workstation,
                              on_error=self._not_found, quiet=True)

    def _found_workstation(self, found: Workstation) -> None:
        self._warming = False
        if self.workstation is None:
            self._use_workstation(found)

    def _not_found(self, _error: WaymarkError) -> None:
        self._warming = False

    def _use_workstation(self, found: Workstation) -> None:
        self.workstation = found
        if found.policy != self.policy:
            self.policy = found.policy
            self.shell.apply_policy(self.policy)

    def _workstation(self) -> Workstation:
        """The policy and keyring of this workstation; raises KeyringRequired, PolicyInvalid."""
        if self.workstation is None and self._warming:
            self.shell.runner.wait()  # being found already
        if self.workstation is None:
            from casefile import workstation

            self._use_workstation(workstation.current_workstation())
        assert self.workstation is not None
        return self.workstation

    def _checked_workstation(self) -> Workstation:
        """The workstation; when Waymark cannot run here, the problem page and the error."""
        try:
            return self._workstation()
        except WaymarkError as error:
            self.shell.show_problem(error)
            raise

    def _find_workstation(self) -> Workstation | None:
        try:
            return self._checked_workstation()
        except WaymarkError:
            return None

    # signing in
    def _create(self, login: str, name: str, password: str) -> object:
        from casefile.store import create_store

        workstation = self._checked_workstation()
        return create_store(self.shell.data_dir, login, name, password, workstation=workstation)

    def _created(self, result: tuple[Store, str]) -> None:
        store, recovery_key = result
        page = self.shell.show_recovery_key(recovery_key)
        page.done.connect(lambda: self._open_workspace(_session(store)))

    def _sign_in(self, login: str, password: str) -> Callable[[], object]:
        """What the sign-in page runs: the workstation is checked here (it may show the problem
        page); the key derivation runs on the runner's worker."""
        from desktop.operations import signing_in

        keep_out_of_collections()
        return functools.partial(signing_in.sign_in, self.shell.data_dir, login, password,
                                 self._checked_workstation())

    def _recover(self, login: str, recovery_key: str, new_password: str) -> Callable[[], object]:
        from desktop.operations import signing_in

        self._checked_workstation()
        keep_out_of_collections()
        return functools.partial(signing_in.recover, self.shell.data_dir, login, recovery_key,
                                 new_password)

    def _restore_backup(
        self, source: Path, login: str, recovery_key: str, new_password: str
    ) -> Callable[[], object]:
        from desktop.operations import signing_in

        keep_out_of_collections()
        return functools.partial(signing_in.restore_backup, self.shell.data_dir, source, login,
                                 recovery_key, new_password, self._checked_workstation())

    def _signed_in(self, signed_in: SignedIn) -> None:
        """Someone signed in from the sign-in page: their own language and workspace, and where
        they were when Waymark locked if it was they who locked it."""
        session = signed_in.session
        state, self._snapshot, self._locked_login = self._snapshot, None, None
        if state is not None and state.owner_id != session.user_id:
            state = None
        self._apply_own_language(session, signed_in.language)
        self._open_workspace(session, state, signed_in.first)

    # the interface language
    def _apply_own_language(self, session: Session, code: str | None) -> None:
        """Switch to the language the person chose last time, unless --lang was given."""
        if self.fixed_language is not None:
            return
        if code is not None and code in session.policy.languages \
                and code != current_language():
            self.shell.switch(code)

    def _language_chosen(self, code: str) -> None:
        """Remember a language chosen from the menu: for the person signed in, for the person
        who locked (when they unlock), or for the sign-in page."""
        from desktop.locking.page import LockPage
        from desktop.operations import language

        workspace = self.shell.workspace
        if workspace is not None and workspace.session.is_open:
            self._remember_for(workspace.session, code)
        elif isinstance(self.shell.pages.currentWidget(), LockPage):
            self._chosen_while_locked = code
        elif not self.shell.demo:
            language.remember_for_sign_in(self.shell.data_dir, code)

    def _remember_for(self, session: Session, code: str) -> None:
        from desktop.operations import language

        try:
            language.remember_for(session, code)
        except WaymarkError as error:  # the language is switched; only not remembered
            self.shell.statusBar().showMessage(error.user_message(), MESSAGE_MS)

    def _open_workspace(self, session: Session, state: WorkspaceState | None = None,
                        first: FirstView | None = None) -> None:
        from desktop.locking.guard import LockGuard
        from desktop.workspace.workspace import Workspace

        workspace = Workspace(session, demo=self.shell.demo, first=first)
        self.shell.runner.changed.connect(workspace.broadcast)  # to every editor of the youth
        self.shell.show_workspace(workspace)
        if state is not None:
            workspace.restore(state)
        if self._guard is None:
            self._guard = LockGuard(self.shell)
            self._guard.lock_requested.connect(self.lock)
        self._guard.arm(session.policy.idle_minutes)
        keep_out_of_collections()  # the youth list lives as long as the workspace

    # locking
    def lock(self) -> None:
        """Hide everything at once: save, remember where the person was, audit, close dialogs,
        delete the workspace, close the store (engine and key), clear Waymark's clipboard."""
        from desktop.locking.guard import close_other_windows
        from desktop.operations.signing_in import record_lock

        workspace = self.shell.workspace
        if workspace is None or not workspace.session.is_open:  # setup, sign-in, locked, closed
            return
        assert self._guard is not None
        self._guard.disarm()
        close_other_windows(self.shell)
        self._leave_together(workspace.session)
        state = workspace.snapshot()
        session = workspace.session
        record_lock(session)
        self._snapshot, self._locked_login = state, session.login
        self._chosen_while_locked = None
        page = self.shell.show_lock(self._unlock, self._demo_password)
        page.unlocked.connect(self._unlocked)
        page.switch_user.connect(self._show_login)
        session.close()
        self._guard.clipboard.clear()
        gc.unfreeze()  # the workspace is gone: what it held may be collected again

    def _leave_together(self, session: Session) -> None:
        """A lock ends the together view (unlocking asks for the password and opens the full
        view); its leaving is recorded like any other."""
        page = self.shell.together
        if page is None:
            return
        from desktop.operations import plan as plan_ops

        with contextlib.suppress(WaymarkError):  # a full disk must not keep it from locking
            plan_ops.leave_together(session, page.plan_id, None)
        self.shell.end_together()

    def _unlock(self, password: str) -> Callable[[], object]:
        from desktop.operations import signing_in

        assert self._locked_login is not None
        keep_out_of_collections()
        return functools.partial(signing_in.unlock, self.shell.data_dir, self._locked_login,
                                 password, self._checked_workstation())

    def _unlocked(self, signed_in: SignedIn) -> None:
        """The person who locked is back, in the language on screen (chosen on the lock page,
        or theirs)."""
        state, self._snapshot, self._locked_login = self._snapshot, None, None
        chosen, self._chosen_while_locked = self._chosen_while_locked, None
        if chosen is not None:
            self._remember_for(signed_in.session, chosen)
        self._open_workspace(signed_in.session, state, signed_in.first)


def _session(store: Store) -> Session:
    from desktop.operations.session import Session

    return Session(store)


def keep_out_of_collections() -> None:
    """Take every object alive now out of the cyclic garbage collector's full passes
    (`gc.freeze`; it costs nothing). The window, the loaded modules and, once signed in, the
    youth list live until a lock or quit; scanning them in each full collection held the
    interpreter for 30-40 ms while the worker loaded the store's modules at sign-in, and the
    window stood still. Locking gives them back (`gc.unfreeze`) once the workspace is gone."""
    gc.freeze()


def _system_language() -> str:
    from PySide6.QtCore import QLocale  # importing it builds its enums: ~10 ms at start-up

    return normalize_language(QLocale.system().name())


def first_language(args: argparse.Namespace, data_dir: Path) -> str:
    """The sign-in page's language: --lang, else the one last chosen there, else the system's."""
    from desktop.operations import language

    remembered = None if args.demo else language.sign_in_language_of(data_dir)
    return normalize_language(args.lang or remembered or _system_language())


def start_window(
    args: argparse.Namespace, demo_dir: Path | None = None,
    switcher: LanguageSwitcher | None = None,
) -> Shell:
    """Create the application and show the first page (setup, sign-in, demo workspace)."""
    os.umask(0o077)
    app = _application()
    app.setApplicationName("Waymark")
    look.apply(app)
    switcher = switcher or LanguageSwitcher(app)
    data_dir = demo_dir / "data" if demo_dir else (args.data_dir or default_data_dir())
    switcher.switch(first_language(args, data_dir))
    shell = Shell(switcher, data_dir, demo=args.demo)
    controller = Controller(shell)
    controller.fixed_language = normalize_language(args.lang) if args.lang else None
    controller.start_demo() if args.demo else controller.start()
    shell.show()
    return shell


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def _close(shell: Shell | None) -> None:
    """Close the window as a person would (saving typing, closing the store) and quit."""
    if shell is not None and shell.isVisible():
        shell.close()
    elif shell is not None and shell.workspace is not None and shell.workspace.session.is_open:
        shell.workspace.finish()
        shell.workspace.session.close()
    _application().quit()


def run(args: argparse.Namespace) -> int:
    """Run Waymark until its window closes or a signal asks it to quit. A demo's throwaway
    folder is removed however that happens (a kill -9 leaves it for the next demo start)."""
    from desktop.quit_signals import QuitOnSignals

    app = _application()
    signals = QuitOnSignals(app)  # before anything is made that must not be left behind
    shell: Shell | None = None
    signals.quit_requested.connect(lambda: _close(shell))
    try:
        if not args.demo:
            shell = start_window(args)
            return app.exec()
        from demo.folder import DemoFolder

        with DemoFolder.create() as folder:
            try:
                shell = start_window(args, folder.path)
                return app.exec()
            finally:
                _close(shell)  # the store's files are closed before the folder goes
    finally:
        signals.restore()


def main(argv: list[str] | None = None) -> int:
    return run(parse_args(sys.argv[1:] if argv is None else argv))


