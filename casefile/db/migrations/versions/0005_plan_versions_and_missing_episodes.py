"""plan versions and agreement, placement changes, missing-from-care episodes and debriefs

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 14:10:00

The models are `planning/models.py` and `planning/episode_models.py` (see their docstrings for
why they live there) and `casefile/db/models/youth.py`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column[object]]:
    return [sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False)]


def upgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("based_on", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("agreed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("agreed_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("review_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("row_version", sa.Integer(), server_default="1",
                                   nullable=False))
        batch.create_foreign_key(op.f("fk_plan_based_on_plan"), "plan", ["based_on"], ["id"])
        batch.create_foreign_key(op.f("fk_plan_agreed_by_staff"), "staff", ["agreed_by"], ["id"])
    with op.batch_alter_table("plan_item") as batch:
        batch.add_column(sa.Column("lineage", sa.String(length=32), server_default="",
                                   nullable=False))
    # Items from before versions existed: each is its own lineage.
    op.execute("UPDATE plan_item SET lineage = 'item-' || id WHERE lineage = ''")
    with op.batch_alter_table("youth") as batch:
        batch.add_column(sa.Column("placement_changed_on", sa.Date(), nullable=True))
    op.create_table(
        "plan_agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("youth_name", sa.Text(), nullable=False),
        sa.Column("youth_signed_on", sa.Date(), nullable=True),
        sa.Column("youth_declined", sa.Boolean(), nullable=False),
        sa.Column("caseworker_name", sa.Text(), nullable=False),
        sa.Column("caseworker_signed_on", sa.Date(), nullable=False),
        sa.Column("helpers", sa.Text(), nullable=False),
        sa.Column("copies", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"],
                                name=op.f("fk_plan_agreement_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_agreement")),
        sa.UniqueConstraint("plan_id", name=op.f("uq_plan_agreement_plan_id")),
    )
    op.create_table(
        "missing_episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("missing_at", sa.DateTime(), nullable=False),
        sa.Column("police_reported_at", sa.DateTime(), nullable=True),
        sa.Column("police_report_number", sa.Text(), nullable=False),
        sa.Column("ncmec_reported_at", sa.DateTime(), nullable=True),
        sa.Column("ncmec_report_number", sa.Text(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("whereabouts", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"],
                                name=op.f("fk_missing_episode_created_by_staff")),
        sa.ForeignKeyConstraint(["youth_id"], ["youth.id"],
                                name=op.f("fk_missing_episode_youth_id_youth")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_missing_episode")),
    )
    op.create_index(op.f("ix_missing_episode_youth_id"), "missing_episode", ["youth_id"])
    op.create_table(
        "return_debrief",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("before_leaving", sa.Text(), nullable=False),
        sa.Column("while_away", sa.Text(), nullable=False),
        sa.Column("would_help", sa.Text(), nullable=False),
        sa.Column("screen", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("completed_by", sa.Integer(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(["completed_by"], ["staff.id"],
                                name=op.f("fk_return_debrief_completed_by_staff")),
        sa.ForeignKeyConstraint(["episode_id"], ["missing_episode.id"],
                                name=op.f("fk_return_debrief_episode_id_missing_episode")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_debrief")),
        sa.UniqueConstraint("episode_id", name=op.f("uq_return_debrief_episode_id")),
    )


def downgrade() -> None:
    op.drop_table("return_debrief")
    op.drop_index(op.f("ix_missing_episode_youth_id"), table_name="missing_episode")
    op.drop_table("missing_episode")
    op.drop_table("plan_agreement")
    with op.batch_alter_table("youth") as batch:
        batch.drop_column("placement_changed_on")
    with op.batch_alter_table("plan_item") as batch:
        batch.drop_column("lineage")
    with op.batch_alter_table("plan") as batch:
        batch.drop_constraint(op.f("fk_plan_agreed_by_staff"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_plan_based_on_plan"), type_="foreignkey")
        for column in ("row_version", "review_on", "agreed_by", "agreed_at", "version",
                       "based_on"):
            batch.drop_column(column)
