"""needs assessment, goals, steps, referrals, directory, documents

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 16:05:00

The models are `services_needs/models.py` (see its docstring for why they live there).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("domains", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("hours", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("cost", sa.Text(), nullable=False),
        sa.Column("age_from", sa.Integer(), nullable=True),
        sa.Column("age_to", sa.Integer(), nullable=True),
        sa.Column("youth_friendly", sa.Boolean(), nullable=False),
        sa.Column("lgbtq_friendly", sa.Boolean(), nullable=False),
        sa.Column("help_line", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service")),
    )
    op.create_table(
        "needs_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("completed_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'completed')", name=op.f("ck_needs_assessment_status")
        ),
        sa.ForeignKeyConstraint(
            ["completed_by"], ["staff.id"], name=op.f("fk_needs_assessment_completed_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_needs_assessment_created_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_needs_assessment_youth_id_youth")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs_assessment")),
    )
    with op.batch_alter_table("needs_assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_needs_assessment_youth_id"), ["youth_id"], unique=False
        )

    op.create_table(
        "needs_goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=40), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_needs_goal_created_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_needs_goal_youth_id_youth")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs_goal")),
    )
    with op.batch_alter_table("needs_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needs_goal_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "vital_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=40), nullable=False),
        sa.Column("has_it", sa.Boolean(), nullable=True),
        sa.Column("kept_where", sa.Text(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("fee_waiver", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_vital_document_youth_id_youth")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vital_document")),
        sa.UniqueConstraint("youth_id", "document", name=op.f("uq_vital_document_youth_id")),
    )
    with op.batch_alter_table("vital_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vital_document_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "action_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("owner_name", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["needs_goal.id"], name=op.f("fk_action_step_goal_id_needs_goal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_step")),
    )
    with op.batch_alter_table("action_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_step_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_step_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "needs_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=40), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("priority", sa.String(length=16), nullable=True),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "level IS NULL OR level BETWEEN 1 AND 5", name=op.f("ck_needs_rating_level")
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["needs_assessment.id"],
            name=op.f("fk_needs_rating_assessment_id_needs_assessment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs_rating")),
        sa.UniqueConstraint("assessment_id", "domain", name=op.f("uq_needs_rating_assessment_id")),
    )
    with op.batch_alter_table("needs_rating", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_needs_rating_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("domain", sa.String(length=40), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("service_name", sa.Text(), nullable=False),
        sa.Column("service_phone", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("status_on", sa.Date(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_referral_created_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["needs_goal.id"], name=op.f("fk_referral_goal_id_needs_goal")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_referral_service_id_service")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_referral_youth_id_youth")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_follow_up_on"), ["follow_up_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referral_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_youth_id"), ["youth_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_youth_id"))
        batch_op.drop_index(batch_op.f("ix_referral_goal_id"))
        batch_op.drop_index(batch_op.f("ix_referral_follow_up_on"))

    op.drop_table("referral")
    with op.batch_alter_table("needs_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_rating_assessment_id"))

    op.drop_table("needs_rating")
    with op.batch_alter_table("action_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_step_goal_id"))
        batch_op.drop_index(batch_op.f("ix_action_step_due_on"))

    op.drop_table("action_step")
    with op.batch_alter_table("vital_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vital_document_youth_id"))

    op.drop_table("vital_document")
    with op.batch_alter_table("needs_goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_goal_youth_id"))

    op.drop_table("needs_goal")
    with op.batch_alter_table("needs_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_assessment_youth_id"))

    op.drop_table("needs_assessment")
    op.drop_table("service")
