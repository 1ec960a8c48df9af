"""teams, audit trail and emergency access

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("supervisor_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_staff_supervisor_id_staff"), "staff",
                                 ["supervisor_id"], ["id"])
        batch.create_index(op.f("ix_staff_supervisor_id"), ["supervisor_id"])
    with op.batch_alter_table("youth") as batch:
        batch.create_index(op.f("ix_youth_caseworker_id"), ["caseworker_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_login", sa.String(length=128), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["staff.id"],
                                name=op.f("fk_audit_entry_actor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index(op.f("ix_audit_entry_actor_id"), "audit_entry", ["actor_id"])
    op.create_index(op.f("ix_audit_entry_record_id"), "audit_entry", ["record_id"])
    op.create_table(
        "emergency_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"],
                                name=op.f("fk_emergency_access_staff_id_staff")),
        sa.ForeignKeyConstraint(["youth_id"], ["youth.id"],
                                name=op.f("fk_emergency_access_youth_id_youth")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emergency_access")),
    )
    op.create_index(op.f("ix_emergency_access_staff_id"), "emergency_access", ["staff_id"])
    op.create_index(op.f("ix_emergency_access_youth_id"), "emergency_access", ["youth_id"])


def downgrade() -> None:
    op.drop_table("emergency_access")
    op.drop_table("audit_entry")
    with op.batch_alter_table("youth") as batch:
        batch.drop_index(op.f("ix_youth_caseworker_id"))
    with op.batch_alter_table("staff") as batch:
        batch.drop_index(op.f("ix_staff_supervisor_id"))
        batch.drop_constraint(op.f("fk_staff_supervisor_id_staff"), type_="foreignkey")
        batch.drop_column("supervisor_id")
