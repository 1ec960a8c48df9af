"""The safety plan's tables: a plan (a youth's drafts and agreed versions), its items, each
section's progress, and the agreement that turned a draft into a version.

Where they live, and why: the models are here, in `planning`, on `casefile`'s declarative
`Base`, because a plan is planning's concern and `casefile` must never import `planning` (the
layer rule: `planning -> casefile`, never back). The one database still has one migration
history, so the migration that creates these tables is in `casefile/db/migrations/versions/`
(0004); it is written with Alembic's operations and imports nothing from here. A test checks
that the migrations build exactly the models, these included.
"""

from __future__ import annotations

from datetime import date, datetime

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
from sqlalchemy.orm import Mapped, mapped_column

from casefile.db.models.base import Base, utcnow

DRAFT, AGREED = "draft", "agreed"
DONE, SKIPPED = "done", "skipped"


class Plan(Base):
    """A draft, or an agreed version (numbered 1, 2, … per youth) that never changes again.
    Editing an agreed plan starts a new draft from it (`based_on`)."""

    __tablename__ = "plan"
    __table_args__ = (CheckConstraint("status IN ('draft', 'agreed')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=DRAFT)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    based_on: Mapped[int | None] = mapped_column(ForeignKey("plan.id"))
    version: Mapped[int | None] = mapped_column(Integer)  # set when agreed
    agreed_at: Mapped[datetime | None] = mapped_column(DateTime)
    agreed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    review_on: Mapped[date | None] = mapped_column(Date)  # the review the agreement set
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class PlanItem(Base):
    """One answer, person, place, step, ticked checklist item or chosen help line. `data` holds
    the item's fields (planning.items) as JSON, each value exactly as typed."""

    __tablename__ = "plan_item"
    __table_args__ = (CheckConstraint("voice IN ('youth', 'staff')", name="voice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    section: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(24))
    content_key: Mapped[str] = mapped_column(String(64), default="")  # a question, check, line
    # The same item across versions: a new draft's copy keeps it, so "what changed" can match.
    lineage: Mapped[str] = mapped_column(String(32), server_default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[str] = mapped_column(Text, default="{}")
    voice: Mapped[str] = mapped_column(String(8))
    keep_off_print: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class PlanSection(Base):
    """Where a section stands in the guide: done or skipped (no row: not yet visited)."""

    __tablename__ = "plan_section"
    __table_args__ = (
        UniqueConstraint("plan_id", "section"),
        CheckConstraint("state IN ('done', 'skipped')", name="state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    section: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(16))


class PlanAgreement(Base):
    """Who agreed a version, as they signed it: typed names and dates, or that the young person
    chose not to sign; who else helped make it and who holds a copy."""

    __tablename__ = "plan_agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), unique=True)
    youth_name: Mapped[str] = mapped_column(Text, default="")
    youth_signed_on: Mapped[date | None] = mapped_column(Date)
    youth_declined: Mapped[bool] = mapped_column(Boolean, default=False)
    caseworker_name: Mapped[str] = mapped_column(Text)
    caseworker_signed_on: Mapped[date] = mapped_column(Date)
    helpers: Mapped[str] = mapped_column(Text, default="")
    copies: Mapped[str] = mapped_column(Text, default="")
