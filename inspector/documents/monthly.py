"""月度工作情况报告 (docs/domain.md, "Monthly report"): the report written from the counted items
(:func:`inspector.documents.monthly_counts.compute_monthly_counts`) and the manual ones.

A submitted or approved ``monthly_report`` prints its frozen ``counted_items``; a draft is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from inspector.documents.fonts import Role
from inspector.documents.layout import Document, Span
from inspector.documents.monthly_counts import KEY_PLACES, compute_monthly_counts, month_range
from inspector.documents.queries import date_style, load_station
from inspector.documents.queries import live as _live
from inspector.documents.text import chinese_number, ensure_period, format_date, issue_date, split_paragraphs
from inspector.store.models import MonthlyReport
from inspector.store.store import Store

__all__ = [
    "KEY_PLACES",
    "MonthlyReportDoc",
    "build_monthly_report",
    "compute_monthly_counts",
    "load_monthly_report",
    "month_range",
]


@dataclass
class MonthlyReportDoc:
    signed_as: str  # 驻××看守所检察室
    year: int
    month: int
    counts: Mapping[str, Any]
    manual_items: Mapping[str, Any] = field(default_factory=dict)
    signed_on: date | None = None
    status: str = "draft"
    date_style: str = "arabic"  # the report's own date: text.DATE_STYLES


MANUAL_SECTIONS = (
    ("meetings", "参加会议活动"),
    ("legal_education", "法制宣传"),
    ("assessment", "工作评价"),
    ("key_problems", "存在的主要问题"),
    ("next_month", "下月工作打算"),
)


def _parts(items: Mapping[str, Any], unit: str) -> str:
    shown = [f"{k}{v}{unit}" for k, v in items.items() if v]
    return "、".join(shown)


def _with_parts(total: int, items: Mapping[str, Any], unit: str) -> str:
    parts = _parts(items, unit)
    return f"{total}{unit}" + (f"（{parts}）" if parts and total else "")


def report_sections(c: Mapping[str, Any], last: date) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the counted part of the report."""

    def n(section: str, key: str, default: int = 0) -> Any:
        value = c.get(section, {})
        return value.get(key, default) if isinstance(value, Mapping) else default

    def split(section: str, total: str, by: str, unit: str) -> str:
        return _with_parts(n(section, total), n(section, by, {}), unit)  # type: ignore[arg-type]

    by_status = n("population", "by_status", {})  # type: ignore[arg-type]
    places = n("patrols", "places", {})  # type: ignore[arg-type]
    review_days = chinese_number(int(n("mailbox", "review_days", 15)))
    statuses = "、".join(f"{k}{v}人" for k, v in by_status.items())
    inspected = "、".join(f"{k}{places.get(k, 0)}次" for k in KEY_PLACES)
    return [
        (
            "基本情况",
            [
                f"截至{format_date(last)}，看守所在押人员{n('population', 'held_end')}人，其中{statuses}；"
                f"未成年人{n('population', 'juveniles')}人；"
                f"留所服刑罪犯{n('population', 'serving_in_center')}人。"
                f"本月新收押{n('population', 'admitted')}人，"
                f"出所{split('population', 'discharged', 'discharged_by_kind', '人')}，"
                f"换押{n('population', 'handovers')}人次。",
            ],
        ),
        (
            "执法检察",
            [
                f"（一）巡视检察。本月开展巡视检察{n('patrols', 'count')}次，"
                f"{n('patrols', 'weeks')}个完整周中有{n('patrols', 'weeks_below')}周"
                f"少于每周{n('patrols', 'target_per_week', 2)}次；检察{inspected}。"
                f"调看监控{n('patrols', 'video_reviews')}次，查看录像{n('patrols', 'video_segments')}段，"
                f"通过监控发现问题{n('patrols', 'video_findings')}个。",
                f"（二）发现问题和口头纠正。本月发现问题{split('findings', 'count', 'by_severity', '个')}；"
                f"提出口头纠正意见{n('oral_corrections', 'count')}次，"
                f"已整改{n('oral_corrections', 'corrected')}次，"
                f"其中7日内整改{n('oral_corrections', 'corrected_in_time')}次，"
                f"因未整改转为制发纠正违法通知书{n('oral_corrections', 'escalated')}次。",
                f"（三）书面纠正。本月制发纠正违法通知书{n('notices', 'issued')}份，"
                f"收到回复{n('notices', 'replied')}份，被采纳{n('notices', 'adopted')}份，"
                f"逾期未回复{n('notices', 'overdue')}份，"
                f"向上一级人民检察院报告{n('notices', 'reported_upward')}份；"
                f"制发检察建议书{n('suggestions', 'issued')}份，收到回复{n('suggestions', 'replied')}份，"
                f"被采纳{n('suggestions', 'adopted')}份，逾期未回复{n('suggestions', 'overdue')}份，"
                f"向上级报告{n('suggestions', 'reported_upward')}份。",
                f"（四）羁押期限检察。本月羁押期限届满{n('custody', 'deadlines_reached')}人，"
                f"看守所按时发出羁押期限即将届满通知{n('custody', 'warnings_in_time')}人，"
                f"本月共发出即将届满通知{n('custody', 'warnings_sent')}份。"
                f"截至{format_date(last)}，超期羁押{n('custody', 'overdue_now')}人，"
                f"可能超期羁押待核实{n('custody', 'possible_overdue_now')}人，"
                f"留所服刑罪犯刑满未释放{n('custody', 'release_overdue_now')}人，"
                f"羁押期限即将届满{n('custody', 'warning_now')}人；"
                f"本月就超期羁押制发纠正违法通知书{n('custody', 'overdue_found')}份，"
                f"已纠正{n('custody', 'overdue_corrected')}件。",
                f"（五）交付执行检察。本月应交付执行{n('delivery', 'due')}人，"
                f"按期交付{n('delivery', 'delivered_on_time')}人，"
                f"逾期交付{n('delivery', 'delivered_late')}人；"
                f"截至{format_date(last)}，逾期未交付执行{n('delivery', 'overdue_now')}人，"
                f"判决生效逾十日未收到执行通知书{n('delivery', 'possible_now')}人；"
                f"决定留所服刑{n('delivery', 'serve_in_center_decisions')}人；"
                f"检察财物移交{n('delivery', 'property_checks')}人次，"
                f"发现问题{n('delivery', 'property_problems')}项。",
                f"（六）律师会见检察。检察律师会见{n('lawyer_meetings', 'checks')}次，"
                f"发现问题{n('lawyer_meetings', 'problems')}个。",
                *_leads_text(c.get("leads")),
            ],
        ),
        (
            "安全防范检察",
            [
                f"本月发生事故{split('incidents', 'count', 'by_kind', '起')}；"
                f"开展节前安全大检查{c.get('preholiday_inspections', 0)}次。",
            ],
        ),
        (
            "个别谈话",
            [
                f"本月个别谈话{split('talks', 'count', 'by_type', '人次')}，"
                f"{n('talks', 'weeks')}个完整周中有{n('talks', 'weeks_below')}周"
                f"少于每周{n('talks', 'target_per_week', 2)}人次。",
            ],
        ),
        (
            "检察信箱",
            [
                f"本月开启检察官信箱{n('mailbox', 'openings')}次，"
                f"收到来信{split('mailbox', 'letters', 'by_category', '件')}，"
                f"已办理答复{n('mailbox', 'answered')}件，"
                f"其中{review_days}日内答复{n('mailbox', 'answered_in_time')}件。",
            ],
        ),
        (
            "值班情况",
            [
                f"本月工作日{n('duty', 'workdays')}天，在岗检察人员少于{n('duty', 'target', 2)}人的"
                f"{n('duty', 'workdays_below')}天，未填写工作日志{n('duty', 'workdays_without_log')}天；"
                f"节假日值班{n('duty', 'holiday_duty_days')}天。",
                *_on_site_text(n("duty", "on_site", {})),  # type: ignore[arg-type]
            ],
        ),
    ]


def _leads_text(leads: Any) -> list[str]:
    """（七）监督线索: the month's leads by rule and outcome (absent from reports counted before leads)."""
    if not isinstance(leads, Mapping):
        return []
    total = int(leads.get("count", 0))
    raised = leads.get("raised", {})
    return [
        f"（七）台账审查和监督线索。本月发现监督线索{_with_parts(total, leads.get('by_rule', {}), '条')}，"
        f"核实情况：{_parts(leads.get('by_outcome', {}), '条') or '无'}；"
        f"据此记录问题{raised.get('finding', 0)}个，提出口头纠正意见{raised.get('oral_correction', 0)}次，"
        f"制发纠正违法通知书{raised.get('rectification_notice', 0)}份。"
    ]


def _on_site_text(on_site: Mapping[str, Any]) -> list[str]:
    """检察人员在岗天数 from the sign-ins (counts frozen before the roster existed have none)."""
    people = on_site.get("people") or []
    if not people:
        return []
    days = "、".join(f"{p['name']}{p['actual']}天" for p in people)
    text = f"检察人员实际在岗（签到）共{on_site.get('days', 0)}人日：{days}"
    target = int(on_site.get("target") or 0)
    if target:
        text += f"；每人每月在岗目标{target}天，未达到的{on_site.get('below_target', 0)}人"
    return [text + "。"]


def counted_up_to(counts: Mapping[str, Any], year: int, month: int) -> date:
    """The last day the counts cover: the month's end, or the day they were taken while it ran."""
    _, last = month_range(year, month)
    for key in ("as_of", "computed_on"):
        value = counts.get(key)
        if isinstance(value, str):
            try:
                return min(last, date.fromisoformat(value))
            except ValueError:
                continue
    return last


def build_monthly_report(doc: MonthlyReportDoc) -> bytes:
    _, last = month_range(doc.year, doc.month)
    as_of = counted_up_to(doc.counts, doc.year, doc.month)
    d = Document(f"{doc.year}年{doc.month}月工作情况报告", author=doc.signed_as)
    d.title(doc.signed_as, field="signed_as")
    d.title(f"{doc.year}年{doc.month}月工作情况报告")
    d.blank()
    period = f"{doc.year}年{doc.month}月"
    if as_of < last:  # the month still runs: say up to when
        period += f"1日至{as_of.day}日" if as_of.day > 1 else "1日"
    d.paragraph(Span(f"现将{period}派驻检察工作情况报告如下：", "intro"))
    numerals = "一二三四五六七八九十"
    k = 0
    for heading, paragraphs in report_sections(doc.counts, as_of):
        d.paragraph(Span(f"{numerals[k]}、{heading}", "heading", Role.HEI), keep_next=True)
        k += 1
        for text in paragraphs:
            d.paragraph(_heading_spans(text))
    manual = {key: doc.manual_items.get(key) for key, _ in MANUAL_SECTIONS}
    extra = [(str(key), value) for key, value in doc.manual_items.items() if key not in manual]
    for (key, title), value in [
        *((s, manual[s[0]]) for s in MANUAL_SECTIONS),
        *(((t, t), v) for t, v in extra),
    ]:
        texts = _manual_texts(value)
        if not texts:
            continue
        d.paragraph(Span(f"{numerals[k % 10]}、{title}", "heading", Role.HEI), keep_next=True)
        k += 1
        for text in texts:
            d.paragraph(Span(ensure_period(text), f"manual_items.{key}"))
    signed_on = doc.signed_on or _counted_on(doc.counts) or as_of
    d.signature(doc.signed_as, issue_date(signed_on, doc.date_style), field="signed_as")
    return d.render()


def _counted_on(counts: Mapping[str, Any]) -> date | None:
    """The day the counts were taken (the report's date until it is signed)."""
    value = counts.get("computed_on")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _heading_spans(text: str) -> list[Span]:
    """ "（一）标题。正文" → the heading part in 楷体, the rest in 仿宋."""
    if text.startswith("（") and "）" in text[:5] and "。" in text:
        cut = text.index("。") + 1
        return [Span(text[:cut], "counted_items", Role.KAI), Span(text[cut:], "counted_items")]
    return [Span(text, "counted_items")]


def _manual_texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_paragraphs(value)
    if isinstance(value, Iterable):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value)]


def load_monthly_report(store: Store, year: int, month: int) -> MonthlyReportDoc:
    """The report of ``year``-``month``: the frozen snapshot of a submitted or approved report, else
    counts computed now; manual items and the signature from the ``monthly_report`` row if any."""
    station_id = store.station_id
    key = f"{year:04d}-{month:02d}"
    with store.session(read_only=True) as s:
        station = load_station(s, station_id)
        rec = s.scalar(
            select(MonthlyReport).where(*_live(MonthlyReport, station_id), MonthlyReport.month == key)
        )
        if rec is not None and rec.status != "draft" and rec.counted_items:
            counts: Mapping[str, Any] = rec.counted_items
        else:
            counts = compute_monthly_counts(s, station_id, year, month)
        return MonthlyReportDoc(
            signed_as=(rec.signed_as if rec is not None and rec.signed_as else station.name),
            year=year,
            month=month,
            counts=counts,
            manual_items=dict(rec.manual_items) if rec is not None else {},
            signed_on=rec.signed_on if rec is not None else None,
            status=rec.status if rec is not None else "draft",
            date_style=date_style(s, station_id),
        )
