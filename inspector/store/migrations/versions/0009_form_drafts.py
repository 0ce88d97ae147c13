"""form drafts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 19:00:00

A local-only table for what a record form held when it was closed or the app stopped, so typing is
never lost. It has no sync columns and no outbox trigger: drafts never leave the laptop.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import inspector.store.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_draft",
        sa.Column("user_key", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_key", sa.String(length=36), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("saved_at", inspector.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("user_key", "kind", "record_key", name=op.f("pk_form_draft")),
    )


def downgrade() -> None:
    op.drop_table("form_draft")
