"""The desktop's facade over backups and key recovery (``inspector.services.backups``): roles, the
keep-N check naming its field, a restore refused while changes are unsynced unless agreed, the
manifest naming the station; and the copy before a schema upgrade is encrypted and owner-only."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from inspector.domain.errors import ValidationError
from inspector.services import backups
from inspector.services.policy import PermissionDeniedError, actor_for
from inspector.station_setup import FirstUser, initialise
from inspector.store import backup, migrate
from inspector.store.models import AppUser, AuditLog, Detainee
from inspector.store.store import Store
from tests.conftest import STATION, detainee_values

USER = FirstUser("wang", "王检察官", "Password-123")


@pytest.fixture
def st(data_dir: Path) -> Store:
    return initialise(data_dir, STATION, USER, device_name="t")


def test_keep_daily_names_the_field_and_is_audited(st: Store) -> None:
    actor = actor_for(st)
    for bad in ("0", "366", "seven", "", "3.5", -1, True):
        with pytest.raises(ValidationError) as caught:
            backups.set_keep_daily(st, actor, bad)
        [error] = caught.value.errors
        assert error.field == backups.KEEP_FIELD and "每日自动备份保留份数" in error.message_zh
    assert st.keep_daily() == backup.KEEP_DEFAULT
    assert backups.set_keep_daily(st, actor, " 12 ") == 12
    assert st.keep_daily() == 12 and backups.backup_status(st).keep_daily == 12
    with st.session(read_only=True) as s:
        entry = s.query(AuditLog).filter_by(action="backup_keep_daily").one()
        assert entry.detail == {"before": backup.KEEP_DEFAULT, "after": 12}


def test_a_clerk_may_neither_back_up_nor_restore(st: Store, tmp_path: Path) -> None:
    clerk = st.repo(AppUser).add({"username": "li", "display_name": "李", "role": "clerk"})
    actor = actor_for(st, clerk.id)
    with pytest.raises(PermissionDeniedError):
        backups.make_backup(st, actor, tmp_path / "b.zip")
    with pytest.raises(PermissionDeniedError):
        backups.set_keep_daily(st, actor, 3)
    assert not (tmp_path / "b.zip").exists()


def test_the_manifest_names_the_station_and_unsynced_changes_block_a_restore(
    st: Store, tmp_path: Path
) -> None:
    actor = actor_for(st)
    st.repo(Detainee).add(detainee_values(name="甲某"))
    out = tmp_path / "b.zip"
    info = backups.make_backup(st, actor, out)
    assert info.path == out and out.is_file()
    summary = backups.inspect_backup(st, out)
    assert (summary.station_code, summary.station_name) == (STATION["code"], STATION["name"])
    assert summary.same_database and summary.schema_revision == migrate.HEAD_REVISION
    assert summary.created_at is not None and summary.created_at.utcoffset() is not None

    pending = backups.backup_status(st).pending
    assert pending > 0  # nothing synced on this laptop yet
    with pytest.raises(backups.UnsyncedChangesError) as caught:
        backups.check_restore(st, actor, out)
    assert (
        caught.value.params == {"count": pending} and f"{pending} 项修改尚未同步" in caught.value.message_zh
    )
    with pytest.raises(backups.UnsyncedChangesError):
        backups.check_restore(st, actor, out, lose_pending=pending - 1)
    assert backups.check_restore(st, actor, out, lose_pending=pending) == pending


def test_the_copy_before_a_schema_upgrade_is_encrypted_and_owner_only(st: Store, data_dir: Path) -> None:
    """``migrate.backup_file`` (an upgrade's copy, tested for its content in test_migrations): not a
    plain SQLite file, and readable by the owner only."""
    st.repo(Detainee).add(detainee_values(name="升级前"))
    copy = migrate.backup_file(st.engine, Store.paths(data_dir)[0], data_dir / "backups", "before-upgrade")
    st.close()
    assert copy.read_bytes()[:16] != b"SQLite format 3\x00"
    assert "升级前".encode() not in copy.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_recover_key_refuses_an_empty_or_wrong_code(st: Store, memory_keyring: object) -> None:
    from inspector.store.keys import RecoveryCodeError

    code = st.make_recovery_code()
    assert code is not None and backups.can_recover(st.data_dir)
    st.close()
    with pytest.raises(RecoveryCodeError):
        backups.recover_key(st.data_dir, "  ")
    with pytest.raises(RecoveryCodeError):
        backups.recover_key(st.data_dir, "B" * 32)
    backups.recover_key(st.data_dir, code)


def test_no_recovery_without_a_code(data_dir: Path, tmp_path: Path) -> None:
    Store.create(data_dir).close()
    assert not backups.can_recover(data_dir)  # made without a recovery code
    assert not backups.can_recover(tmp_path / "nowhere")
    shutil.rmtree(data_dir)
