"""Made-up safety plans for demo youth: about half of them get a draft plan with answers in
their own words (English or Spanish, by their preferred language), safe people with fictional
numbers (555-01xx), a safe place, ticked ready-bag items, chosen help lines, and items kept off
the printed copy, so a trainee sees a full plan at once. Nothing here is a real person."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from casefile.db.models import Youth
from casefile.db.models.base import utcnow
from casefile.store import Store
from casefile.trail import audit
from planning.items import KINDS, STAFF, YOUTH
from planning.models import DONE, DRAFT, Plan, PlanItem, PlanSection
from planning.plans import PLAN

PLAN_SHARE = 0.5

_WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "strengths": ["I'm good at drawing.", "I make my friends laugh.", "I can fix bikes.",
                      "I'm a good big sister."],
        "calm": ["Music with headphones.", "A walk outside.", "Talking to my aunt.",
                 "Playing basketball."],
        "situations": ["When people yell at home.", "When someone I don't know texts me.",
                       "Being at the bus station late at night."],
        "first-contact": ["I will text my caseworker.", "I will call my cousin."],
        "people": [("Rosa Example", "my aunt", "She will pick me up, any time."),
                   ("Coach Sam Sample", "my coach", "He will meet me at the gym."),
                   ("Lee Placeholder", "my best friend", "She will stay on the phone with me.")],
        "place": ("The library on Main Street", "Bus 12", "9 to 8, every day"),
        "step": ["Put on my favorite songs.", "Go to my room and breathe slowly.",
                 "Write in my notebook."],
        "avoid": ("D.", "He keeps offering me rides and money."),
    },
    "es": {
        "strengths": ["Soy buena para dibujar.", "Hago reír a mis amigos.",
                      "Sé arreglar bicicletas."],
        "calm": ["Escuchar música.", "Caminar afuera.", "Hablar con mi tía."],
        "situations": ["Cuando gritan en casa.", "Cuando me escribe alguien que no conozco."],
        "first-contact": ["Le mando un mensaje a mi trabajadora social.", "Llamo a mi prima."],
        "people": [("Rosa Ejemplo", "mi tía", "Me recoge a cualquier hora."),
                   ("Luis Muestra", "mi entrenador", "Me espera en el gimnasio.")],
        "place": ("La biblioteca de la calle Main", "Autobús 12", "De 9 a 8, todos los días"),
        "step": ["Poner mis canciones favoritas.", "Respirar despacio en mi cuarto."],
        "avoid": ("El del carro rojo", "Siempre me ofrece dinero."),
    },
}
_HELP_LINES = ["emergency", "trafficking", "crisis", "runaway"]
_READY_BAG = ["charger", "medicine", "id-copy", "plan-card", "money"]


def _item(plan_id: int, section: str, kind: str, position: int, values: dict[str, str],
          now: datetime, *, key: str = "", voice: str = YOUTH,
          keep_off: bool | None = None) -> dict[str, Any]:
    return {"plan_id": plan_id, "section": section, "kind": kind, "content_key": key,
            "position": position, "data": json.dumps(values, ensure_ascii=False),
            "voice": voice, "keep_off_print": KINDS[kind].kept_off if keep_off is None
            else keep_off, "created_at": now, "updated_at": now, "row_version": 1}


def _items(rng: random.Random, plan_id: int, language: str, now: datetime) -> list[dict[str, Any]]:
    words = _WORDS["es" if language == "es" else "en"]
    items = [
        _item(plan_id, "about-me", "answer", 0, {"text": rng.choice(words["strengths"])}, now,
              key="strengths"),
        _item(plan_id, "about-me", "answer", 1, {"text": rng.choice(words["calm"])}, now,
              key="calm"),
        _item(plan_id, "warning-signs", "answer", 0, {"text": rng.choice(words["situations"])},
              now, key="situations", voice=rng.choice((YOUTH, STAFF))),
        _item(plan_id, "calm-and-safe", "step", 0, {"text": rng.choice(words["step"])}, now),
        _item(plan_id, "if-leaving", "answer", 0, {"text": rng.choice(words["first-contact"])},
              now, key="first-contact"),
    ]
    for position, (name, relationship, will_do) in enumerate(
            rng.sample(words["people"], rng.randint(1, 2))):
        items.append(_item(plan_id, "safe-people", "person", position, {
            "name": name, "relationship": relationship,
            "phone": f"555-01{rng.randint(0, 99):02d}", "will_do": will_do}, now))
    place, how, when = words["place"]
    items.append(_item(plan_id, "safe-places", "place", 0,
                       {"name": place, "how": how, "when_open": when}, now))
    if rng.random() < 0.4:  # a person to stay away from: off the printed copy
        name, why = words["avoid"]
        items.append(_item(plan_id, "warning-signs", "avoid-person", 0,
                           {"name": name, "why": why}, now, voice=STAFF))
    for position, key in enumerate(rng.sample(_READY_BAG, rng.randint(2, len(_READY_BAG)))):
        items.append(_item(plan_id, "ready-bag", "check", position, {}, now, key=key))
    for position, key in enumerate(_HELP_LINES[:rng.randint(1, len(_HELP_LINES))]):
        items.append(_item(plan_id, "help-lines", "helpline", position, {}, now, key=key))
    return items


def add_demo_plans(store: Store, seed: int | None = None, share: float = PLAN_SHARE) -> int:
    """Give `share` of the youth without a plan a made-up draft; returns how many."""
    rng = random.Random(None if seed is None else f"plans-{seed}")
    now = utcnow()
    with store.unit() as session:
        planned = select(Plan.youth_id)
        youth = session.execute(select(Youth.id, Youth.preferred_language)
                                .where(Youth.id.not_in(planned)).order_by(Youth.id)).all()
        chosen = [row for row in youth if rng.random() < share]
        if not chosen:
            return 0
        created = [now - timedelta(days=rng.randint(0, 60)) for _ in chosen]
        plan_ids = session.scalars(insert(Plan).returning(Plan.id, sort_by_parameter_order=True), [
            {"youth_id": row[0], "status": DRAFT, "created_by": store.user.id,
             "created_at": when, "updated_at": when}
            for row, when in zip(chosen, created, strict=True)]).all()
        items: list[dict[str, Any]] = []
        done: list[dict[str, Any]] = []
        for plan_id, row in zip(plan_ids, chosen, strict=True):
            made = _items(rng, plan_id, row[1], now)
            for n, item in enumerate(made):  # the same item in every version made from it
                item["lineage"] = f"d{plan_id}.{n}"
            items += made
            done += [{"plan_id": plan_id, "section": section, "state": DONE}
                     for section in ("about-me", "safe-people")]
        session.execute(insert(PlanItem), items)
        session.execute(insert(PlanSection), done)
        store.record(session, audit.CREATE, record_type=PLAN,
                     detail=f"{len(plan_ids)} synthetic plans")
        return len(plan_ids)
