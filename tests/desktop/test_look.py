"""The look: defined once and readable (WCAG AA), message lines that say their kind by shape and
name and not by colour alone, who is signed in always in view, and empty lists that say what to
do next."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import look
from desktop.forms import message_label
from desktop.look import KINDS, PALETTE, MessageKind
from tests.desktop.account_steps import (
    add_account_directly,
    click_row,
    open_dialog,
    restart,
    sign_in,
)
from tests.desktop.conftest import page
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just too light


@pytest.mark.parametrize(("text", "background", "where"), look.text_pairs())
def test_every_text_is_readable_on_its_background(text: str, background: str, where: str) -> None:
    assert contrast(text, background) >= 4.5, where


@pytest.mark.parametrize(("edge", "background", "where"), look.edge_pairs())
def test_every_edge_and_icon_stands_out(edge: str, background: str, where: str) -> None:
    assert contrast(edge, background) >= 3.0, where


def test_the_style_sheet_uses_only_the_palette() -> None:
    known = {value for value in vars(PALETTE).values()
             if isinstance(value, str) and value.startswith("#")}
    known |= {c for kind in KINDS.values() for c in (kind.text, kind.background, kind.edge)}
    sheet = look.stylesheet()
    used = set(re.findall(r"#[0-9a-fA-F]{6}", sheet))
    assert used and used <= known
    assert sheet.count("{") == sheet.count("}") and "{{" not in sheet
    for image in [*re.findall(r"url\(([^)]+)\)", sheet), str(look.ICON_PATH)]:
        assert Path(image).is_file(), image


def test_no_screen_sets_a_colour_or_style_of_its_own() -> None:
    """The look is defined once: a colour or a style sheet anywhere else is a second look."""
    offenders = [
        f"{path.relative_to(DESKTOP)}:{number}"
        for path in DESKTOP.rglob("*.py") if path.name != "look.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"#[0-9a-fA-F]{6}\b|setStyleSheet\(", line)
    ]
    assert offenders == []


def _icon_colour(label: Any, right_to_left: bool, background: str) -> str:
    """The colour most painted, but the line's background, where the line's icon belongs (its
    start, in either direction)."""
    image = label.grab().toImage()
    ratio = image.devicePixelRatio()
    box = label.contentsRect()
    gap = look.space(2)
    left = box.right() + gap if right_to_left else box.left() - gap - look.ICON_SIZE
    top = box.top() + max(0, (box.height() - label.fontMetrics().height()) // 2)
    counts = Counter(
        image.pixelColor(int(x * ratio), int(y * ratio)).name()
        for x in range(left, left + look.ICON_SIZE) for y in range(top, top + look.ICON_SIZE))
    del counts[background]
    return str(counts.most_common(1)[0][0])


@pytest.mark.parametrize("right_to_left", [False, True])
def test_a_message_line_carries_an_icon_at_its_start_and_says_its_kind(
    qtbot: QtBot, qapp: QApplication, right_to_left: bool
) -> None:
    look.apply(qapp)
    try:
        for kind, spoken in ((MessageKind.ERROR, "Problem"), (MessageKind.WARNING, "Warning"),
                             (MessageKind.SUCCESS, "Done"), (MessageKind.INFO, "Notice")):
            label = message_label()
            qtbot.addWidget(label)
            if right_to_left:
                label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            label.resize(400, 60)
            label.show_message("The disk is full. Nothing was changed.", kind)
            label.show()
            assert label.kind is kind
            assert label.accessibleName() == spoken
            margins = label.contentsMargins()  # the words leave room for the icon at the start
            assert (margins.right() if right_to_left else margins.left()) > look.ICON_SIZE
            assert _icon_colour(label, right_to_left, KINDS[kind].background) == KINDS[kind].edge
            label.clear()
            assert label.kind is None and label.accessibleName() == "Message"
    finally:
        qapp.setStyleSheet("")


def test_setup_says_passwords_differ_as_a_problem(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    setup = page(shell)
    type_into(qtbot, setup.display_name, "Ada Admin")
    type_into(qtbot, setup.login, "ada")
    type_into(qtbot, setup.password, "correct horse battery")
    type_into(qtbot, setup.confirm, "correct horse battery staple")
    qtbot.mouseClick(setup.submit, Qt.MouseButton.LeftButton)
    assert setup.message.text() == "The two passwords are not the same."
    assert setup.message.kind is MessageKind.ERROR


def test_who_is_signed_in_is_in_view_and_no_youth_is_named_in_the_title(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    bar = workspace(shell).session_bar
    assert bar.isVisibleTo(shell)
    assert bar.name.text() == "Ada Admin"
    assert bar.role.text() == "Caseworker, Administrator"
    assert "Jordan" not in shell.windowTitle()
    shell.switch("es")
    QApplication.processEvents()
    assert bar.role.text() == "Trabajador social, Administrador"


def test_a_search_that_finds_nobody_says_so_and_offers_a_new_youth(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    panel = workspace(shell).list_panel
    assert panel.empty.isVisibleTo(shell)
    assert "No youth yet" in panel.empty.text.text()
    add_youth(qtbot, shell, "Jordan Sample")
    assert panel.table.isVisibleTo(shell) and not panel.empty.isVisibleTo(shell)
    type_into(qtbot, panel.search, "Zed")
    assert panel.empty.isVisibleTo(shell) and not panel.table.isVisibleTo(shell)
    assert "Nobody matches “Zed”" in panel.empty.text.text()
    assert panel.empty.button.text() == "New youth"
    qtbot.mouseClick(panel.empty.button, Qt.MouseButton.LeftButton)
    profile = workspace(shell).profile
    assert profile.isVisibleTo(shell) and profile.record is None  # a new youth's form


def test_a_supervisor_with_no_team_is_pointed_to_emergency_access(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    shell.close()
    add_account_directly(data_dir, "sue", "Sue Supervisor", {"supervisor"})
    shell = start_shell()
    sign_in(qtbot, shell, "sue")
    panel = workspace(shell).list_panel
    assert panel.empty.isVisibleTo(shell)
    assert "Nobody is on your team yet" in panel.empty.text.text()
    assert "emergency access" in panel.empty.text.text()
    assert panel.empty.button.text() == "Emergency access…"
    qtbot.mouseClick(panel.empty.button, Qt.MouseButton.LeftButton)
    dialog = shell.account_menus.dialog
    assert dialog is not None and dialog.objectName() == "emergency-access"
    dialog.close()
    restart(start_shell, shell).close()


def test_the_chosen_account_stays_chosen_when_the_language_turns_right_to_left(
    qtbot: QtBot, start_shell: Any
) -> None:
    """The accounts table is filled again on a language switch, keeping the chosen person: in
    Arabic, `QTableView.selectRow` chose nobody (and Edit and Reset password went grey)."""
    shell = start_shell()
    complete_setup(qtbot, shell)
    dialog = open_dialog(shell, "accounts_action")
    click_row(qtbot, dialog.table, "ada", column=1)
    assert dialog.selected().login == "ada" and dialog.edit_button.isEnabled()
    shell.switch("ar")
    QApplication.processEvents()
    assert dialog.table.isRightToLeft()
    chosen = dialog.selected()
    assert chosen is not None and chosen.login == "ada"
    assert dialog.edit_button.isEnabled()
    dialog.close()
