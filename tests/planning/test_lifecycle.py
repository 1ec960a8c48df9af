"""A plan over time: agreed with both signatures (or the young person's choice not to sign),
kept as a version that never changes, a new draft from it, what changed between two versions,
and the review date each agreement sets."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.cases.youth import YouthFields, create_youth, get_youth, set_status
from casefile.db.models import AuditEntry
from casefile.errors import InvalidInput
from casefile.store import Store, open_store
from planning import agreement, plans, versions
from planning.agreement import Signatures
from tests.planning.conftest import ADMIN_PASSWORD

TODAY = date(2026, 12, 5)
SIGNED = Signatures("Dana Caseworker", TODAY, "Jordan Sample", TODAY, helpers="Aunt Rosa",
                    copies="Jordan, Dana")
ORDER = ["about-me", "safe-people", "help-lines"]


def _draft(store: Store) -> plans.PlanView:
    return plans.start_plan(store, create_youth(store, YouthFields(legal_name="Jordan")).id)


def test_an_agreed_version_never_changes_and_editing_starts_a_new_draft(store: Store) -> None:
    draft = _draft(store)
    calm = plans.add_item(store, draft.id, "about-me", "answer", "calm", {"text": "Music"})
    plans.set_section_state(store, draft.id, "about-me", plans.DONE)
    first = agreement.agree(store, draft.id, SIGNED, TODAY + timedelta(days=90), TODAY)
    assert (first.status, first.version, first.review_on) == ("agreed", 1, date(2027, 3, 5))
    assert get_youth(store, first.youth_id).review_due_on == date(2027, 3, 5)
    with pytest.raises(InvalidInput, match="agreed"):
        plans.save_item(store, calm.id, calm.version, values={"text": "changed"})
    draft2 = plans.start_plan(store, first.youth_id)  # editing starts a new draft from it
    assert draft2.id != first.id and draft2.based_on == first.id and draft2.status == "draft"
    assert [i.values for i in draft2.items] == [{"text": "Music"}]
    assert draft2.sections == {"about-me": plans.DONE}
    assert plans.start_plan(store, first.youth_id).id == draft2.id  # one draft, not two
    copied = draft2.items[0]
    plans.save_item(store, copied.id, copied.version, values={"text": "Music and drawing"})
    plans.add_item(store, draft2.id, "safe-people", "person", values={"name": "Rosa"})
    agreed_again = versions.open_version(store, first.id)
    assert [i.values for i in agreed_again.items] == [{"text": "Music"}]  # never changed
    second = agreement.agree(store, draft2.id, SIGNED, TODAY + timedelta(days=30), TODAY)
    assert second.version == 2
    listed = versions.list_versions(store, first.youth_id)
    assert [(v.number, v.review_on, v.agreed_by) for v in listed] == [
        (2, TODAY + timedelta(days=30), "Ada Admin"), (1, date(2027, 3, 5), "Ada Admin")]
    changes = versions.compare(versions.open_version(store, first.id),
                               versions.open_version(store, second.id), ORDER)
    assert [(c.what, c.section, c.kind, c.fields) for c in changes] == [
        ("edited", "about-me", "answer", ("text",)),
        ("added", "safe-people", "person", ()),
    ]
    assert changes[0].before is not None and changes[0].before.values["text"] == "Music"


def test_the_young_person_may_choose_not_to_sign(store: Store) -> None:
    draft = _draft(store)
    declined = Signatures("Dana Caseworker", TODAY, youth_declined=True)
    agreement.agree(store, draft.id, declined, TODAY + timedelta(days=90), TODAY)
    signed = agreement.agreement_of(store, draft.id)
    assert signed is not None and signed.signatures.youth_declined
    assert signed.signatures.youth_signed_on is None
    assert not versions.list_versions(store, draft.youth_id)[0].youth_signed


@pytest.mark.parametrize(("signatures", "review", "message"), [
    (Signatures("  ", TODAY, "Jordan", TODAY), 90, "caseworker's name"),
    (Signatures("Dana", TODAY, "", TODAY), 90, "young person's name"),
    (Signatures("Dana", TODAY, "Jordan", None), 90, "date the young person signed"),
    (Signatures("Dana", TODAY + timedelta(days=1), "Jordan", TODAY), 90, "future"),
    (SIGNED, 0, "after today"),
    (SIGNED, -3, "after today"),
    (Signatures("Dana", None, "Jordan", TODAY), 90, "date the caseworker signed"),
])
def test_an_agreement_that_cannot_be_true_is_refused_and_leaves_a_draft(
    store: Store, signatures: Signatures, review: int, message: str
) -> None:
    draft = _draft(store)
    with pytest.raises(InvalidInput) as refused:
        agreement.agree(store, draft.id, signatures, TODAY + timedelta(days=review), TODAY)
    assert message in refused.value.user_message()
    assert plans.plan_states(store) == {draft.youth_id: "draft"}


def test_two_caseworkers_agreeing_one_draft_at_once_one_wins(store: Store,
                                                             data_dir: Path) -> None:
    draft = _draft(store)
    other = open_store(data_dir, "ada", ADMIN_PASSWORD)
    try:
        agreement.agree(other, draft.id, SIGNED, TODAY + timedelta(days=90), TODAY)
        with pytest.raises(InvalidInput) as refused:
            agreement.agree(store, draft.id, SIGNED, TODAY + timedelta(days=60), TODAY)
        assert "agreed this plan meanwhile, as version 1" in refused.value.user_message()
        assert versions.list_versions(store, draft.youth_id)[0].review_on == \
            TODAY + timedelta(days=90)
    finally:
        other.close()


def test_a_closed_case_keeps_its_plans_readable_and_takes_no_new_ones(store: Store) -> None:
    draft = _draft(store)
    agreement.agree(store, draft.id, SIGNED, TODAY + timedelta(days=90), TODAY)
    youth = get_youth(store, draft.youth_id)
    set_status(store, youth.id, youth.row_version, "closed")
    assert plans.open_plan(store, youth.id) is not None
    assert versions.list_versions(store, youth.id)[0].number == 1
    with pytest.raises(InvalidInput, match="closed"):
        plans.start_plan(store, youth.id)


def test_agreeing_is_audited_without_any_plan_text(store: Store) -> None:
    draft = _draft(store)
    agreement.agree(store, draft.id, SIGNED, date(2027, 3, 5), TODAY)
    with store.unit() as session:
        entries = [(e.action, e.detail) for e in session.scalars(select(AuditEntry))]
    assert ("agree", "version 1; youth signed; review 2027-03-05") in entries
    assert not any("Jordan" in detail or "Rosa" in detail for _action, detail in entries)
