"""An agency's own plan content, in `plan-content.toml` beside its policy file: its items show
in the plan (in English where it lacks a language, which the administrator's status names), and
a file with a mistake shows no plan at all but the file and line to mend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.operations import plan as plan_ops
from tests.desktop.account_steps import click
from tests.desktop.helpers import add_youth, complete_setup, workspace

OWN = """format = 1
[[section]]
id = "warning-signs"
[[section.check]]
id = "bus-station"
[section.check.text]
en = "Someone at the bus station offers you a ride."
es = "Alguien en la estación te ofrece llevarte."
"""


@pytest.fixture
def agency_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(plan_ops, "policy_path", lambda: tmp_path / "policy.toml")
    plan_ops.content.cache_clear()
    yield tmp_path / plan_ops.AGENCY_CONTENT
    plan_ops.content.cache_clear()


def _plan(qtbot: QtBot, start_shell: Any) -> Any:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.plan)
    return ws.plan


def test_an_agencys_warning_sign_is_in_the_plan_and_its_missing_languages_are_named(
    qtbot: QtBot, start_shell: Any, agency_file: Path
) -> None:
    from desktop.admin.status_dialog import _plan_content_text

    agency_file.write_text(OWN, encoding="utf-8")
    editor = _plan(qtbot, start_shell)
    click(qtbot, editor.start_button)
    editor.guide.setCurrentRow(1)  # Warning signs
    own = next(row for row in editor.ticks if row.key == "bus-station")
    assert own.words.text() == "Someone at the bus station offers you a ride."
    status = _plan_content_text()
    assert str(agency_file) in status
    assert "1 text of it is not in العربية" in status and "中文" in status
    assert "Español" not in status


def test_a_content_file_with_a_mistake_shows_no_plan_but_where_to_mend_it(
    qtbot: QtBot, start_shell: Any, agency_file: Path
) -> None:
    agency_file.write_text(OWN.replace('id = "bus-station"', 'id = "bus station"'),
                           encoding="utf-8")
    editor = _plan(qtbot, start_shell)
    assert editor.pages.currentIndex() == 0 and not editor.start_button.isVisibleTo(editor)
    message = editor.start_text.text()
    assert str(agency_file) in message and "(line 5)" in message
