"""At rest the database is ciphertext: plain sqlite3 cannot read it and no name shows in its bytes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from inspector.station_setup import FirstUser, initialise
from inspector.store import keys
from inspector.store.engine import DatabaseKeyError
from inspector.store.models import Detainee
from inspector.store.store import Store
from tests.conftest import STATION, MemoryKeyring, detainee_values

NAMES = ["欧阳锦涛", "司马堃", "诸葛镕"]


def _raw_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.glob("inspector.db*")))


def _fill(store: Store) -> None:
    store.repo(Detainee).add_many([detainee_values(name=n, charges="盗窃罪") for n in NAMES * 50])


def test_plain_sqlite_cannot_open_the_file(store: Store, data_dir: Path) -> None:
    _fill(store)
    store.close()
    plain = sqlite3.connect(data_dir / "inspector.db")
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT name FROM sqlite_master").fetchall()
    plain.close()


@pytest.mark.parametrize("checkpointed", [False, True])
def test_no_name_in_raw_bytes_of_database_or_wal(store: Store, data_dir: Path, checkpointed: bool) -> None:
    _fill(store)
    if checkpointed:
        store.close()
    raw = _raw_bytes(data_dir)
    assert len(raw) > 10_000
    for name in [*NAMES, "盗窃罪", STATION["name"], "王检察官"]:
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert name.encode(encoding) not in raw, f"{name} visible in the file as {encoding}"
    assert b"SQLite format 3" not in raw[:16]


def test_key_lives_in_keyring_never_in_a_file(
    store: Store, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    info = keys.KeyInfo.load(data_dir / "key.json")
    assert info.source == "keyring" and info.salt_hex is None
    secret = memory_keyring.get_password(keys.SERVICE, info.keyring_user)
    assert secret is not None and len(bytes.fromhex(secret)) == 32
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes()


def test_wrong_key_is_a_clear_error(store: Store, data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    store.close()
    info = keys.KeyInfo.load(data_dir / "key.json")
    memory_keyring.set_password(keys.SERVICE, info.keyring_user, "00" * 32)
    with pytest.raises(DatabaseKeyError) as exc:
        Store.open(data_dir)
    assert "密钥或口令不正确" in exc.value.message_zh and "wrong key" in exc.value.message_en


def test_missing_keyring_entry_is_a_clear_error(
    store: Store, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store.close()
    memory_keyring.entries.clear()
    with pytest.raises(keys.KeyUnavailableError, match="keyring holds no key"):
        Store.open(data_dir)


@pytest.fixture
def no_keyring() -> None:
    keyring.set_keyring(fail.Keyring())


@pytest.mark.usefixtures("no_keyring")
def test_passphrase_fallback_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "long enough passphrase")
    st = initialise(tmp_path / "d", STATION, FirstUser("wang", "王检察官", "secret-pass-1"))
    st.repo(Detainee).add(detainee_values(name=NAMES[0]))
    st.close()
    info = keys.KeyInfo.load(tmp_path / "d" / "key.json")
    assert info.source == "passphrase" and info.salt_hex
    assert "long enough passphrase" not in (tmp_path / "d" / "key.json").read_text()
    with Store.open(tmp_path / "d") as again:
        assert again.repo(Detainee).count() == 1
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "a different passphrase")
    with pytest.raises(DatabaseKeyError):
        Store.open(tmp_path / "d")


@pytest.mark.usefixtures("no_keyring")
def test_passphrase_from_prompt_and_refusals(tmp_path: Path) -> None:
    asked: list[tuple[str, bool]] = []

    def prompt(text: str, confirm: bool) -> str | None:
        asked.append((text, confirm))
        return "typed passphrase"

    st = Store.create(tmp_path / "d", prompt)
    st.close()
    assert asked and asked[0][1] is True
    with Store.open(tmp_path / "d", prompt):
        pass
    assert asked[-1][1] is False
    with pytest.raises(keys.KeyUnavailableError, match="INSPECTOR_PASSPHRASE"):
        Store.open(tmp_path / "d", None)
    with pytest.raises(keys.KeyUnavailableError, match="at least 8"):
        Store.create(tmp_path / "e", lambda text, confirm: "short")
    assert not (tmp_path / "e" / "inspector.db").exists()
    assert not (tmp_path / "e" / "key.json").exists()
