"""Schema upgrades: Alembic, applied at start-up after a backup of the database file."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_file(engine: Engine, db_path: Path, backup_dir: Path, label: str) -> Path:
    """Copy the (still encrypted) database file after folding the WAL into it."""
    with engine.connect() as conn:
        # outside any transaction: a checkpoint cannot run inside one (the engine begins IMMEDIATE)
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-{stamp}-{label}{db_path.suffix}"
    shutil.copy2(db_path, target)
    return target


def upgrade(engine: Engine, db_path: Path | None = None, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to head. Returns the backup made first, if there was anything to back up."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup = None
    if current is not None and db_path is not None and backup_dir is not None:
        backup = backup_file(engine, db_path, backup_dir, f"before-upgrade-from-{current}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
