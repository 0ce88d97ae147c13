"""Attachments through the services: added from a file, listed, read back, captioned, deleted and
restored, each in the audit chain; refusals say what is wrong, in Chinese."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from inspector.domain.errors import ValidationError
from inspector.security.audit import verify_chain
from inspector.services import attachments, records
from inspector.services.attachments import AttachmentError, BytesNotHereError
from inspector.services.document_views import attach_scan, load_document
from inspector.services.policy import Actor, PermissionDeniedError, actor_for
from inspector.store.models import AppUser, Attachment, AuditLog, Blob, SyncOutbox
from inspector.store.store import Store

JPEG = b"\xff\xd8\xff\xe0 a photo of cell 103"


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


@pytest.fixture
def patrol(store: Store, me: Actor) -> uuid.UUID:
    state = records.load_for_edit(store, "patrol", actor=me)
    values = {**state.values, "areas": ["一监区"], "methods": ["on_site"]}
    return records.save(store, "patrol", None, values, None, me).record_id


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "监室照片.jpg"
    path.write_bytes(JPEG)
    return path


def _audit(store: Store, *actions: str) -> list[AuditLog]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action.in_(actions)).order_by(AuditLog.seq)))


def test_a_file_is_added_listed_and_audited(store: Store, me: Actor, patrol: uuid.UUID, photo: Path) -> None:
    added = attachments.add_file(store, "patrol", patrol, photo, actor=me, caption=" 103监室 ")
    assert added.filename == "监室照片.jpg" and added.media_type == "image/jpeg" and added.is_image
    assert added.size == len(JPEG) and added.caption == "103监室" and added.available
    [listed] = attachments.list_attachments(store, "patrol", patrol)
    assert listed.id == added.id and listed.added_by == "王检察官" and listed.record_table == "patrol"
    assert listed.sha256 == hashlib.sha256(JPEG).hexdigest()
    assert attachments.read(store, added.id).data == JPEG
    [entry] = _audit(store, "attach")
    assert (entry.table_name, entry.row_id, entry.user_id) == ("patrol", patrol, me.user_id)
    assert entry.detail == {
        "attachment_id": added.id.hex,
        "filename": "监室照片.jpg",
        "sha256": listed.sha256,
    }
    with store.session(read_only=True) as s:
        outbox = s.scalars(select(SyncOutbox).where(SyncOutbox.table_name == "attachment")).all()
    assert [(o.op, o.row_id) for o in outbox] == [("insert", added.id)]  # the row goes to the office
    with store.session(read_only=True) as s:
        assert verify_chain(s) == []


def test_the_same_bytes_are_kept_once(store: Store, me: Actor, patrol: uuid.UUID, photo: Path) -> None:
    attachments.add_file(store, "patrol", patrol, photo, actor=me)
    attachments.add_file(store, "patrol", patrol, photo, actor=me)
    assert len(attachments.list_attachments(store, "patrol", patrol)) == 2
    with store.session(read_only=True) as s:
        assert len(s.scalars(select(Blob)).all()) == 1


def test_too_large_empty_and_unreadable_files_are_refused_by_name(
    store: Store, me: Actor, patrol: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 2 * 1024 * 1024)
    big = tmp_path / "全景.png"
    big.write_bytes(b"\x89PNG" + b"0" * (3 * 1024 * 1024))
    with pytest.raises(AttachmentError) as too_large:
        attachments.add_file(store, "patrol", patrol, big, actor=me)
    assert too_large.value.message_zh.startswith("文件「全景.png」有 3.0 MB，超过附件上限 2.0 MB，未添加。")
    empty = tmp_path / "空白.pdf"
    empty.write_bytes(b"")
    with pytest.raises(AttachmentError, match=r"文件「空白\.pdf」是空的"):
        attachments.add_file(store, "patrol", patrol, empty, actor=me)
    with pytest.raises(AttachmentError) as missing:
        attachments.add_file(store, "patrol", patrol, tmp_path / "不存在.jpg", actor=me)
    assert missing.value.message_zh == "无法读取文件「不存在.jpg」：文件或文件夹不存在。附件未添加。"
    with pytest.raises(AttachmentError, match=r"「.*」不是文件"):
        attachments.add_file(store, "patrol", patrol, tmp_path, actor=me)
    assert attachments.list_attachments(store, "patrol", patrol) == []
    assert _audit(store, "attach") == []


def test_the_record_must_exist_and_the_role_may_edit(
    store: Store, me: Actor, patrol: uuid.UUID, photo: Path
) -> None:
    with pytest.raises(AttachmentError) as gone:
        attachments.add_file(store, "patrol", uuid.uuid4(), photo, actor=me)
    assert gone.value.message_zh == "找不到附件所属的记录（巡视检察，可能已被删除），附件未保存。"
    records.delete(store, "patrol", patrol, me)
    with pytest.raises(AttachmentError, match="找不到附件所属的记录"):
        attachments.add_file(store, "patrol", patrol, photo, actor=me)
    with pytest.raises(AttachmentError, match="不能添加附件"):
        attachments.add(
            store, "attachment", patrol, filename="x.jpg", media_type="image/jpeg", data=JPEG, actor=me
        )
    user = store.repo(AppUser).add({"username": "admin2", "display_name": "管理员", "role": "admin"})
    admin = actor_for(store, user.id)
    records.restore(store, "patrol", patrol, me)
    with pytest.raises(PermissionDeniedError) as refused:
        attachments.add_file(store, "patrol", patrol, photo, actor=admin)
    assert refused.value.message_zh == "管理员不能录入或修改记录"
    added = attachments.add_file(store, "patrol", patrol, photo, actor=me)
    for change in (
        lambda: attachments.delete(store, added.id, admin),
        lambda: attachments.set_caption(store, added.id, "说明", admin),
    ):
        with pytest.raises(PermissionDeniedError):
            change()
    assistant = actor_for(
        store, store.repo(AppUser).add({"username": "li", "display_name": "李助理", "role": "assistant"}).id
    )
    assert attachments.add_file(store, "patrol", patrol, photo, actor=assistant).added_by == "李助理"


def test_delete_and_restore_are_audited(store: Store, me: Actor, patrol: uuid.UUID, photo: Path) -> None:
    added = attachments.add_file(store, "patrol", patrol, photo, actor=me)
    attachments.delete(store, added.id, me)
    assert attachments.list_attachments(store, "patrol", patrol) == []
    with pytest.raises(AttachmentError, match="找不到这个附件"):
        attachments.read(store, added.id)
    with pytest.raises(AttachmentError, match="找不到这个附件"):
        attachments.delete(store, added.id, me)
    restored = attachments.restore(store, added.id, me)
    assert restored.filename == "监室照片.jpg" and restored.added_by == "王检察官" and restored.available
    assert [a.id for a in attachments.list_attachments(store, "patrol", patrol)] == [added.id]
    with pytest.raises(AttachmentError, match="找不到要恢复的附件"):
        attachments.restore(store, added.id, me)
    entries = _audit(store, "attach", "detach", "reattach")
    assert [e.action for e in entries] == ["attach", "detach", "reattach"]
    assert all(e.row_id == patrol and e.detail["attachment_id"] == added.id.hex for e in entries)
    with store.session(read_only=True) as s:
        ops = s.scalars(
            select(SyncOutbox.op).where(SyncOutbox.row_id == added.id).order_by(SyncOutbox.seq)
        ).all()
    assert ops == ["insert", "delete", "update"]  # the tombstone and its undoing sync too
    with store.session(read_only=True) as s:
        assert verify_chain(s) == []


def test_caption_is_changed_checked_and_audited(
    store: Store, me: Actor, patrol: uuid.UUID, photo: Path
) -> None:
    added = attachments.add_file(store, "patrol", patrol, photo, actor=me)
    changed = attachments.set_caption(store, added.id, "103监室电视机损坏", me)
    assert changed.caption == "103监室电视机损坏"
    attachments.set_caption(store, added.id, "103监室电视机损坏", me)  # unchanged: nothing written
    assert len(_audit(store, "caption")) == 1
    with pytest.raises(ValidationError, match="说明"):
        attachments.set_caption(store, added.id, "长" * 201, me)
    assert attachments.set_caption(store, added.id, "  ", me).caption is None
    assert [a.caption for a in attachments.list_attachments(store, "patrol", patrol)] == [None]


def test_bytes_not_pulled_yet_are_said_not_crashed(
    store: Store, me: Actor, patrol: uuid.UUID, photo: Path, tmp_path: Path
) -> None:
    added = attachments.add_file(store, "patrol", patrol, photo, actor=me)
    with store.session() as s:  # as a row pulled from the office arrives before its bytes
        s.execute(delete(Blob))
    [listed] = attachments.list_attachments(store, "patrol", patrol)
    assert not listed.available
    with pytest.raises(BytesNotHereError) as not_here:
        attachments.read(store, added.id)
    assert not_here.value.message_zh == (
        f"附件「监室照片.jpg」的内容（{len(JPEG)} 字节）还没有从办公室同步到本机。请联网并同步后再打开。"
    )
    with pytest.raises(BytesNotHereError):
        attachments.save_copy(store, added.id, tmp_path / "copy.jpg")
    assert not (tmp_path / "copy.jpg").exists()


def test_copies_to_save_and_to_open(
    store: Store, me: Actor, patrol: uuid.UUID, photo: Path, tmp_path: Path
) -> None:
    added = attachments.add_file(store, "patrol", patrol, photo, actor=me)
    target = tmp_path / "out" / "saved.jpg"
    with pytest.raises(AttachmentError, match="无法保存到"):
        attachments.save_copy(store, added.id, target)  # its folder does not exist
    target.parent.mkdir()
    assert attachments.save_copy(store, added.id, target).read_bytes() == JPEG
    assert list(target.parent.iterdir()) == [target]  # no .part left behind
    opened = attachments.temp_copy(store, added.id, tmp_path / "tmp")
    assert opened.name == "监室照片.jpg" and opened.read_bytes() == JPEG
    assert _audit(store, "export", "print") == []  # reading back writes nothing, as printing does not


def test_a_scan_attached_to_a_correction_goes_through_the_same_service(store: Store, me: Actor) -> None:
    state = records.load_for_edit(store, "rectification_notice", actor=me)
    values = {**state.values, "trigger": "serious_violation", "facts": "值班人员脱岗"}
    notice = records.save(store, "rectification_notice", None, values, None, me).record_id
    scan_id = attach_scan(
        store,
        "rectification_notice",
        notice,
        filename="回复函.pdf",
        media_type="application/pdf",
        data=b"%PDF-1.4",
        caption="回复扫描件",
        actor=me,
    )
    [shown] = load_document(store, "rectification_notice", notice).attachments
    assert shown.id == scan_id and shown.caption == "回复扫描件" and shown.added_by == "王检察官"
    with store.session(read_only=True) as s:
        assert s.get(Attachment, scan_id) is not None
    assert [e.row_id for e in _audit(store, "attach")] == [notice]


def test_sizes_as_people_read_them() -> None:
    assert attachments.describe_size(812) == "812 字节"
    assert attachments.describe_size(34 * 1024) == "34 KB"
    assert attachments.describe_size(5 * 1024 * 1024 // 2) == "2.5 MB"
