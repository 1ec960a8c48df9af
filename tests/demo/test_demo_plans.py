"""Demo youth come with made-up plans: about half have a draft, with items kept off the printed
copy and answers in English and Spanish, so a trainee sees a full plan at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casefile.cases.youth import list_youth
from casefile.db.models.base import utcnow
from casefile.workstation import throwaway_workstation
from demo.youth import create_demo_store
from planning import missing, plans, versions


def test_about_half_the_demo_youth_have_a_full_draft_plan(tmp_path: Path) -> None:
    store = create_demo_store(tmp_path / "demo", 200, seed=4, workstation=throwaway_workstation())
    try:
        states = plans.plan_states(store)
        assert 60 <= len(states) <= 140 and set(states.values()) == {plans.DRAFT, plans.AGREED}
        opened = [plans.open_plan(store, youth_id) for youth_id in list(states)[:40]]
        items = [item for plan in opened if plan is not None for item in plan.items]
        assert {"answer", "person", "place", "check", "helpline"} <= {i.kind for i in items}
        assert any(item.keep_off_print for item in items)
        texts = " ".join(v for item in items for v in item.values.values())
        assert "I " in texts and ("Soy " in texts or "Hago " in texts or "Sé " in texts)
        assert all(p.sections.get("about-me") == plans.DONE for p in opened if p is not None)
    finally:
        store.close()


def test_demo_plans_have_a_history_of_versions_reviews_and_missing_episodes(
    tmp_path: Path
) -> None:
    store = create_demo_store(tmp_path / "demo", 400, seed=3, workstation=throwaway_workstation())
    try:
        youth = {row.id: row for row in list_youth(store)}
        states = plans.plan_states(store)
        agreed = [y for y, state in states.items() if state == plans.AGREED]
        assert len(agreed) >= 20
        histories = [versions.list_versions(store, y) for y in youth]
        second = next(h for h in histories if len(h) == 2)
        changes = versions.compare(versions.open_version(store, second[1].plan_id),
                                   versions.open_version(store, second[0].plan_id), [])
        assert [(c.what, c.section) for c in changes] == [
            ("edited", "about-me"), ("added", "safe-people")]
        today = date.today()
        reviews = [due for y in agreed if (due := youth[y].review_due_on) is not None]
        assert any(due < today for due in reviews) and any(due > today for due in reviews)
        flags = missing.alerts(store, utcnow(), 3)
        found = {flag for youth_flags in flags.values() for flag in youth_flags}
        assert {missing.MISSING, missing.REPORT_OVERDUE} <= found
        assert found & {missing.DEBRIEF_DUE, missing.DEBRIEF_OVERDUE}
    finally:
        store.close()


def test_demo_youth_have_needs_assessments_over_time_goals_steps_and_documents(
    tmp_path: Path
) -> None:
    from sqlalchemy import func, select

    from services_needs.models import (
        COMPLETED,
        ActionStep,
        Assessment,
        DomainRating,
        Goal,
        VitalDocument,
    )

    store = create_demo_store(tmp_path / "demo", 300, seed=5, workstation=throwaway_workstation())
    try:
        with store.unit() as session:
            completed = session.execute(
                select(Assessment.youth_id, func.count()).where(Assessment.status == COMPLETED)
                .group_by(Assessment.youth_id)).all()
            rated = session.execute(select(DomainRating.assessment_id, func.count())
                                    .group_by(DomainRating.assessment_id)).all()
            steps = session.scalar(select(func.count()).select_from(ActionStep)) or 0
            goals = session.scalar(select(func.count()).select_from(Goal)) or 0
            documents = session.scalar(select(func.count()).select_from(VitalDocument)) or 0
        assert 80 <= len(completed) <= 160
        assert {1, 2, 3} <= {count for _youth, count in completed}  # kept over time
        assert any(count < 12 for _a, count in rated)  # some domains left unrated
        assert goals >= len(completed) and steps == 2 * goals and documents > 100
    finally:
        store.close()
