"""safety plans: plans, their items and each section's progress

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 19:45:00

The models are `planning/models.py` (see its docstring for why they live there).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'agreed')", name=op.f("ck_plan_status")),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"],
                                name=op.f("fk_plan_created_by_staff")),
        sa.ForeignKeyConstraint(["youth_id"], ["youth.id"], name=op.f("fk_plan_youth_id_youth")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
    )
    op.create_index(op.f("ix_plan_youth_id"), "plan", ["youth_id"])
    op.create_table(
        "plan_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("content_key", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("voice", sa.String(length=8), nullable=False),
        sa.Column("keep_off_print", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("voice IN ('youth', 'staff')", name=op.f("ck_plan_item_voice")),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_item_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_item")),
    )
    op.create_index(op.f("ix_plan_item_plan_id"), "plan_item", ["plan_id"])
    op.create_table(
        "plan_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.CheckConstraint("state IN ('done', 'skipped')", name=op.f("ck_plan_section_state")),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"],
                                name=op.f("fk_plan_section_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_section")),
        sa.UniqueConstraint("plan_id", "section", name=op.f("uq_plan_section_plan_id")),
    )
    op.create_index(op.f("ix_plan_section_plan_id"), "plan_section", ["plan_id"])


def downgrade() -> None:
    op.drop_table("plan_section")
    op.drop_table("plan_item")
    op.drop_table("plan")
