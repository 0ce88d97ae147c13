"""What the program writes: only regular files, owner-only (issue #11, item 4).

An output named on the command line that is a folder, a device or a pipe is refused in one line and
left as it was; the data folder, the database and its key record, backups, exports, printed
documents and the log are readable by their owner only, whatever the umask.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.store import migrate
from inspector.store.store import Store
from tests.conftest import STATION

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")

INIT = [
    "init", "--station-code", STATION["code"], "--station-name", STATION["name"],
    "--procuratorate", STATION["procuratorate"], "--detention-center", STATION["detention_center"],
    "--agency-code", STATION["agency_code"], "--user", "wang", "--password-stdin",
]  # fmt: skip


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual umask: without care every file would be 0644
    yield
    os.umask(old)


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "parent" / "data"
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-pass-1\n"))
    assert main([*INIT, "--data-dir", str(d)]) == 0
    return d


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    return code, capsys.readouterr().err


def test_export_refuses_a_pipe_and_a_device(
    station: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, err = run(["export", "--data-dir", str(station), "--out", str(fifo)], capsys)
    assert code == 2 and err.count("\n") == 1 and "not a regular file" in err, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    if os.geteuid() == 0:  # a device node of our own, like /dev/full (never the real one)
        full = tmp_path / "full"
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        code, err = run(["export", "--data-dir", str(station), "--out", str(full)], capsys)
        assert code == 2 and "not a regular file" in err, err
        assert stat.S_ISCHR(full.lstat().st_mode)
        code, err = run(
            ["pdf", "daily-log", "2026-01-05", "--data-dir", str(station), "--out", str(full)], capsys
        )
        assert code == 2 and "not a regular file" in err, err
        assert stat.S_ISCHR(full.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["parent", "pipe", *(["full"] if os.geteuid() == 0 else [])]
    ), "a partial file was left behind"


def test_export_to_a_folder_says_so(
    station: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, err = run(["export", "--data-dir", str(station), "--out", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1 and f"{out} is a folder" in err, err
    code, err = run(["export", "--data-dir", str(station), "--out", str(out / "no" / "x.json")], capsys)
    assert code == 2 and "does not exist" in err, err
    assert list(out.iterdir()) == []


def test_a_symlink_to_a_file_writes_the_file(
    station: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, err = run(["export", "--data-dir", str(station), "--out", str(link)], capsys)
    assert code == 0, err
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("{")


def test_everything_written_is_owner_only(
    station: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert mode(station) == 0o700
    for name in ("inspector.db", "key.json"):
        assert mode(station / name) == 0o600, name
    export = tmp_path / "x.json"
    assert run(["export", "--data-dir", str(station), "--out", str(export)], capsys)[0] == 0
    assert mode(export) == 0o600
    pdf = tmp_path / "log.pdf"
    code, err = run(["pdf", "daily-log", "2026-01-05", "--data-dir", str(station), "--out", str(pdf)], capsys)
    assert code == 0, err
    assert mode(pdf) == 0o600
    with Store.open(station) as st:
        wal = station / "inspector.db-wal"
        assert wal.exists() and mode(wal) == 0o600
        backup = migrate.backup_file(st.engine, station / "inspector.db", station / "backups", "test")
    assert mode(station / "backups") == 0o700 and mode(backup) == 0o600

    log_dir = tmp_path / "logs"
    monkeypatch.setattr("platformdirs.user_log_dir", lambda *a, **k: str(log_dir))

    def broken(_args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr("inspector.cli.check.cmd_check", broken)
    code, err = run(["check", "--data-dir", str(station)], capsys)
    assert code == 70 and str(log_dir) in err
    assert mode(log_dir) == 0o700 and mode(log_dir / "inspector.log") == 0o600


def test_an_older_data_folder_is_made_owner_only_when_opened(station: Path) -> None:
    for path, loose in ((station, 0o755), (station / "inspector.db", 0o644), (station / "key.json", 0o644)):
        path.chmod(loose)
    Store.open(station).close()
    assert mode(station) == 0o700
    assert mode(station / "inspector.db") == 0o600 and mode(station / "key.json") == 0o600
