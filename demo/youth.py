"""Synthetic youth for training, demonstrations and performance measurements.

Every name pairs a realistic given name with a family name that means "sample", "example" or
"test" in its language ("Jordan Sample", "Mariana Ejemplo", "ليلى تجريبي", "王小样"), so nobody can
mistake a demo record for a real child, while the list still exercises every script the app must
show and print: Latin with diacritics, Arabic (right to left), Chinese and Cyrillic. These are
data, not interface text, so they are not translated.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from casefile.cases.youth import YouthFields
from casefile.db.models import Staff, Youth, utcnow
from casefile.db.models.youth import CLOSED, OPEN
from casefile.store import CASEWORKER, Store, create_store
from casefile.trail import audit
from casefile.workstation import Workstation, throwaway_workstation
from demo.directory import add_demo_directory
from demo.history import add_demo_history
from demo.needs import add_demo_needs
from demo.plans import add_demo_plans

DEMO_LOGIN = "demo"
DEMO_DISPLAY_NAME = "Demo caseworker"
CLOSED_SHARE = 0.12
PREFERRED_NAME_SHARE = 0.25
NO_REVIEW_SHARE = 0.15


@dataclass(frozen=True)
class _Culture:
    """How names are built in one language.

    Each given name is (name, usual gender "f", "m" or "n", a short name some youth go by).
    """

    language: str
    given: tuple[tuple[str, str, str], ...]
    family: tuple[str, ...]
    family_first: bool = False
    separator: str = " "
    own_language_share: float = 1.0  # how many prefer `language`; the others prefer English


_CULTURES: tuple[tuple[_Culture, int], ...] = (
    (_Culture("en", (("Jordan", "n", "Jojo"), ("Riley", "n", "Ri"), ("Avery", "n", "Ave"),
                     ("Maya", "f", "May"), ("Aaliyah", "f", "Leah"), ("Destiny", "f", "Dee"),
                     ("Brianna", "f", "Bree"), ("Marcus", "m", "Marc"), ("Isaiah", "m", "Zay"),
                     ("Tyrell", "m", "Ty"), ("Noah", "m", "No"), ("Skyler", "n", "Sky")),
              ("Sample", "Example", "Demo", "Specimen", "Placeholder")), 34),
    (_Culture("es", (("Mariana", "f", "Mari"), ("Valentina", "f", "Vale"), ("Sofía", "f", "Sofi"),
                     ("Ximena", "f", "Xime"), ("Lucía", "f", "Lu"), ("Luis", "m", "Lucho"),
                     ("Diego", "m", ""), ("Mateo", "m", "Teo"), ("José", "m", "Pepe"),
                     ("Ángel", "m", ""), ("Andrés", "m", "Andy"), ("Guadalupe", "n", "Lupe")),
              ("Ejemplo", "Muestra", "Prueba", "Ejemplo Muestra", "Prueba Ejemplo"),
              own_language_share=0.7), 24),
    (_Culture("en", (("Thị Mẫu", "f", "Bé"), ("Ngọc Mẫu", "f", "Ngọc"), ("Văn Mẫu", "m", "Tí"),
                     ("Đức Thử", "m", "Đức"), ("Minh Thử", "n", "Minh"), ("Thị Thử", "f", "")),
              ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"), family_first=True), 8),
    (_Culture("ar", (("ليلى", "f", "لولو"), ("مريم", "f", "ميمي"), ("فاطمة", "f", "فطوم"),
                     ("سارة", "f", "Sara"), ("يوسف", "m", "جو"), ("عمر", "m", ""),
                     ("أحمد", "m", "حمودي"), ("خالد", "m", ""), ("نور", "n", "")),
              ("تجريبي", "مثال", "نموذج", "عينة"), own_language_share=0.75), 10),
    (_Culture("zh_CN", (("三", "n", ""), ("四", "n", ""), ("五", "n", ""), ("六", "n", ""),
                        ("小样", "n", "Sunny"), ("示例", "n", "Amy"), ("测试", "n", "Leo")),
              ("张", "李", "王", "赵", "陈", "刘"), family_first=True, separator="",
              own_language_share=0.7), 10),
    (_Culture("en", (("Аня", "f", "Ася"), ("Ольга", "f", "Оля"), ("Мария", "f", "Маша"),
                     ("Иван", "m", "Ваня"), ("Дмитрий", "m", "Дима"), ("Никита", "m", "Nick"),
                     ("Саша", "n", "")),
              ("Пример", "Образец", "Демо")), 5),
    (_Culture("en", (("Jean", "m", ""), ("Jean-Pierre", "m", "JP"), ("Ricardo", "m", "Ricky"),
                     ("Marie", "f", ""), ("Widlene", "f", "Wid"), ("Nadège", "f", "Nana"),
                     ("Fabienne", "f", "Fab"), ("Stéphanie", "f", "Steph")),
              ("Egzanp", "Exemple", "Échantillon")), 9),
)

_PRONOUNS_BY_GENDER = {"f": "she/her", "m": "he/him"}
_PLACEMENT_NOTES = (
    "Lives with a foster family; prefers text messages.",
    "Lives with an aunt; likes drawing and music.",
    "In a group home; plays basketball on weekends.",
    "Staying with a grandmother; call 555-0142 after school.",
    "Transitional housing; works part-time at a bakery.",
    "Kinship placement with an older cousin.",
    "New foster home since last month; settling in.",
    "Supervised independent living; best reached at 555-0178.",
    "Lives with foster parents and two younger siblings.",
    "",
)


def _pronouns(rng: random.Random, gender: str) -> str:
    """Mostly the usual pronouns for the name, and some they/them or blank (not asked yet)."""
    roll = rng.random()
    if roll < 0.15:
        return ""
    if gender == "n":
        return rng.choice(("they/them", "she/her", "he/him"))
    return "they/them" if roll < 0.27 else _PRONOUNS_BY_GENDER[gender]


def _years_ago(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year without one
        return today.replace(year=today.year - years, day=28)


def _birth_date(rng: random.Random, today: date) -> date:
    """A birthday giving an age from 12 to 20 today."""
    earliest = _years_ago(today, 21) + timedelta(days=1)
    latest = _years_ago(today, 12)
    return earliest + timedelta(days=rng.randint(0, (latest - earliest).days))


def _review_due(rng: random.Random, today: date) -> date | None:
    if rng.random() < NO_REVIEW_SHARE:
        return None
    return today + timedelta(days=rng.randint(-30, 90))


def _one_youth(rng: random.Random, today: date, caseworker_ids: list[int]) -> YouthFields:
    cultures, weights = zip(*_CULTURES, strict=True)
    culture = rng.choices(cultures, weights=weights)[0]
    given, gender, short_name = rng.choice(culture.given)
    family = rng.choice(culture.family)
    parts = (family, given) if culture.family_first else (given, family)
    own = rng.random() < culture.own_language_share
    return YouthFields(
        legal_name=culture.separator.join(parts),
        preferred_name=short_name if rng.random() < PREFERRED_NAME_SHARE else "",
        date_of_birth=_birth_date(rng, today),
        pronouns=_pronouns(rng, gender),
        preferred_language=culture.language if own else "en",
        placement_notes=rng.choice(_PLACEMENT_NOTES),
        caseworker_id=rng.choice(caseworker_ids) if caseworker_ids else None,
        review_due_on=_review_due(rng, today),
    )


def demo_youth(count: int, seed: int | None, caseworker_ids: list[int]) -> list[YouthFields]:
    """`count` synthetic profiles; the same seed gives the same youth (dates follow today)."""
    rng = random.Random(seed)
    today = date.today()
    return [_one_youth(rng, today, caseworker_ids) for _ in range(count)]


def _lifecycle(rng: random.Random, now: datetime) -> dict[str, Any]:
    """Status and stamps: created up to two and a half years ago, some cases closed since."""
    created = now - timedelta(days=rng.randint(1, 900), minutes=rng.randint(0, 1439))
    updated = created + (now - created) * rng.random()
    closed = rng.random() < CLOSED_SHARE
    return {
        "status": CLOSED if closed else OPEN,
        "created_at": created,
        "updated_at": updated,
        "closed_at": updated if closed else None,
        "row_version": 1,
    }


def _row(profile: YouthFields, rng: random.Random, now: datetime) -> dict[str, Any]:
    row = {**asdict(profile), **_lifecycle(rng, now)}
    if row["status"] == CLOSED:
        row["review_due_on"] = None  # a closed case has no review coming up
    return row


def _caseworker_ids(store: Store) -> list[int]:
    with store.unit() as session:
        staff = session.execute(select(Staff.id, Staff.roles).where(Staff.active)).all()
    ids = [row[0] for row in staff if CASEWORKER in row[1].split(",")]
    return ids or [store.user.id]


def add_demo_youth(store: Store, count: int, seed: int | None = None) -> int:
    """Insert `count` synthetic youth in one transaction, made-up draft plans for about half of
    them (demo/plans.py) and, once, a made-up resource directory; returns how many youth were
    added."""
    profiles = demo_youth(count, seed, _caseworker_ids(store))
    rng = random.Random(None if seed is None else f"lifecycle-{seed}")
    now = utcnow()
    rows = [_row(profile, rng, now) for profile in profiles]
    if rows:
        with store.unit() as session:
            session.execute(insert(Youth), rows)
            store.record(session, audit.CREATE, record_type=audit.YOUTH,
                         detail=f"{len(rows)} synthetic youth")
        add_demo_directory(store)  # a made-up resource directory, once
        add_demo_plans(store, seed)  # about half of them get a made-up draft plan
        add_demo_history(store, seed)  # versions, reviews, missing episodes, debriefs
        add_demo_needs(store, seed)  # assessments over time, goals, steps, referrals, documents
    return len(rows)


def create_demo_store(
    data_dir: Path, count: int, seed: int | None = None, *,
    workstation: Workstation | None = None, password: str | None = None,
) -> Store:
    """A new store in `data_dir` for account `DEMO_LOGIN`, filled with `count` demo youth.

    Its device secret is kept in memory (`throwaway_workstation`) unless another workstation is
    given, so a demo never writes a secret into the real keyring. Without `password`, a random
    one that nobody knows.
    """
    store, _recovery_key = create_store(
        data_dir, DEMO_LOGIN, DEMO_DISPLAY_NAME, password or secrets.token_urlsafe(32),
        workstation=workstation or throwaway_workstation(),
    )
    try:
        add_demo_youth(store, count, seed)
    except BaseException:
        store.close()
        raise
    return store
