"""The audit trail: who viewed, changed, printed or unlocked what, and when — never case text.

Entries form a hash chain that starts from the installation id. After each committed unit of work
the chain's length and last hash are written, authenticated, into the key file (the anchor), so an
entry edited, deleted or cut off the end is found by `verify_chain`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from casefile.db.models import AuditEntry, utcnow
from casefile.keys.keyfile import AuditAnchor
from i18n import N_

VIEW = "view"
CREATE = "create"
EDIT = "edit"
PRINT = "print"
EXPORT = "export"
DELETE = "delete"
SIGN_IN = "sign-in"
SIGN_IN_FAILED = "sign-in-failed"
SIGN_OUT = "sign-out"
LOCK = "lock"
UNLOCK = "unlock"
BREAK_GLASS = "break-glass"
ACCOUNT = "account"
PASSWORD = "password"
BACKUP = "backup"
RESTORE = "restore"
RECOVERY = "recovery-key"
# Finer names of youth actions (entries written before them say EDIT, with "status" as detail).
CLOSE_CASE = "close-case"
REOPEN_CASE = "reopen-case"
REASSIGN = "reassign"
TOGETHER_START = "together-start"  # the plan's together view, for the young person
TOGETHER_END = "together-end"
AGREE = "agree"  # a plan draft agreed and signed: a new version
# What each entry is called in the audit viewer: casefile/trail/audit_labels.py.

YOUTH = "youth"
STAFF = "staff"
MAX_DETAIL = 200
MAX_LOGIN = 128
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Actor:
    id: int | None
    login: str


def genesis(installation_id: str) -> str:
    return hashlib.sha256(f"waymark-audit|{installation_id}".encode()).hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    payload = [entry.prev_hash, entry.at.isoformat(), entry.actor_id, entry.actor_login,
               entry.action, entry.record_type, entry.record_id, entry.detail, bool(entry.flagged)]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _tail(session: Session) -> tuple[int, str] | None:
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return None if row is None else (row[0], row[1])


def append(
    session: Session, installation_id: str, actor: Actor | None, action: str, *,
    record_type: str = "", record_id: int | None = None, detail: str = "",
    flagged: bool = False, at: datetime | None = None,
) -> AuditEntry:
    """Add one entry after the current last one (the caller's transaction holds the write lock)."""
    tail = _tail(session)
    entry = AuditEntry(
        id=1 if tail is None else tail[0] + 1,
        at=at or utcnow(),
        actor_id=actor.id if actor else None,
        actor_login=(actor.login if actor else "")[:MAX_LOGIN],
        action=action, record_type=record_type, record_id=record_id,
        detail=detail[:MAX_DETAIL], flagged=flagged,
        prev_hash=genesis(installation_id) if tail is None else tail[1],
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    session.info["audit_tail"] = (entry.id, entry.hash)
    session.info.setdefault("audit_first", entry.id)
    return entry


def _entries(session: Session) -> Iterator[AuditEntry]:
    yield from session.scalars(select(AuditEntry).order_by(AuditEntry.id).execution_options(
        yield_per=2000))


def _chain_problems(
    session: Session, installation_id: str, anchored_id: int
) -> tuple[list[str], int, str | None]:
    """Walk the chain: its problems, its length, and the hash of entry `anchored_id`."""
    problems: list[str] = []
    previous, count, anchored = genesis(installation_id), 0, None
    for entry in _entries(session):
        count += 1
        if entry.id != count:
            problems.append(f"entry {count} is missing (next entry is {entry.id})")
            break
        if entry.prev_hash != previous:
            problems.append(f"entry {entry.id} does not follow entry {entry.id - 1}")
        if entry_hash(entry) != entry.hash:
            problems.append(f"entry {entry.id} was changed after it was written")
        if entry.id == anchored_id:
            anchored = entry.hash
        previous = entry.hash
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems, count, anchored


def verify_chain(session: Session, installation_id: str, anchor: AuditAnchor | None) -> list[str]:
    """Problems found in the chain (English, technical, no case content); empty means intact."""
    problems, count, anchored = _chain_problems(
        session, installation_id, anchor.count if anchor else 0)
    if problems:
        return problems
    if anchor is None:
        if count:
            problems.append("the key file has no record of where the audit trail ends")
    elif count < anchor.count:
        problems.append(f"{anchor.count - count} entries are missing at the end "
                        f"(the key file records {anchor.count})")
    elif anchor.count and anchored != anchor.head:
        problems.append(f"entry {anchor.count} does not match the key file's record")
    return problems


def pending_after_anchor(
    connection: Connection, installation_id: str, anchor: AuditAnchor | None
) -> tuple[int, str | None]:
    """How many entries follow the anchored one (written while the key file could not be
    updated, e.g. on a full disk), and why the chain's end does not match the anchor (a message
    marked with N_), or None. Reads only the anchored entry and those after it."""
    last = connection.scalar(select(func.max(AuditEntry.id))) or 0
    count = anchor.count if anchor is not None else 0
    if anchor is None and last:
        return 0, N_("the key file has no record of where the audit trail ends")
    if last < count:
        return 0, N_("entries are missing at the end of the audit trail")
    with Session(bind=connection) as session:
        previous = genesis(installation_id)
        if anchor is not None and count:
            anchored = session.get(AuditEntry, count)
            if anchored is None or anchored.hash != anchor.head \
                    or entry_hash(anchored) != anchored.hash:
                return 0, N_("the audit trail's last anchored entry was changed")
            previous = anchored.hash
        expected = count + 1
        for entry in session.scalars(select(AuditEntry).where(AuditEntry.id > count)
                                     .order_by(AuditEntry.id)):
            if entry.id != expected or entry.prev_hash != previous \
                    or entry_hash(entry) != entry.hash:
                return 0, N_("entries after the audit trail's anchor were changed")
            previous, expected = entry.hash, expected + 1
    return last - count, None


def anchored_entry_matches(session: Session, anchor: AuditAnchor | None) -> bool:
    """Whether the entry the key file anchors is still in place, as written (before moving it)."""
    if anchor is None or anchor.count == 0:
        return True
    found = session.get(AuditEntry, anchor.count)
    return found is not None and found.hash == anchor.head and entry_hash(found) == found.hash
