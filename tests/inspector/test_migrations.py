"""Alembic: from empty to head, re-applied, down and up again, and the models match the migrations."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from inspector.agenda import build_agenda
from inspector.store import keys, migrate
from inspector.store.base import Base, synced_tables
from inspector.store.engine import open_engine
from inspector.store.models import Detainee
from inspector.store.store import Store
from tests.conftest import detainee_values

KEY = bytes(range(32))


def _tables(engine) -> set[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as c:
        return {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}


def _triggers(engine) -> set[str]:  # type: ignore[no-untyped-def]
    """The outbox triggers of the synced tables (other triggers maintain local caches)."""
    with engine.connect() as c:
        names = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    return {
        n
        for n in names
        if n.endswith(("_outbox_insert", "_outbox_update", "_no_hard_delete", "_station_fixed"))
    }


def test_upgrade_from_empty_then_reapply_is_a_no_op(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "m.db", KEY)
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables, triggers = _tables(engine), _triggers(engine)
    assert set(Base.metadata.tables) <= tables
    assert len(triggers) == 4 * len(synced_tables())
    assert (
        migrate.upgrade(engine, tmp_path / "m.db", tmp_path / "backups") is None
    )  # nothing to do, no backup
    assert _tables(engine) == tables and _triggers(engine) == triggers
    assert not (tmp_path / "backups").exists()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "m.db", KEY)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], "models changed without a migration: run alembic revision --autogenerate"


def test_custody_cache_triggers_watch_every_column_but_the_sync_version(tmp_path: Path) -> None:
    """The cache triggers list columns (``AFTER UPDATE OF …``): a column added to the model without
    being added to the trigger would leave stale custody deadlines."""
    engine = open_engine(tmp_path / "m.db", KEY)
    migrate.upgrade(engine)
    for table, trigger in (
        ("detainee", "trg_detainee_custody_stale"),
        ("custody_event", "trg_custody_event_update_stale"),
    ):
        with engine.connect() as c:
            sql = c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = ?", (trigger,)).scalar_one()
        watched = {name.strip() for name in sql.split("UPDATE OF", 1)[1].split(" ON ", 1)[0].split(",")}
        expected = {col.name for col in Base.metadata.tables[table].columns} - {"id", "server_version"}
        assert watched == expected, trigger


def test_a_pushed_version_keeps_the_custody_cache_and_an_edit_drops_it(store: Store) -> None:
    row = store.repo(Detainee).add(detainee_values())
    build_agenda(store, date(2026, 3, 5))  # fills the cache

    def cached() -> int:
        with store.read_connection() as c:
            return int(c.exec_driver_sql("SELECT count(*) FROM custody_status").scalar_one())

    with store.session() as s:
        s.connection().exec_driver_sql("UPDATE detainee SET server_version = 3 WHERE id = ?", (row.id.hex,))
    assert cached() == 1
    store.repo(Detainee).update(row.id, {"cell": "205"})
    assert cached() == 0


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "m.db", KEY)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert _tables(engine) <= {"alembic_version", "sqlite_sequence"}
    assert _triggers(engine) == set()
    migrate.upgrade(engine)
    assert len(_triggers(engine)) == 4 * len(synced_tables())


NEXT_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("future_table", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("future_table")
"""


def test_open_backs_up_before_upgrading(
    store: Store, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = store.repo(Detainee).add(detainee_values(name="备份前"))
    store.close()
    shipped_head = migrate.head_revision()
    # A newer release ships one more migration: opening the old file must back it up first.
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "9999_future.py").write_text(NEXT_REVISION.format(head=migrate.head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")

    reopened = Store.open(data_dir)
    assert migrate.current_revision(reopened.engine) == "9999"
    reopened.close()
    backups = list((data_dir / "backups").glob(f"inspector-*-before-upgrade-from-{shipped_head}.db"))
    assert len(backups) == 1
    old = open_engine(backups[0], keys.load_key(data_dir / "key.json", None))
    assert migrate.current_revision(old) == shipped_head
    with old.connect() as c:
        names = [r[0] for r in c.exec_driver_sql("SELECT name FROM detainee")]
    assert names == [kept.name]
    old.dispose()


def test_the_head_constant_names_the_newest_migration() -> None:
    # Start-up compares the database with HEAD_REVISION without importing Alembic.
    assert migrate.head_revision() == migrate.HEAD_REVISION
