"""Station settings through the services (the 设置 page's way in): the role check, one transaction with
an audit entry, refusals naming the setting, and the text a person reads and types for each kind."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector import station_settings
from inspector.domain.errors import ValidationError
from inspector.security.audit import verify_chain
from inspector.services import settings
from inspector.services.policy import Actor, PermissionDeniedError, actor_for
from inspector.store.models import AppUser, AuditLog, StationSetting
from inspector.store.store import Store


def _actor(store: Store, role: str) -> Actor:
    user = store.repo(AppUser).add({"username": role, "display_name": f"{role}用户", "role": role})
    return actor_for(store, user.id)


def _audit(store: Store) -> list[AuditLog]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.seq)))


def _views(store: Store) -> dict[str, station_settings.SettingView]:
    return {v.key: v for v in settings.list_settings(store)}


def test_set_and_reset_write_an_audit_entry_in_the_same_transaction(store: Store) -> None:
    admin = _actor(store, "admin")
    view = settings.set_setting(store, admin, "security.idle_lock_minutes", 15)
    assert view.value == 15 and view.overridden and view.default == 10
    entry = _audit(store)[-1]
    assert (entry.action, entry.user_id, entry.table_name) == (
        "setting_set",
        admin.user_id,
        "station_setting",
    )
    assert entry.detail == {"key": "security.idle_lock_minutes", "before": 10, "after": 15}
    with store.session(read_only=True) as s:
        row = s.scalar(select(StationSetting).where(StationSetting.key == "security.idle_lock_minutes"))
        assert row is not None and row.updated_by == admin.user_id and row.device_id == admin.device_id
        assert verify_chain(s) == []

    assert settings.reset_setting(store, admin, "security.idle_lock_minutes") is True
    assert _audit(store)[-1].action == "setting_reset"
    assert _audit(store)[-1].detail == {"key": "security.idle_lock_minutes"}
    assert not _views(store)["security.idle_lock_minutes"].overridden
    before = len(_audit(store))
    assert settings.reset_setting(store, admin, "security.idle_lock_minutes") is False  # already default
    assert len(_audit(store)) == before
    # Set again after a reset: the soft-deleted row comes back with the new value.
    settings.set_setting(store, admin, "security.idle_lock_minutes", 20)
    assert _views(store)["security.idle_lock_minutes"].value == 20


@pytest.mark.parametrize("role", ["procurator", "chief_procurator", "admin"])
def test_procurators_the_chief_and_administrators_may_change_settings(store: Store, role: str) -> None:
    settings.set_setting(store, _actor(store, role), "patrols_per_week_min", 3)
    assert _views(store)["patrols_per_week_min"].value == 3


@pytest.mark.parametrize("role", ["assistant", "clerk"])
def test_assistants_and_clerks_may_not(store: Store, role: str) -> None:
    actor = _actor(store, role)
    before = len(_audit(store))
    with pytest.raises(PermissionDeniedError, match="不能修改检察室设置"):
        settings.set_setting(store, actor, "patrols_per_week_min", 3)
    with pytest.raises(PermissionDeniedError):
        settings.reset_setting(store, actor, "patrols_per_week_min")
    assert len(_audit(store)) == before and not _views(store)["patrols_per_week_min"].overridden


def test_a_bad_value_is_refused_naming_the_setting_and_nothing_is_written(store: Store) -> None:
    admin = _actor(store, "admin")
    before = len(_audit(store))
    view = _views(store)["security.idle_lock_minutes"]
    with pytest.raises(ValidationError) as refused:
        settings.set_setting(store, admin, view.key, settings.parse_text(view, "0"))
    assert (
        refused.value.message_zh
        == "设置“无操作自动锁屏（分钟）”（security.idle_lock_minutes）须为1至240之间的整数"
    )
    assert refused.value.errors[0].field == "security.idle_lock_minutes"
    rule = _views(store)["staff_on_duty_max"]
    with pytest.raises(ValidationError, match=r"工作日通常在岗人数上限.*应为整数"):
        settings.set_setting(store, admin, rule.key, settings.parse_text(rule, "三"))
    with pytest.raises(ValidationError, match="不能小于最少在岗人数"):  # checked with the other settings
        settings.set_setting(store, admin, rule.key, settings.parse_text(rule, "1"))
    assert len(_audit(store)) == before
    with store.session(read_only=True) as s:
        assert s.scalar(select(StationSetting)) is None


def test_every_setting_has_a_group_and_a_way_to_enter_it(store: Store) -> None:
    views = _views(store)
    assert {v.group for v in views.values()} == set(station_settings.GROUPS)
    kinds = {v.kind for v in views.values()}
    assert kinds <= {
        "int",
        "bool",
        "choice",
        "multi",
        "flags",
        "int_list",
        "text_list",
        "text",
        "long_text",
        "json",
    }
    for v in views.values():
        if v.kind in ("choice", "multi", "flags"):
            assert v.choices and all(label for _value, label in v.choices), v.key
        if v.kind == "int":
            assert v.least is not None and v.most is not None, v.key
    assert views["week_start"].kind == "choice" and ("monday", "周一") in views["week_start"].choices
    assert views["doc_number_align"].choices == (("right", "居右"), ("center", "居中"))
    assert views["security.lockout_minutes"].group == "登录与锁屏"
    assert views["wording.notice_basis"].kind == "long_text"


def test_values_read_and_typed_as_text(store: Store) -> None:
    v = _views(store)
    assert settings.value_text(v["suggestion_service_check"], False) == "否"
    assert settings.value_text(v["week_start"], "monday") == "周一"
    assert settings.value_text(v["preholiday_inspection_holidays"], ["spring_festival", "national_day"]) == (
        "春节、国庆节"
    )
    assert settings.value_text(v["custody_extra_alerts"], [3, 1]) == "3、1"
    assert settings.value_text(v["holiday_rollover"], v["holiday_rollover"].default) == "全部顺延"
    flags = {**v["holiday_rollover"].default, "notice_reply": False}  # type: ignore[dict-item]
    assert settings.value_text(v["holiday_rollover"], flags) == "不顺延：纠正违法通知书回复"

    assert settings.edit_text(v["custody_extra_alerts"], [3, 1]) == "3、1"
    assert settings.parse_text(v["custody_extra_alerts"], " 5，2 1 ") == [5, 2, 1]
    assert settings.parse_text(v["custody_extra_alerts"], "5、x") == [5, "x"]  # refused by validation
    assert settings.parse_text(v["preholiday_joint_units"], "武警中队、 公安分局\n消防救援站") == [
        "武警中队",
        "公安分局",
        "消防救援站",
    ]
    assert settings.parse_text(v["patrols_per_week_min"], " 3 ") == 3
    assert settings.parse_text(v["patrols_per_week_min"], "3.5") == "3.5"
    codes = v["doc_type_codes"]
    assert settings.parse_text(codes, settings.edit_text(codes, codes.default)) == codes.default
    assert settings.parse_text(codes, "{bad") == "{bad"
    admin = _actor(store, "admin")
    with pytest.raises(ValidationError, match="文种代字"):
        settings.set_setting(store, admin, codes.key, settings.parse_text(codes, "{bad"))
