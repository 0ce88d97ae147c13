"""An interrupted ``init`` or ``demo`` is recoverable (issue #11, item 3).

The database is built in a temporary folder and moved into place only when complete, so a kill at
any moment leaves no database or a whole one; ``check`` calls a database without a station a
problem; an empty (0-byte or table-less) database file is reported, never made into a new one.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.security.memory_keyring import MemoryKeyring
from inspector.station_setup import FirstUser, initialise
from inspector.store import engine as store_engine
from inspector.store import keys
from inspector.store.store import BUILDING, Store
from tests.conftest import STATION

INIT_REST = [
    "--station-code", STATION["code"], "--station-name", STATION["name"],
    "--procuratorate", STATION["procuratorate"], "--detention-center", STATION["detention_center"],
    "--agency-code", STATION["agency_code"], "--user", "wang", "--password-stdin",
]  # fmt: skip


def cli(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def leftovers(data_dir: Path) -> list[Path]:
    return sorted(data_dir.parent.glob(f".{data_dir.name}{BUILDING}*"))


def test_a_demo_that_fails_half_way_leaves_no_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    import inspector.demo

    real = inspector.demo.generate

    def half(store: Store, **kwargs: object) -> object:
        real(store, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # as if Ctrl+C came at the very end

    monkeypatch.setattr(inspector.demo, "generate", half)
    assert cli(["demo", "--data-dir", str(data_dir)], monkeypatch) == 130
    assert not data_dir.exists() and leftovers(data_dir) == []
    assert memory_keyring.entries == {}, "the half-made key stayed in the keyring"
    monkeypatch.setattr(inspector.demo, "generate", real)
    assert cli(["demo", "--data-dir", str(data_dir)], monkeypatch) == 0
    assert cli(["check", "--data-dir", str(data_dir)], monkeypatch) == 0


def test_leftovers_of_a_killed_build_are_cleared_by_the_next_init(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    # what a kill leaves: a half-made database in the building folder, and (killed between the two
    # moves into an existing folder) a key record without its database
    half = data_dir.parent / f".{data_dir.name}{BUILDING}x1"
    Store.create(half).close()
    data_dir.mkdir()
    (data_dir / "notes.txt").write_text("mine", encoding="utf-8")
    shutil.copy(half / "key.json", data_dir / "key.json")
    assert len(memory_keyring.entries) == 1
    assert cli(["init", "--data-dir", str(data_dir), *INIT_REST], monkeypatch, "secret-pass-1\n") == 0
    assert leftovers(data_dir) == []
    assert len(memory_keyring.entries) == 1, "the half-made key was not forgotten"
    assert (data_dir / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert cli(["check", "--data-dir", str(data_dir)], monkeypatch) == 0


def test_check_reports_a_database_without_a_station(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.create(data_dir).close()  # what an init killed after the schema, before the station, left
    assert cli(["check", "--data-dir", str(data_dir)], monkeypatch) == 1
    out = capsys.readouterr().out
    assert "PROBLEM station" in out and "no station set up" in out
    assert cli(["agenda", "--data-dir", str(data_dir)], monkeypatch) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "inspector check" in err


def test_an_empty_database_file_is_reported_and_kept(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    initialise(data_dir, STATION, FirstUser("wang", "王检察官", "secret-pass-1")).close()
    db = data_dir / "inspector.db"
    db.write_bytes(b"")
    for command in ("check", "agenda", "export"):
        extra = ["--out", str(data_dir.parent / "x.json")] if command == "export" else []
        assert cli([command, "--data-dir", str(data_dir), *extra], monkeypatch) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is empty (0 bytes)" in err, err
    assert db.stat().st_size == 0, "the empty file was made into a new database"
    assert sorted(p.name for p in data_dir.iterdir()) == ["inspector.db", "key.json"]


def test_a_database_without_tables_is_reported_not_filled(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    key = keys.create_key(data_dir / "key.json", None)
    conn = store_engine.connect_raw(data_dir / "inspector.db", key)  # a valid, encrypted, empty database
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert cli(["check", "--data-dir", str(data_dir)], monkeypatch) == 2
    assert "holds no tables" in capsys.readouterr().err
    conn = store_engine.connect_raw(data_dir / "inspector.db", key)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


KILLS = int(os.environ.get("INSPECTOR_SETUP_KILLS", "10"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killing_demo_at_random_moments_leaves_nothing_or_a_whole_database(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "INSPECTOR_PASSPHRASE": "x" * 12,
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    cmd = [sys.executable, "-m", "inspector.cli"]
    d = tmp_path / "demo"

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*cmd, *argv, "--data-dir", str(d)], capture_output=True, text=True, env=env)

    started = time.monotonic()
    assert run("demo").returncode == 0
    whole = time.monotonic() - started
    shutil.rmtree(d)
    rng = random.Random(11)
    states = {"none": 0, "whole": 0}
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [*cmd, "demo", "--data-dir", str(d)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(rng.uniform(0.2, whole))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if Store.exists(d):  # whole: every command takes it
            states["whole"] += 1
            checked = run("check")
            assert checked.returncode == 0, checked.stdout + checked.stderr
            assert run("agenda", "--json").returncode == 0
            shutil.rmtree(d)
        else:  # nothing: a new demo goes through (and clears what the kill left)
            states["none"] += 1
            assert not d.exists() or not (d / "inspector.db").exists()
    again = run("demo")
    assert again.returncode == 0, again.stderr
    assert run("check").returncode == 0
    assert leftovers(d) == []
    print(states)
