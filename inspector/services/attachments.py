"""Attachments of a record: a scan or photo chosen from disk, shown with the record, synced.

The ``attachment`` row (file name, media type, size, caption, the record it belongs to) is a synced
record like any other; the bytes are kept once per sha256 in the local ``blob`` table
(:mod:`inspector.store.attachments`) and follow the row to the office (:mod:`inspector.sync.blobs`).
A row pulled from the office may arrive before its bytes: :func:`read` then says so instead of
failing.

Every write is one transaction: the role check (:mod:`~inspector.services.policy`), the record the
attachment belongs to still there, the write, and an entry in the audit chain about that record —
``attach``, ``detach`` (a soft delete), ``reattach`` (its 撤销) and ``caption`` — with the
attachment's id, file name and sha256. Reading the bytes back (to open or save a copy) writes no
audit entry, as printing or saving a document's PDF writes none.
"""

from __future__ import annotations

import mimetypes
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.domain.catalogue import CATALOGUE, kind_label
from inspector.domain.errors import InspectorError
from inspector.domain.records import SPECS
from inspector.security import audit
from inspector.services.policy import Actor, Permission, require
from inspector.services.records import model_of
from inspector.store.attachments import MAX_ATTACHMENT_BYTES, put_blob
from inspector.store.models import AppUser, Attachment, Blob
from inspector.store.repository import prepare_row, today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = [
    "ATTACHABLE",
    "MAX_ATTACHMENT_BYTES",
    "AttachmentError",
    "AttachmentFile",
    "AttachmentInfo",
    "BytesNotHereError",
    "add",
    "add_file",
    "delete",
    "describe_size",
    "list_attachments",
    "read",
    "restore",
    "save_copy",
    "set_caption",
    "temp_copy",
]

# Every record kind with a form may carry attachments, except an attachment itself.
ATTACHABLE: frozenset[str] = frozenset(k for k in CATALOGUE if k != "attachment")
DEFAULT_MEDIA_TYPE = "application/octet-stream"
MAX_FILENAME = 200  # the column's length


class AttachmentError(InspectorError):
    """An attachment could not be added, read or changed; the message says why, in Chinese."""


class BytesNotHereError(AttachmentError):
    """The attachment's row is here but its bytes have not come from the office yet."""

    def __init__(self, attachment_id: uuid.UUID, filename: str, size: int) -> None:
        super().__init__(
            f"附件「{filename}」的内容（{describe_size(size)}）还没有从办公室同步到本机。"
            "请联网并同步后再打开。",
            f"attachment {attachment_id}: its bytes are not on this laptop yet",
        )


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment as a record's page or form lists it."""

    id: uuid.UUID
    record_table: str
    record_id: uuid.UUID
    filename: str
    media_type: str
    size: int
    caption: str | None
    created_at: datetime
    added_by: str  # the name of the user who added it ("" if unknown)
    sha256: str
    available: bool  # its bytes are on this laptop (a pulled row's bytes may still be on their way)

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class AttachmentFile:
    """An attachment's bytes with its name and type (to open or save a copy)."""

    filename: str
    media_type: str
    data: bytes


def describe_size(size: int) -> str:
    """A size as people read it: 812 字节, 34 KB, 2.5 MB."""
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# ---- reading ------------------------------------------------------------------------------------


def attachments_in(session: Session, kind: str, record_id: uuid.UUID) -> list[AttachmentInfo]:
    """The record's attachments (not deleted), oldest first, in the caller's session."""
    rows = session.execute(
        select(Attachment, AppUser.display_name, Blob.sha256.is_not(None).label("here"))
        .outerjoin(AppUser, AppUser.id == Attachment.created_by)
        .outerjoin(Blob, Blob.sha256 == Attachment.sha256)
        .where(
            Attachment.record_table == kind,
            Attachment.record_id == record_id,
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at, Attachment.id)
    ).all()
    return [_info(a, name, bool(here)) for a, name, here in rows]


def _info(a: Attachment, added_by: str | None, available: bool) -> AttachmentInfo:
    return AttachmentInfo(
        id=a.id,
        record_table=a.record_table,
        record_id=a.record_id,
        filename=a.filename,
        media_type=a.media_type,
        size=a.size,
        caption=a.caption,
        created_at=a.created_at,
        added_by=added_by or "",
        sha256=a.sha256,
        available=available,
    )


def list_attachments(store: Store, kind: str, record_id: uuid.UUID) -> list[AttachmentInfo]:
    """The attachments of record ``record_id`` of ``kind``, oldest first (a read-only snapshot)."""
    with store.session(read_only=True) as s:
        return attachments_in(s, kind, record_id)


def read(store: Store, attachment_id: uuid.UUID) -> AttachmentFile:
    """The attachment's bytes. :class:`BytesNotHereError` if they have not come from the office yet."""
    with store.session(read_only=True) as s:
        a = _attachment(s, attachment_id)
        blob = s.get(Blob, a.sha256)
        if blob is None:
            raise BytesNotHereError(a.id, a.filename, a.size)
        return AttachmentFile(a.filename, a.media_type, blob.data)


def save_copy(store: Store, attachment_id: uuid.UUID, path: Path) -> Path:
    """Write the attachment to ``path`` (through a temporary file, so a failure never leaves half a
    file there). Returns ``path``."""
    _write(path, read(store, attachment_id).data)
    return path


def temp_copy(store: Store, attachment_id: uuid.UUID, directory: Path) -> Path:
    """A copy of the attachment under ``directory`` (a folder of its own per attachment, named as the
    file was), for the system's viewer to open."""
    found = read(store, attachment_id)
    folder = directory / attachment_id.hex[:12]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AttachmentError(
            f"无法创建临时文件夹 {folder}：{_reason(exc)}", f"cannot create {folder}: {exc}"
        ) from exc
    return _write(folder / _safe_name(found.filename), found.data)


def _write(path: Path, data: bytes) -> Path:
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise AttachmentError(f"无法保存到 {path}：{_reason(exc)}", f"cannot save to {path}: {exc}") from exc
    return path


def _reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Chinese where the cause is a common one."""
    if isinstance(exc, FileNotFoundError):
        return "文件或文件夹不存在"
    if isinstance(exc, PermissionError):
        return "没有访问权限"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹"
    return exc.strerror or str(exc)


def _safe_name(name: str) -> str:
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in name).strip(" .")
    return cleaned or "attachment"


# ---- writing ------------------------------------------------------------------------------------


def add_file(
    store: Store,
    kind: str,
    record_id: uuid.UUID,
    path: Path,
    *,
    actor: Actor,
    caption: str | None = None,
) -> AttachmentInfo:
    """Attach the file at ``path`` to the record: its name, its type guessed from the name, its bytes.
    A file too large, empty or unreadable is refused with a message naming it, nothing written."""
    require(actor, Permission.EDIT)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise _too_large(name, size)
        if not path.is_file():
            raise AttachmentError(f"「{name}」不是文件，未添加。", f"{path} is not a file")
        data = path.read_bytes()
    except OSError as exc:
        raise AttachmentError(
            f"无法读取文件「{name}」：{_reason(exc)}。附件未添加。", f"cannot read {path}: {exc}"
        ) from exc
    return add(
        store,
        kind,
        record_id,
        filename=name,
        media_type=guess_media_type(name),
        data=data,
        caption=caption,
        actor=actor,
    )


def guess_media_type(filename: str) -> str:
    return mimetypes.guess_type(filename, strict=False)[0] or DEFAULT_MEDIA_TYPE


def add(
    store: Store,
    kind: str,
    record_id: uuid.UUID,
    *,
    filename: str,
    media_type: str,
    data: bytes,
    caption: str | None = None,
    actor: Actor,
) -> AttachmentInfo:
    """Attach ``data`` to record ``record_id`` of ``kind``, in one transaction: the bytes (kept once
    however many records share them), the attachment row, and an ``attach`` entry in the audit chain
    with the file's name and sha256."""
    require(actor, Permission.EDIT)
    if kind not in ATTACHABLE:
        raise AttachmentError(f"{kind_label(kind)}不能添加附件", f"{kind} cannot carry attachments")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise _too_large(filename, len(data))
    if not data:
        raise AttachmentError(f"文件「{filename}」是空的，未添加。", f"{filename} is empty")
    with store.session() as s:
        _live_record(s, kind, record_id)
        digest = put_blob(s, data)
        row = prepare_row(
            Attachment,
            {
                "record_table": kind,
                "record_id": record_id,
                "sha256": digest,
                "filename": _fit_name(filename),
                "media_type": (media_type or DEFAULT_MEDIA_TYPE)[:100],
                "size": len(data),
                "caption": _clean_caption(caption),
            },
            actor.write_actor,
            today_local(),
            utc_now(),
        )
        attachment = Attachment(**row)
        s.add(attachment)
        s.flush()
        _audit(s, "attach", actor, attachment)
        return _info(attachment, actor.display_name, True)


def delete(store: Store, attachment_id: uuid.UUID, actor: Actor) -> AttachmentInfo:
    """Soft delete (a tombstone that syncs); :func:`restore` undoes it (the 撤销 offered after)."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        a = _attachment(s, attachment_id)
        a.deleted_at = utc_now()
        _stamp(a, actor)
        s.flush()
        _audit(s, "detach", actor, a)
        return _info_of(s, a)


def restore(store: Store, attachment_id: uuid.UUID, actor: Actor) -> AttachmentInfo:
    """Undo :func:`delete`, if the record it belongs to is still there."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        a = s.get(Attachment, attachment_id)
        if a is None or a.deleted_at is None:
            raise AttachmentError("找不到要恢复的附件", f"no deleted attachment {attachment_id}")
        _live_record(s, a.record_table, a.record_id)
        a.deleted_at = None
        _stamp(a, actor)
        s.flush()
        _audit(s, "reattach", actor, a)
        return _info_of(s, a)


def set_caption(store: Store, attachment_id: uuid.UUID, caption: str | None, actor: Actor) -> AttachmentInfo:
    """Change the attachment's 说明 (checked against the record spec's limit); nothing is written when
    it is unchanged."""
    require(actor, Permission.EDIT)
    text = _clean_caption(caption)
    with store.session() as s:
        a = _attachment(s, attachment_id)
        if a.caption != text:
            merged = {c.key: getattr(a, c.key) for c in Attachment.__table__.columns}
            merged["caption"] = text
            SPECS["attachment"].validate(merged, today=today_local())
            a.caption = text
            _stamp(a, actor)
            s.flush()
            _audit(s, "caption", actor, a)
        return _info_of(s, a)


# ---- helpers ------------------------------------------------------------------------------------


def _too_large(name: str, size: int) -> AttachmentError:
    limit = describe_size(MAX_ATTACHMENT_BYTES)
    return AttachmentError(
        f"文件「{name}」有 {describe_size(size)}，超过附件上限 {limit}，未添加。"
        "请压缩或分成几个文件后再添加。",
        f"{name} is {size} bytes, more than {MAX_ATTACHMENT_BYTES}",
    )


def _fit_name(filename: str) -> str:
    """The file's name, shortened in its stem if longer than the column (the extension is kept)."""
    name = filename.strip() or "附件"
    if len(name) <= MAX_FILENAME:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 16:
        return name[: MAX_FILENAME - 1] + "…"
    return stem[: MAX_FILENAME - len(ext) - 2] + "…." + ext


def _clean_caption(caption: str | None) -> str | None:
    text = (caption or "").strip()
    return text or None


def _attachment(s: Session, attachment_id: uuid.UUID) -> Attachment:
    a = s.get(Attachment, attachment_id)
    if a is None or a.deleted_at is not None:
        raise AttachmentError("找不到这个附件（可能已被删除）", f"no attachment {attachment_id}")
    return a


def _live_record(s: Session, kind: str, record_id: uuid.UUID) -> None:
    if kind not in ATTACHABLE:
        raise AttachmentError(f"{kind_label(kind)}不能添加附件", f"{kind} cannot carry attachments")
    record: Any = s.get(model_of(kind), record_id)
    if record is None or record.deleted_at is not None:
        raise AttachmentError(
            f"找不到附件所属的记录（{kind_label(kind)}，可能已被删除），附件未保存。",
            f"no such record: {kind} {record_id}",
        )


def _stamp(a: Attachment, actor: Actor) -> None:
    a.updated_by = actor.user_id
    a.device_id = actor.device_id


def _info_of(s: Session, a: Attachment) -> AttachmentInfo:
    name = s.scalar(select(AppUser.display_name).where(AppUser.id == a.created_by)) if a.created_by else None
    return _info(a, name, s.get(Blob, a.sha256) is not None)


def _audit(s: Session, action: str, actor: Actor, a: Attachment) -> None:
    """An entry about the record the attachment belongs to, naming the attachment."""
    audit.record(
        s,
        action,
        user_id=actor.user_id,
        device_id=actor.device_id,
        table_name=a.record_table,
        row_id=a.record_id,
        detail={"attachment_id": a.id.hex, "filename": a.filename, "sha256": a.sha256},
    )
