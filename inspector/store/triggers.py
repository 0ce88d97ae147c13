"""SQLite triggers that capture every change to a synced table in ``sync_outbox``.

Triggers, not ORM events: a bulk ``UPDATE`` statement never reaches the ORM's per-object hooks.
The statements are versioned: a migration calls the version it was written with, so changing the
triggers later means adding ``v2`` and a migration, never editing ``v1``.
"""

from __future__ import annotations

_NOW = "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"
_CAPTURING = "(SELECT enabled FROM sync_capture WHERE id = 1)"


def outbox_triggers_v1(table: str) -> list[str]:
    """CREATE TRIGGER statements for one synced table (names are prefixed ``trg_<table>_``)."""
    return [
        f"""CREATE TRIGGER trg_{table}_outbox_insert AFTER INSERT ON {table}
WHEN {_CAPTURING}
BEGIN
  INSERT INTO sync_outbox (table_name, row_id, op, base_version, changed_at)
  VALUES ('{table}', NEW.id, 'insert', NULL, {_NOW});
END""",
        f"""CREATE TRIGGER trg_{table}_outbox_update AFTER UPDATE ON {table}
WHEN {_CAPTURING}
BEGIN
  INSERT INTO sync_outbox (table_name, row_id, op, base_version, changed_at)
  VALUES ('{table}', NEW.id,
          CASE WHEN NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN 'delete' ELSE 'update' END,
          OLD.server_version, {_NOW});
END""",
        f"""CREATE TRIGGER trg_{table}_no_hard_delete BEFORE DELETE ON {table}
WHEN {_CAPTURING}
BEGIN
  SELECT RAISE(ABORT, '{table}: synced rows are never deleted, set deleted_at (soft delete)');
END""",
        f"""CREATE TRIGGER trg_{table}_station_fixed BEFORE UPDATE OF station_id ON {table}
WHEN NEW.station_id IS NOT OLD.station_id
BEGIN
  SELECT RAISE(ABORT, '{table}: station_id never changes');
END""",
    ]


def drop_outbox_triggers_v1(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS trg_{table}_{name}"
        for name in ("outbox_insert", "outbox_update", "no_hard_delete", "station_fixed")
    ]
