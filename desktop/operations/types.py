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
from casefile.trail.audit_labels import RECORD_KINDS, RECORD_NAMES
from casefile.trail.audit_view import AUDIT, AuditRow
from planning.agreement import Signatures
from planning.content import Check, Content, ListOf, Question, Section, local_line_key
from planning.content import HelpLine as PlanHelpLine
from planning.debrief import DebriefFields, DebriefView
from planning.debrief_content import ANSWERS, DebriefContent, ScreenQuestion
from planning.items import KINDS, ItemField, ItemKind, looks_like_phone
from planning.items import STAFF as STAFF_WORDS
from planning.items import YOUTH as YOUTH_WORDS
from planning.missing import (
    DEBRIEF_DUE,
    DEBRIEF_OVERDUE,
    MISSING,
    REPORT_OVERDUE,
    EpisodeFields,
    EpisodeView,
)
from planning.models import AGREED, DONE, DRAFT, SKIPPED
from planning.plans import ItemView, PlanView
from planning.versions import ADDED, EDITED, REMOVED, Change, VersionSummary
from printing.options import DISCREET, FULL, VARIANTS, WALLET, PlanPrintout, PrintOptions

__all__ = [  # noqa: RUF022
    "ANSWERS", "DEBRIEF_DUE", "DEBRIEF_OVERDUE", "MISSING", "REPORT_OVERDUE", "DebriefContent",
    "DebriefFields", "DebriefView", "EpisodeFields", "EpisodeView", "ScreenQuestion",
    "DISCREET", "FULL", "VARIANTS", "WALLET", "PlanPrintout", "PrintOptions",
    "ADDED",
    "ADMIN",
    "AGREED",
    "AUDIT",
    "BACKUP_SUFFIX",
    "CASEWORKER",
    "DONE",
    "DRAFT",
    "EDITABLE",
    "EDITED",
    "KINDS",
    "MIN_REASON_CHARS",
    "RECORD_KINDS",
    "RECORD_NAMES",
    "REMOVED",
    "ROLES",
    "SKIPPED",
    "STAFF",
    "STAFF_WORDS",
    "SUPERVISOR",
    "YOUTH",
    "YOUTH_WORDS",
    "Account",
    "AuditRow",
    "Change",
    "Check",
    "Content",
    "HelpLine",
    "ItemField",
    "ItemKind",
    "ItemView",
    "ListOf",
    "PlanHelpLine",
    "PlanView",
    "Policy",
    "Question",
    "Section",
    "Signatures",
    "StaffChoice",
    "VersionSummary",
    "YouthRecord",
    "YouthSummary",
    "looks_like_phone",
    "matches",
    "local_line_key",
    "search_key",
]
