"""Backups of the local database: still encrypted, taken consistently while the app runs.

* Before every schema upgrade (``migrate.backup_file``) and once a day (:func:`daily_backup`, when the
  store is opened: ``backups/inspector-YYYYMMDD-daily.db``, the last N kept — this laptop's setting
  ``backup.keep_daily`` in ``local_meta``, ``inspector backup --keep-daily N``), a copy of the
  database file in ``backups/``.
* ``inspector backup --out FILE`` (:func:`write_backup`): one file to keep elsewhere — a zip holding
  ``manifest.json``, the database and ``key.json`` (where the key lives, and the key wrapped by the
  recovery code; nothing secret). ``inspector restore FILE`` (:func:`restore`) puts it back.

Every copy goes through SQLite's online backup API: a consistent snapshot of the database and its
write-ahead log, page by page, beside any writer, into a new file keyed with the same key — so a
backup is exactly as encrypted as the database. Every file is owner-only and written whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine

from inspector.domain.errors import InspectorError
from inspector.store import files, keys, location
from inspector.store.engine import _raw_key_pragma, open_engine

FORMAT = "inspector-backup"
FORMAT_VERSION = 1
KEEP_SETTING = "backup.keep_daily"
KEEP_DEFAULT, KEEP_RANGE = 7, (1, 365)
DAILY_PREFIX, DAILY_SUFFIX = "inspector-", "-daily.db"
MAX_BACKUP_BYTES = 8 * 1024 * 1024 * 1024


class BackupError(InspectorError):
    """A backup that cannot be written, read, checked or restored."""

    code = "backup"


def snapshot(engine: Engine, key: bytes, target: Path) -> None:
    """A consistent copy of the database behind ``engine`` into ``target`` (owner-only, whole)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        dst = sqlcipher3.connect(str(tmp), isolation_level=None)
        try:
            dst.execute("PRAGMA cipher_log_level = NONE")
            dst.execute(_raw_key_pragma(key))
            with engine.connect() as conn:
                src = conn.connection.dbapi_connection
                assert src is not None
                src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: str
    db_id: str
    schema_revision: str | None
    size: int


def write_backup(
    engine: Engine,
    key: bytes,
    data_dir: Path,
    out: Path,
    revision: str | None,
    station: Mapping[str, str] | None = None,
) -> BackupInfo:
    """One file holding the database (a consistent snapshot, encrypted) and its key record.

    ``station`` (its code and name) goes into the manifest, so that a restore can say whose database
    a file holds before anything is unpacked."""
    from inspector import __version__

    out = files.output_target(out)
    _db, info = location.paths(data_dir)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".inspector-backup-") as work:
        db_copy = Path(work) / location.DB_NAME
        snapshot(engine, key, db_copy)
        created = datetime.now(UTC).isoformat()
        key_info = keys.KeyInfo.load(info)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "schema_revision": revision,
            "created_at": created,
            "station": dict(station) if station is not None else None,
            "db_id": key_info.db_id,
            "key_source": key_info.source,
            "recovery_code": key_info.recovery is not None,
            "db_sha256": _sha256(db_copy),
            "db_size": db_copy.stat().st_size,
        }
        with files.atomic_output_bytes(out) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED) as z:
            z.writestr("manifest.json", json.dumps(manifest, indent=2))
            z.write(info, location.KEY_INFO_NAME)
            z.write(db_copy, location.DB_NAME)
    return BackupInfo(out, created, key_info.db_id, revision, out.stat().st_size)


def daily_name(day: datetime) -> str:
    return f"{DAILY_PREFIX}{day.strftime('%Y%m%d')}{DAILY_SUFFIX}"


def daily_backup(
    engine: Engine, key: bytes, data_dir: Path, keep: int, now: datetime | None = None
) -> Path | None:
    """Today's copy in ``backups/``, unless there is one; then only the ``keep`` newest are kept."""
    folder = data_dir / "backups"
    today = daily_name(now or datetime.now(UTC))
    made = None
    if not (folder / today).exists():
        files.make_private_dir(folder)
        snapshot(engine, key, folder / today)
        made = folder / today
    dailies = sorted(p for p in folder.glob(f"{DAILY_PREFIX}*{DAILY_SUFFIX}") if p.is_file())
    for old in dailies[: max(0, len(dailies) - keep)]:
        old.unlink(missing_ok=True)
    return made


@dataclass(frozen=True)
class RestoreInfo:
    data_dir: Path
    manifest: dict[str, Any]
    kept_aside: Path | None  # the database that was there before, if any


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a backup file made by :func:`write_backup`, checked."""
    if not path.is_file():
        raise BackupError(f"备份文件 {path} 不存在", f"the backup file {path} does not exist")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if not {"manifest.json", location.DB_NAME, location.KEY_INFO_NAME} <= names:
                raise BackupError(f"{path} 不是完整的备份文件", f"{path} is not a complete backup")
            manifest = json.loads(z.read("manifest.json"))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BackupError(
            f"{path} 不是本系统的备份文件：{exc}", f"{path} is not an Inspector backup: {exc}"
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} 不是本系统的备份文件", f"{path} is not an Inspector backup")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise BackupError(f"{path} 由更新版本的程序生成，请先升级", f"{path} was made by a newer program")
    return manifest


def restore(
    data_dir: Path,
    backup: Path,
    *,
    replace: bool,
    prompt: keys.PassphrasePrompt | None,
    recovery_code: str | None = None,
) -> RestoreInfo:
    """Put a backup file back as the data folder's database.

    The file is unpacked beside the data folder and checked whole (its sha256; its key opens it)
    before anything there changes. A database already there is refused unless ``replace``; then it
    is kept in ``backups/replaced-<time>/`` — a restore never destroys data. On a machine whose keyring
    lacks the key (a new laptop), ``recovery_code`` unwraps it from the backup's key record.
    """
    manifest = read_manifest(backup)
    db, info = location.paths(data_dir)
    if location.exists(data_dir) and not replace:
        raise BackupError(
            f"数据目录 {data_dir} 中已有数据库：确认要用备份替换它时加 --replace"
            "（原数据库会保留在 backups/ 中）",
            f"{data_dir} already holds a database: add --replace to put the backup in its place (the "
            "current one is kept in backups/)",
        )
    data_dir = Path(os.path.abspath(data_dir))
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=data_dir.parent, prefix=f".{data_dir.name}.restoring-"))
    try:
        with zipfile.ZipFile(backup) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_BACKUP_BYTES:
                raise BackupError(f"{backup} 过大", f"{backup} is too large")
            for name in (location.DB_NAME, location.KEY_INFO_NAME):
                with z.open(name) as src, files.atomic_output_bytes(work / name) as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
        if _sha256(work / location.DB_NAME) != manifest.get("db_sha256"):
            raise BackupError(f"{backup} 已损坏（校验值不符）", f"{backup} is damaged (sha256 mismatch)")
        work_info = work / location.KEY_INFO_NAME
        if recovery_code is not None:
            key = keys.unwrap_with_code(work_info, recovery_code)
        else:
            key = keys.load_key(work_info, prompt)  # the key must be here (or recovered)
        open_engine(work / location.DB_NAME, key).dispose()  # and must open it
        aside = None
        if location.exists(data_dir):
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            aside = data_dir / "backups" / f"replaced-{stamp}"
            files.make_private_dir(aside)
            for part in (info, *location.sidecars(db), db):  # the database last: never half of it
                if part.exists():
                    part.rename(aside / part.name)
        files.make_private_dir(data_dir)
        if recovery_code is not None:
            keys.store_key(work_info, key)
        work_info.rename(info)
        (work / location.DB_NAME).rename(db)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RestoreInfo(data_dir, manifest, aside)
