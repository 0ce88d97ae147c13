"""Managing users: only an administrator; validation naming the field; passwords only on this laptop;
deactivation instead of deletion; the last administrator and oneself protected; audit entries."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.domain.errors import ValidationError
from inspector.export import export_json
from inspector.security.audit import verify_chain
from inspector.services import auth, users
from inspector.services.lookup import UserOption, user_options
from inspector.services.policy import (
    POLICY,
    ROLES,
    Actor,
    Permission,
    PermissionDeniedError,
    actor_for,
    may,
    role_summary,
)
from inspector.services.records import StaleEditError
from inspector.store.models import AppUser, AuditLog, LocalCredential, SyncOutbox
from inspector.store.store import Store
from inspector.sync.push import freeze_batch

NEW_PASSWORD = "Zhang-pass-2026"


def _admin(store: Store, username: str = "admin") -> Actor:
    user = store.repo(AppUser).add({"username": username, "display_name": "管理员甲", "role": "admin"})
    return actor_for(store, user.id)


@pytest.fixture
def admin(store: Store) -> Actor:
    return _admin(store)


def _audit(store: Store) -> list[AuditLog]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.seq)))


def _add(store: Store, admin: Actor, username: str = "zhangsan", role: str = "clerk") -> users.UserView:
    return users.add_user(
        store, admin, username=username, display_name="张书记员", role=role, password=NEW_PASSWORD
    )


# ---- roles ---------------------------------------------------------------------------------------------


def test_the_four_kinds_of_user_and_what_each_may_do() -> None:
    assert [r.label for r in ROLES] == ["检察官", "检察长", "检察官助理", "书记员", "管理员"]
    assert set(POLICY) == {r.value for r in ROLES}
    clerk = POLICY["clerk"]
    assert Permission.EDIT in clerk and Permission.SIGN not in clerk and Permission.USERS not in clerk
    assert role_summary("procurator") == "可以录入或修改记录、签发文书、修改检察室设置；不能管理用户"
    assert role_summary("assistant") == "可以录入或修改记录；不能签发文书、修改检察室设置、管理用户"
    assert role_summary("clerk") == role_summary("assistant")
    assert role_summary("admin") == "可以修改检察室设置、管理用户；不能录入或修改记录、签发文书"


def test_only_an_administrator_manages_users_once_there_is_one(store: Store) -> None:
    procurator = actor_for(store)
    assert procurator.role == "procurator" and not may(procurator, Permission.USERS)
    # The set-up's first user is a 检察官: with no administrator yet, they may add one …
    assert users.may_manage_users(store, procurator)
    assert [u.username for u in users.list_users(store, procurator)] == ["wang"]
    admin = _add(store, procurator, "admin1", "admin")
    # … and from then on only an administrator may.
    assert not users.may_manage_users(store, procurator)
    with pytest.raises(PermissionDeniedError, match="检察官不能管理用户"):
        users.list_users(store, procurator)
    with pytest.raises(PermissionDeniedError):
        _add(store, procurator)
    with pytest.raises(PermissionDeniedError):
        users.reset_password(store, procurator, procurator.user_id or uuid.uuid4(), NEW_PASSWORD)
    assert store.repo(AppUser).count() == 2
    assert admin.role == "admin"


def test_an_assistant_never_manages_users(store: Store) -> None:
    assistant = store.repo(AppUser).add({"username": "li", "display_name": "李助理", "role": "assistant"})
    actor = actor_for(store, assistant.id)
    assert not users.may_manage_users(store, actor)  # no administrator, but not a 检察官 either
    with pytest.raises(PermissionDeniedError):
        users.list_users(store, actor)


# ---- adding --------------------------------------------------------------------------------------------


def test_an_added_user_signs_in_here_and_syncs_without_the_password(store: Store, admin: Actor) -> None:
    view = _add(store, admin)
    assert (view.username, view.display_name, view.role, view.active, view.has_password) == (
        "zhangsan", "张书记员", "clerk", True, True,
    )  # fmt: skip
    assert view.role_label == "书记员"
    listed = users.list_users(store, admin)
    assert [u.username for u in listed] == ["wang", "admin", "zhangsan"]
    assert [u.has_password for u in listed] == [True, False, True]

    actor = auth.sign_in(store, "zhangsan", NEW_PASSWORD)
    assert actor.role == "clerk" and may(actor, Permission.EDIT) and not may(actor, Permission.SIGN)

    # The row is stamped and queued for the office like any record; the password is not.
    row = store.repo(AppUser).require(view.user_id)
    assert row.created_by == admin.user_id and row.device_id == store.device_id
    with store.session(read_only=True) as s:
        queued = s.scalars(select(SyncOutbox.table_name).where(SyncOutbox.row_id == view.user_id)).all()
        stored_hash = s.get(LocalCredential, view.user_id).password_hash  # type: ignore[union-attr]
    assert queued == ["app_user"]
    batch = freeze_batch(store)
    assert batch is not None
    assert {op["table"] for op in batch.ops} >= {"app_user"}
    assert "local_credential" not in {op["table"] for op in batch.ops}
    payload = batch.payload.decode("utf-8")
    assert NEW_PASSWORD not in payload and stored_hash not in payload and "password" not in payload

    added = [e for e in _audit(store) if e.action == "user_add"]
    assert len(added) == 1 and added[0].user_id == admin.user_id and added[0].row_id == view.user_id
    assert added[0].detail == {"username": "zhangsan", "role": "clerk"}


def test_the_export_leaves_passwords_out(store: Store, admin: Actor, tmp_path: Path) -> None:
    view = _add(store, admin)
    with store.session(read_only=True) as s:
        stored_hash = s.get(LocalCredential, view.user_id).password_hash  # type: ignore[union-attr]
    out = export_json(store, tmp_path / "export.json").path
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert "local_credential" not in doc["tables"]
    assert "zhangsan" in {u["username"] for u in doc["tables"]["app_user"]}
    assert NEW_PASSWORD not in text and stored_hash not in text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"username": "张三"}, "username", "用户名只能由英文字母、数字和 . _ - 组成，并以字母开头"),
        ({"username": "zhang san"}, "username", "用户名只能由英文字母、数字和 . _ - 组成"),
        ({"username": "1zhang"}, "username", "并以字母开头"),
        ({"username": "z"}, "username", "用户名须为2至32个字符"),
        ({"username": "z" * 33}, "username", "用户名须为2至32个字符"),
        ({"username": "  "}, "username", "请填写用户名"),
        ({"display_name": " "}, "display_name", "姓名"),
        ({"display_name": "名" * 33}, "display_name", "姓名不能超过32个字"),
        ({"role": "boss"}, "role", "角色取值无效：boss"),
        ({"password": "short"}, "password", "密码至少需要8个字符"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(
    store: Store, admin: Actor, fields: dict[str, str], field: str, message: str
) -> None:
    values = {"username": "zhangsan", "display_name": "张三", "role": "clerk", "password": NEW_PASSWORD}
    values.update(fields)
    before = len(_audit(store))
    with pytest.raises(ValidationError) as refused:
        users.add_user(store, admin, **values)
    assert [e.field for e in refused.value.errors] == [field]
    assert message in refused.value.message_zh
    assert store.repo(AppUser).count() == 2 and len(_audit(store)) == before


def test_a_user_name_is_taken_in_any_letter_case_even_when_deactivated(store: Store, admin: Actor) -> None:
    first = _add(store, admin)
    users.set_active(store, admin, first.user_id, False)
    with pytest.raises(ValidationError, match="用户名“zhangsan”已被使用") as refused:
        _add(store, admin, username="ZhangSan")
    assert refused.value.errors[0].field == "username"


# ---- passwords -----------------------------------------------------------------------------------------


def test_reset_password_replaces_it_and_clears_a_lockout(store: Store, admin: Actor) -> None:
    view = _add(store, admin)
    for _ in range(5):
        with pytest.raises(auth.SignInError):
            auth.sign_in(store, "zhangsan", "wrong-password")
    with pytest.raises(auth.SignInError, match="已锁定"):
        auth.sign_in(store, "zhangsan", NEW_PASSWORD)

    with pytest.raises(ValidationError, match="密码至少需要8个字符"):
        users.reset_password(store, admin, view.user_id, "1234567")
    users.reset_password(store, admin, view.user_id, "Another-pass-9")

    with pytest.raises(auth.SignInError, match="密码不正确"):
        auth.sign_in(store, "zhangsan", NEW_PASSWORD)
    assert auth.sign_in(store, "zhangsan", "Another-pass-9").user_id == view.user_id
    entry = [e for e in _audit(store) if e.action == "password_reset"]
    assert len(entry) == 1 and entry[0].detail == {} and entry[0].row_id == view.user_id
    with store.session(read_only=True) as s:
        details = json.dumps([e.detail for e in s.scalars(select(AuditLog))], ensure_ascii=False)
        assert verify_chain(s) == []
    assert "Another-pass-9" not in details and NEW_PASSWORD not in details


def test_a_user_from_the_office_gets_a_first_password_here(store: Store, admin: Actor) -> None:
    pulled = store.repo(AppUser).add({"username": "li", "display_name": "李检察官", "role": "procurator"})
    assert [u.has_password for u in users.list_users(store, admin) if u.username == "li"] == [False]
    assert "li" not in {u.username for u in auth.sign_in_users(store)}

    view = users.reset_password(store, admin, pulled.id, NEW_PASSWORD)

    assert view.has_password
    assert "li" in {u.username for u in auth.sign_in_users(store)}
    assert [e.action for e in _audit(store)][-1] == "password_set"
    with store.session(read_only=True) as s:  # the credential never reaches the outbox
        tables = set(s.scalars(select(SyncOutbox.table_name)))
    assert "local_credential" not in tables


# ---- name and role ------------------------------------------------------------------------------------


def test_name_and_role_change_with_an_audit_entry_and_a_version_check(store: Store, admin: Actor) -> None:
    view = _add(store, admin)
    changed = users.update_user(
        store, admin, view.user_id, display_name=" 张助理 ", role="assistant", base_version=view.version
    )
    assert (changed.display_name, changed.role, changed.role_label) == ("张助理", "assistant", "检察官助理")
    assert changed.version != view.version
    entry = _audit(store)[-1]
    assert entry.action == "user_update" and entry.row_id == view.user_id
    assert entry.detail == {"fields": ["display_name", "role"], "role_from": "clerk", "role_to": "assistant"}

    with pytest.raises(StaleEditError):  # based on the version before the change
        users.update_user(store, admin, view.user_id, display_name="别的名字", base_version=view.version)
    with pytest.raises(ValidationError, match="姓名") as empty:
        users.update_user(store, admin, view.user_id, display_name="")
    assert empty.value.errors[0].field == "display_name"
    before = len(_audit(store))
    users.update_user(store, admin, view.user_id, display_name="张助理")  # nothing changes: nothing written
    assert len(_audit(store)) == before
    assert store.repo(AppUser).require(view.user_id).username == "zhangsan"


def test_an_administrator_cannot_change_their_own_role(store: Store, admin: Actor) -> None:
    _admin(store, "admin2")
    assert admin.user_id is not None
    with pytest.raises(ValidationError, match="不能修改自己") as refused:
        users.update_user(store, admin, admin.user_id, role="procurator")
    assert refused.value.errors[0].field == "role"
    users.update_user(store, admin, admin.user_id, display_name="管理员乙")  # the name may change


# ---- deactivating ------------------------------------------------------------------------------------


def test_a_deactivated_user_cannot_sign_in_and_keeps_their_records(store: Store, admin: Actor) -> None:
    view = _add(store, admin)
    done = users.set_active(store, admin, view.user_id, False)
    assert not done.active
    assert [e.action for e in _audit(store)][-1] == "user_deactivate"
    with pytest.raises(auth.SignInError, match="该用户已停用"):
        auth.sign_in(store, "zhangsan", NEW_PASSWORD)
    assert "zhangsan" not in {u.username for u in auth.sign_in_users(store)}
    # Never deleted: still listed, and a record naming them still shows the name.
    row = store.repo(AppUser).get(view.user_id)
    assert row is not None and row.deleted_at is None
    assert [u.username for u in users.list_users(store, admin)][-1] == "zhangsan"
    assert UserOption(view.user_id, "张书记员", active=False) in user_options(store, keep=[view.user_id])
    assert view.user_id not in {o.id for o in user_options(store)}  # not offered for new records

    again = users.set_active(store, admin, view.user_id, True)
    assert again.active and [e.action for e in _audit(store)][-1] == "user_activate"
    assert auth.sign_in(store, "zhangsan", NEW_PASSWORD).user_id == view.user_id


def test_an_administrator_cannot_deactivate_themselves(store: Store, admin: Actor) -> None:
    _admin(store, "admin2")
    assert admin.user_id is not None
    with pytest.raises(ValidationError, match="不能停用自己") as refused:
        users.set_active(store, admin, admin.user_id, False)
    assert refused.value.errors[0].field == "active"


def test_the_last_active_administrator_stays(store: Store, admin: Actor) -> None:
    other = _admin(store, "admin2")
    assert other.user_id is not None and admin.user_id is not None
    # Two administrators: either may deactivate the other …
    users.set_active(store, other, admin.user_id, False)
    users.set_active(store, other, admin.user_id, True)
    users.set_active(store, admin, other.user_id, False)
    # … but not the last active one: here ``other``, deactivated meanwhile (on another laptop, say)
    # while still signed in on this one, can neither deactivate nor demote ``admin``.
    with pytest.raises(ValidationError, match="管理员甲是唯一在用的管理员，不能停用") as refused:
        users.set_active(store, other, admin.user_id, False)
    assert refused.value.errors[0].field == "active"
    with pytest.raises(ValidationError, match="唯一在用的管理员，不能改为其他角色") as demoted:
        users.update_user(store, other, admin.user_id, role="clerk")
    assert demoted.value.errors[0].field == "role"
    with store.session(read_only=True) as s:
        active_admins = s.scalar(
            select(func.count()).select_from(AppUser).where(AppUser.role == "admin", AppUser.active.is_(True))
        )
    assert active_admins == 1
