"""The directory's services as Qt item models: a table for the directory screen and a list for
the service picker. Both show what a `DirectoryIndex` finds for the typed words and filters; the
search runs in memory at each keystroke (no database read, no proxy model calling back)."""

from __future__ import annotations

import functools
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.forms import LTR
from desktop.operations.directory import DirectoryIndex, Filters, ServiceView, domain_choices
from i18n import N_, _, current_language

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ISOLATE = "\u2068{}\u2069"  # a name keeps its own direction inside the other's


class Column(IntEnum):
    NAME = 0
    HELPS_WITH = 1
    PHONE = 2
    LANGUAGES = 3
    AGES = 4


HEADERS = {Column.NAME: N_("Service"), Column.HELPS_WITH: N_("Helps with"),
           Column.PHONE: N_("Phone"), Column.LANGUAGES: N_("Languages"),
           Column.AGES: N_("Ages")}


def ages_text(view: ServiceView) -> str:
    low, high = view.age_from, view.age_to
    if low is None and high is None:
        return _("Any age")
    if high is None:
        return _("{age} and older").format(age=low)
    if low is None:
        return _("Up to {age}").format(age=high)
    return _("{low} to {high}").format(low=low, high=high)


@functools.cache
def _titles(language: str) -> dict[str, str]:
    """Each domain's title in `language` (the interface's), read once per language."""
    return dict(domain_choices())


def domains_text(view: ServiceView) -> str:
    titles = _titles(current_language())
    return ", ".join(titles.get(d, d) for d in view.domains)


def languages_text(view: ServiceView) -> str:
    """The languages as written, each keeping its own direction."""
    return ", ".join(ISOLATE.format(language) for language in view.languages)


def phone_text(view: ServiceView) -> str:
    """The phone number as written, kept left to right in a right-to-left layout."""
    return LTR.format(view.phone) if view.phone else ""


class _Found:
    """What both models share: the index, the query and filters, the rows found."""

    def __init__(self) -> None:
        self.directory = DirectoryIndex(())
        self.query = ""
        self.filters = Filters()
        self.found: list[int] = []

    def search(self, index: DirectoryIndex | None, query: str | None,
               filters: Filters | None) -> None:
        self.directory = index if index is not None else self.directory
        self.query = query if query is not None else self.query
        self.filters = filters if filters is not None else self.filters
        self.found = self.directory.positions(self.query, self.filters)

    def service(self, row: int) -> ServiceView:
        return self.directory.services[self.found[row]]

    def row_of(self, service_id: int) -> int | None:
        return next((row for row, position in enumerate(self.found)
                     if self.directory.services[position].id == service_id), None)


_COLUMNS = tuple(Column)
_TEXTS = (lambda v: ISOLATE.format(v.name), domains_text, phone_text, languages_text, ages_text)


class ServiceTableModel(_Found, QAbstractTableModel):
    def __init__(self) -> None:
        QAbstractTableModel.__init__(self)
        _Found.__init__(self)
        self._texts: dict[tuple[int, int], str] = {}  # (position, column): the text shown

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.found)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            cell = (self.found[index.row()], index.column())
            text = self._texts.get(cell)
            if text is None:
                text = self._texts[cell] = _TEXTS[cell[1]](self.service(index.row()))
            return text
        if role == ID_ROLE:
            return self.service(index.row()).id
        return None

    def show(self, index: DirectoryIndex | None = None, query: str | None = None,
             filters: Filters | None = None) -> None:
        """Search again with whatever is given anew (the rest as it was)."""
        self.beginResetModel()
        if index is not None:
            self._texts.clear()
        self.search(index, query, filters)
        self.endResetModel()

    def retranslate(self) -> None:
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self.found:
            self.dataChanged.emit(self.createIndex(0, 0),
                                  self.createIndex(len(self.found) - 1, len(Column) - 1))


class ServiceListModel(_Found, QAbstractListModel):
    """One line per service: its name and phone number."""

    def __init__(self) -> None:
        QAbstractListModel.__init__(self)
        _Found.__init__(self)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.found)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.service(index.row())
        if role == ID_ROLE:
            return view.id
        if role == Qt.ItemDataRole.DisplayRole:
            if not view.phone:
                return ISOLATE.format(view.name)
            return f"{ISOLATE.format(view.name)} — {phone_text(view)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return domains_text(view)
        return None

    def show(self, index: DirectoryIndex | None = None, query: str | None = None,
             filters: Filters | None = None) -> None:
        self.beginResetModel()
        self.search(index, query, filters)
        self.endResetModel()
