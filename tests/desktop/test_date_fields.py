"""Dates on the youth's profile, typed as a person types them or chosen from the calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from casefile.cases.youth import get_youth
from desktop.operations.session import store_of
from desktop.shell import Shell
from desktop.workspace.profile import YouthProfile
from tests.desktop.helpers import add_youth, complete_setup, wait_saved, workspace

MARCH_15 = date(2012, 3, 15)


def _profile_of_a_new_youth(qtbot: QtBot, start_shell: Any) -> tuple[Shell, YouthProfile]:
    shell: Shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    return shell, workspace(shell).profile


def _saved(profile: YouthProfile) -> Any:
    assert profile.record is not None
    return get_youth(store_of(profile._session), profile.record.id)


def _type_and_leave(qtbot: QtBot, field: Any, text: str) -> None:
    """Click into a date field, select what is there (Ctrl+A), type `text` over it, and press
    Tab to go on to the next field."""
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


@pytest.mark.parametrize(("code", "typed"), [
    ("en", "3/15/12"), ("en", "03/15/2012"), ("en", "2012-03-15"), ("en", "20120315"),
    ("es", "15/3/12"), ("es", "2012-03-15"), ("ar", "15/3/2012"), ("zh_CN", "2012/3/15"),
])
def test_a_date_typed_into_an_empty_field_is_saved(
    qtbot: QtBot, start_shell: Any, code: str, typed: str
) -> None:
    """Issue 8: typing into an empty date field gave "Not set20120315" and saved nothing."""
    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    shell.language_actions[code].trigger()
    QApplication.processEvents()
    birth = profile.date_of_birth
    assert birth.edit.text() == ""
    _type_and_leave(qtbot, birth, typed)
    qtbot.waitUntil(lambda: _saved(profile).date_of_birth == MARCH_15, timeout=3000)
    shown = {"en": "3/15/2012", "es": "15/3/2012", "ar": "15/3/2012", "zh_CN": "2012/3/15"}
    assert birth.edit.text() == shown[code]  # as it was understood, with the year in full
    assert not birth.message.isVisibleTo(shell)
    shell.close()


def test_the_review_date_takes_a_typed_date_too_and_can_be_cleared(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    review = profile.review_due_on
    _type_and_leave(qtbot, review, "2031-07-04")
    qtbot.waitUntil(lambda: _saved(profile).review_due_on == date(2031, 7, 4), timeout=3000)
    qtbot.mouseClick(review.clear_button, Qt.MouseButton.LeftButton)
    assert review.edit.text() == ""
    qtbot.waitUntil(lambda: _saved(profile).review_due_on is None, timeout=3000)
    _type_and_leave(qtbot, review, "7/4/31")
    qtbot.waitUntil(lambda: _saved(profile).review_due_on == date(2031, 7, 4), timeout=3000)
    qtbot.keyClick(review.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(review.edit, Qt.Key.Key_Delete)  # clearing by deleting the text works too
    qtbot.waitUntil(lambda: _saved(profile).review_due_on is None, timeout=3000)
    shell.close()


@pytest.mark.parametrize("typed", ["2/30/2012", "hello", "3/15", "15/15/2012", "3/15/201"])
def test_text_that_is_not_a_date_is_told_and_never_saved(
    qtbot: QtBot, start_shell: Any, typed: str
) -> None:
    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    birth = profile.date_of_birth
    _type_and_leave(qtbot, birth, "3/15/2012")
    qtbot.waitUntil(lambda: _saved(profile).date_of_birth == MARCH_15, timeout=3000)
    _type_and_leave(qtbot, birth, typed)
    assert birth.message.isVisibleTo(shell)
    assert birth.message.text().startswith("That is not a date, so it is not saved.")
    assert "3/15/2012" in birth.message.text() and "2012-03-15" in birth.message.text()
    assert birth.edit.text() == typed  # kept, to be corrected
    profile.autosave.flush()
    assert _saved(profile).date_of_birth == MARCH_15  # the date it had stays saved
    _type_and_leave(qtbot, birth, "4/1/2012")
    assert not birth.message.isVisibleTo(shell)
    qtbot.waitUntil(lambda: _saved(profile).date_of_birth == date(2012, 4, 1), timeout=3000)
    shell.close()


def test_the_message_about_a_wrong_date_follows_the_language(
    qtbot: QtBot, start_shell: Any
) -> None:
    from i18n import translator

    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    birth = profile.date_of_birth
    _type_and_leave(qtbot, birth, "31/31/2012")
    shell.language_actions["es"].trigger()
    QApplication.processEvents()
    words = translator("es").gettext(
        "That is not a date, so it is not saved. Type it like {example} or {iso}, or "
        "choose it from the calendar.")
    assert birth.message.text() == words.format(example="15/3/2012", iso="2012-03-15")
    assert birth.edit.text() == "31/31/2012"  # what was typed is never lost
    shell.close()


def test_a_saved_date_is_shown_in_the_form_of_the_language(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    _type_and_leave(qtbot, profile.date_of_birth, "3/15/2012")
    wait_saved(qtbot, shell)
    for code, shown in (("es", "15/3/2012"), ("zh_CN", "2012/3/15"), ("en", "3/15/2012")):
        shell.language_actions[code].trigger()
        QApplication.processEvents()
        assert profile.date_of_birth.edit.text() == shown
    assert profile.date_of_birth.value() == MARCH_15
    assert not profile.autosave.pending  # showing it anew is not an edit
    shell.close()


def _calendar_page(field: Any) -> tuple[int, int]:
    calendar = field.popup.calendar
    return calendar.yearShown(), calendar.monthShown()


def test_an_empty_calendar_opens_on_a_likely_age_or_on_today(
    qtbot: QtBot, start_shell: Any
) -> None:
    """Issue 8: the calendar of an empty date of birth opened on January 1900."""
    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    today = date.today()
    birth, review = profile.date_of_birth, profile.review_due_on
    qtbot.mouseClick(birth.calendar_button, Qt.MouseButton.LeftButton)
    assert birth.popup.isVisible()
    assert _calendar_page(birth) == (today.year - 15, today.month)
    qtbot.keyClick(birth.popup.calendar, Qt.Key.Key_Escape)
    assert not birth.popup.isVisible()
    qtbot.mouseClick(review.calendar_button, Qt.MouseButton.LeftButton)
    assert _calendar_page(review) == (today.year, today.month)
    qtbot.keyClick(review.popup.calendar, Qt.Key.Key_Escape)
    assert review.value() is None and birth.value() is None
    shell.close()


def test_choosing_a_day_in_the_calendar_saves_it(qtbot: QtBot, start_shell: Any) -> None:
    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    birth = profile.date_of_birth
    _type_and_leave(qtbot, birth, "3/15/2012")
    qtbot.waitUntil(lambda: _saved(profile).date_of_birth == MARCH_15, timeout=3000)
    birth.edit.setFocus()
    qtbot.keyClick(birth.edit, Qt.Key.Key_F4)  # the keyboard opens it too
    assert birth.popup.isVisible()
    assert _calendar_page(birth) == (2012, 3)  # on the date it holds
    days = birth.popup.calendar.findChild(QTableView)
    assert days is not None
    qtbot.keyClick(days, Qt.Key.Key_Right)  # the next day …
    qtbot.keyClick(days, Qt.Key.Key_Return)  # … chosen
    assert not birth.popup.isVisible()
    assert birth.edit.text() == "3/16/2012"
    qtbot.waitUntil(lambda: _saved(profile).date_of_birth == date(2012, 3, 16), timeout=3000)
    shell.close()


def test_date_fields_are_named_for_screen_readers_in_every_language(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    for code in ("en", "es", "ar", "zh_CN"):
        shell.language_actions[code].trigger()
        QApplication.processEvents()
        for name in ("date_of_birth", "review_due_on"):
            field = getattr(profile, name)
            label = profile.labels[name].text().replace("&", "")
            assert field.edit.accessibleName() == label
            assert field.calendar_button.accessibleName()
            assert field.clear_button.accessibleName()
            assert field.edit.accessibleDescription()
    shell.close()


def test_a_date_half_typed_when_waymark_locks_is_back_after_unlocking(
    qtbot: QtBot, start_shell: Any
) -> None:
    from tests.desktop.test_locking import hide_keys, unlock

    shell, profile = _profile_of_a_new_youth(qtbot, start_shell)
    birth = profile.date_of_birth
    birth.edit.setFocus()
    qtbot.keyClicks(birth.edit, "3/15/")
    hide_keys(qtbot, birth.edit)
    unlock(qtbot, shell)
    back = workspace(shell).profile.date_of_birth
    assert back.edit.text() == "3/15/"
    assert shell.focusWidget() is back.edit
    qtbot.keyClicks(back.edit, "12")
    qtbot.waitUntil(lambda: _saved(workspace(shell).profile).date_of_birth == MARCH_15,
                    timeout=3000)
    shell.close()
