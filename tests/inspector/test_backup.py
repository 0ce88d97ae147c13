"""Backups (issue #11, item 13): ``inspector backup --out FILE`` and ``inspector restore FILE`` round
trip; a daily copy when the store is opened, the last N kept; all still encrypted, owner-only."""

from __future__ import annotations

import io
import os
import re
import stat
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.cli import main
from inspector.security.memory_keyring import MemoryKeyring
from inspector.store import backup
from inspector.store.models import Detainee
from inspector.store.store import Store
from tests.conftest import STATION, detainee_values

INIT = [
    "init", "--station-code", STATION["code"], "--station-name", STATION["name"],
    "--procuratorate", STATION["procuratorate"], "--detention-center", STATION["detention_center"],
    "--agency-code", STATION["agency_code"], "--user", "wang", "--password-stdin",
]  # fmt: skip


def run(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str = ""
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def names(data_dir: Path) -> list[str]:
    with Store.open(data_dir) as st, st.session(read_only=True) as s:
        return sorted(s.scalars(select(Detainee.name).where(Detainee.deleted_at.is_(None))))


def test_backup_and_restore_round_trip(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    d = tmp_path / "d"
    code, out, _ = run([*INIT, "--data-dir", str(d)], monkeypatch, capsys, "secret-pass-1\n")
    recovery = re.search(r"recovery code: (\S+)", out)
    assert code == 0 and recovery is not None
    with Store.open(d) as st:
        st.repo(Detainee).add(detainee_values(name="甲某"))
        gone = st.repo(Detainee).add(detainee_values(name="乙某"))
    saved = tmp_path / "station.backup"
    code, out, err = run(["backup", "--data-dir", str(d), "--out", str(saved)], monkeypatch, capsys)
    assert code == 0, err
    if os.name == "posix":
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    with zipfile.ZipFile(saved) as z:
        assert sorted(z.namelist()) == ["inspector.db", "key.json", "manifest.json"]
    assert "甲某".encode() not in saved.read_bytes()  # still encrypted

    with Store.open(d) as st:  # after the backup: one changed, one added
        st.repo(Detainee).update(gone.id, {"cell": "999"})
        st.repo(Detainee).add(detainee_values(name="丙某"))
    code, _, err = run(["restore", str(saved), "--data-dir", str(d)], monkeypatch, capsys)
    assert code == 2 and err.count("\n") == 1 and "--replace" in err
    assert names(d) == ["丙某", "乙某", "甲某"]
    code, out, err = run(["restore", str(saved), "--data-dir", str(d), "--replace"], monkeypatch, capsys)
    assert code == 0, err
    assert names(d) == ["乙某", "甲某"]
    assert run(["check", "--data-dir", str(d)], monkeypatch, capsys)[0] == 0
    [aside] = (d / "backups").glob("replaced-*")  # the database it replaced is kept
    assert names_in(aside) == ["丙某", "乙某", "甲某"]

    # a new machine: no key in its keyring, the recovery code from init
    memory_keyring.entries.clear()
    other = tmp_path / "new-laptop"
    code, _, err = run(["restore", str(saved), "--data-dir", str(other)], monkeypatch, capsys)
    assert code == 2 and "keyring" in err and not other.exists()
    stdin = recovery.group(1) + "\n"
    code, _, err = run(
        ["restore", str(saved), "--data-dir", str(other), "--recovery-code-stdin"], monkeypatch, capsys, stdin
    )
    assert code == 0, err
    assert names(other) == ["乙某", "甲某"]


def names_in(folder: Path) -> list[str]:
    """The people in a database kept aside (its own folder holds its key record)."""
    with Store.open(folder) as st, st.session(read_only=True) as s:
        return sorted(s.scalars(select(Detainee.name).where(Detainee.deleted_at.is_(None))))


def test_a_damaged_backup_changes_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store.repo(Detainee).add(detainee_values(name="甲某"))
    good = tmp_path / "good.backup"
    store.write_backup(good)
    data_dir = store.data_dir
    store.close()
    bad = tmp_path / "bad.backup"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "inspector.db":
                data = data[:5000] + bytes([data[5000] ^ 0xFF]) + data[5001:]
            dst.writestr(item, data)
    before = sorted(p.name for p in data_dir.iterdir())
    code, _, err = run(["restore", str(bad), "--data-dir", str(data_dir), "--replace"], monkeypatch, capsys)
    assert code == 2 and "damaged" in err
    assert sorted(p.name for p in data_dir.iterdir()) == before and names(data_dir) == ["甲某"]
    (tmp_path / "x.txt").write_text("not a backup", encoding="utf-8")
    code, _, err = run(["restore", str(tmp_path / "x.txt"), "--data-dir", str(data_dir)], monkeypatch, capsys)
    assert code == 2 and "not an Inspector backup" in err


def test_a_daily_copy_when_opened_and_the_last_n_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store.repo(Detainee).add(detainee_values(name="甲某"))
    data_dir = store.data_dir
    store.close()
    monkeypatch.setenv("INSPECTOR_DAILY_BACKUP", "1")
    folder = data_dir / "backups"
    today = folder / backup.daily_name(datetime.now(UTC))
    Store.open(data_dir).close()
    assert today.exists()
    if os.name == "posix":
        assert stat.S_IMODE(today.stat().st_mode) == 0o600 and stat.S_IMODE(folder.stat().st_mode) == 0o700
    Store.open(data_dir).close()
    assert [p.name for p in folder.iterdir()] == [today.name]  # once a day
    for days in range(1, 11):  # ten older ones
        (folder / backup.daily_name(datetime.now(UTC) - timedelta(days=days))).write_bytes(b"old")
    code, out, _ = run(["backup", "--data-dir", str(data_dir), "--keep-daily", "3"], monkeypatch, capsys)
    assert code == 0 and "3" in out
    Store.open(data_dir).close()
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 3 and kept[-1] == today.name
    # the daily copy is the database, encrypted with the same key: it opens and holds the records
    copy = data_dir.parent / "copy"
    copy.mkdir()
    (copy / "inspector.db").write_bytes(today.read_bytes())
    (copy / "key.json").write_bytes((data_dir / "key.json").read_bytes())
    monkeypatch.setenv("INSPECTOR_DAILY_BACKUP", "0")
    assert names(copy) == ["甲某"]
    assert "甲某".encode() not in today.read_bytes()
    assert run(["backup", "--data-dir", str(data_dir), "--keep-daily", "0"], monkeypatch, capsys)[0] == 2
