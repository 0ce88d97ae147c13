"""Key recovery (issue #11, item 9): ``init`` shows a recovery code once; key.json keeps the database
key wrapped by it (nothing secret on disk); ``inspector recover`` puts the key back in the keyring."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.security.memory_keyring import MemoryKeyring
from inspector.store.models import Detainee
from inspector.store.store import Store
from tests.conftest import STATION, detainee_values

INIT = [
    "init", "--station-code", STATION["code"], "--station-name", STATION["name"],
    "--procuratorate", STATION["procuratorate"], "--detention-center", STATION["detention_center"],
    "--agency-code", STATION["agency_code"], "--user", "wang", "--password-stdin",
]  # fmt: skip
CODE = re.compile(r"recovery code: ([A-Z2-9]{4}(?:-[A-Z2-9]{4}){7})")


def run(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str = ""
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def every_byte(folder: Path) -> bytes:
    return b"".join(f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file())


def test_a_lost_keyring_entry_comes_back_from_the_recovery_code(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    d = tmp_path / "d"
    code, out, err = run([*INIT, "--data-dir", str(d)], monkeypatch, capsys, "secret-pass-1\n")
    assert code == 0, err
    found = CODE.search(out)
    assert found is not None, out
    recovery = found.group(1)
    [key_hex] = memory_keyring.entries.values()
    with Store.open(d) as st:
        st.repo(Detainee).add(detainee_values(name="未同步"))
    on_disk = every_byte(d)
    for secret in (recovery, recovery.replace("-", ""), key_hex):  # nothing secret on disk
        assert secret.encode() not in on_disk and secret.encode().lower() not in on_disk

    memory_keyring.entries.clear()  # the keyring entry is lost
    assert run(["check", "--data-dir", str(d)], monkeypatch, capsys)[0] == 2

    wrong = "A" * 4 + recovery[4:]
    code, _, err = run(["recover", "--data-dir", str(d), "--code-stdin"], monkeypatch, capsys, wrong + "\n")
    assert code == 2 and err.count("\n") == 1 and "recovery code is wrong" in err
    assert memory_keyring.entries == {}

    typed = recovery.lower().replace("-", " ")  # as a person might type it
    code, out, err = run(["recover", "--data-dir", str(d), "--code-stdin"], monkeypatch, capsys, typed + "\n")
    assert code == 0, err
    assert list(memory_keyring.entries.values()) == [key_hex]
    with Store.open(d) as st:
        assert [x.name for x in st.repo(Detainee).list()] == ["未同步"]


def test_a_new_recovery_code_replaces_the_old_one(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    d = tmp_path / "d"
    code, out, _ = run(
        [*INIT, "--data-dir", str(d), "--no-recovery-code"], monkeypatch, capsys, "secret-pass-1\n"
    )
    assert code == 0 and CODE.search(out) is None
    code, out, err = run(["recovery-code", "--data-dir", str(d)], monkeypatch, capsys)
    assert code == 0, err
    first = CODE.search(out)
    code, out, _ = run(["recovery-code", "--data-dir", str(d)], monkeypatch, capsys)
    second = CODE.search(out)
    assert first is not None and second is not None and first.group(1) != second.group(1)
    memory_keyring.entries.clear()
    stdin = first.group(1) + "\n"
    assert run(["recover", "--data-dir", str(d), "--code-stdin"], monkeypatch, capsys, stdin)[0] == 2
    stdin = second.group(1) + "\n"
    assert run(["recover", "--data-dir", str(d), "--code-stdin"], monkeypatch, capsys, stdin)[0] == 0
    assert run(["check", "--data-dir", str(d)], monkeypatch, capsys)[0] == 0


def test_a_passphrase_database_has_no_recovery_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", "x" * 12)
    d = tmp_path / "d"
    code, out, _ = run([*INIT, "--data-dir", str(d)], monkeypatch, capsys, "secret-pass-1\n")
    assert code == 0 and CODE.search(out) is None
    code, _, err = run(["recover", "--data-dir", str(d), "--code-stdin"], monkeypatch, capsys, "ABCD\n")
    assert code == 2 and "no recovery code" in err
