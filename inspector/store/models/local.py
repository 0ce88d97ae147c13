"""Tables that stay on this laptop: outbox, capture switch, blobs, audit log, credentials, metadata."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base
from inspector.store.types import utc_now


class SyncOutbox(Base):
    """One row per captured change, written by triggers in the same transaction as the edit.

    ``base_version`` is the server version the edit was made on (the old row's ``server_version``),
    which the office compares against to detect a conflict.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 (SQLAlchemy reads it)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert / update / delete (soft)
    base_version: Mapped[int | None]
    changed_at: Mapped[datetime]


class SyncCapture(Base):
    """A single-row switch read by the outbox triggers; the sync worker turns it off inside its own
    write transaction while it applies pulled rows, so they are not echoed back."""

    __tablename__ = "sync_capture"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enabled: Mapped[bool] = mapped_column(default=True)


class LocalMeta(Base):
    """Facts about this database file: station, device, creation time, db identity."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class LocalCredential(Base):
    """A user's password hash for signing in on this laptop. Never synced, never exported."""

    __tablename__ = "local_credential"

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)


class Blob(Base):
    """Attachment bytes, content-addressed: the key is the sha256 of ``data``."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class AuditLog(Base):
    """Who did what, when. Each entry carries the hash of the previous one (a tamper-evident chain)."""

    __tablename__ = "audit_log"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 (SQLAlchemy reads it)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    user_id: Mapped[uuid.UUID | None]
    device_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(32))
    table_name: Mapped[str | None] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID | None]
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class FormDraft(Base):
    """What a form held when it was closed or the app stopped: offered back the next time.

    Local only and without sync columns, so half-typed records never leave the laptop. One draft per
    (user, kind, record); ``record_key`` is the record id, or ``new`` for a record not yet saved.
    """

    __tablename__ = "form_draft"

    user_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    values: Mapped[Any] = mapped_column(JSON)
    saved_at: Mapped[datetime] = mapped_column(default=utc_now)
