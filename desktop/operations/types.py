"""The plain values and names that widgets may know of the domain, through the door.

Frozen dataclasses and constants only: a widget shows and passes them back, and never reaches a
session, an ORM object or the store through them.
"""

from __future__ import annotations

from casefile.access import MIN_REASON_CHARS
from casefile.accounts import ROLES, Account
from casefile.audit import STAFF, YOUTH
from casefile.audit_view import AUDIT, AuditRow
from casefile.backup import BACKUP_SUFFIX
from casefile.policy import HelpLine, Policy
from casefile.search import matches, search_key
from casefile.store import ADMIN, CASEWORKER, SUPERVISOR
from casefile.youth import EDITABLE, StaffChoice, YouthRecord, YouthSummary

__all__ = [
    "ADMIN", "AUDIT", "BACKUP_SUFFIX", "CASEWORKER", "EDITABLE", "MIN_REASON_CHARS", "ROLES",
    "STAFF", "SUPERVISOR", "YOUTH", "Account", "AuditRow", "HelpLine", "Policy", "StaffChoice",
    "YouthRecord", "YouthSummary", "matches", "search_key",
]
