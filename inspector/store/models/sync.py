"""Local bookkeeping of office sync (docs/sync.md, "Push" and "Conflicts"): frozen batches and conflicts.

A batch is frozen — its ops, op ids and exact payload bytes written here — *before* it is sent, so a
retry after any failure resends the very same bytes under the same ``batch_id``. ``sync_batch_entry``
names the outbox entries a batch covers: only those are removed when the office acknowledges it, so
an edit made while the batch was in flight stays queued. Conflicts wait here until a person resolves
them; a row with an open conflict is neither pushed nor overwritten by a pull.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base
from inspector.store.types import CompressedJSONBytes, utc_now


class SyncBatch(Base):
    """A batch of ops frozen for sending; deleted in the transaction that applies the office's answer."""

    __tablename__ = "sync_batch"

    batch_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    schema_version: Mapped[int]
    op_count: Mapped[int]
    payload: Mapped[bytes] = mapped_column(CompressedJSONBytes)  # the exact bytes sent, every time


class SyncBatchEntry(Base):
    """One outbox entry covered by a frozen batch (an entry belongs to at most one batch)."""

    __tablename__ = "sync_batch_entry"

    outbox_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    batch_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sync_batch.batch_id", ondelete="CASCADE"), index=True
    )


class SyncConflict(Base):
    """A change the office did not accept as is, or a pulled change that met a pending local edit.

    ``mine`` is the local row (JSON-encoded like the export), ``theirs`` the office's row at
    ``theirs_version`` (NULL when the office has no such row); ``kind`` is ``conflict`` (versions
    differ) or ``rejected`` (the office refused the values: ``error`` says why).
    """

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    origin: Mapped[str] = mapped_column(String(8))  # push / pull
    kind: Mapped[str] = mapped_column(String(16))  # conflict / rejected
    base_version: Mapped[int | None]
    theirs_version: Mapped[int | None]
    mine: Mapped[dict[str, Any]] = mapped_column(JSON)
    theirs: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    op_id: Mapped[uuid.UUID | None]
    office_conflict_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(16))  # mine / theirs / merged


class SyncBlobTransfer(Base):
    """Attachment bytes waiting to go to the office (``up``) or to come from it (``down``).

    Queued in the transaction that learns of the need (an accepted attachment row, a pulled one whose
    bytes are not here), removed in the transaction that finishes the transfer.
    """

    __tablename__ = "sync_blob_transfer"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(4), primary_key=True)  # up / down
    queued_at: Mapped[datetime] = mapped_column(default=utc_now)


class SyncBlobPart(Base):
    """A downloaded chunk (≤ 1 MiB) of an attachment still arriving; kept across cuts, so a download
    resumes where it stopped."""

    __tablename__ = "sync_blob_part"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    chunk_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)
