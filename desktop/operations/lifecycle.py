"""The plan over time: agreeing a draft, its versions and what changed between two of them.
One function per thing a person does; each is one unit of work in `planning`."""

from __future__ import annotations

from datetime import date

from desktop.operations.plan import content
from desktop.operations.session import Session, store_of
from planning import agreement, plans, versions
from planning.agreement import Signatures
from planning.plans import PlanView
from planning.versions import Change, VersionSummary


def today() -> date:
    """The workstation's date (signatures and reviews are dated where the youth is)."""
    return date.today()


def default_review_on(session: Session) -> date:
    return agreement.default_review_on(today(), session.policy.review_days)


def _agreement_words(plan: PlanView) -> tuple[str, str]:
    """Who helped make the plan and who keeps a copy, as the Agreement section holds them."""
    helpers = ", ".join(i.values.get("name", "") for i in plan.items
                        if i.section == "agreement" and i.kind == "person"
                        and i.values.get("name"))
    copies = next((i.values.get("text", "") for i in plan.items
                   if i.section == "agreement" and i.content_key == "copies"), "")
    return helpers, copies


def agree(session: Session, plan: PlanView, signatures: Signatures,
          review_on: date | None) -> PlanView:
    helpers, copies = _agreement_words(plan)
    signed = Signatures(signatures.caseworker_name, signatures.caseworker_signed_on,
                        signatures.youth_name, signatures.youth_signed_on,
                        signatures.youth_declined, helpers, copies)
    return agreement.agree(store_of(session), plan.id, signed, review_on, today())


def start_new_draft(session: Session, youth_id: int) -> PlanView:
    """Editing an agreed plan: a new draft from it (the agreed version stays as it is)."""
    return plans.start_plan(store_of(session), youth_id)


def list_versions(session: Session, youth_id: int) -> list[VersionSummary]:
    return versions.list_versions(store_of(session), youth_id)


def what_changed(session: Session, older: int, newer: int) -> list[Change]:
    """The changes from the version `older` to `newer` (plan ids), in the plan's order."""
    store = store_of(session)
    order = [section.id for section in content().sections]
    return versions.compare(versions.open_version(store, older),
                            versions.open_version(store, newer), order)
