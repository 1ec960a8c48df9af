"""Switching the interface language at once, without losing what is typed."""

from __future__ import annotations

import sys
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.translation import LanguageSwitcher
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace


def test_switching_keeps_an_unsaved_edit_and_saves_it_after(
    qtbot: QtBot, start_shell: Any, switcher: LanguageSwitcher
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    profile = workspace(shell).profile
    type_into(qtbot, profile.placement_notes, "Prefers texts after school.")
    assert profile.autosave.pending
    shell.language_actions["es"].trigger()
    QApplication.processEvents()
    assert profile.placement_notes.toPlainText() == "Prefers texts after school."
    assert profile.labels["legal_name"].text() == "&Nombre"
    assert shell.language_menu.title() == "&Idioma"
    qtbot.waitUntil(lambda: profile.save_state.text().startswith("Guardado"), timeout=3000)
    assert profile.record is not None
    assert profile.record.placement_notes == "Prefers texts after school."


def test_right_to_left_languages_flip_the_layout(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    shell.language_actions["ar"].trigger()
    QApplication.processEvents()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert shell.layoutDirection() == Qt.LayoutDirection.RightToLeft
    shell.language_actions["zh_CN"].trigger()
    QApplication.processEvents()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_qt_own_strings_follow_the_language(qtbot: QtBot, switcher: LanguageSwitcher) -> None:
    switcher.switch("es")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    switcher.switch("en")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_qt_translate_calls_do_not_drain_none(qtbot: QtBot, switcher: LanguageSwitcher) -> None:
    """Each call through the Python translator once released a reference to None (a crash)."""
    switcher.switch("es")
    before = sys.getrefcount(None)
    for _ in range(500):
        QApplication.translate("QPlatformTheme", "Cancel")
    assert sys.getrefcount(None) >= before


def test_list_headers_and_dates_follow_the_language(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    model = workspace(shell).list_panel.model
    shell.language_actions["es"].trigger()
    QApplication.processEvents()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nombre"
    assert workspace(shell).profile.title.text() == "Jordan Sample"
