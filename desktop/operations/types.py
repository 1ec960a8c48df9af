"""The plain values and names that widgets may know of the domain, through the door.

Frozen dataclasses and constants only: a widget shows and passes them back, and never reaches a
session, an ORM object or the store through them.
"""

from __future__ import annotations

from casefile.backups.backup import BACKUP_SUFFIX
from casefile.cases.search import matches, search_key
from casefile.cases.youth import EDITABLE, StaffChoice, YouthRecord, YouthSummary
from casefile.policy import HelpLine, Policy
from casefile.staff.access import MIN_REASON_CHARS
from casefile.staff.accounts import ROLES, Account
from casefile.store import ADMIN, CASEWORKER, SUPERVISOR
from casefile.trail.audit import STAFF, YOUTH
from casefile.trail.audit_view import AUDIT, AuditRow

__all__ = [
    "ADMIN", "AUDIT", "BACKUP_SUFFIX", "CASEWORKER", "EDITABLE", "MIN_REASON_CHARS", "ROLES",
    "STAFF", "SUPERVISOR", "YOUTH", "Account", "AuditRow", "HelpLine", "Policy", "StaffChoice",
    "YouthRecord", "YouthSummary", "matches", "search_key",
]
