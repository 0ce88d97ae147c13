"""Station settings through the services: who may change them, and the audit entry that says so.

A thin layer over :mod:`inspector.station_settings` (the catalogue, its validation and the synced
``station_setting`` rows) for the desktop's 设置 page: setting or resetting a value checks
:attr:`~inspector.services.policy.Permission.SETTINGS`, then validates, writes and appends an audit
entry (the key, the value before and after) in one transaction. Reading needs no permission.

It also turns values into the text a person reads and types (:func:`value_text`, :func:`edit_text`)
and back (:func:`parse_text`), per the setting's :attr:`~inspector.station_settings.SettingView.kind`,
so the page's editors stay thin and what they send is checked by the same validation as the command
line's ``inspector settings set``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from inspector.security import audit
from inspector.services.policy import Actor, Permission, require
from inspector.station_settings import SettingView, apply_reset, apply_setting, list_settings
from inspector.store.store import Store

__all__ = [
    "SettingView",
    "edit_text",
    "list_settings",
    "parse_text",
    "reset_setting",
    "set_setting",
    "value_text",
]

_NUMBERS_SPLIT = re.compile(r"[,，、;；\s]+")
_TEXTS_SPLIT = re.compile(r"\s*[,，、;；\n]+\s*")


def set_setting(store: Store, actor: Actor, key: str, value: object) -> SettingView:
    """Store ``value`` for ``key`` (validated with the station's other settings), with an audit entry.

    Raises :class:`~inspector.services.policy.PermissionDeniedError` for a role that may not change
    settings and :class:`~inspector.domain.errors.ValidationError` (naming the setting) for a bad
    value; nothing is written then."""
    require(actor, Permission.SETTINGS)
    with store.session() as s:
        view, before = apply_setting(s, actor.station_id, key, value, actor.write_actor)
        audit.record(
            s,
            "setting_set",
            user_id=actor.user_id,
            device_id=actor.device_id,
            table_name="station_setting",
            detail={"key": key, "before": before, "after": view.value},
        )
    return view


def reset_setting(store: Store, actor: Actor, key: str) -> bool:
    """Back to the default; False (and no audit entry) if it had no stored value."""
    require(actor, Permission.SETTINGS)
    with store.session() as s:
        changed = apply_reset(s, actor.station_id, key, actor.write_actor)
        if changed:
            audit.record(
                s,
                "setting_reset",
                user_id=actor.user_id,
                device_id=actor.device_id,
                table_name="station_setting",
                detail={"key": key},
            )
    return changed


# ---- text a person reads and types ----------------------------------------------------------------


def _label(view: SettingView, value: object) -> str:
    return next((label for stored, label in view.choices if stored == value), str(value))


def value_text(view: SettingView, value: object) -> str:
    """``value`` of the setting as the settings list shows it: 是/否, a choice's label, items
    joined by 、, the flags that are on."""
    kind = view.kind
    if kind == "bool" or isinstance(value, bool):
        return "是" if value else "否"
    if kind == "choice":
        return _label(view, value)
    if kind == "multi" and isinstance(value, list | tuple | set | frozenset):
        chosen = [label for stored, label in view.choices if stored in value]
        if chosen and len(chosen) == len(view.choices) and len(chosen) > 2:
            return "全部"
        return "、".join(chosen) if chosen else "（无）"
    if kind == "flags" and isinstance(value, Mapping):
        off = [label for stored, label in view.choices if value.get(stored) is False]
        if not off:
            return "全部顺延"
        return "不顺延：" + "、".join(off)
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value) if value else "（无）"
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def edit_text(view: SettingView, value: object) -> str:
    """``value`` as a text editor holds it (int, int_list, text_list, text, long_text, json kinds)."""
    if view.kind in ("int_list", "text_list") and isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    if view.kind == "json":
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse_text(view: SettingView, text: str) -> object:
    """What the text typed for a setting means, to be validated by :func:`set_setting`.

    A whole number for ``int`` (other text is passed on as it is, so the refusal names the setting
    and the range); items separated by 、 , ； or spaces for ``int_list`` (each a number where it is
    one), by 、 , ； or new lines for ``text_list``; JSON for ``json`` (else the text); the text
    itself otherwise."""
    stripped = text.strip()
    if view.kind == "int":
        return int(stripped) if re.fullmatch(r"[+-]?\d+", stripped) else stripped
    if view.kind == "int_list":
        items = [item for item in _NUMBERS_SPLIT.split(stripped) if item]
        return [int(i) if re.fullmatch(r"[+-]?\d+", i) else i for i in items]
    if view.kind == "text_list":
        return [item for item in _TEXTS_SPLIT.split(stripped) if item]
    if view.kind == "json":
        try:
            value: object = json.loads(stripped)
        except json.JSONDecodeError:
            return stripped
        return value
    return stripped
