"""The needs assessment's tables: assessments and their domain ratings, goals, action steps,
referrals, the agency's resource directory, and each youth's identity documents.

They live in `services_needs` on `casefile`'s declarative `Base` for the reason
`planning/models.py` gives (the concern is this package's; `casefile` never imports it). The one
migration history creates them in `casefile/db/migrations/versions/0006`, written with Alembic's
operations; a test checks that the migrations build exactly these models.

Every time stored is naive UTC; every date is a calendar date as a person entered it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from casefile.db.models.base import Base, utcnow

DRAFT, COMPLETED = "draft", "completed"


class _Stamped:
    """Created, updated and the row version that refuses a save made against an older copy."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


class Assessment(_Stamped, Base):
    """One needs assessment of a youth: a draft until someone completes it (who and when are
    recorded); a completed one is kept as it was, so the next shows what changed."""

    __tablename__ = "needs_assessment"
    __table_args__ = (CheckConstraint("status IN ('draft', 'completed')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=DRAFT)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class DomainRating(_Stamped, Base):
    """One domain of an assessment. `level` is None until someone rates it (never a default);
    `priority` is the young person's own answer, None until they give one."""

    __tablename__ = "needs_rating"
    __table_args__ = (
        UniqueConstraint("assessment_id", "domain"),
        CheckConstraint("level IS NULL OR level BETWEEN 1 AND 5", name="level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("needs_assessment.id"), index=True)
    domain: Mapped[str] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column(Integer)
    priority: Mapped[str | None] = mapped_column(String(16))
    strengths: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Goal(_Stamped, Base):
    """A goal in the young person's words, under one domain. Goals outlive assessments."""

    __tablename__ = "needs_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), index=True)
    domain: Mapped[str] = mapped_column(String(40))
    words: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class ActionStep(_Stamped, Base):
    """One step towards a goal: what, who does it (`owner`: youth, caseworker, caregiver or
    provider, and their name when it helps), by when, and where it stands."""

    __tablename__ = "action_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("needs_goal.id"), index=True)
    words: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(16), default="youth")
    owner_name: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="to-do")
    done_on: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Referral(_Stamped, Base):
    """A referral to a service. The service's name and phone are copied when it is chosen, so a
    referral keeps what it was after the directory changes or the service is removed."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("needs_goal.id"), index=True)
    domain: Mapped[str] = mapped_column(String(40))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"))
    service_name: Mapped[str] = mapped_column(Text)
    service_phone: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="suggested")
    made_on: Mapped[date | None] = mapped_column(Date)
    status_on: Mapped[date | None] = mapped_column(Date)  # when it reached its status
    follow_up_on: Mapped[date | None] = mapped_column(Date, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class Service(_Stamped, Base):
    """A service in the agency's resource directory. `domains` and `languages` are lists kept
    as text, one entry a line; a removed service keeps its row (`removed_at`) for the referrals
    that name it and is no longer offered."""

    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    domains: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(Text, default="")
    cost: Mapped[str] = mapped_column(Text, default="")
    age_from: Mapped[int | None] = mapped_column(Integer)
    age_to: Mapped[int | None] = mapped_column(Integer)
    youth_friendly: Mapped[bool] = mapped_column(Boolean, default=False)
    lgbtq_friendly: Mapped[bool] = mapped_column(Boolean, default=False)
    help_line: Mapped[bool] = mapped_column(Boolean, default=False)  # offered on safety plans
    notes: Mapped[str] = mapped_column(Text, default="")
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)


class VitalDocument(_Stamped, Base):
    """Where one of a youth's identity documents stands. `has_it` is None until someone knows."""

    __tablename__ = "vital_document"
    __table_args__ = (UniqueConstraint("youth_id", "document"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), index=True)
    document: Mapped[str] = mapped_column(String(40))
    has_it: Mapped[bool | None] = mapped_column(Boolean)
    kept_where: Mapped[str] = mapped_column(Text, default="")
    requested_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    next_step: Mapped[str] = mapped_column(Text, default="")
    fee_waiver: Mapped[str] = mapped_column(Text, default="")
