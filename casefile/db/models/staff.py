"""Staff accounts. Passwords are never stored: each account has a slot in the key file."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from casefile.db.models.base import Base, utcnow


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(128), unique=True)
    display_name: Mapped[str] = mapped_column(Text)
    roles: Mapped[str] = mapped_column(String(128), default="")  # comma-separated role names
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The supervisor whose team this person is on; a supervisor sees the team's youth.
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    # The interface language this person last chose (a shipped language code), or None.
    language: Mapped[str | None] = mapped_column(String(16))

    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(",") if r)
