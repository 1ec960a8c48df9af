"""Agreeing a draft: the young person and the caseworker sign it (typed names and dates; the
young person may choose not to sign, and that is recorded), and it becomes the youth's next
agreed version, which never changes again. The agreement sets the next review date, which is
also the youth's "next plan review" on the list.

Two caseworkers agreeing one draft at once: the first wins; the second is told who agreed it,
and their typed signatures stay on their screen (nothing of theirs is saved).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from casefile.db.models import Staff
from casefile.db.models.base import utcnow
from casefile.errors import InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from planning.models import AGREED, DRAFT, Plan, PlanAgreement
from planning.plans import PLAN, PlanView, plan_view, youth_for_change

MAX_NAME = 200


@dataclass(frozen=True)
class Signatures:
    """What is typed on the agreement page."""

    caseworker_name: str
    caseworker_signed_on: date | None
    youth_name: str = ""
    youth_signed_on: date | None = None
    youth_declined: bool = False  # the young person chose not to sign
    helpers: str = ""  # who else helped make the plan
    copies: str = ""  # who holds a copy


@dataclass(frozen=True)
class AgreementView:
    signatures: Signatures
    agreed_by: str  # the staff member who recorded it
    agreed_at: datetime


def default_review_on(today: date, review_days: int) -> date:
    """The review date an agreement offers: `review_days` (agency policy) after today."""
    return today + timedelta(days=review_days)


def _check(signatures: Signatures, review_on: date | None, today: date) -> date:
    if not signatures.caseworker_name.strip():
        raise InvalidInput(N_("Type the caseworker's name to sign the plan."))
    if signatures.caseworker_signed_on is None:
        raise InvalidInput(N_("Give the date the caseworker signed."))
    if not signatures.youth_declined and not signatures.youth_name.strip():
        raise InvalidInput(N_("Type the young person's name to sign, or record that they chose "
                              "not to sign."))
    if not signatures.youth_declined and signatures.youth_signed_on is None:
        raise InvalidInput(N_("Give the date the young person signed."))
    for name in (signatures.caseworker_name, signatures.youth_name):
        if len(name) > MAX_NAME:
            raise InvalidInput(N_("A name may be at most {count} characters."), count=MAX_NAME)
    for signed in (signatures.caseworker_signed_on, signatures.youth_signed_on):
        if signed is not None and signed > today:
            raise InvalidInput(N_("A signature's date cannot be in the future."))
    if review_on is None or review_on <= today:
        raise InvalidInput(N_("The next review must be after today. Choose a date in the "
                              "coming weeks; the usual is 90 days from now."))
    return review_on


def agree(store: Store, plan_id: int, signatures: Signatures, review_on: date | None,
          today: date) -> PlanView:
    """Make the draft `plan_id` the youth's next agreed version."""
    review_on = _check(signatures, review_on, today)
    with store.unit() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise RecordNotFound()
        youth, flagged = youth_for_change(session, store, plan.youth_id)
        if plan.status != DRAFT:
            who = session.get(Staff, plan.agreed_by) if plan.agreed_by else None
            raise InvalidInput(N_("{name} agreed this plan meanwhile, as version {number}. "
                                  "Nothing you typed was saved; it is still on screen."),
                               name=who.display_name if who else "?", number=plan.version or 0)
        last = session.scalar(select(func.max(Plan.version)).where(
            Plan.youth_id == plan.youth_id)) or 0
        plan.status, plan.version = AGREED, last + 1
        plan.agreed_at, plan.agreed_by, plan.review_on = utcnow(), store.user.id, review_on
        session.add(PlanAgreement(
            plan_id=plan.id, youth_name=signatures.youth_name.strip(),
            youth_signed_on=None if signatures.youth_declined else signatures.youth_signed_on,
            youth_declined=signatures.youth_declined,
            caseworker_name=signatures.caseworker_name.strip(),
            caseworker_signed_on=signatures.caseworker_signed_on or today,
            helpers=signatures.helpers, copies=signatures.copies))
        youth.review_due_on = review_on
        session.flush()
        signed = "youth declined" if signatures.youth_declined else "youth signed"
        store.record(session, audit.AGREE, record_type=PLAN, record_id=plan.id,
                     detail=f"version {plan.version}; {signed}; review {review_on.isoformat()}",
                     flagged=flagged)
        return plan_view(session, plan)


def agreement_of(store: Store, plan_id: int) -> AgreementView | None:
    """How an agreed version was signed (None for a draft)."""
    with store.unit() as session:
        row = session.scalars(select(PlanAgreement).where(PlanAgreement.plan_id == plan_id)).first()
        plan = session.get(Plan, plan_id)
        if row is None or plan is None or plan.agreed_at is None:
            return None
        access.youth_for(session, store.user, plan.youth_id)
        who = session.get(Staff, plan.agreed_by) if plan.agreed_by else None
        return AgreementView(
            Signatures(row.caseworker_name, row.caseworker_signed_on, row.youth_name,
                       row.youth_signed_on, row.youth_declined, row.helpers, row.copies),
            who.display_name if who else "", plan.agreed_at)
