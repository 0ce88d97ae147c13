"""Attachment bytes: sent and fetched in chunks of at most 1 MiB, resuming after a cut.

Attachment *rows* travel with the records (push/pull); their bytes follow. An accepted attachment row
queues its sha256 for upload, in the transaction that applies the push answer; a pulled one whose
bytes are not on this laptop queues a download, in the transaction that applies the page. Each queue
entry is removed only when its transfer is complete, so a cut anywhere is resumed by the next sync:
the office says which chunks it still lacks (``sync.blob_begin``); downloaded chunks are kept in
``sync_blob_part`` until the whole attachment is there and matches its sha256.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from inspector.store.models import Blob
from inspector.store.models.sync import SyncBlobPart, SyncBlobTransfer
from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync.connection import Channel

CHUNK = 1 << 20  # 1 MiB
UP, DOWN = "up", "down"


def enqueue(session: Session, shas: Iterable[str], direction: str) -> None:
    now = utc_now().isoformat(timespec="microseconds")
    session.connection().exec_driver_sql(
        "INSERT OR IGNORE INTO sync_blob_transfer (sha256, direction, queued_at) VALUES (?, ?, ?)",
        [(sha, direction, now) for sha in set(shas)],
    )


def missing_locally(session: Session, shas: Iterable[str]) -> list[str]:
    wanted = sorted(set(shas))
    have = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(wanted))))
    return [sha for sha in wanted if sha not in have]


def _queued(store: Store, direction: str) -> list[str]:
    with store.session(read_only=True) as s:
        return list(
            s.scalars(
                select(SyncBlobTransfer.sha256)
                .where(SyncBlobTransfer.direction == direction)
                .order_by(SyncBlobTransfer.queued_at)
            )
        )


def _done(store: Store, sha: str, direction: str) -> None:
    with store.session() as s:
        s.execute(
            delete(SyncBlobTransfer).where(
                SyncBlobTransfer.sha256 == sha, SyncBlobTransfer.direction == direction
            )
        )


def upload_pending(store: Store, channel: Channel, on_chunk: Callable[[int], None] | None = None) -> int:
    """Send every queued attachment the office lacks, chunk by chunk. Returns bytes sent."""
    sent = 0
    for sha in _queued(store, UP):
        with store.session() as s:
            blob = s.get(Blob, sha)
            data = blob.data if blob is not None else None
        if data is None:  # bytes never were on this laptop: nothing to send
            _done(store, sha, UP)
            continue
        missing: list[int] = channel.query("SELECT sync.blob_begin(%s, %s)", (sha, len(data)))[0][0]
        for no in missing:
            part = data[no * CHUNK : (no + 1) * CHUNK]
            channel.query("SELECT sync.blob_put(%s, %s, %s)", (sha, no, part))
            sent += len(part)
            if on_chunk is not None:
                on_chunk(len(part))
        _done(store, sha, UP)
    return sent


def download_pending(store: Store, channel: Channel, on_chunk: Callable[[int], None] | None = None) -> int:
    """Fetch queued attachments the office holds completely. Returns bytes received.

    An attachment the office does not have whole yet (its laptop has not finished sending it) stays
    queued for a later sync.
    """
    received = 0
    for sha in _queued(store, DOWN):
        with store.session() as s:
            if s.get(Blob, sha) is not None:
                s.execute(delete(SyncBlobPart).where(SyncBlobPart.sha256 == sha))
                s.execute(
                    delete(SyncBlobTransfer).where(
                        SyncBlobTransfer.sha256 == sha, SyncBlobTransfer.direction == DOWN
                    )
                )
                continue
            have = set(s.scalars(select(SyncBlobPart.chunk_no).where(SyncBlobPart.sha256 == sha)))
        info = channel.query("SELECT size, chunk_count, complete FROM sync.blob WHERE sha256 = %s", (sha,))
        if not info or not info[0][2]:
            continue
        size, count = int(info[0][0]), int(info[0][1])
        for no in range(count):
            if no in have:
                continue
            rows = channel.query(
                "SELECT data FROM sync.blob_chunk WHERE sha256 = %s AND chunk_no = %s", (sha, no)
            )
            part = bytes(rows[0][0])
            with store.session() as s:  # each chunk kept as it arrives: a cut resumes from here
                s.add(SyncBlobPart(sha256=sha, chunk_no=no, data=part))
            received += len(part)
            if on_chunk is not None:
                on_chunk(len(part))
        with store.session() as s:
            parts = s.scalars(
                select(SyncBlobPart).where(SyncBlobPart.sha256 == sha).order_by(SyncBlobPart.chunk_no)
            )
            data = b"".join(p.data for p in parts)
            s.execute(delete(SyncBlobPart).where(SyncBlobPart.sha256 == sha))
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
                continue  # corrupt or incomplete: the parts are dropped and fetched again next time
            s.add(Blob(sha256=sha, size=size, data=data))
            s.execute(
                delete(SyncBlobTransfer).where(
                    SyncBlobTransfer.sha256 == sha, SyncBlobTransfer.direction == DOWN
                )
            )
    return received


def pending_count(store: Store) -> int:
    with store.session(read_only=True) as s:
        return int(s.scalar(text("SELECT count(*) FROM sync_blob_transfer")) or 0)
