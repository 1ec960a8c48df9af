"""Goals, action steps and referrals, and what is due: one function per thing a person does on
the youth's "Goals and steps" tab and the "Due this week" list, and the names those screens
show. The day is `today()`, read here and nowhere in the domain, so a test can move it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.operations.session import Session, store_of
from services_needs import due, goals, referrals, steps
from services_needs.content import Domain, domains
from services_needs.due import REFERRAL_OVERDUE, STEP_OVERDUE, DueItem
from services_needs.goals import (
    DOING,
    DONE,
    GOAL_STATUS_NAMES,
    GOAL_STATUSES,
    OPEN,
    OWNER_NAMES,
    OWNERS,
    STEP_STATUS_NAMES,
    STEP_STATUSES,
    TO_DO,
    GoalView,
    StepFields,
    StepView,
)
from services_needs.referrals import (
    FINISHED,
    MADE,
    STATUS_NAMES,
    STATUSES,
    SUGGESTED,
    ReferralFields,
    ReferralView,
)

__all__ = [  # what the screens may know, besides the functions below
    "DOING", "DONE", "GOAL_STATUSES", "GOAL_STATUS_NAMES", "MADE", "OPEN", "OWNERS",
    "OWNER_NAMES", "REFERRAL_FINISHED", "REFERRAL_OVERDUE", "REFERRAL_STATUSES",
    "REFERRAL_STATUS_NAMES", "STEP_OVERDUE", "STEP_STATUSES", "STEP_STATUS_NAMES", "SUGGESTED",
    "TO_DO", "Domain", "DueItem", "GoalView", "ReferralFields", "ReferralView", "StepFields",
    "StepView",
]
REFERRAL_STATUSES, REFERRAL_STATUS_NAMES, REFERRAL_FINISHED = STATUSES, STATUS_NAMES, FINISHED
KIND = "goals"  # the change notices' record kind
FLAGS = (STEP_OVERDUE, REFERRAL_OVERDUE)
today: Callable[[], date] = date.today


def life_domains() -> tuple[Domain, ...]:
    """The parts of a young person's life a goal is under, in the assessment's order."""
    return domains()


# goals
def goals_of(session: Session, youth_id: int) -> list[GoalView]:
    return goals.goals(store_of(session), youth_id)


def add_goal(session: Session, youth_id: int, domain: str, words: str) -> GoalView:
    return goals.add_goal(store_of(session), youth_id, domain, words)


def save_goal(session: Session, goal: GoalView, words: str, status: str) -> GoalView:
    return goals.save_goal(store_of(session), goal.id, goal.version, words=words, status=status)


def remove_goal(session: Session, goal: GoalView) -> None:
    goals.remove_goal(store_of(session), goal.id, goal.version)


def goal_now(session: Session, goal: GoalView) -> GoalView:
    return goals.goal_now(store_of(session), goal.id)


# steps
def add_step(session: Session, goal_id: int, values: StepFields) -> StepView:
    return steps.add_step(store_of(session), goal_id, values, today())


def save_step(session: Session, step: StepView, values: StepFields) -> StepView:
    return steps.save_step(store_of(session), step.id, step.version, values, today())


def remove_step(session: Session, step: StepView) -> None:
    steps.remove_step(store_of(session), step.id, step.version)


def step_now(session: Session, step: StepView) -> StepView:
    return steps.step_now(store_of(session), step.id)


# referrals
def referrals_of(session: Session, youth_id: int) -> list[ReferralView]:
    return referrals.referrals(store_of(session), youth_id)


def add_referral(session: Session, goal_id: int, service_id: int | None = None,
                 service_name: str = "", service_phone: str = "") -> ReferralView:
    return referrals.add_referral(store_of(session), goal_id, today(), service_id=service_id,
                                  service_name=service_name, service_phone=service_phone)


def save_referral(session: Session, referral: ReferralView,
                  values: ReferralFields) -> ReferralView:
    return referrals.save_referral(store_of(session), referral.id, referral.version, values,
                                   today())


def remove_referral(session: Session, referral: ReferralView) -> None:
    referrals.remove_referral(store_of(session), referral.id, referral.version)


def referral_now(session: Session, referral: ReferralView) -> ReferralView:
    return referrals.referral_now(store_of(session), referral.id)


# what is due
def due_this_week(session: Session) -> list[DueItem]:
    """Overdue and coming steps and referral follow-ups of the signed-in person's youth (a
    supervisor: the team's), soonest first."""
    return due.due_items(store_of(session), today())


def overdue(session: Session) -> dict[int, frozenset[str]]:
    """Which youth have a step or a referral follow-up overdue, for the youth list."""
    return due.overdue_by_youth(store_of(session), today())


def flags_of(goals_shown: list[GoalView], referrals_shown: list[ReferralView]
             ) -> frozenset[str]:
    """The youth list's flags for what one youth's page shows."""
    day = today()
    found = set()
    if any(step.overdue(day) for goal in goals_shown if goal.status == OPEN
           for step in goal.steps):
        found.add(STEP_OVERDUE)
    if any(referral.overdue(day) for referral in referrals_shown):
        found.add(REFERRAL_OVERDUE)
    return frozenset(found)
