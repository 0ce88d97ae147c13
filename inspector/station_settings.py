"""Station settings as a person changes them (``inspector settings``; the desktop's 设置 page through
``inspector.services.settings``).

Every key the rules engine (:class:`inspector.domain.settings.RuleSettings`) and the document numbering
(:mod:`inspector.documents.numbering`) read: its label, explanation, group, default, current value and
how it is entered (:attr:`SettingView.kind`). Setting a value validates it together with the station's
other settings — a bad one is refused with a message naming the setting, and nothing is written — and
stores it in ``station_setting`` (synced: the office and the station's other laptops get it).
Resetting soft-deletes the row, so the default applies again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.documents import numbering, wording
from inspector.documents.confidential import DEFAULT_PSEUDONYM
from inspector.documents.loaders import SETTING_NUMBER_ALIGN
from inspector.documents.queries import SETTING_PSEUDONYM
from inspector.documents.text import DATE_STYLES, SETTING_DATE_STYLE
from inspector.domain.errors import FieldError, ValidationError
from inspector.domain.settings import ROLLOVER_RULES, SETTING_INFO, RuleSettings, setting_form
from inspector.domain.validation import value_text_errors
from inspector.store.models import StationSetting
from inspector.store.queries import station_setting_values
from inspector.store.repository import Actor, prepare_row, today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

_NUMBERING_INFO: dict[str, tuple[str, str]] = {
    numbering.SETTING_PATTERN: (
        "文号格式",
        "占位符：{agency}院代字、{dept}部门代字、{type}文种代字、{year}年份、{n}序号；"
        "默认 {agency}检{dept}{type}〔{year}〕{n}号",
    ),
    numbering.SETTING_DEPT: ("部门代字", "文号中的部门代字，默认“刑执”"),
    numbering.SETTING_TYPE_CODES: (
        "文种代字",
        "纠正违法通知书与检察建议书的文种代字，"
        '如 {"rectification_notice": "纠违", "procuratorial_suggestion": "建"}',
    ),
}
_NUMBERING_INFO[SETTING_NUMBER_ALIGN] = (
    "文号位置",
    "“right”居右（检察文书样本，默认）或“center”居中（GB/T 9704 公文）",
)
_NUMBERING_INFO[SETTING_PSEUDONYM] = (
    "保密来源的代称",
    "送看守所的文书中举报人、谈话对象等保密来源的代称，{} 处依次填甲、乙、丙……，默认“在押人员{}”",
)
_NUMBERING_INFO[SETTING_DATE_STYLE] = (
    "成文日期写法",
    "纠正违法通知书、检察建议书和月度报告落款处的日期：“arabic”2026年9月18日（GB/T 9704，默认）"
    "或“chinese”二〇二六年九月十八日",
)
_NUMBERING_DEFAULTS: dict[str, object] = {
    numbering.SETTING_PATTERN: numbering.DEFAULT_PATTERN,
    numbering.SETTING_DEPT: numbering.DEFAULT_DEPT_CODE,
    numbering.SETTING_TYPE_CODES: dict(numbering.TYPE_CODES),
    SETTING_NUMBER_ALIGN: "right",
    SETTING_PSEUDONYM: DEFAULT_PSEUDONYM,
    SETTING_DATE_STYLE: "arabic",
}
_RULE_KEYS = tuple(f.name for f in fields(RuleSettings))

# Signing in on the station's laptops (read by inspector.services.auth): whole minutes and counts,
# each with the range a person may choose.
SETTING_MAX_FAILURES = "security.max_sign_in_failures"
SETTING_LOCKOUT_MINUTES = "security.lockout_minutes"
SETTING_IDLE_LOCK_MINUTES = "security.idle_lock_minutes"
SECURITY_SETTINGS: dict[str, tuple[str, str, int, int, int]] = {
    # key: (label, explanation, default, least, most)
    SETTING_MAX_FAILURES: ("登录失败锁定次数", "同一用户连续输错密码达到此次数即被锁定", 5, 1, 20),
    SETTING_LOCKOUT_MINUTES: ("锁定时长（分钟）", "用户被锁定后，需等待这么多分钟才能再次登录", 5, 1, 1440),
    SETTING_IDLE_LOCK_MINUTES: (
        "无操作自动锁屏（分钟）",
        "这么多分钟无键盘或鼠标操作后，程序先保存草稿，再遮住窗口内容，需原用户密码解锁",
        10,
        1,
        240,
    ),
}


# The groups the settings are listed in, in order.
GROUP_RULES = "期限与工作规则"
GROUP_ROLLOVER = "节假日顺延"
GROUP_NUMBERING = "文号、日期与保密代称"
GROUP_WORDING = "文书用语"
GROUP_SECURITY = "登录与锁屏"
GROUPS = (GROUP_RULES, GROUP_ROLLOVER, GROUP_NUMBERING, GROUP_WORDING, GROUP_SECURITY)

_NUMBERING_FORMS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    numbering.SETTING_PATTERN: ("text", ()),
    numbering.SETTING_DEPT: ("text", ()),
    numbering.SETTING_TYPE_CODES: ("json", ()),
    SETTING_NUMBER_ALIGN: ("choice", (("right", "居右"), ("center", "居中"))),
    SETTING_PSEUDONYM: ("text", ()),
    SETTING_DATE_STYLE: ("choice", tuple((k, v.split("（")[0]) for k, v in DATE_STYLES.items())),
}


@dataclass(frozen=True)
class _Entry:
    label: str
    explanation: str
    default: object
    group: str
    kind: str = "text"
    choices: tuple[tuple[str, str], ...] = ()
    least: int | None = None
    most: int | None = None


@dataclass(frozen=True)
class SettingView:
    key: str
    label: str
    explanation: str
    default: object
    value: object  # what applies now: the stored value, or the default
    overridden: bool
    group: str = GROUP_RULES
    # How it is entered: int (least..most), bool, choice / multi (of ``choices``: (value, label)),
    # flags (each of ``choices`` on or off: a mapping), int_list, text_list, text, long_text, json.
    kind: str = "text"
    choices: tuple[tuple[str, str], ...] = ()
    least: int | None = None
    most: int | None = None


_ROLLOVER_PREFIX = "holiday_rollover."


@cache
def _catalogue() -> dict[str, _Entry]:
    """Every key a person may set, in the order they are listed."""
    defaults = RuleSettings().to_mapping()
    out: dict[str, _Entry] = {}
    for key in _RULE_KEYS:
        label, explanation = SETTING_INFO.get(key, (key, ""))
        form = setting_form(key)
        out[key] = _Entry(label, explanation, defaults[key], GROUP_RULES, form.kind, form.choices,
                          form.least, form.most)  # fmt: skip
    for rule, label in ROLLOVER_RULES.items():
        explanation = "期限末日遇节假日是否顺延到节后第一个工作日"
        out[_ROLLOVER_PREFIX + rule] = _Entry(
            f"节假日顺延：{label}", explanation, True, GROUP_ROLLOVER, "bool"
        )
    for key, (label, explanation) in _NUMBERING_INFO.items():
        kind, choices = _NUMBERING_FORMS[key]
        out[key] = _Entry(label, explanation, _NUMBERING_DEFAULTS[key], GROUP_NUMBERING, kind, choices)
    for key, t in wording.TEMPLATES.items():
        out[key] = _Entry(t.label, t.explanation, t.default, GROUP_WORDING, "long_text")
    for key, (label, explanation, default, least, most) in SECURITY_SETTINGS.items():
        out[key] = _Entry(label, explanation, default, GROUP_SECURITY, "int", (), least, most)
    return out


def known_keys() -> tuple[str, ...]:
    return tuple(_catalogue())


def parse_value(text: str) -> object:
    """A value as typed on the command line: JSON (``15``, ``true``, ``["a", "b"]``), else plain text."""
    try:
        value: object = json.loads(text)
    except ValueError:  # not JSON, or digits too many for a number: the text itself
        return text
    return value


def stored_overrides(store: Store) -> dict[str, object]:
    with store.session(read_only=True) as s:
        return station_setting_values(s, store.station_id)


def security_value(stored: Mapping[str, object], key: str) -> int:
    """A sign-in setting from the station's stored settings, or its default (a bad stored value too)."""
    _label, _explanation, default, least, most = SECURITY_SETTINGS[key]
    value = stored.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        return default
    return value


def list_settings(store: Store) -> list[SettingView]:
    stored = stored_overrides(store)
    current = RuleSettings.from_mapping(stored).to_mapping()
    return [_view(key, stored, current) for key in _catalogue()]


def _view(key: str, stored: Mapping[str, object], current: Mapping[str, object]) -> SettingView:
    entry = _catalogue()[key]
    if key in current:
        value = current[key]
    elif key.startswith(_ROLLOVER_PREFIX):
        value = current["holiday_rollover"][key.removeprefix(_ROLLOVER_PREFIX)]  # type: ignore[index]
    else:
        value = stored.get(key, entry.default)
    return SettingView(
        key, entry.label, entry.explanation, entry.default, value, key in stored,
        entry.group, entry.kind, entry.choices, entry.least, entry.most,
    )  # fmt: skip


def set_setting(store: Store, key: str, value: object) -> SettingView:
    """Validate ``value`` for ``key`` with the station's other settings, then store it."""
    who = store.actor
    with store.session() as s:
        view, _previous = apply_setting(s, store.station_id, key, value, who)
    return view


def reset_setting(store: Store, key: str) -> bool:
    """Back to the default (the row is soft-deleted). False if the key had no stored value."""
    who = store.actor
    with store.session() as s:
        return apply_reset(s, store.station_id, key, who)


def apply_setting(
    s: Session, station_id: uuid.UUID, key: str, value: object, who: Actor
) -> tuple[SettingView, object]:
    """:func:`set_setting` in the caller's transaction; also returns the value that applied before."""
    stored = station_setting_values(s, station_id)
    _validate(key, value, stored)
    before = _view(key, stored, RuleSettings.from_mapping(stored).to_mapping()).value
    row = _row(s, station_id, key)
    if row is None:
        values = {"key": key, "value": value, "station_id": station_id}
        s.add(StationSetting(**prepare_row(StationSetting, values, who, today_local(), utc_now())))
    else:
        row.deleted_at = None
        row.value = value
        row.updated_by = who.user_id
        row.device_id = who.device_id
    s.flush()
    stored = {**stored, key: value}
    return _view(key, stored, RuleSettings.from_mapping(stored).to_mapping()), before


def apply_reset(s: Session, station_id: uuid.UUID, key: str, who: Actor) -> bool:
    """:func:`reset_setting` in the caller's transaction."""
    if key not in _catalogue():
        raise _error(key, "未知的设置项", "unknown setting")
    row = _row(s, station_id, key)
    if row is None or row.deleted_at is not None:
        return False
    row.deleted_at = utc_now()
    row.updated_by = who.user_id
    row.device_id = who.device_id
    s.flush()
    return True


# ---- validation ---------------------------------------------------------------------------------------


def _error(key: str, zh: str, en: str) -> ValidationError:
    label = _catalogue()[key].label if key in _catalogue() else key
    named = f"设置“{label}”（{key}）" if label != key else f"设置项 {key} "
    return ValidationError("station_setting", [FieldError(key, f"{named}{zh}", f"{key}: {en}")])


MAX_PATTERN = 48  # a 文号 is at most 64 characters (DOCUMENT_NUMBER spec); the pattern leaves room
MAX_SETTING_TEXT = 4000  # characters in one setting's value, as JSON (the longest wording is ~300)


def _validate(key: str, value: object, stored: Mapping[str, object]) -> None:
    # clean text first: no control, zero-width or bidi character may reach 文号 or official wording
    bad = value_text_errors(key, key, value, one_line=key not in wording.TEMPLATES)
    if bad:
        raise _error(key, bad[0].message_zh.removeprefix(key), bad[0].message_en.removeprefix(key))
    if len(json.dumps(value, ensure_ascii=False)) > MAX_SETTING_TEXT:
        raise _error(
            key, f"过长（超过{MAX_SETTING_TEXT}字）", f"is longer than {MAX_SETTING_TEXT} characters"
        )
    if key in wording.TEMPLATES:
        problem = wording.check(key, value)
        if problem is not None:
            raise _error(key, *problem)
        return
    if key in _NUMBERING_INFO:
        _validate_numbering(key, value)
        return
    if key in SECURITY_SETTINGS:
        _label, _explanation, _default, least, most = SECURITY_SETTINGS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
            raise _error(
                key, f"须为{least}至{most}之间的整数", f"must be a whole number from {least} to {most}"
            )
        return
    if key not in _catalogue():
        raise _error(key, "未知的设置项", "unknown setting")
    # With every other stored rule setting: cross-checks (e.g. warning before limit) see the whole set.
    RuleSettings.from_mapping({**stored, key: value}, strict=False)


def _validate_numbering(key: str, value: object) -> None:
    if key == numbering.SETTING_PATTERN:
        if not isinstance(value, str) or "{n}" not in value or "{year}" not in value:
            raise _error(key, "须为文字，并包含 {year} 和 {n}", "must be text containing {year} and {n}")
        if len(value) > MAX_PATTERN:
            raise _error(key, f"不能超过{MAX_PATTERN}个字", f"must be at most {MAX_PATTERN} characters")
        try:
            numbering.format_doc_number(value, "七", "纠违", 2026, 3)
        except (KeyError, IndexError, ValueError) as exc:
            raise _error(
                key, f"含有无法识别的占位符：{exc}", f"has a placeholder it cannot fill: {exc}"
            ) from exc
        return
    if key == numbering.SETTING_DEPT:
        if not isinstance(value, str) or not 1 <= len(value.strip()) <= 8:
            raise _error(key, "须为1至8个字", "must be 1 to 8 characters")
        return
    if key == SETTING_DATE_STYLE:
        if value not in DATE_STYLES:
            raise _error(
                key,
                "须为 arabic（2026年9月18日）或 chinese（二〇二六年九月十八日）",
                "must be arabic or chinese",
            )
        return
    if key == SETTING_NUMBER_ALIGN:
        if value not in ("right", "center"):
            raise _error(key, "须为 right（居右）或 center（居中）", "must be right or center")
        return
    if key == SETTING_PSEUDONYM:
        if (
            not isinstance(value, str)
            or value.count("{}") != 1
            or len(value) > 20
            or "{" in value.replace("{}", "")
        ):
            raise _error(
                key,
                "须含一个 {}（填甲、乙、丙……），不超过20字",
                "must contain one {} and at most 20 characters",
            )
        return
    if (
        not isinstance(value, dict)
        or not value
        or not set(value) <= set(numbering.TYPE_CODES)
        or not all(isinstance(v, str) and 1 <= len(v.strip()) <= 8 for v in value.values())
    ):
        raise _error(
            key,
            f"须为文书类型到代字（1至8个字）的对照，类型为 {sorted(numbering.TYPE_CODES)}",
            f"must map document types {sorted(numbering.TYPE_CODES)} to codes of 1 to 8 characters",
        )


def _row(s: Session, station_id: uuid.UUID, key: str) -> StationSetting | None:
    """The station's row for ``key``, soft-deleted or not (there is at most one: unique key)."""
    return s.scalars(
        select(StationSetting).where(StationSetting.station_id == station_id, StationSetting.key == key)
    ).first()
