"""Users travel like records, passwords never: a user added on one laptop (a 书记员, the role added
with user management) is accepted by the office and reaches the station's other laptop without a
password there; a deactivation follows the same way and the other laptop then refuses the sign-in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from inspector.services import auth, users
from inspector.services.policy import actor_for
from inspector.store.models import AppUser, LocalCredential
from tests.sync.conftest import Laptop, Office, settle

pytestmark = pytest.mark.pg

PASSWORD = "Zhang-pass-2026"


def test_a_user_reaches_the_office_and_the_other_laptop_without_the_password(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    admin_row = a.store.repo(AppUser).add({"username": "admin", "display_name": "刘管理员", "role": "admin"})
    admin = actor_for(a.store, admin_row.id)
    clerk = users.add_user(
        a.store, admin, username="zhangsan", display_name="张书记员", role="clerk", password=PASSWORD
    )
    with a.store.session(read_only=True) as s:
        stored_hash = s.get(LocalCredential, clerk.user_id).password_hash  # type: ignore[union-attr]
    report = a.sync()
    assert report.pushed.accepted == report.pushed.ops and report.pushed.rejected == 0

    # The office took the new role value (no constraint there refuses it) and nothing of the password.
    assert office.scalar("SELECT role FROM records.app_user WHERE username = 'zhangsan'") == "clerk"
    columns = office.scalar(
        "SELECT string_agg(column_name, ',') FROM information_schema.columns "
        "WHERE table_schema = 'records' AND table_name = 'app_user'"
    )
    assert "password" not in columns and "hash" not in columns
    assert (
        office.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '%%credential%%'")
        == 0
    )
    leaked = office.scalar(
        "SELECT count(*) FROM records.app_user u WHERE row_to_json(u)::text LIKE %s",
        (f"%{stored_hash[-20:]}%",),
    )
    assert leaked == 0

    # The station's other laptop gets the user, without a password to sign in with there.
    b = laptops("QXG", second=True)
    admin_b = actor_for(b.store, admin_row.id)
    on_b = {u.username: u for u in users.list_users(b.store, admin_b)}
    assert on_b["zhangsan"].role == "clerk" and on_b["zhangsan"].active
    assert not on_b["zhangsan"].has_password
    with pytest.raises(auth.SignInError, match="用户名或密码不正确"):
        auth.sign_in(b.store, "zhangsan", PASSWORD)
    users.reset_password(b.store, admin_b, clerk.user_id, "B-laptop-pass-1")
    assert auth.sign_in(b.store, "zhangsan", "B-laptop-pass-1").role == "clerk"
    b.store.sign_in_as(None)

    # Deactivated on the first laptop: after a sync the second one refuses the user too.
    users.set_active(a.store, admin, clerk.user_id, False)
    assert a.sync().pushed.accepted == 1
    settle(office)
    assert b.sync().pulled.applied >= 1
    assert office.scalar("SELECT active FROM records.app_user WHERE username = 'zhangsan'") is False
    with pytest.raises(auth.SignInError, match="已停用"):
        auth.sign_in(b.store, "zhangsan", "B-laptop-pass-1")
