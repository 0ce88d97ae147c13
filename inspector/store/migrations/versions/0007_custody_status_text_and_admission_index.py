"""custody status text and admission index

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 18:50:00

The custody cache also keeps the rules engine's explanation and issues as of the day it was computed,
so the agenda recomputes only the rows it shows, once a day; detainees get an index on admitted_at
(new arrivals, monthly admissions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD COLUMN and CREATE INDEX, never a batch table rebuild: rebuilding ``detainee``
# would drop its outbox and cache triggers.
def upgrade() -> None:
    op.add_column("custody_status", sa.Column("explanation", sa.Text(), server_default="", nullable=False))
    op.add_column("custody_status", sa.Column("issues", sa.JSON(), server_default="[]", nullable=False))
    op.create_index(op.f("ix_detainee_admitted_at"), "detainee", ["admitted_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_detainee_admitted_at"), table_name="detainee")
    op.drop_column("custody_status", "issues")
    op.drop_column("custody_status", "explanation")
