"""Search as you type: narrowing only the rows still shown gives exactly what a fresh search
gives, for every keystroke forward and back, and the shown text follows every change."""

from __future__ import annotations

from datetime import date, datetime

from desktop.operations.types import YouthSummary
from desktop.workspace.list_model import YouthListModel

NAMES = [("Mariana Ejemplo", ""), ("María José Prueba", "Majo"), ("Marco Sample", ""),
         ("Nguyễn Thị Lan", "Lan"), ("Samuel Marsh", "Sam"), ("José Martí", "")]


def _model() -> YouthListModel:
    model = YouthListModel()
    model.set_rows([YouthSummary(i + 1, legal, preferred, date(2010, 1, 1), "open", None,
                                 "Dana", datetime(2026, 1, 1))
                    for i, (legal, preferred) in enumerate(NAMES)])
    return model


def _shown(model: YouthListModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_forward_and_back_shows_what_a_fresh_search_shows() -> None:
    typed = _model()
    for text in ["m", "ma", "mar", "mar ", "mar s", "mar sa", "mar s", "mar", "ma", "", "j",
                 "jo", "jos", "jose", "jose m", "n", "ng", "nguyen", "ngu"]:
        typed.set_query(text)
        fresh = _model()
        fresh.set_query(text)
        assert _shown(typed) == _shown(fresh), text


def test_a_saved_name_is_shown_at_once() -> None:
    model = _model()
    model.set_query("mar")
    before = _shown(model)
    model.upsert(YouthSummary(3, "Marco Sample", "Marc", date(2010, 1, 1), "open", None, "Dana",
                              datetime(2026, 1, 2)))
    assert _shown(model) != before
    assert any(name.startswith("\u2068Marc\u2069") for name in _shown(model))
