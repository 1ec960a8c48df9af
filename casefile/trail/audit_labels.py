"""What each audit entry is called in the viewer: one translatable title per kind of action.

Most entries are named by their action alone. A few actions cover more than one thing a person
does; those are told apart by the record they concern or by the technical note the code wrote in
`detail` (never case text): an account "added; roles …", "disabled" or "enabled", a password
"reset by an administrator" or "changed by its owner". Entries written before an action had a name
of its own (a case closed or reopened was once recorded as an edit of "status") still read right.
"""

from __future__ import annotations

from casefile.trail import audit
from i18n import N_

AUDIT_TRAIL = "audit"  # the record type of "someone read the audit trail"

# Titles by action alone (marked with N_, translated where they are shown).
_BY_ACTION = {
    audit.VIEW: N_("Record viewed"),
    audit.CREATE: N_("Record added"),
    audit.EDIT: N_("Record edited"),
    audit.CLOSE_CASE: N_("Case closed"),
    audit.REOPEN_CASE: N_("Case reopened"),
    audit.REASSIGN: N_("Youth reassigned"),
    audit.TOGETHER_START: N_("Together view opened"),
    audit.TOGETHER_END: N_("Together view left"),
    audit.AGREE: N_("Plan agreed and signed"),
    audit.PRINT: N_("Printed"),
    audit.EXPORT: N_("Exported"),
    audit.DELETE: N_("Deleted"),
    audit.SIGN_IN: N_("Signed in"),
    audit.SIGN_IN_FAILED: N_("Failed sign-in"),
    audit.SIGN_OUT: N_("Signed out"),
    audit.LOCK: N_("Locked"),
    audit.UNLOCK: N_("Unlocked"),
    audit.BREAK_GLASS: N_("Emergency access granted"),
    audit.ACCOUNT: N_("Account changed"),
    audit.PASSWORD: N_("Password set"),
    audit.BACKUP: N_("Backup made"),
    audit.RESTORE: N_("Backup restored"),
    audit.RECOVERY: N_("Password set with the recovery key"),
}

# Titles of an action about one kind of record.
_BY_RECORD = {
    (audit.VIEW, audit.YOUTH): N_("Youth record viewed"),
    (audit.VIEW, AUDIT_TRAIL): N_("Audit trail viewed"),
    (audit.CREATE, audit.YOUTH): N_("Youth added"),
    (audit.EDIT, audit.YOUTH): N_("Profile edited"),
}

# Titles told apart by the start of the technical note (see casefile/staff/accounts.py).
_BY_DETAIL = {
    audit.ACCOUNT: (("added", N_("Account added")), ("disabled", N_("Account disabled")),
                    ("enabled", N_("Account enabled")),
                    ("roles", N_("Account details changed"))),
    audit.PASSWORD: (("reset", N_("Password reset")), ("changed", N_("Password changed"))),
}

_OLD_STATUS_EDIT = N_("Case closed or reopened")  # before CLOSE_CASE and REOPEN_CASE existed
_DEMO_YOUTH = N_("Demo youth added")  # made together, with no one record id


def entry_title(action: str, record_type: str = "", detail: str = "",
                record_id: int | None = None) -> str | None:
    """The title of an entry, as a message marked with N_ (translate it with `_` to show it);
    None for an action this version does not know (from a newer Waymark)."""
    if action == audit.EDIT and record_type == audit.YOUTH and detail == "status":
        return _OLD_STATUS_EDIT
    if action == audit.CREATE and record_type == audit.YOUTH and record_id is None:
        return _DEMO_YOUTH
    for start, title in _BY_DETAIL.get(action, ()):
        if detail.startswith(start):
            return title
    return _BY_RECORD.get((action, record_type)) or _BY_ACTION.get(action)


def all_titles() -> list[str]:
    """Every title an entry can have (for tests: each must be its own words)."""
    titles = [*_BY_ACTION.values(), *_BY_RECORD.values(), _OLD_STATUS_EDIT, _DEMO_YOUTH]
    titles.extend(title for choices in _BY_DETAIL.values() for _start, title in choices)
    return titles


# What a record is called in the viewer, by the record types the plan and the needs write
# (casefile cannot import them; a test keeps these in step with theirs).
RECORD_NAMES = {
    "plan": N_("Safety plan #{id}"),
    "missing-episode": N_("Missing-from-care episode #{id}"),
    "return-debrief": N_("Return debrief #{id}"),
    "needs-assessment": N_("Needs assessment #{id}"),
    "needs-goal": N_("Goal #{id}"),
    "action-step": N_("Action step #{id}"),
    "referral": N_("Referral #{id}"),
    "vital-document": N_("Identity document record #{id}"),
    "service": N_("Directory service #{id}"),
}
RECORD_KINDS = {  # the same records without a number (many at once, or a list read)
    "plan": N_("Safety plans"),
    "needs-assessment": N_("Needs assessments"),
    "service": N_("Resource directory"),
    "due-list": N_("What is due this week"),
}

