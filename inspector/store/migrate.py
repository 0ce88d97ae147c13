"""Schema upgrades: Alembic, applied at start-up after a backup of the database file.

Alembic is imported only when a schema is created or upgraded: a database already at
:data:`HEAD_REVISION` opens with one query of ``alembic_version`` (importing Alembic costs about a
fifth of a second of every start-up). A test checks the constant against the migration scripts.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, exc, text

from inspector.store import files
from inspector.store.engine import BEGIN_MODE

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HEAD_REVISION = "0012"  # the newest script in migrations/versions (checked by a test)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect().execution_options(**{BEGIN_MODE: "DEFERRED"}) as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except exc.OperationalError:  # no such table: an empty database
            return None
        return rows[0] if len(rows) == 1 else None if not rows else ",".join(sorted(rows))


def backup_file(engine: Engine, db_path: Path, backup_dir: Path, label: str) -> Path:
    """Copy the (still encrypted) database file after folding the WAL into it."""
    with engine.connect() as conn:
        # outside any transaction: a checkpoint cannot run inside one (the engine begins IMMEDIATE)
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files.make_private_dir(backup_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-{stamp}-{label}{db_path.suffix}"
    with db_path.open("rb") as src, files.atomic_output_bytes(target) as out:  # owner-only, whole
        shutil.copyfileobj(src, out, 1024 * 1024)
    return target


def upgrade(engine: Engine, db_path: Path | None = None, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to head. Returns the backup made first, if there was anything to back up."""
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    backup = None
    if current is not None and db_path is not None and backup_dir is not None:
        backup = backup_file(engine, db_path, backup_dir, f"before-upgrade-from-{current}")
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
