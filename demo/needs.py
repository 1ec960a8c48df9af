"""Made-up needs assessments for demo youth, so a trainee sees them kept over time: about four in
ten youth have one to three completed assessments a month or more apart (some domains left
unrated, levels moving a little each time), a few have a reassessment in draft; each of them has
goals in their own words under their lowest-rated domains, with action steps (some due this
week, some overdue) and referrals to services from the demo directory; about half of all youth
have some of their identity documents tracked. Nothing here is a real person."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from casefile.db.models import Youth
from casefile.db.models.base import utcnow
from casefile.store import Store
from casefile.trail import audit
from services_needs.content import domain_ids
from services_needs.models import (
    COMPLETED,
    DRAFT,
    ActionStep,
    Assessment,
    DomainRating,
    Goal,
    Referral,
    Service,
    VitalDocument,
)

ASSESSED_SHARE, DRAFT_SHARE, DOCUMENTS_SHARE = 0.4, 0.1, 0.5
RATED_SHARE = 0.75  # of the domains, in each assessment: the rest are left unrated

_GOALS = {
    "en": ["Find a place of my own I can afford.", "Get my GED by next summer.",
           "See a doctor about my asthma.", "Open a bank account.", "Learn to cook three meals."],
    "es": ["Encontrar un lugar propio que pueda pagar.", "Sacar mi GED el próximo verano.",
           "Ir al médico por mi asma.", "Abrir una cuenta de banco."],
    "ar": ["أن أجد مكانًا خاصًا بي أقدر على دفع إيجاره.", "أن أفتح حسابًا في البنك."],
    "zh_CN": ["找到一个我付得起的住处。", "明年夏天之前拿到同等学历证书。"],
}
_STEPS = [("Call the housing office", "youth"), ("Fill in the application together", "caseworker"),
          ("Drive to the appointment", "caregiver"), ("Send the intake form", "provider"),
          ("Ask the school for my transcript", "youth")]
_PLACES = ["In the agency's safe", "With my foster mom", "In my backpack", "At my aunt's house"]
_DOCUMENTS = ("birth-certificate", "social-security-card", "state-id", "health-insurance",
              "medical-records", "school-records")


def add_demo_needs(store: Store, seed: int | None = None) -> int:
    """Give the share of youth without an assessment made-up assessments, goals, steps and
    referrals, and track some documents; returns how many youth were assessed. Rows are
    inserted in bulk: ten thousand demo youth are made in seconds."""
    rng = random.Random(None if seed is None else f"needs-{seed}")
    now = utcnow()
    with store.unit() as session:
        assessed = select(Assessment.youth_id)
        youth = session.execute(select(Youth.id, Youth.preferred_language)
                                .where(Youth.id.not_in(assessed)).order_by(Youth.id)).all()
        chosen = [row for row in youth if rng.random() < ASSESSED_SHARE]
        made = _Made(store.user.id, now)
        for youth_id, language in chosen:
            levels = _assessments(made, rng, youth_id)
            _goals(made, rng, youth_id, language, levels)
        made.insert(session, _services_by_domain(session), rng)
        tracked = set(session.scalars(select(VitalDocument.youth_id).distinct()))
        documents = [_document(rng, youth_id, document, now)
                     for youth_id, _language in youth
                     if youth_id not in tracked and rng.random() < DOCUMENTS_SHARE
                     for document in rng.sample(_DOCUMENTS, rng.randint(1, 4))]
        if documents:
            session.execute(insert(VitalDocument), documents)
        store.record(session, audit.CREATE, record_type="needs-assessment",
                     detail=f"{len(chosen)} synthetic assessments")
        return len(chosen)


class _Made:
    """The rows made up so far, inserted together: each assessment with its ratings, each goal
    with its steps and (when the directory has a service for its domain) a referral."""

    def __init__(self, staff_id: int, now: datetime) -> None:
        self.staff_id, self.now = staff_id, now
        self.assessments: list[tuple[dict[str, Any], dict[str, int]]] = []
        self.goals: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []

    def stamps(self, when: datetime) -> dict[str, Any]:
        return {"created_at": when, "updated_at": when, "row_version": 1}

    def insert(self, session: Any, services: dict[str, list[tuple[int, str, str]]],
               rng: random.Random) -> None:
        if self.assessments:
            ids = session.scalars(insert(Assessment).returning(
                Assessment.id, sort_by_parameter_order=True), [a for a, _ in self.assessments])
            session.execute(insert(DomainRating), [
                {"assessment_id": assessment_id, "domain": domain, "level": level,
                 "priority": ("a-lot", "some", "not-now")[level % 3], "strengths": "",
                 "notes": "", **self.stamps(row["created_at"])}
                for assessment_id, (row, levels) in zip(ids, self.assessments, strict=True)
                for domain, level in levels.items()])
        if not self.goals:
            return
        ids = session.scalars(insert(Goal).returning(Goal.id, sort_by_parameter_order=True),
                              [g for g, _ in self.goals]).all()
        session.execute(insert(ActionStep), [
            {**step, "goal_id": goal_id}
            for goal_id, (_goal, steps) in zip(ids, self.goals, strict=True) for step in steps])
        referrals = [self._referral(goal_id, goal, rng.choice(services[goal["domain"]]), rng)
                     for goal_id, (goal, _steps) in zip(ids, self.goals, strict=True)
                     if services.get(goal["domain"])]
        if referrals:
            session.execute(insert(Referral), referrals)

    def _referral(self, goal_id: int, goal: dict[str, Any], service: tuple[int, str, str],
                  rng: random.Random) -> dict[str, Any]:
        today = self.now.date()
        return {"youth_id": goal["youth_id"], "goal_id": goal_id, "domain": goal["domain"],
                "service_id": service[0], "service_name": service[1],
                "service_phone": service[2], "status": "made",
                "made_on": today - timedelta(days=5), "status_on": today - timedelta(days=5),
                "follow_up_on": today + timedelta(days=rng.randint(-3, 14)), "notes": "",
                "created_by": self.staff_id, **self.stamps(self.now)}


def _services_by_domain(session: Any) -> dict[str, list[tuple[int, str, str]]]:
    found: dict[str, list[tuple[int, str, str]]] = {}
    rows = session.execute(select(Service.id, Service.name, Service.phone, Service.domains)
                           .where(Service.removed_at.is_(None))).all()
    for service_id, name, phone, domains in rows:
        for domain in domains.split():
            found.setdefault(domain, []).append((service_id, name, phone))
    return found


def _assessments(made: _Made, rng: random.Random, youth_id: int) -> dict[str, int]:
    """One to three completed assessments a month or more apart (maybe a draft after them);
    returns the latest levels."""
    count = rng.choice((1, 1, 2, 2, 3))
    when = made.now - timedelta(days=rng.randint(10, 40) + 45 * (count - 1))
    levels = {d: rng.randint(1, 4) for d in domain_ids() if rng.random() < RATED_SHARE}
    for _ in range(count):
        made.assessments.append(({
            "youth_id": youth_id, "status": COMPLETED, "created_by": made.staff_id,
            "completed_at": when, "completed_by": made.staff_id, **made.stamps(when)}, levels))
        when += timedelta(days=rng.randint(30, 60))
        levels = {d: max(1, min(5, level + rng.choice((-1, 0, 0, 1, 1))))
                  for d, level in levels.items()}
    if rng.random() < DRAFT_SHARE:
        made.assessments.append(({
            "youth_id": youth_id, "status": DRAFT, "created_by": made.staff_id,
            "completed_at": None, "completed_by": None, **made.stamps(made.now)},
            dict(list(levels.items())[:3])))
    return levels


def _goals(made: _Made, rng: random.Random, youth_id: int, language: str,
           levels: dict[str, int]) -> None:
    lowest = sorted(levels, key=lambda d: (levels[d], d))[:rng.randint(1, 2)]
    words = _GOALS.get(language, _GOALS["en"])
    today = made.now.date()
    for position, domain in enumerate(lowest):
        steps = [{"words": text, "owner": owner, "owner_name": "",
                  "due_on": today + timedelta(days=rng.randint(-10, 30)), "status": "to-do",
                  "done_on": None, "position": n, **made.stamps(made.now)}
                 for n, (text, owner) in enumerate(rng.sample(_STEPS, 2))]
        made.goals.append(({"youth_id": youth_id, "domain": domain, "words": rng.choice(words),
                            "status": "open", "position": position,
                            "created_by": made.staff_id, **made.stamps(made.now)}, steps))


def _document(rng: random.Random, youth_id: int, document: str, now: datetime) -> dict[str, Any]:
    has_it = rng.random() < 0.5
    requested = None if has_it else now.date() - timedelta(days=rng.randint(3, 60))
    return {"youth_id": youth_id, "document": document, "has_it": has_it,
            "kept_where": rng.choice(_PLACES) if has_it else "", "requested_on": requested,
            "received_on": None, "next_step": "" if has_it else "Wait for the letter",
            "fee_waiver": "", "created_at": now, "updated_at": now, "row_version": 1}
