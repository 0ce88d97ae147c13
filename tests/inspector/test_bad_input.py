"""The bad-input corpus: every command line here is a mistake a person (or a script) can make, and each
one must end in exactly one line on stderr and exit code 2 — never "unexpected error", never a
traceback, never exit 1 (which `inspector check` keeps for "a problem was found").

Add to it whenever a new way in is found. Each case names what it feeds in; the data folder is a real
station made by ``inspector init`` (``D`` in the argv is replaced by its path, ``T`` by a scratch
folder holding the files a case needs).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.station_setup import FirstUser, initialise
from inspector.store.location import KEY_INFO_NAME
from tests.conftest import STATION

MB = 1024 * 1024
ZW = "\u200b"  # zero-width space
RLO = "\u202e"  # right-to-left override
SQLISH = "x'); DROP TABLE station; --"


@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]
    stdin: str = ""
    prepare: Callable[[Path, Path], None] | None = None  # (data dir, scratch dir) before the run
    says: str = ""  # a word the one line must contain (what is wrong, or where)


def _write(name: str, data: bytes) -> Callable[[Path, Path], None]:
    def prepare(_d: Path, t: Path) -> None:
        (t / name).write_bytes(data)

    return prepare


def _key_json(text: str) -> Callable[[Path, Path], None]:
    def prepare(d: Path, _t: Path) -> None:
        (d / KEY_INFO_NAME).write_text(text, encoding="utf-8")

    return prepare


def _key_json_bytes(data: bytes) -> Callable[[Path, Path], None]:
    def prepare(d: Path, _t: Path) -> None:
        (d / KEY_INFO_NAME).write_bytes(data)

    return prepare


def _truncate_db(size: int) -> Callable[[Path, Path], None]:
    def prepare(d: Path, _t: Path) -> None:
        db = d / "inspector.db"
        data = db.read_bytes()[:size]
        for leftover in ("inspector.db-wal", "inspector.db-shm"):
            (d / leftover).unlink(missing_ok=True)
        db.write_bytes(data)

    return prepare


INIT_REST = (
    "--station-code", "QXG", "--station-name", "名", "--procuratorate", "院", "--detention-center", "所",
    "--agency-code", "七", "--user", "wang", "--password-stdin",
)  # fmt: skip
URL_NOWHERE = "host=127.0.0.1 port=1 dbname=none connect_timeout=1"
GBK_HOLIDAYS = "date,type,name,note\n2027-10-01,rest,国庆节日,\n".encode("gbk")

CASES = [
    # -- dates and ranges out of what the calendar can hold
    Case("agenda-date-year-1", ("agenda", "--data-dir", "D", "--date", "0001-01-01"), says="--date"),
    Case("agenda-date-year-9999", ("agenda", "--data-dir", "D", "--date", "9999-12-31"), says="--date"),
    Case("agenda-date-garbled", ("agenda", "--data-dir", "D", "--date", "2026-02-30"), says="--date"),
    Case("agenda-date-rtl", ("agenda", "--data-dir", "D", "--date", f"2026-01-01{RLO}"), says="--date"),
    Case("agenda-days-huge", ("agenda", "--data-dir", "D", "--days", "100000000"), says="--days"),
    Case("agenda-days-negative", ("agenda", "--data-dir", "D", "--days", "-5"), says="--days"),
    Case("agenda-days-not-a-number", ("agenda", "--data-dir", "D", "--days", "ten"), says="--days"),
    Case("pdf-month-9999", ("pdf", "monthly-report", "9999-12", "--data-dir", "D", "--out", "T/x.pdf")),
    Case("pdf-month-0000", ("pdf", "monthly-report", "0000-01", "--data-dir", "D", "--out", "T/x.pdf")),
    Case("pdf-month-13", ("pdf", "monthly-report", "2026-13", "--data-dir", "D", "--out", "T/x.pdf")),
    Case("pdf-day-9999", ("pdf", "daily-log", "9999-12-31", "--data-dir", "D", "--out", "T/x.pdf")),
    Case("pdf-register-year-1", ("pdf", "register", "0001-01-01", "--data-dir", "D", "--out", "T/x.pdf")),
    Case("pdf-notice-sql", ("pdf", "notice", SQLISH, "--data-dir", "D", "--out", "T/x.pdf")),
    Case("pdf-notice-1mb", ("pdf", "notice", "九" * MB, "--data-dir", "D", "--out", "T/x.pdf")),
    Case("pdf-unknown-kind", ("pdf", "invoice", "1", "--data-dir", "D", "--out", "T/x.pdf")),
    # -- where things go
    Case("pdf-out-directory", ("pdf", "daily-log", "2026-01-01", "--data-dir", "D", "--out", "T")),
    Case(
        "pdf-out-under-a-file",
        ("pdf", "daily-log", "2026-01-01", "--data-dir", "D", "--out", "T/afile/x.pdf"),
        prepare=_write("afile", b"x"),
    ),
    Case("export-out-directory", ("export", "--data-dir", "D", "--out", "T"), says="T"),
    Case("export-out-missing-folder", ("export", "--data-dir", "D", "--out", "T/no/such/x.json")),
    Case(
        "export-out-under-a-file",
        ("export", "--data-dir", "D", "--out", "T/afile/x.json"),
        prepare=_write("afile", b"x"),
    ),
    Case("export-format-xml", ("export", "--data-dir", "D", "--format", "xml", "--out", "T/x.xml")),
    # -- the data folder
    Case("check-data-dir-is-a-file", ("check", "--data-dir", "T/afile"), prepare=_write("afile", b"x")),
    Case(
        "demo-data-dir-is-a-file", ("demo", "--data-dir", "T/afile"), prepare=_write("afile", b"x"), says="T"
    ),
    Case(
        "demo-data-dir-under-a-file",
        ("demo", "--data-dir", "T/afile/sub"),
        prepare=_write("afile", b"x"),
        says="T",
    ),
    Case("demo-data-dir-impossible", ("demo", "--data-dir", "/proc/inspector-cannot-be-here"), says="/proc"),
    Case("demo-data-dir-device", ("demo", "--data-dir", "/dev/null"), says="/dev/null"),
    Case(
        "init-data-dir-is-a-file",
        ("init", "--data-dir", "T/afile", *INIT_REST),
        stdin="secret-pass-1\n",
        prepare=_write("afile", b"x"),
        says="T",
    ),
    Case("demo-existing-database", ("demo", "--data-dir", "D"), says="D"),
    # -- garbled key record
    Case("key-json-garbled", ("check", "--data-dir", "D"), prepare=_key_json("{garbled"), says="key.json"),
    Case("key-json-empty", ("check", "--data-dir", "D"), prepare=_key_json(""), says="key.json"),
    Case("key-json-list", ("check", "--data-dir", "D"), prepare=_key_json("[]"), says="key.json"),
    Case(
        "key-json-no-source",
        ("check", "--data-dir", "D"),
        prepare=_key_json('{"db_id": "1"}'),
        says="key.json",
    ),
    Case(
        "key-json-unknown-source",
        ("check", "--data-dir", "D"),
        prepare=_key_json('{"db_id": "1", "source": "floppy"}'),
        says="key.json",
    ),
    Case(
        "key-json-bad-salt",
        ("check", "--data-dir", "D"),
        prepare=_key_json('{"db_id": "1", "source": "passphrase", "salt_hex": "zz"}'),
        says="key.json",
    ),
    Case(
        "key-json-bad-cost",
        ("check", "--data-dir", "D"),
        prepare=_key_json('{"db_id": "1", "source": "passphrase", "salt_hex": "00", "n": 3}'),
        says="key.json",
    ),
    Case(
        "key-json-huge-cost",
        ("check", "--data-dir", "D"),
        prepare=_key_json('{"db_id": "1", "source": "passphrase", "salt_hex": "00", "n": 1073741824}'),
        says="key.json",
    ),
    Case(
        "key-json-extra-field",
        ("check", "--data-dir", "D"),
        prepare=_key_json('{"db_id": "1", "source": "keyring", "extra": 1}'),
        says="key.json",
    ),
    Case(
        "key-json-not-utf8",
        ("check", "--data-dir", "D"),
        prepare=_key_json_bytes(b"\xff\xfe{"),
        says="key.json",
    ),
    Case("db-truncated", ("check", "--data-dir", "D"), prepare=_truncate_db(5000)),
    # -- office URLs and files
    Case(
        "enroll-url-bad-ipv6",
        (
            "enroll",
            "--data-dir",
            "T/new",
            "--office-url",
            "postgresql://[::1",
            "--device",
            "d",
            "--secret-stdin",
        ),
        stdin="s\n",
        says="URL",
    ),
    Case(
        "enroll-url-garbage",
        ("enroll", "--data-dir", "T/new", "--office-url", "garbage==", "--device", "d", "--secret-stdin"),
        stdin="s\n",
        says="URL",
    ),
    Case("office-init-url-garbage", ("office", "init", "--url", "garbage=="), says="URL"),
    Case("office-devices-url-unterminated", ("office", "devices", "--url", "host='x"), says="URL"),
    Case(
        "holidays-gbk-bad-row",
        ("office", "holidays", "import", "T/h.csv", "--url", URL_NOWHERE),
        prepare=_write("h.csv", GBK_HOLIDAYS),
        says="国庆节日",
    ),
    Case(
        "holidays-oversized",
        ("office", "holidays", "import", "T/h.csv", "--url", URL_NOWHERE),
        prepare=_write("h.csv", b"date,type\n" + b"a" * (3 * MB)),
        says="h.csv",
    ),
    Case(
        "holidays-one-huge-field",
        ("office", "holidays", "import", "T/h.csv", "--url", URL_NOWHERE),
        prepare=_write("h.csv", b"date,type,name,note\n2027-01-01,rest,," + b"n" * 200_000 + b"\n"),
    ),
    Case(
        "holidays-empty",
        ("office", "holidays", "import", "T/h.csv", "--url", URL_NOWHERE),
        prepare=_write("h.csv", b""),
    ),
    Case(
        "holidays-binary",
        ("office", "holidays", "import", "T/h.csv", "--url", URL_NOWHERE),
        prepare=_write("h.csv", bytes(range(256)) * 8),
    ),
    Case(
        "holidays-missing-file",
        ("office", "holidays", "import", "T/none.csv", "--url", URL_NOWHERE),
        says="none.csv",
    ),
    Case(
        "holidays-directory",
        ("office", "holidays", "import", "T", "--url", URL_NOWHERE),
    ),
    # -- the command line itself
    Case("unknown-command", ("frobnicate",)),
    Case("pdf-without-out", ("pdf", "daily-log", "2026-01-01", "--data-dir", "D")),
    Case("settings-unknown-key", ("settings", "--data-dir", "D", "list", "no.such.key"), says="no.such.key"),
    Case("settings-unknown-key-sql", ("settings", "--data-dir", "D", "set", SQLISH, "1")),
    Case("settings-too-many-words", ("settings", "--data-dir", "D", "set", "a", "b", "c")),
    Case(
        "settings-value-1mb",
        ("settings", "--data-dir", "D", "set", "security.lockout_minutes", "9" * MB),
        says="security.lockout_minutes",
    ),
    Case(
        "init-name-1mb",
        ("init", "--data-dir", "T/new", *INIT_REST, "--station-name", "名" * MB),  # the last one counts
        stdin="secret-pass-1\n",
        says="name",
    ),
    Case("init-password-empty", ("init", "--data-dir", "T/new", *INIT_REST), stdin="\n", says="password"),
]


@pytest.fixture
def station_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    initialise(d, STATION, FirstUser("wang", "王检察官", "secret-pass-1")).close()
    return d


def _argv(case: Case, d: Path, t: Path) -> list[str]:
    def fill(word: str) -> str:
        if word == "D":
            return str(d)
        if word == "T" or word.startswith("T/"):
            return str(t) + word[1:]
        return word

    return [fill(w) for w in case.argv]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_one_line_and_exit_2(
    case: Case,
    station_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    log_dir = tmp_path / "log"
    monkeypatch.setattr("platformdirs.user_log_dir", lambda *a, **k: str(log_dir))
    if case.prepare is not None:
        case.prepare(station_dir, scratch)
    monkeypatch.setattr(sys, "stdin", io.StringIO(case.stdin))
    try:
        code = main(_argv(case, station_dir, scratch))
    except SystemExit as exc:  # argparse's own exit
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("inspector: "), err
    assert "Traceback" not in err and "意外错误" not in err and "unexpected error" not in err, err
    assert not log_dir.exists(), "an unexpected fault was logged"
    if case.says:
        shown = case.says.replace("T", str(scratch)) if case.says == "T" else case.says
        shown = str(station_dir) if shown == "D" else shown
        assert shown in err, err


def test_sql_looking_text_is_kept_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQL in a name is a name: stored verbatim, the database still sound."""
    d = tmp_path / "d"
    argv = [
        "init", "--data-dir", str(d), "--station-code", "QXG", "--station-name", SQLISH,
        "--procuratorate", "院", "--detention-center", "所", "--agency-code", "七", "--user", "wang",
        "--password-stdin",
    ]  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-pass-1\n"))
    assert main(argv) == 0
    out = tmp_path / "x.json"
    assert main(["export", "--data-dir", str(d), "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["tables"]["station"][0]["name"] == SQLISH
    capsys.readouterr()
    assert main(["check", "--data-dir", str(d)]) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["agenda", "--date", "0001-01-01"],
        ["pdf", "monthly-report", "9999-12", "--out", "OUT"],
        ["export", "--out", "DIR"],
    ],
    ids=["agenda-year-1", "pdf-month-9999", "export-to-directory"],
)
def test_a_real_process_prints_one_line(argv: list[str], tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "INSPECTOR_PASSPHRASE": "x" * 12,
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    cmd = [sys.executable, "-m", "inspector.cli"]
    d = str(tmp_path / "d")
    init = [
        "init", "--data-dir", d, "--station-code", "QXG", "--station-name", "名", "--procuratorate", "院",
        "--detention-center", "所", "--agency-code", "七", "--user", "wang", "--password-stdin",
    ]  # fmt: skip
    done = subprocess.run([*cmd, *init], input="secret-pass-1\n", capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    words = [str(tmp_path / "o.pdf") if w == "OUT" else str(tmp_path) if w == "DIR" else w for w in argv]
    bad = subprocess.run(
        [*cmd, *words, "--data-dir", d], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert bad.returncode == 2, bad.stderr
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr, bad.stderr
