"""Attachments: metadata rows that sync, bytes stored once per sha256 in the local ``blob`` table."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy.orm import Session

from inspector.domain.errors import FieldError, ValidationError
from inspector.store.models import Attachment, Blob
from inspector.store.repository import Actor
from inspector.store.store import Store

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def add_attachment(
    store: Store,
    *,
    record_table: str,
    record_id: uuid.UUID,
    filename: str,
    media_type: str,
    data: bytes,
    caption: str | None = None,
    actor: Actor | None = None,
) -> Attachment:
    """Store the bytes (once, however many records share them) and the attachment row."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            "attachment",
            [
                FieldError(
                    "data", "附件不能超过50MB", f"an attachment must be at most {MAX_ATTACHMENT_BYTES} bytes"
                )
            ],
        )
    with store.session() as s:
        digest = put_blob(s, data)
    return store.repo(Attachment).add(
        {
            "record_table": record_table,
            "record_id": record_id,
            "sha256": digest,
            "filename": filename,
            "media_type": media_type,
            "size": len(data),
            "caption": caption,
        },
        actor=actor,
    )


def put_blob(session: Session, data: bytes) -> str:
    """Keep ``data`` in ``blob`` (once per sha256) in the caller's transaction; returns its sha256."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(data), data=data))
    return digest


def read_attachment(store: Store, attachment: Attachment) -> bytes:
    with store.session(read_only=True) as s:
        blob = s.get(Blob, attachment.sha256)
        if blob is None:
            raise LookupError(
                f"attachment {attachment.id}: its bytes ({attachment.sha256}) are not on this laptop"
            )
        return blob.data
