"""custody status cache

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 17:40:00

A local, derived table of computed custody deadlines, and the triggers that drop a detainee's row
whenever the detainee or one of its custody events is written, so a stale deadline is never read.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import inspector.store.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TRIGGERS = {
    "trg_detainee_custody_stale": """CREATE TRIGGER trg_detainee_custody_stale AFTER UPDATE ON detainee
BEGIN
  DELETE FROM custody_status WHERE detainee_id = OLD.id OR detainee_id = NEW.id;
END""",
    "trg_custody_event_insert_stale": """CREATE TRIGGER trg_custody_event_insert_stale
AFTER INSERT ON custody_event
BEGIN
  DELETE FROM custody_status WHERE detainee_id = NEW.detainee_id;
END""",
    "trg_custody_event_update_stale": """CREATE TRIGGER trg_custody_event_update_stale
AFTER UPDATE ON custody_event
BEGIN
  DELETE FROM custody_status WHERE detainee_id = OLD.detainee_id OR detainee_id = NEW.detainee_id;
END""",
    "trg_custody_event_delete_stale": """CREATE TRIGGER trg_custody_event_delete_stale
AFTER DELETE ON custody_event
BEGIN
  DELETE FROM custody_status WHERE detainee_id = OLD.detainee_id;
END""",
}


def upgrade() -> None:
    op.create_table(
        "custody_status",
        sa.Column("detainee_id", sa.Uuid(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("warning_from", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("basis", sa.String(length=100), nullable=False),
        sa.Column("has_issues", sa.Boolean(), nullable=False),
        sa.Column("settings_key", sa.String(length=64), nullable=False),
        sa.Column("computed_on", sa.Date(), nullable=False),
        sa.Column("computed_at", inspector.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("detainee_id", name=op.f("pk_custody_status")),
    )
    with op.batch_alter_table("custody_status", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_custody_status_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_custody_status_warning_from"), ["warning_from"], unique=False)
    for statement in TRIGGERS.values():
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("custody_status", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_status_warning_from"))
        batch_op.drop_index(batch_op.f("ix_custody_status_deadline"))
    op.drop_table("custody_status")
