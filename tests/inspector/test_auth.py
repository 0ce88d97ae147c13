"""Signing in: the password, the lockout and its expiry, the idle lock's unlock, and their audit entries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from inspector import station_settings
from inspector.security.audit import verify_chain
from inspector.services import auth
from inspector.store.models import AppUser, AuditLog
from inspector.store.store import Store
from inspector.store.types import utc_now

PASSWORD = "secret-pass-1"  # the conftest store's first user, wang


def _actions(store: Store) -> list[str]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog.action).order_by(AuditLog.seq)))


def test_sign_in_with_the_right_password_signs_the_store_in(store: Store) -> None:
    store.sign_in_as(None)
    users = auth.sign_in_users(store)
    assert [u.username for u in users] == ["wang"]
    assert users[0].label == "王检察官（wang）"

    actor = auth.sign_in(store, " wang ", PASSWORD)

    assert actor.display_name == "王检察官" and actor.role == "procurator"
    assert store.actor.user_id == actor.user_id
    assert _actions(store)[-1] == "sign_in"


def test_wrong_password_and_unknown_user_say_the_same_and_are_audited(store: Store) -> None:
    with pytest.raises(auth.SignInError, match="用户名或密码不正确"):
        auth.sign_in(store, "nobody", PASSWORD)
    with pytest.raises(auth.SignInError, match=r"密码不正确（再错 4 次将锁定 5 分钟）") as wrong:
        auth.sign_in(store, "wang", "not-it")
    assert wrong.value.tries_left == 4
    assert _actions(store)[-2:] == ["sign_in_failed", "sign_in_failed"]


def test_five_failures_lock_the_user_until_the_lockout_ends(store: Store) -> None:
    start = utc_now()
    for _ in range(4):
        with pytest.raises(auth.SignInError):
            auth.sign_in(store, "wang", "wrong", now=start)
    with pytest.raises(auth.SignInError, match="已锁定") as locked:
        auth.sign_in(store, "wang", "wrong", now=start)
    assert locked.value.locked_until == start + timedelta(minutes=5)
    assert "lockout" in _actions(store)

    # Even the right password is refused while locked …
    with pytest.raises(auth.SignInError, match="已锁定"):
        auth.sign_in(store, "wang", PASSWORD, now=start + timedelta(minutes=4))
    # … and accepted once the lockout is over; the count starts again from nothing.
    auth.sign_in(store, "wang", PASSWORD, now=start + timedelta(minutes=5, seconds=1))
    with pytest.raises(auth.SignInError) as again:
        auth.sign_in(store, "wang", "wrong", now=start + timedelta(minutes=6))
    assert again.value.tries_left == 4
    with store.session(read_only=True) as s:  # refusals committed their entries, the chain holds
        assert verify_chain(s) == []


def test_the_station_settings_set_the_limit_and_the_lockout(store: Store) -> None:
    station_settings.set_setting(store, station_settings.SETTING_MAX_FAILURES, 2)
    station_settings.set_setting(store, station_settings.SETTING_LOCKOUT_MINUTES, 30)
    start = utc_now()
    with pytest.raises(auth.SignInError):
        auth.sign_in(store, "wang", "wrong", now=start)
    with pytest.raises(auth.SignInError) as locked:
        auth.sign_in(store, "wang", "wrong", now=start)
    assert locked.value.locked_until == start + timedelta(minutes=30)
    assert auth.security_policy(store).idle_lock_minutes == 10


def test_a_security_setting_out_of_range_is_refused_naming_it(store: Store) -> None:
    with pytest.raises(Exception, match=r"设置“无操作自动锁屏（分钟）”.*须为1至240之间的整数"):
        station_settings.set_setting(store, station_settings.SETTING_IDLE_LOCK_MINUTES, 0)


def test_a_deactivated_user_cannot_sign_in_and_is_not_listed(store: Store) -> None:
    with store.session() as s:
        user = s.scalar(select(AppUser).where(AppUser.username == "wang"))
        assert user is not None
        user.active = False
    assert auth.sign_in_users(store) == []
    with pytest.raises(auth.SignInError, match="已停用"):
        auth.sign_in(store, "wang", PASSWORD)


def test_unlock_needs_the_same_password_and_counts_towards_the_lockout(store: Store) -> None:
    actor = auth.sign_in(store, "wang", PASSWORD)
    auth.record_lock(store, actor, "idle")
    start = utc_now()
    for _ in range(4):
        with pytest.raises(auth.SignInError, match="密码不正确"):
            auth.unlock(store, actor, "wrong", now=start)
    with pytest.raises(auth.SignInError, match="已锁定"):
        auth.unlock(store, actor, "wrong", now=start)
    with pytest.raises(auth.SignInError, match="已锁定"):  # and signing in again does not get round it
        auth.sign_in(store, "wang", PASSWORD, now=start)
    auth.unlock(store, actor, PASSWORD, now=start + timedelta(minutes=6))
    auth.sign_out(store, actor)
    actions = _actions(store)
    assert actions[actions.index("lock") :].count("unlock_failed") == 5
    assert actions[-2:] == ["unlock", "sign_out"]
    assert store.actor.user_id is None
