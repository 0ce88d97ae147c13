"""The ``inspector`` command: init, export, check, --version, and one-line errors without tracebacks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

import inspector
from inspector.cli import main
from inspector.store.models import Detainee, SyncCapture
from inspector.store.store import Store
from tests.conftest import STATION, detainee_values

INIT = [
    "init",
    "--station-code", STATION["code"],
    "--station-name", STATION["name"],
    "--procuratorate", STATION["procuratorate"],
    "--detention-center", STATION["detention_center"],
    "--agency-code", STATION["agency_code"],
    "--user", "wang",
    "--display-name", "王检察官",
    "--password-stdin",
]  # fmt: skip


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"inspector {inspector.__version__}"


def test_init_then_check_and_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "d")
    assert run([*INIT, "--data-dir", d], monkeypatch, "secret-pass-1\n") == 0
    assert "已初始化" in capsys.readouterr().out
    with Store.open(Path(d)) as st:
        st.repo(Detainee).add(detainee_values())
    assert run(["check", "--data-dir", d], monkeypatch) == 0
    assert "数据库完好" in capsys.readouterr().out
    out = tmp_path / "x.json"
    assert run(["--data-dir", d, "export", "--format", "json", "--out", str(out)], monkeypatch) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "inspector-export"
    assert [r["name"] for r in doc["tables"]["detainee"]] == ["张三"]
    assert doc["tables"]["station"][0]["code"] == "QXG"
    assert "local_credential" not in doc["tables"]
    assert "secret-pass-1" not in out.read_text(encoding="utf-8")


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "env"))
    assert run(INIT, monkeypatch, "secret-pass-1\n") == 0
    assert Store.exists(tmp_path / "env")


def test_init_refuses_bad_input_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "d"
    bad = [*INIT, "--data-dir", str(d)]
    bad[bad.index("--station-name") + 1] = "   "
    assert run(bad, monkeypatch, "secret-pass-1\n") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "检察室名称为必填项" in err and "name is required" in err
    assert not d.exists() or not any(d.iterdir())
    assert run([*INIT, "--data-dir", str(d)], monkeypatch, "short\n") == 2
    assert "password" in capsys.readouterr().err
    assert not Store.exists(d)


def test_init_refuses_an_existing_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = str(tmp_path / "d")
    assert run([*INIT, "--data-dir", d], monkeypatch, "secret-pass-1\n") == 0
    assert run([*INIT, "--data-dir", d], monkeypatch, "secret-pass-1\n") == 2


def test_check_reports_problems_with_non_zero_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "d"
    assert run([*INIT, "--data-dir", str(d)], monkeypatch, "secret-pass-1\n") == 0
    with Store.open(d) as st:
        st.repo(Detainee).add(detainee_values())
        with st.session() as s:  # a change made behind the outbox's back: never queued for sync
            s.execute(update(SyncCapture).values(enabled=False))
            s.add(Detainee(station_id=st.station_id, **detainee_values(name="漏网")))
            s.flush()
            s.execute(update(SyncCapture).values(enabled=True))
        with st.engine.begin() as c:
            c.exec_driver_sql("UPDATE audit_log SET action = 'tampered'")
    capsys.readouterr()
    assert run(["check", "--data-dir", str(d)], monkeypatch) == 1
    out = capsys.readouterr().out
    assert "PROBLEM outbox" in out and "never-synced rows are not queued" in out
    assert "PROBLEM audit chain" in out


def test_missing_database_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--data-dir", str(tmp_path / "none")], monkeypatch) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "inspector init" in err


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "INSPECTOR_PASSPHRASE": "x" * 12,
    }
    cmd = [sys.executable, "-m", "inspector.cli"]
    init = subprocess.run(
        [*cmd, *INIT, "--data-dir", str(tmp_path / "d")],
        input="secret-pass-1\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    wrong = subprocess.run(
        [*cmd, "check", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env={**env, "INSPECTOR_PASSPHRASE": "y" * 12},
        check=False,
    )
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr and wrong.stderr.count("\n") <= 1
    assert "wrong key or passphrase" in wrong.stderr
    nokey = subprocess.run(
        [*cmd, "check", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env={k: v for k, v in env.items() if k != "INSPECTOR_PASSPHRASE"},
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert nokey.returncode == 2 and "INSPECTOR_PASSPHRASE" in nokey.stderr
