"""The local store: one encrypted database file in a data directory, opened by key.

Layout of a data directory::

    inspector.db        the SQLCipher database
    key.json            where its key lives (keyring entry name, or scrypt salt) — nothing secret
    backups/            copies taken before every schema upgrade
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session, sessionmaker

from inspector.domain.errors import InspectorError
from inspector.store import files, keys, location, migrate
from inspector.store.base import Synced
from inspector.store.engine import BEGIN_MODE, open_engine
from inspector.store.models import LocalMeta
from inspector.store.repository import Actor, Repository

DATA_DIR_ENV = "INSPECTOR_DATA_DIR"
READ_ONLY = {BEGIN_MODE: "DEFERRED"}

T = TypeVar("T", bound=Synced)


class NotInitialisedError(InspectorError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"数据目录 {data_dir} 中还没有数据库：请先运行 inspector init（或 inspector demo）",
            f"no database in {data_dir}: run `inspector init` (or `inspector demo`) first",
        )


class AlreadyInitialisedError(InspectorError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"数据目录 {data_dir} 中已有数据库，不会覆盖",
            f"{data_dir} already holds a database; not overwriting it",
        )


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("inspector", appauthor=False))


class Store:
    """An open local database. Use :meth:`create` or :meth:`open`; close with :meth:`close`."""

    def __init__(self, engine: Engine, data_dir: Path) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(**READ_ONLY), expire_on_commit=False)
        self._user_id: uuid.UUID | None = None

    # ---- opening -------------------------------------------------------------------------------

    @staticmethod
    def paths(data_dir: Path) -> tuple[Path, Path]:
        return location.paths(data_dir)

    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return location.exists(data_dir)

    @classmethod
    def create(cls, data_dir: Path, prompt: keys.PassphrasePrompt | None = None) -> Store:
        """Make a new, empty database at the current schema. Refuses to touch an existing one."""
        db, info = cls.paths(data_dir)
        if db.exists() or info.exists():
            raise AlreadyInitialisedError(data_dir)
        files.make_private_dir(data_dir)
        key = keys.create_key(info, prompt)
        try:
            # made owner-only before SQLite opens it; its -wal and -shm files take the same mode
            os.close(os.open(db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE))
            engine = open_engine(db, key)
            migrate.upgrade(engine)
        except BaseException:
            cls.discard(data_dir)
            raise
        return cls(engine, data_dir)

    @classmethod
    def discard(cls, data_dir: Path) -> None:
        """Remove a database that failed to come into being (file, WAL, key record, keyring entry)."""
        db, info = cls.paths(data_dir)
        if info.exists():
            keys.forget_key(info)
        for leftover in (db, info, *location.sidecars(db)):
            leftover.unlink(missing_ok=True)

    @classmethod
    def open(cls, data_dir: Path, prompt: keys.PassphrasePrompt | None = None) -> Store:
        """Open an existing database, upgrading its schema (after a backup) if it is behind."""
        db, info = cls.paths(data_dir)
        if not cls.exists(data_dir):
            raise NotInitialisedError(data_dir)
        for ours in (data_dir, db, info, *location.sidecars(db)):
            files.tighten(ours)  # made 0644 / 0755 by versions before owner-only files
        engine = open_engine(db, keys.load_key(info, prompt))
        migrate.upgrade(engine, db, data_dir / "backups")
        return cls(engine, data_dir)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- sessions and identity ------------------------------------------------------------------

    @contextmanager
    def session(self, *, read_only: bool = False) -> Iterator[Session]:
        """One short transaction: commits on success, rolls back on any exception.

        It takes the write lock at once (one writer at a time, the others wait), unless ``read_only``:
        then it reads a snapshot beside any writer and must not write.
        """
        with (self._read_sessions if read_only else self._sessions).begin() as s:
            yield s

    def read_connection(self) -> Connection:
        """A Core connection for long reads (export, checks) that never blocks a writer."""
        return self.engine.connect().execution_options(**READ_ONLY)

    def meta(self, key: str, default: Any = None) -> Any:
        with self.session(read_only=True) as s:
            row = s.get(LocalMeta, key)
            return default if row is None else row.value

    def set_meta(self, key: str, value: Any, session: Session | None = None) -> None:
        if session is None:
            with self.session() as s:
                s.merge(LocalMeta(key=key, value=value))
        else:
            session.merge(LocalMeta(key=key, value=value))

    def all_meta(self) -> dict[str, Any]:
        with self.session(read_only=True) as s:
            return {m.key: m.value for m in s.scalars(select(LocalMeta))}

    @property
    def station_id(self) -> uuid.UUID:
        value = self.meta("station_id")
        if value is None:
            raise InspectorError(
                "本机尚未设置检察室：请运行 inspector init", "no station set up: run `inspector init`"
            )
        return uuid.UUID(value)

    @property
    def device_id(self) -> uuid.UUID:
        return uuid.UUID(self.meta("device_id"))

    def sign_in_as(self, user_id: uuid.UUID | None) -> None:
        self._user_id = user_id

    @property
    def actor(self) -> Actor:
        return Actor(station_id=self.station_id, device_id=self.device_id, user_id=self._user_id)

    def repo(self, model: type[T]) -> Repository[T]:
        return Repository(self, model)
