"""The safety plan's operations: one function per thing a person does on the plan screens.
Each is one unit of work in `planning.plans`; a change is announced as `ChangeNotice(youth,
"plan")` by the editor that made it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from casefile.cases import youth
from casefile.policy import policy_path
from casefile.staff import accounts
from desktop.operations.session import Session, store_of
from i18n import LANGUAGES
from planning import plans
from planning.content import Content, ContentError, load_built_in, with_agency_content
from planning.plans import ItemView, PlanView

KIND = "plan"  # the change notices' record kind


@dataclass(frozen=True)
class PlanScreen:
    """What the plan editor shows for a youth: their plan (None: not started), and the name and
    pronouns from the profile for "About me"."""

    plan: PlanView | None
    name: str
    pronouns: str


AGENCY_CONTENT = "plan-content.toml"  # an agency's own plan content, beside its policy file


def agency_content_path() -> Path:
    return policy_path().with_name(AGENCY_CONTENT)


@cache
def built_in_content() -> Content:
    return load_built_in()


@cache
def content() -> Content:
    """The plan's sections, questions, checklists and help lines: the built-in ones and the
    agency's own (read once). Raises ContentError, naming the file and line, when the agency's
    file has a mistake: the plan is then not shown at all, never half loaded."""
    path = agency_content_path()
    if not path.is_file():
        return built_in_content()
    return with_agency_content(built_in_content(), path)


@dataclass(frozen=True)
class ContentStatus:
    """What the administrator's status says of a content pack and the agency's own file for it
    (the plan content here; the document guidance in `desktop.operations.documents`)."""

    path: Path | None  # the agency's file, when there is one
    problem: str  # why it cannot be used (translated), or ""
    missing: dict[str, int]  # texts without a translation, by language code


def content_status() -> ContentStatus:
    path = agency_content_path()
    if not path.is_file():
        return ContentStatus(None, "", {})
    try:
        loaded = content()
    except ContentError as error:
        return ContentStatus(path, error.user_message(), {})
    missing: dict[str, int] = {}
    for code in (lang.code for lang in LANGUAGES):
        count = sum(len(text.missing([code])) for text in loaded.texts())
        if count:
            missing[code] = count
    return ContentStatus(path, "", missing)


def open_plan(session: Session, youth_id: int) -> PlanScreen:
    store = store_of(session)
    name, pronouns = youth.name_and_pronouns(store, youth_id)
    return PlanScreen(plans.open_plan(store, youth_id), name, pronouns)


def name_and_pronouns(session: Session, youth_id: int) -> tuple[str, str]:
    return youth.name_and_pronouns(store_of(session), youth_id)


def start_plan(session: Session, youth_id: int) -> PlanView:
    return plans.start_plan(store_of(session), youth_id)


def add_item(session: Session, plan_id: int, section: str, kind: str, key: str = "",
             values: dict[str, str] | None = None) -> ItemView:
    return plans.add_item(store_of(session), plan_id, section, kind, key, values)


def save_item(session: Session, item: ItemView, values: dict[str, str] | None = None,
              voice: str | None = None, keep_off_print: bool | None = None) -> ItemView:
    return plans.save_item(store_of(session), item.id, item.version, values=values, voice=voice,
                           keep_off_print=keep_off_print)


def item_now(session: Session, item: ItemView) -> ItemView:
    return plans.item_now(store_of(session), item.id)


def remove_item(session: Session, item: ItemView) -> None:
    plans.remove_item(store_of(session), item.id, item.version)


def mark_section(session: Session, plan_id: int, section: str, state: str | None) -> None:
    plans.set_section_state(store_of(session), plan_id, section, state)


def enter_together(session: Session, plan_id: int) -> None:
    plans.record_together(store_of(session), plan_id, entering=True)


def leave_together(session: Session, plan_id: int, password: str | None) -> None:
    """Back to the full view: the signed-in person's password first (None: a lock is taking
    over, which asks for it anyway)."""
    store = store_of(session)
    if password is not None:
        accounts.confirm_own_password(store, password)
    plans.record_together(store, plan_id, entering=False)
