"""Attachment bytes travel in chunks of at most 1 MiB and resume after a cut, both ways."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from inspector.store.attachments import add_attachment, read_attachment
from inspector.store.models import Attachment, Detainee
from inspector.sync import blobs
from inspector.sync import office as office_admin
from inspector.sync.errors import OfficeUnreachableError
from tests.conftest import detainee_values
from tests.sync.conftest import CuttingChannel, Laptop, Office, cutting

pytestmark = pytest.mark.pg

BIG = int(2.5 * 1024 * 1024)  # three chunks


def attach(laptop: Laptop, data: bytes, name: str = "scan.png") -> Attachment:
    record = laptop.store.repo(Detainee).add(detainee_values())
    return add_attachment(
        laptop.store,
        record_table="detainee",
        record_id=record.id,
        filename=name,
        media_type="image/png",
        data=data,
    )


def test_attachments_reach_the_office_and_other_laptops(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    b = laptops("QXG", second=True)
    big, small = os.urandom(BIG), b"tiny"
    attach(a, big)
    attach(a, small, "sig.png")
    a.sync()
    assert blobs.pending_count(a.store) == 0
    sha = hashlib.sha256(big).hexdigest()
    assert (
        office.scalar("SELECT (complete, chunk_count)::text FROM sync.blob WHERE sha256 = %s", (sha,))
        == "(t,3)"
    )
    assert office.scalar("SELECT max(length(data)) FROM sync.blob_chunk") <= blobs.CHUNK
    b.sync()
    assert blobs.pending_count(b.store) == 0
    got = {x.filename: read_attachment(b.store, x) for x in b.store.repo(Attachment).list()}
    assert got == {"scan.png": big, "sig.png": small}


@pytest.mark.parametrize("lose_reply", [False, True], ids=["cut-before-send", "lost-reply"])
def test_an_upload_cut_mid_way_resumes_without_resending(
    office: Office, laptops: Callable[..., Laptop], lose_reply: bool
) -> None:
    a = laptops()
    a.sync()
    data = os.urandom(BIG)
    attach(a, data)
    # statements: hello, push, blob_begin, blob_put #0, blob_put #1 ← cut, …
    with pytest.raises(OfficeUnreachableError):
        a.sync(channel_factory=cutting(5, lose_reply))
    sha = hashlib.sha256(data).hexdigest()
    stored = office.scalar("SELECT count(*) FROM sync.blob_chunk WHERE sha256 = %s", (sha,))
    assert stored == (2 if lose_reply else 1)
    assert blobs.pending_count(a.store) == 1
    channels: list[CuttingChannel] = []
    a.sync(channel_factory=cutting(0, False, channels))
    assert sum("blob_put" in q for q in channels[0].statements) == 3 - stored
    assert office.scalar("SELECT complete FROM sync.blob WHERE sha256 = %s", (sha,)) is True
    assert blobs.pending_count(a.store) == 0


def test_a_download_cut_mid_way_resumes_from_the_chunks_it_has(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    b = laptops("QXG", second=True)
    data = os.urandom(BIG)
    attach(a, data)
    a.sync()
    # b: hello, pull page (2 rows), size query, chunk #0, chunk #1 ← cut
    with pytest.raises(OfficeUnreachableError):
        b.sync(channel_factory=cutting(5, False))
    assert blobs.pending_count(b.store) == 1
    with b.store.session() as s:
        assert s.connection().exec_driver_sql("SELECT count(*) FROM sync_blob_part").scalar() == 1
    channels: list[CuttingChannel] = []
    b.sync(channel_factory=cutting(0, False, channels))
    assert sum("FROM sync.blob_chunk" in q for q in channels[0].statements) == 2
    [att] = b.store.repo(Attachment).list()
    assert read_attachment(b.store, att) == data
    with b.store.session() as s:
        assert s.connection().exec_driver_sql("SELECT count(*) FROM sync_blob_part").scalar() == 0


def test_bytes_not_yet_at_the_office_are_fetched_later(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    b = laptops("QXG", second=True)
    data = os.urandom(BIG)
    attach(a, data)
    with pytest.raises(OfficeUnreachableError):  # rows pushed, upload cut after the first chunk
        a.sync(channel_factory=cutting(5, False))
    b.sync()
    assert blobs.pending_count(b.store) == 1  # the row is here, the bytes are not complete yet
    a.sync()
    b.sync()
    assert blobs.pending_count(b.store) == 0
    [att] = b.store.repo(Attachment).list()
    assert read_attachment(b.store, att) == data


def test_office_export_carries_the_bytes(
    office: Office, laptops: Callable[..., Laptop], tmp_path: Path
) -> None:
    a = laptops()
    attach(a, b"\x89PNG data")
    a.sync()
    counts = office_admin.export_station(office.admin_url, "QXG", tmp_path / "o.json")
    doc = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert counts["blob"] == 1 and doc["blobs"][0]["size"] == 9
    assert len(doc["tables"]["attachment"]) == 1 and doc["tables"]["detainee"][0]["name"] == "张三"


def test_a_station_cannot_read_another_stations_attachments(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a, z = laptops("AAA"), laptops("ZZZ")
    attach(a, b"secret scan")
    a.sync()
    with office.as_device(z.role) as conn:
        assert conn.execute("SELECT count(*) FROM sync.blob").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM sync.blob_chunk").fetchone() == (0,)
