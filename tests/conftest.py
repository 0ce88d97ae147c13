"""Shared fixtures: an in-memory keyring (tests never touch the real one) and a fresh station store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest

from inspector.security.memory_keyring import MemoryKeyring
from inspector.station_setup import FirstUser, initialise
from inspector.store.store import Store

STATION = {
    "code": "QXG",
    "name": "七星关区看守所检察室",
    "procuratorate": "毕节市七星关区人民检察院",
    "higher_procuratorate": "毕节市人民检察院",
    "detention_center": "毕节市七星关区看守所",
    "agency_code": "七",
}


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("INSPECTOR_PASSPHRASE", raising=False)
    monkeypatch.setenv("INSPECTOR_DAILY_BACKUP", "0")  # no daily copy per store opened (tests enable it)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    st = initialise(data_dir, STATION, FirstUser("wang", "王检察官", "secret-pass-1"))
    yield st
    st.close()


def aware(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def detainee_values(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "张三",
        "gender": "male",
        "admitted_at": aware(2026, 3, 1, 8, 30),
        "legal_status": "suspect",
        "stage": "detention",
        "cell": "103",
        "block": "一监区",
    }
    values.update(overrides)
    return values


def new_id() -> uuid.UUID:
    return uuid.uuid4()
