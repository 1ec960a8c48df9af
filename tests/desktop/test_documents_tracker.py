"""The Documents tab as a caseworker uses it: a birth certificate marked requested on a date, a
Social Security card marked had and kept in the office safe, all there after a restart; a youth
turning 18 soon is warned of the documents leaving care needs, by name, on their page and in
the youth list; the safety plan's "My documents" shows the tracker; typing is kept over a
switch to Arabic and over a lock; another desk's save is a conflict the person settles; an
agency's own guidance, or the mistake in its file, is shown where the guides are."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from casefile.cases.youth import list_youth
from casefile.store import open_store
from desktop.look import MessageKind
from desktop.operations import documents as documents_ops
from desktop.operations.session import store_of
from desktop.shell import Shell
from desktop.workspace.document_card import DocumentCard
from desktop.workspace.documents_beside import DocumentsBeside
from desktop.workspace.list_model import Column
from desktop.workspace.workspace import Workspace
from services_needs.documents import open_documents, save_document
from tests.desktop.account_steps import click, restart, sign_in
from tests.desktop.conftest import PASSWORD
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace
from tests.desktop.test_locking import unlock
from tests.desktop.test_plan_editor import _go

TODAY = date(2026, 6, 15)
YES, NO, NOT_KNOWN = 0, 1, 2  # the card's choices, in order
BARE = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_ops, "today", lambda: TODAY)


@pytest.fixture
def agency_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(documents_ops, "policy_path", lambda: tmp_path / "policy.toml")
    documents_ops._content.cache_clear()
    yield tmp_path / documents_ops.AGENCY_GUIDES
    documents_ops._content.cache_clear()


def _documents_of_a_new_youth(qtbot: QtBot, start_shell: Any) -> tuple[Shell, Workspace]:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.documents)
    return shell, ws


def _card(ws: Workspace, document: str) -> DocumentCard:
    return next(card for card in ws.documents.cards if card.view.document.id == document)


def _type_date(qtbot: QtBot, field: Any, text: str) -> None:
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


def _saved(qtbot: QtBot, card: DocumentCard) -> None:
    card.flush()
    qtbot.waitUntil(lambda: card.state.text() == "Saved", timeout=3000)


def _kind(label: Any) -> MessageKind | None:
    """What kind of message a message line says now (error, warning, success, notice)."""
    kind: MessageKind | None = label.kind
    return kind


def _needs_attention(ws: Workspace) -> str:
    return str(ws.list_panel.model.index(0, Column.ALERTS).data())


def _open(qtbot: QtBot, shell: Shell, name: str) -> Workspace:
    ws = workspace(shell)
    youth_id = next(r.id for r in list_youth(store_of(ws.session)) if r.legal_name == name)
    ws.list_panel.select(youth_id)
    ws.open_youth(youth_id)
    ws.tabs.setCurrentWidget(ws.documents)
    return ws


def test_a_requested_birth_certificate_and_a_card_in_the_safe_are_there_after_a_restart(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, ws = _documents_of_a_new_youth(qtbot, start_shell)
    birth = _card(ws, "birth-certificate")
    assert birth.choices[NOT_KNOWN].isChecked()  # nobody has said: never yes or no for them
    assert not birth.choices[YES].isChecked() and not birth.choices[NO].isChecked()
    click(qtbot, birth.choices[NO])
    _type_date(qtbot, birth.dates["requested_on"], "6/1/2026")
    type_into(qtbot, birth.notes["next_step"], "Call the county office")
    _saved(qtbot, birth)
    card = _card(ws, "social-security-card")
    click(qtbot, card.choices[YES])
    type_into(qtbot, card.kept_where, "In the office safe")
    _saved(qtbot, card)
    banner = ws.documents.banner
    assert banner.isVisibleTo(ws) and _kind(banner) == MessageKind.INFO
    assert "no date of birth on the profile" in banner.text()  # nothing guessed
    assert _needs_attention(ws) == ""

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    ws = _open(qtbot, shell, "Jordan Sample")
    birth = _card(ws, "birth-certificate")
    assert birth.choices[NO].isChecked()
    assert birth.dates["requested_on"].value() == date(2026, 6, 1)
    assert birth.dates["received_on"].value() is None
    assert birth.notes["next_step"].toPlainText() == "Call the county office"
    card = _card(ws, "social-security-card")
    assert card.choices[YES].isChecked() and card.kept_where.text() == "In the office safe"
    assert _card(ws, "state-id").choices[NOT_KNOWN].isChecked()


def test_a_youth_turning_18_soon_is_told_which_documents_leaving_care_needs(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, ws = _documents_of_a_new_youth(qtbot, start_shell)
    click(qtbot, _card(ws, "birth-certificate").choices[YES])
    _saved(qtbot, _card(ws, "birth-certificate"))
    ws.tabs.setCurrentWidget(ws.profile)
    _type_date(qtbot, ws.profile.date_of_birth, "9/1/2008")  # 18 on 1 September 2026
    ws.profile.autosave.flush()
    banner = ws.documents.banner
    assert banner.text() == (
        "Turns 18 on Sep 1, 2026. Before leaving care they need: Social Security card, State "
        "ID or driver's license, Health insurance card, and Immunization and medical records.")
    assert _kind(banner) == MessageKind.WARNING
    assert _needs_attention(ws) == "Documents before 18"
    ws.tabs.setCurrentWidget(ws.documents)
    for document in ("social-security-card", "state-id", "health-insurance"):
        click(qtbot, _card(ws, document).choices[YES])
        _saved(qtbot, _card(ws, document))
    assert banner.text().endswith("they need: Immunization and medical records.")
    records = _card(ws, "medical-records")
    click(qtbot, records.choices[YES])
    _saved(qtbot, records)
    assert banner.text() == "All the documents needed to leave care are here."
    assert _kind(banner) == MessageKind.SUCCESS
    assert _needs_attention(ws) == ""  # the list follows at once
    click(qtbot, records.choices[NOT_KNOWN])  # nobody is sure any more: needed again
    _saved(qtbot, records)
    assert _needs_attention(ws) == "Documents before 18"
    shell.close()


def test_the_plans_my_documents_section_shows_the_tracker(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, ws = _documents_of_a_new_youth(qtbot, start_shell)
    birth = _card(ws, "birth-certificate")
    click(qtbot, birth.choices[NO])
    _type_date(qtbot, birth.dates["requested_on"], "6/1/2026")
    _saved(qtbot, birth)
    ws.tabs.setCurrentWidget(ws.plan)
    click(qtbot, ws.plan.start_button)
    _go(ws.plan, "documents")
    QApplication.processEvents()  # a widget added to a shown layout is shown by an event
    beside = ws.plan.body.findChild(DocumentsBeside)
    assert beside is not None

    def lines() -> list[str]:
        assert beside is not None
        return [line.text().translate(BARE) for line in beside.lines]

    assert lines()[:3] == ["Birth certificate: Don't have it yet · requested on Jun 1, 2026",
                           "Social Security card: Not known yet",
                           "State ID or driver's license: Not known yet"]
    ws.tabs.setCurrentWidget(ws.documents)
    card = _card(ws, "social-security-card")
    click(qtbot, card.choices[YES])
    type_into(qtbot, card.kept_where, "بيت جدتي")  # Arabic: kept in its own direction
    _saved(qtbot, card)
    ws.tabs.setCurrentWidget(ws.plan)  # shown again: read again
    assert lines()[1] == "Social Security card: Have it · kept: بيت جدتي"
    assert not any(line.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable
                   for line in beside.lines)  # read only: changed on the Documents tab
    shell.close()


def test_typing_is_kept_over_a_switch_to_arabic_and_then_saved(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, ws = _documents_of_a_new_youth(qtbot, start_shell)
    card = _card(ws, "state-id")
    type_into(qtbot, card.kept_where, "In my wallet")
    card.dates["requested_on"].edit.setFocus()
    qtbot.keyClicks(card.dates["requested_on"].edit, "6/1/")  # not a whole date yet
    shell.language_actions["ar"].trigger()
    QApplication.processEvents()
    assert card.kept_where.text() == "In my wallet"
    assert card.dates["requested_on"].text() == "6/1/"
    assert card.isRightToLeft() and ws.documents.banner.isRightToLeft()
    card.flush()
    saved = open_documents(store_of(ws.session), ws.documents.youth_id or 0)
    assert [v.kept_where for v in saved if v.document.id == "state-id"] == ["In my wallet"]
    assert _kind(card.state) == MessageKind.SUCCESS  # "Saved", in Arabic
    shell.language_actions["en"].trigger()
    QApplication.processEvents()
    assert card.state.text() == "Saved" and card.dates["requested_on"].text() == "6/1/"
    shell.close()


def test_a_date_that_cannot_be_true_is_refused_and_stays_on_screen_over_a_lock(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, ws = _documents_of_a_new_youth(qtbot, start_shell)
    birth = _card(ws, "birth-certificate")
    _type_date(qtbot, birth.dates["requested_on"], "6/10/2026")
    _saved(qtbot, birth)
    _type_date(qtbot, birth.dates["received_on"], "6/1/2026")
    type_into(qtbot, birth.kept_where, "Front desk")
    birth.flush()
    assert "received is before the date it was requested" in birth.state.text()
    assert _kind(birth.state) == MessageKind.ERROR
    saved = open_documents(store_of(ws.session), ws.documents.youth_id or 0)[0]
    assert (saved.kept_where, saved.received_on) == ("Front desk", None)  # only the date waits
    shell.lock_action.trigger()
    unlock(qtbot, shell)
    birth = _card(workspace(shell), "birth-certificate")
    assert birth.dates["received_on"].value() == date(2026, 6, 1)  # the typing, kept
    assert "received is before the date it was requested" in birth.state.text()
    _type_date(qtbot, birth.dates["received_on"], "6/12/2026")
    _saved(qtbot, birth)
    shell.close()


def test_another_desks_save_is_a_conflict_the_person_settles(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell, ws = _documents_of_a_new_youth(qtbot, start_shell)
    youth_id = ws.documents.youth_id or 0
    other = open_store(data_dir, "ada", PASSWORD)  # the same youth open at another desk
    try:
        save_document(other, youth_id, "state-id", None, today=TODAY, has_it=True)
    finally:
        other.close()
    card = _card(ws, "state-id")
    type_into(qtbot, card.kept_where, "Caseworker's drawer")
    card.flush()
    assert card.state.text().startswith("Someone else saved this document meanwhile.")
    assert card.conflict.isVisibleTo(ws) and card.kept_where.text() == "Caseworker's drawer"
    click(qtbot, card.keep_button)  # my change, added to what they saved
    assert card.state.text() == "Saved"
    saved = open_documents(store_of(ws.session), youth_id)
    state_id = next(v for v in saved if v.document.id == "state-id")
    assert (state_id.has_it, state_id.kept_where) == (True, "Caseworker's drawer")
    assert card.choices[YES].isChecked()
    shell.close()


def test_an_agencys_own_guide_is_shown_and_a_file_with_a_mistake_says_where(
    qtbot: QtBot, start_shell: Any, agency_file: Path
) -> None:
    from desktop.admin.status_dialog import _document_guides_text

    agency_file.write_text('format = 1\n[[document]]\nid = "state-id"\n'
                           'guide = { en = "Room 4 at the county DMV, Mondays.", '
                           'es = "Sala 4 del DMV, los lunes." }\n', encoding="utf-8")
    shell, ws = _documents_of_a_new_youth(qtbot, start_shell)
    card = _card(ws, "state-id")
    assert not card.guide.text.isVisibleTo(ws)  # opened on request
    click(qtbot, card.guide.button)
    assert card.guide.text.isVisibleTo(ws)
    assert card.guide.text.text() == "Room 4 at the county DMV, Mondays."
    built_in = _card(ws, "birth-certificate").guide.text.text()
    assert built_in.startswith("Ask the vital records office")
    status = _document_guides_text()
    assert str(agency_file) in status and "1 text of it is not in العربية" in status
    shell.close()

    agency_file.write_text('format = 1\n[[document]]\nid = "passport"\nguide = "x"\n',
                           encoding="utf-8")
    documents_ops._content.cache_clear()
    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    ws = _open(qtbot, shell, "Jordan Sample")
    card = _card(ws, "state-id")
    click(qtbot, card.guide.button)
    assert _kind(card.guide.text) == MessageKind.ERROR
    said = card.guide.text.text()
    assert str(agency_file) in said and "no document 'passport'" in said
    assert "no document 'passport'" in _document_guides_text()
    click(qtbot, card.choices[YES])  # the tracker itself still works
    _saved(qtbot, card)
    shell.close()
