"""SQLAlchemy models of the store. Import from here so every table is registered on `Base`."""

from casefile.db.models.audit import AuditEntry, EmergencyAccess
from casefile.db.models.base import Base, utcnow
from casefile.db.models.staff import Staff
from casefile.db.models.youth import Youth

__all__ = ["AuditEntry", "Base", "EmergencyAccess", "Staff", "Youth", "utcnow"]
