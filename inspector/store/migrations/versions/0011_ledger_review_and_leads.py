"""ledger review and supervision leads

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 10:30:00

Three synced tables for the daily review of the detention centre's ledgers (docs/ledger.md):
``ledger_profile`` (a named column mapping per ledger kind), ``ledger_import`` (an imported file and
its change report, confirmed into the register item by item) and ``supervision_lead`` (监督线索: what a
rule noticed, its legal basis, the records behind it, its status and what it became), with their
outbox triggers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import inspector.store.types
from inspector.store.triggers import drop_outbox_triggers_v1, outbox_triggers_v1

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Frozen at this revision (parents first).
SYNCED_TABLES = ["ledger_profile", "ledger_import", "supervision_lead"]


def _utc() -> inspector.store.types.UTCDateTime:
    return inspector.store.types.UTCDateTime(length=32)


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", _utc(), nullable=True),
        sa.Column("station_id", sa.Uuid(), nullable=False),
    ]


def _fk(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{parent}.id"],
        name=op.f(f"fk_{table}_{column}_{parent}"),
        initially="DEFERRED",
        deferrable=True,
    )


_INDEXES = {
    "ledger_profile": ("station_id",),
    "ledger_import": ("imported_at", "profile_id", "sha256", "station_id", "status"),
    "supervision_lead": (
        "detainee_id",
        "finding_id",
        "found_on",
        "key",
        "ledger_import_id",
        "oral_correction_id",
        "rectification_notice_id",
        "rule_code",
        "station_id",
        "status",
    ),
}


def upgrade() -> None:
    op.create_table(
        "ledger_profile",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("ledger_kind", sa.String(length=16), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("defaults", sa.JSON(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        *_sync_columns(),
        _fk("ledger_profile", "station_id", "station"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_profile")),
        sa.UniqueConstraint("station_id", "name", name=op.f("uq_ledger_profile_station_id_name")),
    )
    op.create_table(
        "ledger_import",
        sa.Column("ledger_kind", sa.String(length=16), nullable=False),
        sa.Column("profile_id", sa.Uuid(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", _utc(), nullable=False),
        sa.Column("imported_by", sa.Uuid(), nullable=True),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("confirmed_at", _utc(), nullable=True),
        sa.Column("confirmed_by", sa.Uuid(), nullable=True),
        *_sync_columns(),
        _fk("ledger_import", "profile_id", "ledger_profile"),
        _fk("ledger_import", "station_id", "station"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_import")),
    )
    op.create_table(
        "supervision_lead",
        sa.Column("rule_code", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("detainee_id", sa.Uuid(), nullable=True),
        sa.Column("ledger_import_id", sa.Uuid(), nullable=True),
        sa.Column("records", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("status_by", sa.Uuid(), nullable=True),
        sa.Column("status_at", _utc(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("finding_id", sa.Uuid(), nullable=True),
        sa.Column("oral_correction_id", sa.Uuid(), nullable=True),
        sa.Column("rectification_notice_id", sa.Uuid(), nullable=True),
        *_sync_columns(),
        _fk("supervision_lead", "detainee_id", "detainee"),
        _fk("supervision_lead", "finding_id", "finding"),
        _fk("supervision_lead", "ledger_import_id", "ledger_import"),
        _fk("supervision_lead", "oral_correction_id", "oral_correction"),
        _fk("supervision_lead", "rectification_notice_id", "rectification_notice"),
        _fk("supervision_lead", "station_id", "station"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_lead")),
    )
    for table, columns in _INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)

    for table in SYNCED_TABLES:
        for statement in outbox_triggers_v1(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(SYNCED_TABLES):
        for statement in drop_outbox_triggers_v1(table):
            op.execute(statement)
    for table in reversed(SYNCED_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in _INDEXES[table]:
                batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
        op.drop_table(table)
