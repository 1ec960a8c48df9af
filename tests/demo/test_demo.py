"""Synthetic youth: obviously fictional, in several scripts, reproducible, and fast to insert."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from casefile.cases.youth import get_youth, list_youth, update_youth
from casefile.db.models import Youth
from casefile.store import Store
from demo import add_demo_youth, create_demo_store, demo_youth

# "sample", "example", "test", "demo", "placeholder" in the languages the demo names use, and the
# classic Chinese placeholder given names (张三, 李四, 王五, 赵六).
FICTIONAL_MARKERS = (
    "Sample", "Example", "Demo", "Specimen", "Placeholder", "Ejemplo", "Muestra", "Prueba",
    "Mẫu", "Thử", "تجريبي", "مثال", "نموذج", "عينة", "三", "四", "五", "六", "小样", "示例", "测试",
    "Пример", "Образец", "Демо", "Egzanp", "Exemple", "Échantillon",
)
LANGUAGES = {"en", "es", "ar", "zh_CN"}
PRONOUNS = {"she/her", "he/him", "they/them", ""}


def _has_script(text: str, script: str) -> bool:
    return any(script in unicodedata.name(ch, "") for ch in text)


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_same_seed_gives_the_same_youth_and_another_seed_does_not() -> None:
    first = demo_youth(100, 7, [1, 2])
    assert first == demo_youth(100, 7, [1, 2])
    assert [y.legal_name for y in first] != [y.legal_name for y in demo_youth(100, 8, [1, 2])]


def test_every_name_says_it_is_a_sample() -> None:
    for youth in demo_youth(500, 1, [1]):
        assert any(marker in youth.legal_name for marker in FICTIONAL_MARKERS), youth.legal_name


def test_names_come_in_several_scripts() -> None:
    names = " ".join(y.legal_name for y in demo_youth(300, 2, [1]))
    assert _has_script(names, "ARABIC")
    assert _has_script(names, "CJK UNIFIED IDEOGRAPH")
    assert _has_script(names, "CYRILLIC")
    assert re.search(r"LATIN (SMALL|CAPITAL) LETTER \w+ WITH",
                     " ".join(unicodedata.name(ch, "") for ch in names))
    assert "Nguyễn" in names or "Trần" in names or "Phạm" in names


def test_profiles_are_plausible() -> None:
    today = date.today()
    youth = demo_youth(400, 3, [4, 5])
    for one in youth:
        assert one.date_of_birth is not None and 12 <= _age(one.date_of_birth, today) <= 20
        assert one.review_due_on is None or (
            today - timedelta(days=30) <= one.review_due_on <= today + timedelta(days=90))
        assert one.pronouns in PRONOUNS
        assert one.preferred_language in LANGUAGES
        assert one.caseworker_id in (4, 5)
        assert len(one.placement_notes) < 80
        # Only fictional 555-01xx numbers, never anything that looks like a real one.
        assert not re.search(r"\d", re.sub(r"555-01\d\d", "", one.placement_notes))
    assert {one.pronouns for one in youth} == PRONOUNS
    assert sum(1 for one in youth if one.preferred_name) > 20
    assert sum(1 for one in youth if one.review_due_on is None) > 10


def test_language_matches_the_script_of_the_name() -> None:
    for youth in demo_youth(400, 4, [1]):
        if _has_script(youth.legal_name, "ARABIC"):
            assert youth.preferred_language in ("ar", "en")
        elif _has_script(youth.legal_name, "CJK"):
            assert youth.preferred_language in ("zh_CN", "en")
        else:
            assert youth.preferred_language in ("en", "es")


def test_added_youth_are_stored_open_or_closed_and_editable(store: Store) -> None:
    assert add_demo_youth(store, 200, seed=5) == 200
    listed = list_youth(store)
    assert len(listed) == 200
    assert {row.status for row in listed} == {"open", "closed"}
    assert sum(row.status == "open" for row in listed) > 150
    with store.unit() as session:
        rows = session.scalars(select(Youth)).all()
        assert {row.row_version for row in rows} == {1}
        assert all(row.created_at <= row.updated_at for row in rows)
        assert all(row.closed_at is not None for row in rows if row.status == "closed")
        assert all(row.caseworker_id == store.user.id for row in rows)
    first = get_youth(store, listed[0].id)
    changed = update_youth(store, first.id, first.row_version, {"pronouns": "they/them"})
    assert changed.row_version == 2


def test_names_in_the_store_follow_the_seed(store: Store) -> None:
    add_demo_youth(store, 30, seed=9)
    stored = [row.legal_name for row in list_youth(store)]
    assert stored == [y.legal_name for y in demo_youth(30, 9, [store.user.id])]


def test_adding_none_adds_nothing(store: Store) -> None:
    assert add_demo_youth(store, 0) == 0
    assert list_youth(store) == []


def test_demo_store_is_open_and_filled(data_dir: Path) -> None:
    store = create_demo_store(data_dir, 25, seed=1)
    try:
        assert store.user.login == "demo"
        assert len(list_youth(store)) == 25
        assert store.paths.database.exists() and store.paths.keys.exists()
    finally:
        store.close()
