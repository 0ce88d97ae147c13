"""``init``: station, device, first user and a local 文号 block per document type, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.domain.errors import ValidationError
from inspector.security.passwords import verify_password
from inspector.station_setup import FirstUser, initialise
from inspector.store.models import AppUser, LocalCredential, NumberBlock, Station
from inspector.store.repository import today_local
from inspector.store.store import Store
from tests.conftest import STATION


def test_init_writes_station_user_credential_and_local_blocks(store: Store) -> None:
    station = store.repo(Station).require(store.station_id)
    assert station.code == "QXG" and station.station_id == station.id
    [user] = store.repo(AppUser).list()
    assert user.role == "procurator"
    with store.session() as s:
        credential = s.get(LocalCredential, user.id)
        assert credential is not None and verify_password("secret-pass-1", credential.password_hash)
        assert "secret-pass-1" not in credential.password_hash
        blocks = s.scalars(select(NumberBlock).order_by(NumberBlock.doc_type)).all()
    year = today_local().year
    assert [(b.doc_type, b.year, b.first_seq, b.last_seq, b.next_seq, b.source) for b in blocks] == [
        ("procuratorial_suggestion", year, 1, 100, 1, "local"),
        ("rectification_notice", year, 1, 100, 1, "local"),
    ]


def test_bad_first_user_leaves_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="role"):
        initialise(tmp_path / "d", STATION, FirstUser("wang", "王检察官", "secret-pass-1", role="boss"))
    assert not Store.exists(tmp_path / "d")
    assert not list((tmp_path / "d").glob("*")) if (tmp_path / "d").exists() else True
