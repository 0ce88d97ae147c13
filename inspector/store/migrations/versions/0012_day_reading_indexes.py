"""indexes for reading the register as it stood on a day

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 11:40:00

The agenda and the monthly report read who was held on a day and set apart the people with something
recorded after it (inspector/census.py): discharged after the day, or a custody event dated after it.
Without an index each question walked the whole register or ran a lookup of custody events for every
held person, several times per agenda (about 0.9 s of a 4.6 s agenda on 100,000 detainees). Both are
now index ranges that are empty for today: a partial index of the discharge dates, and one of the
events' dates.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_detainee_discharged_on ON detainee (discharged_on) WHERE discharged_on IS NOT NULL"
    )
    op.execute("CREATE INDEX ix_custody_event_occurred_on ON custody_event (occurred_on)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_custody_event_occurred_on")
    op.execute("DROP INDEX IF EXISTS ix_detainee_discharged_on")
