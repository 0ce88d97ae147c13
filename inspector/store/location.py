"""Where a station's database lives, answered without opening it (nor importing SQLAlchemy or keyring).

The desktop app asks these before its first window: is there a database here, and does its key need
a passphrase typed (no OS keyring)? ``key.json`` says where the key lives and holds nothing secret.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

DB_NAME = "inspector.db"
KEY_INFO_NAME = "key.json"
PASSPHRASE_ENV = "INSPECTOR_PASSPHRASE"


def paths(data_dir: Path) -> tuple[Path, Path]:
    """The database file and its key record."""
    return data_dir / DB_NAME, data_dir / KEY_INFO_NAME


def sidecars(db: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory index beside the database file."""
    return db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")


def exists(data_dir: Path) -> bool:
    db, info = paths(data_dir)
    return db.exists() and info.exists()


def needs_passphrase(data_dir: Path) -> bool:
    """The database key is derived from a passphrase a person must type (not in a keyring, and not
    given in ``INSPECTOR_PASSPHRASE``). False when there is no readable key record."""
    if os.environ.get(PASSPHRASE_ENV):
        return False
    try:
        info = json.loads(paths(data_dir)[1].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(info, dict) and info.get("source") == "passphrase"
