"""custody cache ignores sync versions

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 20:10:00

A push stores the version the office confirmed in each row's ``server_version``; that says nothing
about custody, yet the cache triggers fired on any UPDATE and dropped the cached deadlines of every
pushed detainee (the agenda then recomputed them all). The triggers now watch every column but
``id`` and ``server_version``. A column added to ``detainee`` or ``custody_event`` later must be added
here too (``tests/inspector/test_migrations.py`` checks the lists against the models).
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

DETAINEE_COLUMNS = (
    "name, gender, birth_date, id_number, ethnicity, block, cell, admitted_at, admission_documents, "
    "admission_check, case_authority, charges, case_no, legal_status, stage, stage_started_on, "
    "multiple_or_gang, warning_notice_sent_on, sentence_kind, sentence_text, sentence_months, "
    "term_start, term_end, judgment_effective_on, execution_notice_received_on, property_items, "
    "discharged_on, discharge_kind, discharge_documents, notes, created_at, updated_at, created_by, "
    "updated_by, device_id, deleted_at, station_id"
)
CUSTODY_EVENT_COLUMNS = (
    "detainee_id, kind, occurred_on, extension_months, extension_days, legal_basis, authority, "
    "document_no, note, created_at, updated_at, created_by, updated_by, device_id, deleted_at, station_id"
)

NEW = {
    "trg_detainee_custody_stale": f"""CREATE TRIGGER trg_detainee_custody_stale
AFTER UPDATE OF {DETAINEE_COLUMNS} ON detainee
BEGIN
  DELETE FROM custody_status WHERE detainee_id = OLD.id OR detainee_id = NEW.id;
END""",
    "trg_custody_event_update_stale": f"""CREATE TRIGGER trg_custody_event_update_stale
AFTER UPDATE OF {CUSTODY_EVENT_COLUMNS} ON custody_event
BEGIN
  DELETE FROM custody_status WHERE detainee_id = OLD.detainee_id OR detainee_id = NEW.detainee_id;
END""",
}
OLD = {
    "trg_detainee_custody_stale": """CREATE TRIGGER trg_detainee_custody_stale AFTER UPDATE ON detainee
BEGIN
  DELETE FROM custody_status WHERE detainee_id = OLD.id OR detainee_id = NEW.id;
END""",
    "trg_custody_event_update_stale": """CREATE TRIGGER trg_custody_event_update_stale
AFTER UPDATE ON custody_event
BEGIN
  DELETE FROM custody_status WHERE detainee_id = OLD.detainee_id OR detainee_id = NEW.detainee_id;
END""",
}


def upgrade() -> None:
    for name, statement in NEW.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(statement)


def downgrade() -> None:
    for name, statement in OLD.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(statement)
