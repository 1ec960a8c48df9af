"""The editors of the youth's page, and how a new one joins it.

Each editor (the profile today; the safety plan, its versions, missing episodes and the
assessment next) is a widget that implements `YouthEditor`. The workspace holds them in tabs and
speaks to them only through this protocol: it loads the youth, flushes their autosaves, keeps
their unsaved typing over a lock, tells them what other screens changed, and asks whether they
hold unsaved work. Each editor retranslates itself on a language switch (RetranslateMixin).

A new editor is added with `register_editor(make)` at import time of its module; neither the
workspace nor the lock code changes. An editor whose saves change the youth list's flags (the
"Needs attention" column) also has a `flags_changed` signal carrying a `ChangeNotice`: the
workspace then reads the flags again and tells every editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.operations.runner import ChangeNotice
    from desktop.operations.session import Session


@dataclass(frozen=True)
class EditorSnapshot:
    """What an editor keeps over a lock (in memory only): typing not saved yet, and what its
    save line said. `unsaved` is the editor's own; the workspace never looks inside."""

    unsaved: dict[str, Any] = field(default_factory=dict)
    save_state: object = ""


class YouthEditor(Protocol):
    key: str  # a stable name ("profile", "plan"): which snapshot is whose

    def tab_title(self) -> str:
        """The tab's title in the interface language (with an & for its access key)."""
        ...

    def load(self, youth_id: int) -> None:
        """Show this youth's record; raises WaymarkError when it cannot be read."""
        ...

    def flush(self) -> None:
        """Save waiting typing now (before another youth, a lock, closing)."""
        ...

    def has_unsaved(self) -> bool: ...

    def snapshot(self) -> EditorSnapshot: ...

    def restore(self, snapshot: EditorSnapshot) -> None:
        """Put typing kept over a lock back (and save it), or say again what the save line
        said."""
        ...

    def accept(self, notice: ChangeNotice) -> None:
        """Another screen changed something (which youth, which kind of record)."""
        ...


def as_widget(editor: YouthEditor) -> QWidget:
    """Every editor is a widget; the protocol names only what the workspace calls."""
    from PySide6.QtWidgets import QWidget

    assert isinstance(editor, QWidget), editor
    return editor


EditorFactory = Callable[["Session"], YouthEditor]
_FACTORIES: list[EditorFactory] = []


def register_editor(make: EditorFactory) -> None:
    """Add an editor to every workspace opened from now on, after the profile."""
    _FACTORIES.append(make)


def registered_editors() -> tuple[EditorFactory, ...]:
    return tuple(_FACTORIES)
