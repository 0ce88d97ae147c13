"""Backups, restore and key recovery for the desktop app: the same core as ``inspector backup``,
``inspector restore`` and ``inspector recover`` (:mod:`inspector.store.backup`, :mod:`inspector.store.keys`),
with the role check, the validation that names the field, and an audit entry.

Qt-free: the desktop calls these on a worker thread.

* :func:`backup_status` — this laptop's daily-copy setting, the date of the last daily copy, the
  changes not yet synced.
* :func:`set_keep_daily` — how many daily copies to keep (``inspector backup --keep-daily N``).
* :func:`make_backup` — one backup file (``inspector backup --out FILE``).
* :func:`inspect_backup` — what a backup file holds (station, when, schema), before restoring it.
* :func:`check_restore` and :func:`restore_backup` — put a backup in place of this laptop's database;
  the database it replaces is kept aside in ``backups/replaced-<time>/``. Changes not yet synced are
  lost with it unless the user has said they may be (``lose_pending``).
* :func:`can_recover` and :func:`recover_key` — a database key lost from the OS keyring, put back
  from its recovery code (``inspector recover``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.validation import SHANGHAI
from inspector.security import audit
from inspector.services.policy import Actor, Permission, require
from inspector.store import backup, keys, location
from inspector.store.keys import KeyUnavailableError, PassphrasePrompt
from inspector.store.models import Station
from inspector.store.queries import pending_changes
from inspector.store.store import Store

__all__ = [
    "KEEP_FIELD",
    "KEEP_LABEL",
    "BackupStatus",
    "BackupSummary",
    "KeyMissingError",
    "UnsyncedChangesError",
    "backup_status",
    "can_recover",
    "check_restore",
    "default_backup_name",
    "inspect_backup",
    "make_backup",
    "parse_keep_daily",
    "recover_key",
    "restore_backup",
    "set_keep_daily",
]

KEEP_FIELD = "keep_daily"
KEEP_LABEL = "每日自动备份保留份数"
_DAILY_DATE = re.compile(re.escape(backup.DAILY_PREFIX) + r"(\d{8})" + re.escape(backup.DAILY_SUFFIX) + "$")


# ---- status and the daily copies -----------------------------------------------------------------


@dataclass(frozen=True)
class BackupStatus:
    keep_daily: int  # how many daily copies this laptop keeps
    keep_range: tuple[int, int]
    last_daily: date | None  # the day of the newest daily copy in backups/ (None: none yet)
    backups_dir: Path
    pending: int  # changes not yet synced to the office


def backup_status(store: Store) -> BackupStatus:
    folder = store.data_dir / "backups"
    days: list[date] = []
    if folder.is_dir():
        for path in folder.iterdir():
            found = _DAILY_DATE.match(path.name)
            if found and path.is_file():
                try:
                    days.append(datetime.strptime(found.group(1), "%Y%m%d").date())
                except ValueError:
                    continue
    return BackupStatus(
        keep_daily=store.keep_daily(),
        keep_range=backup.KEEP_RANGE,
        last_daily=max(days) if days else None,
        backups_dir=folder,
        pending=pending_changes(store),
    )


def parse_keep_daily(value: object) -> int:
    """The number of daily copies to keep, from what was typed; a ``ValidationError`` naming the field
    (每日自动备份保留份数) when it is not a whole number in range."""
    low, high = backup.KEEP_RANGE
    text = str(value).strip() if value is not None else ""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif re.fullmatch(r"[+]?\d{1,6}", text):
        number = int(text)
    if number is None or not low <= number <= high:
        shown = text or "（空）"
        raise ValidationError(
            "backup",
            [
                FieldError(
                    KEEP_FIELD,
                    f"{KEEP_LABEL}须为 {low} 至 {high} 之间的整数：{shown}",
                    f"daily backups kept must be a whole number from {low} to {high}: {text or '(empty)'}",
                    code="range",
                    params={"label": KEEP_LABEL, "min": low, "max": high, "value": text},
                )
            ],
        )
    return number


def set_keep_daily(store: Store, actor: Actor, value: object) -> int:
    """How many daily copies this laptop keeps (a setting of this laptop, not synced), with an audit
    entry; the copies beyond it go at the next daily copy."""
    require(actor, Permission.SETTINGS)
    count = parse_keep_daily(value)
    before = store.keep_daily()
    with store.session() as s:
        store.set_meta(backup.KEEP_SETTING, count, s)
        audit.record(
            s,
            "backup_keep_daily",
            user_id=actor.user_id,
            device_id=actor.device_id,
            detail={"before": before, "after": count},
        )
    return count


# ---- a backup file -------------------------------------------------------------------------------


def default_backup_name(store: Store, today: date) -> str:
    """``inspector-backup-<station code>-<YYYYMMDD>.zip``: what the save dialog offers."""
    code = "station"
    with store.session(read_only=True) as s:
        station = s.get(Station, store.station_id)
        if station is not None:
            code = re.sub(r"[^A-Za-z0-9_-]+", "", station.code) or code
    return f"inspector-backup-{code}-{today.strftime('%Y%m%d')}.zip"


def make_backup(store: Store, actor: Actor, out: Path) -> backup.BackupInfo:
    """``inspector backup --out FILE``: the database (still encrypted) and its key record in one
    owner-only file, written whole."""
    require(actor, Permission.SETTINGS)
    info = store.write_backup(out)
    with store.session() as s:
        audit.record(
            s,
            "backup_written",
            user_id=actor.user_id,
            device_id=actor.device_id,
            detail={"file": str(info.path), "size": info.size, "schema": info.schema_revision},
        )
    return info


@dataclass(frozen=True)
class BackupSummary:
    """What a backup file holds, for the confirmation before restoring it."""

    path: Path
    created_at: datetime | None  # Beijing time
    schema_revision: str | None
    app_version: str
    station_code: str | None
    station_name: str | None
    same_database: bool  # a backup of this laptop's database (the same key)
    key_source: str  # "keyring" or "passphrase"
    size: int


def inspect_backup(store: Store, path: Path) -> BackupSummary:
    """The checked manifest of ``path`` (``BackupError`` when it is not a whole backup of this program)."""
    manifest = backup.read_manifest(path)
    _db, info = location.paths(store.data_dir)
    same = manifest.get("db_id") == keys.KeyInfo.load(info).db_id
    station = manifest.get("station")
    code = name = None
    if isinstance(station, dict):
        code, name = _text(station.get("code")), _text(station.get("name"))
    elif same:  # an older backup without the station in its manifest: this database's station
        with store.session(read_only=True) as s:
            row = s.get(Station, store.station_id)
            if row is not None:
                code, name = row.code, row.name
    return BackupSummary(
        path=path,
        created_at=_parse_time(manifest.get("created_at")),
        schema_revision=_text(manifest.get("schema_revision")),
        app_version=_text(manifest.get("app_version")) or "",
        station_code=code,
        station_name=name,
        same_database=same,
        key_source=_text(manifest.get("key_source")) or "keyring",
        size=path.stat().st_size,
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).astimezone(SHANGHAI)
    except ValueError:
        return None


# ---- restoring -----------------------------------------------------------------------------------


class UnsyncedChangesError(InspectorError):
    """Code ``unsynced_changes``; params: ``count``. The restore was refused: nothing changed."""

    code = "unsynced_changes"

    def __init__(self, count: int) -> None:
        super().__init__(
            f"本机有 {count} 项修改尚未同步到办公室，恢复备份会使它们不在数据库中：请先同步，"
            "或确认放弃这些修改后再恢复",
            f"{count} change(s) on this laptop have not reached the office and would not be in the "
            "restored database: sync first, or confirm that they may be lost",
            params={"count": count},
        )


def check_restore(store: Store, actor: Actor, path: Path, *, lose_pending: int = 0) -> int:
    """Whether ``path`` may replace this laptop's database now: the role, the file, and no more
    unsynced changes than the user agreed to lose. Returns the number of unsynced changes."""
    require(actor, Permission.SETTINGS)
    backup.read_manifest(path)
    pending = pending_changes(store)
    if pending > lose_pending:
        raise UnsyncedChangesError(pending)
    return pending


def restore_backup(
    data_dir: Path, path: Path, actor: Actor, *, passphrase: str | None = None
) -> backup.RestoreInfo:
    """Put ``path`` in place of the database in ``data_dir`` (closed by the caller after
    :func:`check_restore`), the current one kept in ``backups/replaced-<time>/``; the file is checked
    whole and its key must open it before anything changes. Then an audit entry in the restored
    database says who restored what."""
    prompt: PassphrasePrompt | None = (lambda _text, _confirm: passphrase) if passphrase else None
    info = backup.restore(data_dir, path, replace=True, prompt=prompt)
    with Store.open(data_dir, prompt) as restored, restored.session() as s:
        audit.record(
            s,
            "backup_restored",
            user_id=actor.user_id,
            device_id=actor.device_id,
            detail={
                "file": str(path),
                "backup_created_at": info.manifest.get("created_at"),
                "by": actor.display_name or str(actor.user_id),
                "kept_aside": str(info.kept_aside) if info.kept_aside is not None else None,
            },
        )
    return info


# ---- key recovery --------------------------------------------------------------------------------


class KeyMissingError(KeyUnavailableError):
    """The database key is not in the OS keyring, and the database has a recovery code that can put
    it back (the app offers 输入恢复码…)."""

    def __init__(self, cause: KeyUnavailableError) -> None:
        super().__init__(cause.message_zh, cause.message_en, code="key_missing")


def can_recover(data_dir: Path) -> bool:
    """The database's key is kept in the OS keyring and a recovery code was made for it."""
    _db, info = location.paths(data_dir)
    try:
        record = keys.KeyInfo.load(info)
    except (OSError, InspectorError):
        return False
    return record.source == "keyring" and record.recovery is not None


def recover_key(data_dir: Path, code: str) -> None:
    """``inspector recover``: the key unwrapped by ``code`` must open the database; then it goes back
    into the OS keyring. ``RecoveryCodeError`` for a wrong code (nothing changes)."""
    if not code.strip():
        raise keys.RecoveryCodeError("请输入恢复码", "enter the recovery code")
    Store.recover_key(data_dir, code)
