"""One entry point for every document kind: ``render_pdf(store, kind, key) -> bytes``.

``key`` is a record id for notice, suggestion, oral, talk and mailbox (a 文号 also works for notices and
suggestions), a date ``YYYY-MM-DD`` for daily-log and register, a month ``YYYY-MM`` for monthly-report
and duty-roster.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from inspector.domain.errors import InspectorError
from inspector.store.store import Store

__all__ = ["KINDS", "parse_day", "parse_month", "render_pdf"]

KINDS: dict[str, str] = {
    "notice": "纠正违法通知书",
    "suggestion": "检察建议书",
    "oral": "口头纠正意见记录",
    "talk": "个别谈话笔录",
    "mailbox": "检察官信箱开启登记",
    "daily-log": "派驻检察工作日志",
    "monthly-report": "月度工作情况报告",
    "register": "在押人员情况检察台账",
    "duty-roster": "值班表",
}


class BadKeyError(InspectorError):
    """A date, month or key typed for a document that cannot be read."""

    code = "bad_document_key"


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadKeyError(
            f"日期格式应为 YYYY-MM-DD：{text}",
            f"expected a date YYYY-MM-DD, got {text!r}",
            code="bad_date",
            params={"text": text},
        ) from None


def parse_month(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise BadKeyError(f"月份格式应为 YYYY-MM：{text}", f"expected a month YYYY-MM, got {text!r}")
    return int(m.group(1)), int(m.group(2))


def render_pdf(store: Store, kind: str, key: str, *, for_detention_center: bool = False) -> bytes:
    """The PDF of one document, read from ``store``."""
    builders: dict[str, Callable[[], bytes]] = {
        "notice": lambda: _notice(store, key),
        "suggestion": lambda: _suggestion(store, key),
        "oral": lambda: _oral(store, key),
        "talk": lambda: _talk(store, key),
        "mailbox": lambda: _mailbox(store, key, for_detention_center),
        "daily-log": lambda: _daily(store, key),
        "monthly-report": lambda: _monthly(store, key),
        "register": lambda: _register(store, key),
        "duty-roster": lambda: _duty_roster(store, key),
    }
    build = builders.get(kind)
    if build is None:
        raise BadKeyError(
            f"未知的文书种类：{kind}（可选：{'、'.join(KINDS)}）",
            f"unknown document kind {kind!r} (one of {', '.join(KINDS)})",
        )
    return build()


def _notice(store: Store, key: str) -> bytes:
    from inspector.documents.loaders import load_notice
    from inspector.documents.official import build_notice

    return build_notice(load_notice(store, key))


def _suggestion(store: Store, key: str) -> bytes:
    from inspector.documents.loaders import load_suggestion
    from inspector.documents.official import build_suggestion

    return build_suggestion(load_suggestion(store, key))


def _oral(store: Store, key: str) -> bytes:
    from inspector.documents.loaders import load_oral_correction
    from inspector.documents.records import build_oral_correction

    return build_oral_correction(load_oral_correction(store, key))


def _talk(store: Store, key: str) -> bytes:
    from inspector.documents.loaders import load_talk
    from inspector.documents.records import build_talk

    return build_talk(load_talk(store, key))


def _mailbox(store: Store, key: str, for_center: bool) -> bytes:
    from inspector.documents.loaders import load_mailbox
    from inspector.documents.records import build_mailbox_register

    return build_mailbox_register(load_mailbox(store, key, for_detention_center=for_center))


def _daily(store: Store, key: str) -> bytes:
    from inspector.documents.daily_log import build_daily_log, load_daily_log

    return build_daily_log(load_daily_log(store, parse_day(key)))


def _monthly(store: Store, key: str) -> bytes:
    from inspector.documents.monthly import build_monthly_report, load_monthly_report

    year, month = parse_month(key)
    return build_monthly_report(load_monthly_report(store, year, month))


def _register(store: Store, key: str) -> bytes:
    from inspector.documents.register import build_register, load_register

    return build_register(load_register(store, parse_day(key)))


def _duty_roster(store: Store, key: str) -> bytes:
    from inspector.documents.duty_roster import build_duty_roster, load_duty_roster

    year, month = parse_month(key)
    return build_duty_roster(load_duty_roster(store, year, month))
