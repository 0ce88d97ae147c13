"""duty roster: staff, planned presence, sign-ins

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 07:00:00

Three synced tables for the duty roster (值班与在岗, docs/domain.md "Duty roster"): ``staff_member``
(the station's staff, linked to their users), ``duty_plan`` (planned presence per person and day) and
``duty_sign_in`` (actual presence: who was on site, from when to when), with their outbox triggers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import inspector.store.types
from inspector.store.triggers import drop_outbox_triggers_v1, outbox_triggers_v1

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Frozen at this revision (parents first).
SYNCED_TABLES = ["staff_member", "duty_plan", "duty_sign_in"]


def _sync_columns() -> list[sa.Column[object]]:
    utc = inspector.store.types.UTCDateTime(length=32)
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", utc, nullable=True),
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


def upgrade() -> None:
    op.create_table(
        "staff_member",
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("position", sa.String(length=24), nullable=True),
        sa.Column("counts_toward_minimum", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_sync_columns(),
        _fk("staff_member", "station_id", "station"),
        _fk("staff_member", "user_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_member")),
        sa.UniqueConstraint("station_id", "user_id", name=op.f("uq_staff_member_station_id_user_id")),
    )
    with op.batch_alter_table("staff_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_member_station_id"), ["station_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_member_user_id"), ["user_id"], unique=False)

    op.create_table(
        "duty_plan",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=True),
        *_sync_columns(),
        _fk("duty_plan", "staff_id", "staff_member"),
        _fk("duty_plan", "station_id", "station"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_plan")),
        sa.UniqueConstraint(
            "station_id", "staff_id", "day", name=op.f("uq_duty_plan_station_id_staff_id_day")
        ),
    )
    with op.batch_alter_table("duty_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_plan_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_duty_plan_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_duty_plan_station_id"), ["station_id"], unique=False)

    op.create_table(
        "duty_sign_in",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("time_in", sa.Time(), nullable=False),
        sa.Column("time_out", sa.Time(), nullable=True),
        sa.Column("note", sa.String(length=100), nullable=True),
        *_sync_columns(),
        _fk("duty_sign_in", "staff_id", "staff_member"),
        _fk("duty_sign_in", "station_id", "station"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_sign_in")),
        sa.UniqueConstraint(
            "station_id", "staff_id", "day", name=op.f("uq_duty_sign_in_station_id_staff_id_day")
        ),
    )
    with op.batch_alter_table("duty_sign_in", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_sign_in_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_duty_sign_in_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_duty_sign_in_station_id"), ["station_id"], unique=False)

    for table in SYNCED_TABLES:
        for statement in outbox_triggers_v1(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(SYNCED_TABLES):
        for statement in drop_outbox_triggers_v1(table):
            op.execute(statement)
    for table, indexes in (
        ("duty_sign_in", ("station_id", "staff_id", "day")),
        ("duty_plan", ("station_id", "staff_id", "day")),
        ("staff_member", ("user_id", "station_id")),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in indexes:
                batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
        op.drop_table(table)
