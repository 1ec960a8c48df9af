"""Start Waymark: `waymark [--data-dir DIR] [--lang CODE] [--demo]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from casefile.paths import StorePaths, StoreState, default_data_dir
from desktop.shell import Shell
from desktop.translation import LanguageSwitcher
from i18n import _, normalize_language

DEMO_YOUTH = 250


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="waymark", description=_("Start Waymark."))
    parser.add_argument("--data-dir", type=Path, help=_("the folder that holds Waymark's data"))
    parser.add_argument("--lang", help=_("the interface language, for example en, es, ar"))
    parser.add_argument("--demo", action="store_true",
                        help=_("open a throwaway store filled with made-up youth"))
    return parser.parse_args(argv)


class Controller:
    """Leads from start-up to the workspace: setup or sign-in, or a problem page."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def start(self) -> None:
        paths = StorePaths(self.shell.data_dir)
        problem = paths.missing_file()
        if problem is not None:
            self.shell.show_problem(problem)
        elif paths.state() is StoreState.NEW:
            self.shell.show_setup(self._create).created.connect(self._created)
        else:
            self.shell.show_login(self._sign_in).signed_in.connect(self._open_workspace)

    def start_demo(self) -> None:
        from casefile.demo import create_demo_store

        store = create_demo_store(self.shell.data_dir, DEMO_YOUTH)
        self._open_workspace(store)

    def _create(self, login: str, name: str, password: str) -> object:
        from casefile.store import create_store

        return create_store(self.shell.data_dir, login, name, password)

    def _created(self, result: tuple[object, str]) -> None:
        store, recovery_key = result
        page = self.shell.show_recovery_key(recovery_key)
        page.done.connect(lambda: self._open_workspace(store))

    def _sign_in(self, login: str, password: str) -> object:
        from casefile.store import open_store

        return open_store(self.shell.data_dir, login, password)

    def _open_workspace(self, store: object) -> None:
        from desktop.workspace.workspace import Workspace

        self.shell.show_workspace(Workspace(store, demo=self.shell.demo))  # type: ignore[arg-type]


def _system_language() -> str:
    return normalize_language(QLocale.system().name())


def start_window(args: argparse.Namespace, demo_dir: Path | None = None) -> Shell:
    """Create the application and show the first page (setup, sign-in, demo workspace)."""
    os.umask(0o077)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Waymark")
    switcher = LanguageSwitcher(app)  # type: ignore[arg-type]
    switcher.switch(args.lang or _system_language())
    data_dir = demo_dir / "data" if demo_dir else (args.data_dir or default_data_dir())
    shell = Shell(switcher, data_dir, demo=args.demo)
    controller = Controller(shell)
    controller.start_demo() if args.demo else controller.start()
    shell.show()
    return shell


def run(args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    demo_dir = Path(tempfile.mkdtemp(prefix="waymark-demo-")) if args.demo else None
    try:
        start_window(args, demo_dir)
        return QApplication.instance().exec()  # type: ignore[union-attr]
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    return run(parse_args(sys.argv[1:] if argv is None else argv))


