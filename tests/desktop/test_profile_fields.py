"""The profile's fields are declared once (desktop/workspace/fields.py): these tests go through
every declared field, so a field added to the declaration is labelled, kept over a lock and
saved without another line here."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from casefile.cases.youth import EDITABLE, get_youth
from desktop.operations.session import store_of
from desktop.workspace.fields import ChoiceField, DateEntry, Field, NotesField, TextField, fields_of
from desktop.workspace.profile import YouthProfile
from i18n import LANGUAGES, _
from tests.desktop.helpers import type_into, wait_saved, workspace
from tests.desktop.test_locking import hide_keys, signed_in_with_youth, unlock

FIELDS = fields_of(YouthProfile)
TYPED = {TextField: "Ñandú 🌱 سارة", NotesField: "Lives with her aunt.\nSchool: 8th grade 📚"}


def test_the_declaration_covers_what_the_domain_lets_a_profile_edit() -> None:
    assert FIELDS[0].name == "legal_name"
    assert sorted(field.name for field in FIELDS) == sorted(EDITABLE)


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_every_field_has_a_translated_label_that_names_it_for_a_screen_reader(
    qtbot: QtBot, start_shell: Any, code: str
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    shell.switch(code)
    QApplication.processEvents()  # the language change reaches every widget
    profile = workspace(shell).profile
    for field in FIELDS:
        widget = getattr(profile, field.name)
        label = profile.labels[field.name]
        assert widget.objectName() == field.name
        assert label.buddy() is widget
        assert label.text() == _(field.label) and "&" in label.text()  # an Alt+letter
        assert widget.accessibleName() == label.text().replace("&", "")
        if code != "en":
            assert label.text() != field.label, f"{field.name} is not translated into {code}"
    shell.switch("en")


def _enter(qtbot: QtBot, field: Field[Any], widget: Any) -> object:
    """Enter a value into `widget` as a person would; returns the value it stands for."""
    if isinstance(field, DateEntry):
        type_into(qtbot, widget.edit, "2011-03-15")
        qtbot.keyClick(widget.edit, Qt.Key.Key_Tab)
        return date(2011, 3, 15)
    if isinstance(field, ChoiceField):
        assert isinstance(widget, QComboBox)
        if not widget.isEnabled() or widget.count() < 2:
            return widget.currentData()  # not this person's to choose
        widget.setCurrentIndex(widget.count() - 1)
        widget.activated.emit(widget.count() - 1)
        return widget.currentData()
    text = TYPED[type(field)]
    type_into(qtbot, widget, text)
    return text


def test_every_field_typed_into_a_new_youth_survives_a_lock_and_is_saved(
    qtbot: QtBot, start_shell: Any,
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    ws.new_youth()
    # no name yet, so nothing can be saved: the lock must keep every field's typing
    entered = {field.name: _enter(qtbot, field, getattr(ws.profile, field.name))
               for field in FIELDS if field.name != "legal_name"}
    hide_keys(qtbot, ws.profile.pronouns)
    unlock(qtbot, shell)
    back = workspace(shell).profile
    assert back.record is None
    assert {name: value for name, value in back.values().items() if name in entered} == entered
    type_into(qtbot, back.legal_name, "Sample Youth")
    wait_saved(qtbot, shell)
    assert back.record is not None
    saved = get_youth(store_of(workspace(shell).session), back.record.id)
    assert {name: getattr(saved, name) for name in entered} == entered
