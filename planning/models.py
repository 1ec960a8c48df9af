"""The safety plan's tables: a plan (one draft per youth for now; agreed versions come with the
plan lifecycle), its items, and each section's progress.

Where they live, and why: the models are here, in `planning`, on `casefile`'s declarative
`Base`, because a plan is planning's concern and `casefile` must never import `planning` (the
layer rule: `planning -> casefile`, never back). The one database still has one migration
history, so the migration that creates these tables is in `casefile/db/migrations/versions/`
(0004); it is written with Alembic's operations and imports nothing from here. A test checks
that the migrations build exactly the models, these included.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
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
    __tablename__ = "plan"
    __table_args__ = (CheckConstraint("status IN ('draft', 'agreed')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=DRAFT)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


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
