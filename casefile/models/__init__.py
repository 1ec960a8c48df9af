"""SQLAlchemy models of the store. Import from here so every table is registered on `Base`."""

from casefile.models.audit import AuditEntry, EmergencyAccess
from casefile.models.base import Base, utcnow
from casefile.models.staff import Staff
from casefile.models.youth import Youth

__all__ = ["AuditEntry", "Base", "EmergencyAccess", "Staff", "Youth", "utcnow"]
