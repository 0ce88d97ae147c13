"""The fixed sentences of the 纠正违法通知书 and the 检察建议书, editable per station.

The default wording of both documents follows the SPP 样本 from memory, unchecked, so it must be
editable to match the office's own 样本 (docs/domain.md, "Notices and suggestions: contents",
"Unverified points"). Each sentence is a station setting ``wording.<name>`` (``inspector settings set
wording.notice_reply "…{days}…"``). A template must keep the placeholders its sentence needs (the
reply period, the provision …) and may use no others, so an edit can never drop a legal period.
"""

from __future__ import annotations

import string
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy.orm import Session

from inspector.store.queries import station_setting_values

PREFIX = "wording."


@dataclass(frozen=True)
class Template:
    label: str  # what the settings list shows
    default: str
    placeholders: tuple[str, ...]  # every one must appear; no other may

    @property
    def explanation(self) -> str:
        if not self.placeholders:
            return "固定用语，可按本院样本修改"
        names = "、".join("{" + p + "}" for p in self.placeholders)
        return f"固定用语，可按本院样本修改；须保留 {names}"


TEMPLATES: dict[str, Template] = {
    PREFIX + "notice_reasons": Template(
        "纠正违法通知书：认定违法", "本院认为，上述行为违反了{violated}的规定。", ("violated",)
    ),
    PREFIX + "notice_basis": Template(
        "纠正违法通知书：纠正依据", "根据{basis}的规定，特通知你单位予以纠正", ("basis",)
    ),
    PREFIX + "notice_no_basis": Template(
        "纠正违法通知书：纠正（未写依据条文时）", "特通知你单位予以纠正", ()
    ),
    PREFIX + "notice_reply": Template(
        "纠正违法通知书：回复要求", "请在收到本通知书后{days}日内将纠正情况书面回复本院。", ("days",)
    ),
    PREFIX + "suggestion_facts_lead": Template("检察建议书：查明事实的引语", "现查明：", ()),
    PREFIX + "suggestion_basis_lead": Template("检察建议书：认定理由的引语", "本院认为：", ()),
    PREFIX + "suggestion_recommendations": Template(
        "检察建议书：建议的引语", "为此，特提出如下检察建议：", ()
    ),
    PREFIX + "suggestion_objection": Template(
        "检察建议书：异议期限",
        "如对本检察建议有异议，请在收到本检察建议书后{days}日内书面提出。",
        ("days",),
    ),
    PREFIX + "suggestion_reply": Template(
        "检察建议书：回复要求",
        "请在收到本检察建议书后{months}个月内将采纳落实情况书面回复本院。",
        ("months",),
    ),
    PREFIX + "suggestion_closing": Template("检察建议书：结束语", "此致", ()),
}

MAX_LENGTH = 200


def _defaults() -> Mapping[str, str]:
    return MappingProxyType({key: t.default for key, t in TEMPLATES.items()})


@dataclass(frozen=True)
class Wording:
    """The station's sentences (defaults where it has none)."""

    texts: Mapping[str, str] = field(default_factory=_defaults)

    def text(self, name: str, **values: str) -> str:
        return self.texts[PREFIX + name].format(**values)

    @classmethod
    def of(cls, overrides: Mapping[str, object]) -> Wording:
        texts = dict(_defaults())
        texts.update({k: str(v) for k, v in overrides.items() if k in TEMPLATES and check(k, v) is None})
        return cls(MappingProxyType(texts))


def check(key: str, value: object) -> tuple[str, str] | None:
    """None if ``value`` is a usable template for ``key``, else (Chinese, English) saying why."""
    template = TEMPLATES[key]
    if not isinstance(value, str) or not value.strip():
        return "须为非空的文字", "must be non-empty text"
    if len(value) > MAX_LENGTH:
        return f"不能超过{MAX_LENGTH}字", f"must not exceed {MAX_LENGTH} characters"
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        return f"花括号不成对：{exc}", f"unbalanced braces: {exc}"
    unknown = used - set(template.placeholders)
    if unknown:
        names = "、".join(sorted(unknown))
        return (
            f"含有无法识别的占位符：{names}",
            f"has placeholders it cannot fill: {', '.join(sorted(unknown))}",
        )
    missing = set(template.placeholders) - used
    if missing:
        names = "、".join("{" + m + "}" for m in sorted(missing))
        return f"须保留 {names}", f"must keep {', '.join(sorted(missing))}"
    return None


def load_wording(session: Session, station_id: uuid.UUID) -> Wording:
    return Wording.of(station_setting_values(session, station_id))
