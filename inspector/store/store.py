"""The local store: one encrypted database file in a data directory, opened by key.

Layout of a data directory::

    inspector.db        the SQLCipher database
    key.json            where its key lives (keyring entry name, or scrypt salt) — nothing secret
    backups/            copies taken before every schema upgrade
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session, sessionmaker

from inspector.domain.errors import InspectorError
from inspector.store import backup, files, keys, location, migrate
from inspector.store.base import Synced
from inspector.store.engine import BEGIN_MODE, open_engine
from inspector.store.models import LocalMeta, Station
from inspector.store.repository import Actor, Repository

DATA_DIR_ENV = "INSPECTOR_DATA_DIR"
DAILY_BACKUP_ENV = "INSPECTOR_DAILY_BACKUP"  # "0": no daily backup when opened (the test suite)
READ_ONLY = {BEGIN_MODE: "DEFERRED"}

T = TypeVar("T", bound=Synced)


class NotInitialisedError(InspectorError):
    code = "not_initialised"

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"数据目录 {data_dir} 中还没有数据库：请先运行 inspector init（或 inspector demo）",
            f"no database in {data_dir}: run `inspector init` (or `inspector demo`) first",
            params={"data_dir": str(data_dir)},
        )


class AlreadyInitialisedError(InspectorError):
    code = "already_initialised"

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"数据目录 {data_dir} 中已有数据库，不会覆盖",
            f"{data_dir} already holds a database; not overwriting it",
            params={"data_dir": str(data_dir)},
        )


class NotAFolderError(InspectorError):
    code = "not_a_folder"

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"数据目录 {data_dir} 不是文件夹",
            f"the data folder {data_dir} is not a folder",
            params={"data_dir": str(data_dir)},
        )


class EmptyDatabaseError(InspectorError):
    """The database file is there but holds nothing: an interrupted set-up, or a file emptied by accident.
    It is never turned into a new empty database."""

    code = "empty_database"

    def __init__(self, db: Path, what_zh: str, what_en: str) -> None:
        super().__init__(
            f"数据库文件 {db} {what_zh}：可能是初始化被中断，或文件已损坏。请从备份恢复；若它只是一次中断的"
            "初始化，把该文件夹移走后重新运行 inspector init",
            f"the database file {db} {what_en}: an interrupted set-up or a damaged file. Restore it from a "
            "backup; if it is only an interrupted set-up, move the folder aside and run `inspector init` "
            "again",
            params={"db": str(db), "what_zh": what_zh, "what_en": what_en},
        )


BUILDING = ".building-"  # a database being made: .<data folder name>.building-<random>, beside it


def _remove_interrupted_builds(data_dir: Path) -> None:
    for leftover in data_dir.parent.glob(f".{data_dir.name}{BUILDING}*"):
        if leftover.is_dir():
            _discard_build(leftover)
    # a key record moved into place without its database (a kill between the two moves)
    db, info = location.paths(data_dir)
    if info.exists() and not db.exists():
        Store.discard(data_dir)


def _discard_build(work: Path) -> None:
    if location.paths(work)[1].exists():
        with suppress(InspectorError):  # a garbled key record: nothing to forget
            Store.discard(work)  # forgets the keyring entry of the half-made key
    shutil.rmtree(work, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _move_into_place(work: Path, data_dir: Path) -> None:
    """Rename the finished folder to ``data_dir``; into an existing folder, move the key record first and
    the database last, so the database appears only when everything it needs is there."""
    db, info = location.paths(work)
    if data_dir.is_dir() and not any(data_dir.iterdir()):
        data_dir.rmdir()  # a kill right here leaves no data folder: a clean start
    if not data_dir.exists():
        work.rename(data_dir)
        _fsync_dir(data_dir.parent)
        return
    for part in (info, *location.sidecars(db), db):
        if part.exists():
            part.rename(data_dir / part.name)
    _fsync_dir(data_dir)
    shutil.rmtree(work, ignore_errors=True)


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("inspector", appauthor=False))


class Store:
    """An open local database. Use :meth:`create` or :meth:`open`; close with :meth:`close`."""

    def __init__(self, engine: Engine, data_dir: Path, key: bytes | None = None) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self._key = key  # the engine's connections hold it anyway; kept to re-open after a move
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
        return cls._create(data_dir, prompt)[0]

    @classmethod
    def _create(cls, data_dir: Path, prompt: keys.PassphrasePrompt | None) -> tuple[Store, bytes]:
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
        return cls(engine, data_dir, key), key

    @classmethod
    def build(
        cls, data_dir: Path, fill: Callable[[Store], None], prompt: keys.PassphrasePrompt | None = None
    ) -> Store:
        """A new database made whole before it appears in ``data_dir``, returned open there.

        It is created in a temporary folder beside ``data_dir`` (``.<name>.building-…``), ``fill`` writes
        what a complete database holds (the station, its first user, demo records), and only then are
        the files moved into place — so a kill at any moment leaves either no database or a complete
        one, never a folder that some commands call sound and others reject. Leftovers of an earlier
        interrupted build are removed first (their keyring entries too). ``data_dir`` may exist if it
        holds no database.
        """
        if cls.exists(data_dir):
            raise AlreadyInitialisedError(data_dir)
        if data_dir.exists() and not data_dir.is_dir():
            raise NotAFolderError(data_dir)
        data_dir = Path(os.path.abspath(data_dir))
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        _remove_interrupted_builds(data_dir)
        work = Path(tempfile.mkdtemp(dir=data_dir.parent, prefix=f".{data_dir.name}{BUILDING}"))
        try:
            store, _key = cls._create(work, prompt)
            try:
                fill(store)
            except BaseException:
                store.close()
                raise
            return store.move_into_place(data_dir)
        except BaseException:
            _discard_build(work)
            raise

    def move_into_place(self, data_dir: Path) -> Store:
        """Close this (finished) database, move its folder's files to ``data_dir`` (which must hold no
        database) and return it open there — the last step of :meth:`build` and of enrolling into a
        new folder. The key record moves first and the database last."""
        if self._key is None:
            raise RuntimeError("only a store made or opened here can be moved")
        if Store.exists(data_dir):
            raise AlreadyInitialisedError(data_dir)
        self.close()  # the last connection folds the WAL into the file
        _move_into_place(self.data_dir, data_dir)
        db, _info = Store.paths(data_dir)
        return Store(open_engine(db, self._key), data_dir, self._key)

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
        if data_dir.exists() and not data_dir.is_dir():
            raise NotAFolderError(data_dir)
        if not cls.exists(data_dir):
            raise NotInitialisedError(data_dir)
        for ours in (data_dir, db, info, *location.sidecars(db)):
            files.tighten(ours)  # made 0644 / 0755 by versions before owner-only files
        if db.stat().st_size == 0:  # SQLite would take it for a new database and make one
            raise EmptyDatabaseError(db, "是空的（0 字节）", "is empty (0 bytes)")
        key = keys.load_key(info, prompt)
        engine = open_engine(db, key)
        if migrate.current_revision(engine) is None:
            engine.dispose()
            raise EmptyDatabaseError(db, "中没有任何数据表", "holds no tables")
        migrate.upgrade(engine, db, data_dir / "backups")
        store = cls(engine, data_dir, key)
        if os.environ.get(DAILY_BACKUP_ENV, "1") != "0":
            store.daily_backup()
        return store

    def close(self) -> None:
        self.engine.dispose()

    # ---- backups -----------------------------------------------------------------------------------

    def daily_backup(self) -> Path | None:
        """Today's copy in ``backups/`` if there is none yet; the last N kept (this laptop's setting
        ``backup.keep_daily`` in ``local_meta``, :meth:`keep_daily`). Done when the store is opened."""
        assert self._key is not None
        return backup.daily_backup(self.engine, self._key, self.data_dir, self.keep_daily())

    def keep_daily(self, count: int | None = None) -> int:
        """How many daily copies this laptop keeps; with ``count``, set it first (1 to 365)."""
        low, high = backup.KEEP_RANGE
        if count is not None:
            if not low <= count <= high:
                raise InspectorError(
                    f"每日备份保留份数须在 {low} 至 {high} 之间：{count}",
                    f"the daily backups kept must be {low} to {high}, got {count}",
                )
            self.set_meta(backup.KEEP_SETTING, count)
        value = self.meta(backup.KEEP_SETTING)
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        return int(value) if ok else backup.KEEP_DEFAULT

    def write_backup(self, out: Path) -> backup.BackupInfo:
        """``inspector backup --out FILE``: the database and its key record in one owner-only file."""
        assert self._key is not None
        station = None
        station_id = self.meta("station_id")
        if station_id is not None:
            with self.session(read_only=True) as s:
                row = s.get(Station, uuid.UUID(station_id))
                station = {"code": row.code, "name": row.name} if row is not None else None
        return backup.write_backup(
            self.engine, self._key, self.data_dir, out, migrate.current_revision(self.engine), station
        )

    # ---- key recovery ------------------------------------------------------------------------------

    def make_recovery_code(self) -> str | None:
        """A new recovery code for this database's key, to be shown once (key.json keeps the key wrapped
        by it; an older code stops working). None when the key comes from a passphrase, which is its
        own recovery."""
        _db, info = self.paths(self.data_dir)
        if self._key is None or keys.KeyInfo.load(info).source != "keyring":
            return None
        return keys.make_recovery_code(info, self._key)

    @classmethod
    def recover_key(cls, data_dir: Path, code: str) -> None:
        """Put the database key back in the OS keyring from its recovery code: the code must unwrap a
        key, and that key must open this database."""
        db, info = cls.paths(data_dir)
        if not cls.exists(data_dir):
            raise NotInitialisedError(data_dir)
        key = keys.unwrap_with_code(info, code)
        open_engine(db, key).dispose()  # a key that does not open the database is refused here
        keys.store_key(info, key)

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
                f"数据库中没有检察室（初始化未完成）：{self.data_dir}。请运行 inspector check 查看；"
                "若是一次中断的初始化，把该文件夹移走后重新运行 inspector init",
                f"no station set up in {self.data_dir} (an unfinished set-up): see `inspector check`; if it "
                "was an interrupted set-up, move the folder aside and run `inspector init` again",
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
