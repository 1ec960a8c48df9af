"""The kinds of item a safety plan holds, declared once: their fields (with labels, whether a
field is a phone number or long text), whether they stay off the printed copy unless the
young person chooses otherwise, and whose words an answer starts as.

The plan editor, the together view, the save, the demo data and the tests are all driven from
`KINDS`. Field values are kept exactly as typed (plain text; never trimmed or reformatted).
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import N_

YOUTH, STAFF = "youth", "staff"  # whose words an item is in
VOICES = (YOUTH, STAFF)
MAX_VALUE_CHARS = 20_000  # a long answer (10,000 characters and more) is kept whole


@dataclass(frozen=True)
class ItemField:
    key: str
    label: str  # N_: translated when shown
    long: bool = False  # several lines
    phone: bool = False  # a phone number: kept left to right, a hint if it has no digits


@dataclass(frozen=True)
class ItemKind:
    key: str
    title: str  # N_: what one item of this kind is called
    fields: tuple[ItemField, ...]
    listed: bool = True  # offered as a list a section collects ("Add a safe person")
    kept_off: bool = False  # off the printed copy until the young person chooses otherwise
    once: bool = False  # at most one per content key (a ticked checklist item, a help line)


_TEXT = ItemField("text", N_("In your words"), long=True)

KINDS: dict[str, ItemKind] = {kind.key: kind for kind in (
    ItemKind("answer", N_("Answer"), (_TEXT,), listed=False),
    ItemKind("check", N_("Checklist item"), (ItemField("note", N_("Note")),), listed=False,
             once=True),
    ItemKind("helpline", N_("Help line"), (), listed=False, once=True),
    ItemKind("step", N_("Something I can do"), (_TEXT,)),
    ItemKind("person", N_("Safe person"), (
        ItemField("name", N_("Name")),
        ItemField("relationship", N_("Who they are to me")),
        ItemField("phone", N_("Phone"), phone=True),
        ItemField("will_do", N_("What they will do when I reach out"), long=True),
    )),
    ItemKind("avoid-person", N_("Someone to stay away from"), (
        ItemField("name", N_("Name or nickname")),
        ItemField("why", N_("Why I stay away"), long=True),
    ), kept_off=True),
    ItemKind("code-word", N_("Code word"), (
        ItemField("word", N_("Code word or phrase")),
        ItemField("meaning", N_("What happens when I say it"), long=True),
    ), kept_off=True),
    ItemKind("place", N_("Safe place"), (
        ItemField("name", N_("Place")),
        ItemField("how", N_("How I get there")),
        ItemField("when_open", N_("When it is open")),
    )),
    ItemKind("private-place", N_("Safe place kept private"), (
        ItemField("name", N_("Place")),
        ItemField("address", N_("Address")),
        ItemField("how", N_("How I get there")),
        ItemField("when_open", N_("When it is open")),
    ), kept_off=True),
)}


def looks_like_phone(value: str) -> bool:
    """Whether `value` looks like a phone number: some digits, in any national or
    international writing. Used for a gentle hint only; the number is kept as typed."""
    digits = sum(ch.isdigit() for ch in value)
    return not value.strip() or digits >= 3
