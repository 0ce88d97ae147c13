"""`inspector office …`, `inspector enroll` and `inspector sync` through their argparse handlers."""

from __future__ import annotations

import argparse
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from inspector.cli.sync import register as register_sync_commands
from inspector.domain.errors import InspectorError
from inspector.station_setup import FirstUser, initialise
from inspector.store.models import Detainee
from inspector.store.store import Store
from inspector.sync import errors, schema
from inspector.sync.connection import KEYRING_SERVICE, OfficeTarget
from tests.conftest import MemoryKeyring, detainee_values
from tests.sync.conftest import Office, settle, station_values

pytestmark = pytest.mark.pg


def parser() -> argparse.ArgumentParser:
    """What `inspector.cli.main.build_parser` does with these commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", dest="command_data_dir")
    p = argparse.ArgumentParser(prog="inspector")
    p.add_argument("--data-dir")
    p.set_defaults(command_data_dir=None)
    register_sync_commands(p.add_subparsers(), common)
    return p


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        args = parser().parse_args(list(argv))
        try:
            code = int(args.func(args))
        except InspectorError as exc:  # as inspector.cli.main.main does
            print(f"inspector: {exc}", file=__import__("sys").stderr)
            code = 2
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_office_administration_from_the_command_line(
    office: Office, cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    url = office.admin_url
    code, out, _ = cli("office", "init", "--url", url)
    assert code == 0 and "unchanged" in out
    assert cli("office", "add-station", "QXG", "七星关区看守所检察室", "--url", url)[0] == 0
    code, _, err = cli("office", "add-station", "QXG", "again", "--url", url)
    assert code == 2 and "already exists" in err and len(err.strip().splitlines()) == 1
    code, out, _ = cli("office", "add-device", "QXG", "王的笔记本", "--url", url)
    assert code == 0
    role = re.search(r"device login: (\S+)", out)
    assert role is not None and re.search(r"enrollment secret: (\S+)", out)
    code, out, _ = cli(
        "office", "lease", "grant", "--station", "QXG", "--device", "王的笔记本",
        "--doc-type", "rectification_notice", "--year", "2026", "--count", "20", "--url", url,
    )  # fmt: skip
    assert code == 0 and "1-20" in out
    code, out, _ = cli("office", "lease", "list", "--station", "QXG", "--url", url)
    assert "rectification_notice\t2026\t1-20" in out
    assert cli("office", "lease", "grant", "--station", "QXG", "--url", url)[0] == 2  # needs device/type/year
    code, _, _ = cli(
        "office",
        "export",
        "--station",
        "QXG",
        "--format",
        "json",
        "--out",
        str(tmp_path / "o.json"),
        "--url",
        url,
    )
    assert code == 0
    doc = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert doc["format"] == "inspector-export" and doc["tables"]["detainee"] == []


def test_enroll_then_sync_exit_codes(
    office: Office,
    cli: Callable[..., tuple[int, str, str]],
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = office.admin_url
    data = tmp_path / "laptop"
    store = initialise(data, station_values("QXG"), FirstUser("wang", "王检察官", "secret-pass-1"))
    store.repo(Detainee).add(detainee_values())
    store.close()
    # not enrolled yet
    code, _, err = cli("sync", "--data-dir", str(data))
    assert code == errors.EXIT_NOT_ENROLLED and "enroll" in err
    cli("office", "add-station", "QXG", "x", "--url", url)
    out = cli("office", "add-device", "QXG", "l1", "--url", url)[1]
    role = re.search(r"device login: (\S+)", out).group(1)  # type: ignore[union-attr]
    secret = re.search(r"enrollment secret: (\S+)", out).group(1)  # type: ignore[union-attr]
    code, out, err = cli(
        "enroll", "--office-url", office.device_url() + " sslmode=prefer", "--device", role,
        "--secret-stdin", "--data-dir", str(data), stdin=secret + "\n",
    )  # fmt: skip
    assert code == 0, err
    # the password is in the keyring only — not the secret, and nowhere in the data folder
    [(service, user)] = [
        k for k in memory_keyring.entries if k[0] == KEYRING_SERVICE and "office-device" in k[1]
    ]
    password = memory_keyring.entries[(service, user)]
    assert password != secret
    for f in data.rglob("*"):
        if f.is_file():
            raw = f.read_bytes()
            assert password.encode() not in raw and secret.encode() not in raw
    with Store.open(data) as st:
        office_meta = st.meta("sync.office")
    assert office_meta["options"] == {"sslmode": "prefer"} and "password" not in json.dumps(office_meta)
    # ok
    code, out, err = cli("sync", "--data-dir", str(data))
    assert code == errors.EXIT_OK, err
    assert office.scalar("SELECT count(*) FROM records.detainee") == 1
    # conflicts pending → 5
    with Store.open(data) as st:
        rid = st.repo(Detainee).list()[0].id
        st.repo(Detainee).update(rid, {"cell": "mine"})
    with office.admin() as conn:
        conn.execute("UPDATE records.detainee SET cell = 'theirs'")
    code, _, err = cli("sync", "--data-dir", str(data), "--quiet")
    assert code == errors.EXIT_CONFLICTS and "conflict" in err
    # upgrade required → 6
    with office.admin() as conn:
        conn.execute("UPDATE sync.meta SET value = '999' WHERE key = 'schema_version'")
    code, _, err = cli("sync", "--data-dir", str(data))
    assert code == errors.EXIT_UPGRADE and len(err.strip().splitlines()) == 1
    with office.admin() as conn:
        conn.execute(
            "UPDATE sync.meta SET value = %s WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION),)
        )
    # login refused → 4 (revoked device; and, separately, no password in the keyring)
    from inspector.sync import office as office_admin

    office_admin.revoke_device(url, role)
    assert cli("sync", "--data-dir", str(data))[0] == errors.EXIT_AUTH
    memory_keyring.entries.pop((service, user))
    assert cli("sync", "--data-dir", str(data))[0] == errors.EXIT_AUTH
    # unreachable → 3
    unreachable = {**office_meta, "url": "host=127.0.0.1 port=1 dbname=x"}
    with Store.open(data) as st:
        st.set_meta("sync.office", unreachable)
    memory_keyring.entries[(service, OfficeTarget.from_description(unreachable).keyring_user)] = password
    monkeypatch.setattr("inspector.sync.connection.CONNECT_TIMEOUT", 2)
    code, _, err = cli("sync", "--data-dir", str(data))
    assert code == errors.EXIT_UNREACHABLE, err


def test_a_second_laptop_enrolls_into_an_empty_folder(
    office: Office, cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    url = office.admin_url
    first = tmp_path / "first"
    store = initialise(first, station_values("QXG"), FirstUser("wang", "王检察官", "secret-pass-1"))
    store.repo(Detainee).add(detainee_values(name="李四"))
    store.close()
    cli("office", "add-station", "QXG", "x", "--url", url)
    devices = []
    for name in ("l1", "l2"):
        out = cli("office", "add-device", "QXG", name, "--url", url)[1]
        devices.append(
            (
                re.search(r"device login: (\S+)", out).group(1),
                re.search(r"enrollment secret: (\S+)", out).group(1),
            )  # type: ignore[union-attr]
        )
    second = tmp_path / "second"
    # before the first laptop synced there is nothing to download: refused, nothing left behind
    code, _, err = cli(
        "enroll", "--office-url", office.device_url(), "--device", devices[1][0], "--secret-stdin",
        "--data-dir", str(second), stdin=devices[1][1] + "\n",
    )  # fmt: skip
    assert code == 2 and not Store.exists(second)
    cli("enroll", "--office-url", office.device_url(), "--device", devices[0][0], "--secret-stdin",
        "--data-dir", str(first), stdin=devices[0][1] + "\n")  # fmt: skip
    assert cli("sync", "--data-dir", str(first))[0] == 0
    code, out, err = cli(
        "enroll", "--office-url", office.device_url(), "--device", devices[1][0], "--secret-stdin",
        "--user", "wang", "--data-dir", str(second), stdin=devices[1][1] + "\nlocal-pass-22\n",
    )  # fmt: skip
    assert code == 0, err
    with Store.open(second) as st:
        assert [d.name for d in st.repo(Detainee).list()] == ["李四"]
    # the same secret cannot enroll a third laptop
    code, _, err = cli(
        "enroll", "--office-url", office.device_url(), "--device", devices[1][0], "--secret-stdin",
        "--data-dir", str(tmp_path / "third"), stdin=devices[1][1] + "\n",
    )  # fmt: skip
    assert code == 2 and "already enrolled" in err


def test_the_administrator_lists_and_revokes_devices(
    office: Office, cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    """A lost laptop: the administrator sees its devices and when each last pushed, and revokes one;
    that laptop's next sync is refused (exit 4), and what it uploaded stays at the office."""
    url = office.admin_url
    data = tmp_path / "lost"
    store = initialise(data, station_values("QXG"), FirstUser("wang", "王检察官", "secret-pass-1"))
    store.repo(Detainee).add(detainee_values(name="李四"))
    store.close()
    assert cli("office", "add-station", "QXG", "x", "--url", url)[0] == 0
    code, out, _ = cli("office", "add-device", "QXG", "王的笔记本", "--url", url)
    secret = re.search(r"enrollment secret: (\S+)", out)
    role = re.search(r"device login: (\S+)", out)
    assert secret and role
    assert cli("office", "add-device", "QXG", "备用机", "--url", url)[0] == 0
    code, out, _ = cli("office", "devices", "--url", url)
    assert code == 0 and "待注册 / waiting" in out and "—" in out
    enroll = ("enroll", "--data-dir", str(data), "--office-url", office.device_url(), "--device")
    assert cli(*enroll, role.group(1), "--secret-stdin", stdin=secret.group(1) + "\n")[0] == 0
    settle(office)
    assert cli("sync", "--data-dir", str(data), "--quiet")[0] == 0
    code, out, _ = cli("office", "devices", "--station", "QXG", "--url", url)
    mine = next(line for line in out.splitlines() if "王的笔记本" in line)
    assert "已注册 / enrolled" in mine and "last push 20" in mine and "1 batches" in mine

    code, out, _ = cli("office", "revoke-device", "QXG", "王的笔记本", "--url", url)
    assert code == 0 and role.group(1) in out
    code, out, _ = cli("office", "devices", "--url", url)
    assert "已停用 / revoked" in next(line for line in out.splitlines() if "王的笔记本" in line)
    code, _, err = cli("sync", "--data-dir", str(data), "--quiet")
    assert code == errors.EXIT_AUTH and len(err.strip().splitlines()) == 1
    assert office.scalar("SELECT count(*) FROM records.detainee") == 1  # its upload stays
    code, _, err = cli("office", "revoke-device", "QXG", "没有这台", "--url", url)
    assert code == 2 and len(err.strip().splitlines()) == 1
