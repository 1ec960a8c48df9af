"""The service picker another screen embeds to refer a young person: typing finds a service,
a domain narrows the results, Enter chooses the first one found."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from casefile.store import Store
from desktop.directory.picker import ServicePicker
from desktop.operations.session import Session
from services_needs.directory import ServiceFields, add_service, list_services, remove_service
from tests.casefile.conftest import store, store_and_recovery
from tests.desktop.helpers import type_into

__all__ = ["store", "store_and_recovery"]


def _fill(store: Store) -> None:
    add_service(store, ServiceFields("Casa Esperanza Youth Shelter", ("housing",), phone="555-0101",
                                     languages=("Español", "English")))
    add_service(store, ServiceFields("Northside Teen Clinic", ("physical-health",),
                                     phone="555-0102"))
    gone = add_service(store, ServiceFields("Old Drop-in Center", ("housing",), phone="555-0199"))
    remove_service(store, gone.id, gone.version)


def test_typing_finds_a_service_and_enter_chooses_it(qtbot: QtBot, store: Store) -> None:
    _fill(store)
    picker = ServicePicker(Session(store))
    qtbot.addWidget(picker)
    chosen: list[tuple[int, str, str]] = []
    picker.chosen.connect(lambda *args: chosen.append(args))
    assert picker.model.rowCount() == 2  # the removed one is not offered
    type_into(qtbot, picker.search, "esperanza")
    assert picker.model.rowCount() == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    casa = next(s for s in list_services(store) if s.name.startswith("Casa"))
    assert chosen == [(casa.id, "Casa Esperanza Youth Shelter", "555-0101")]


def test_a_domain_narrows_the_results_and_says_when_nothing_matches(
        qtbot: QtBot, store: Store) -> None:
    _fill(store)
    picker = ServicePicker(Session(store))
    qtbot.addWidget(picker)
    picker.set_domain("physical-health")
    assert picker.model.rowCount() == 1
    type_into(qtbot, picker.search, "esperanza")
    assert picker.model.rowCount() == 0
    assert "No service matches" in picker.count.text()
    picker.set_domain(None)
    assert picker.model.rowCount() == 1
    current = picker.current()
    assert current is not None and current.name.startswith("Casa")
