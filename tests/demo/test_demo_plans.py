"""Demo youth come with made-up plans: about half have a draft, with items kept off the printed
copy and answers in English and Spanish, so a trainee sees a full plan at once."""

from __future__ import annotations

from pathlib import Path

from casefile.workstation import throwaway_workstation
from demo.youth import create_demo_store
from planning import plans


def test_about_half_the_demo_youth_have_a_full_draft_plan(tmp_path: Path) -> None:
    store = create_demo_store(tmp_path / "demo", 200, seed=4, workstation=throwaway_workstation())
    try:
        states = plans.plan_states(store)
        assert 60 <= len(states) <= 140 and set(states.values()) == {plans.DRAFT}
        opened = [plans.open_plan(store, youth_id) for youth_id in list(states)[:40]]
        items = [item for plan in opened if plan is not None for item in plan.items]
        assert {"answer", "person", "place", "check", "helpline"} <= {i.kind for i in items}
        assert any(item.keep_off_print for item in items)
        texts = " ".join(v for item in items for v in item.values.values())
        assert "I " in texts and ("Soy " in texts or "Hago " in texts or "Sé " in texts)
        assert all(p.sections.get("about-me") == plans.DONE for p in opened if p is not None)
    finally:
        store.close()
