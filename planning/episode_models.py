"""The tables of going missing from care: each episode (found missing, the reports to law
enforcement and to NCMEC, the return) and the return debrief after it.

They live in `planning` beside the plan for the reason `planning/models.py` gives: they are
planning's concern, and `casefile` must never import `planning`. The migration that creates them
is `casefile/db/migrations/versions/0005`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from casefile.db.models.base import Base, utcnow


class MissingEpisode(Base):
    """One time a youth was missing from care. Times are naive UTC, like every time stored."""

    __tablename__ = "missing_episode"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), index=True)
    missing_at: Mapped[datetime] = mapped_column(DateTime)
    police_reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    police_report_number: Mapped[str] = mapped_column(Text, default="")
    ncmec_reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    ncmec_report_number: Mapped[str] = mapped_column(Text, default="")
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    whereabouts: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class ReturnDebrief(Base):
    """The caseworker-led talk after a return: why the youth left, what happened while away,
    what would help, and the answers to Waymark's trafficking-indicators screen (JSON: question
    id to answer). Done when `completed_at` is set."""

    __tablename__ = "return_debrief"

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("missing_episode.id"), unique=True)
    before_leaving: Mapped[str] = mapped_column(Text, default="")
    while_away: Mapped[str] = mapped_column(Text, default="")
    would_help: Mapped[str] = mapped_column(Text, default="")
    screen: Mapped[str] = mapped_column(Text, default="{}")
    notes: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012
