"""派驻检察工作日志 (docs/domain.md, "Daily log"): one day's work, compiled from that day's records.

Counts come from the records (patrols, talks, mailbox, findings, oral corrections, documents) and the
detainee register (population changes). A ``daily_log`` row, when there is one, adds who was on duty,
who wrote it and the narrative fields; once the author has confirmed it, the counts they confirmed
(``daily_log.counts``) take precedence over the computed ones.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from inspector.documents.common import label
from inspector.documents.layout import Cell, Column, Document, Span
from inspector.documents.queries import count_events, load_station, raw_id, user_names
from inspector.documents.queries import live as _live
from inspector.documents.records import FORM_SIZE, _label
from inspector.documents.rules_bridge import holiday_calendar
from inspector.documents.text import ensure_period, format_date, join_list
from inspector.domain import enums as e
from inspector.domain.validation import SHANGHAI
from inspector.store.models import (
    DailyLog,
    Detainee,
    Finding,
    MailboxLetter,
    MailboxOpening,
    OralCorrection,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.store import Store

__all__ = ["DailyLogDoc", "build_daily_log", "compile_daily_log", "day_bounds", "load_daily_log"]

WEEKDAYS = "一二三四五六日"


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC instants of the start of ``first`` and the end of ``last`` (Beijing days)."""
    start = datetime.combine(first, time(0), SHANGHAI).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), SHANGHAI).astimezone(UTC)
    return start, end


@dataclass
class DailyLogDoc:
    station_name: str
    log_date: date
    workday: bool | None = None
    staff_on_duty: list[str] = field(default_factory=list)
    author: str | None = None
    held: int = 0
    admitted: int = 0
    discharged: dict[str, int] = field(default_factory=dict)  # by Chinese label
    handovers: int = 0
    serve_in_center: int = 0
    patrols: int = 0
    places: list[str] = field(default_factory=list)
    video_reviews: int = 0
    video_segments: int = 0
    talks: dict[str, int] = field(default_factory=dict)  # by type label
    openings: int = 0
    letters: dict[str, int] = field(default_factory=dict)  # by category label
    findings: list[str] = field(default_factory=list)  # "[安全隐患] description"
    oral_corrections: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # issued today
    replies: list[str] = field(default_factory=list)  # replies received today
    supervision_summary: str | None = None
    adoption_feedback: str | None = None
    other_work: str | None = None
    confirmed: bool = False


def compile_daily_log(session: Session, station_id: uuid.UUID, day: date) -> DailyLogDoc:
    """Everything the log of ``day`` reports, read with a few aggregate queries."""
    start, end = day_bounds(day, day)
    station = load_station(session, station_id)
    doc = DailyLogDoc(station_name=station.name, log_date=day)
    doc.workday = holiday_calendar(session).is_working_day(day)
    if doc.workday is None:
        doc.workday = day.weekday() < 5

    # One pass over the people held at some time that day; the day's 换押 and 留所服刑 decisions are
    # counted through their custody events (the event table has no date index).
    people = session.execute(
        select(
            raw_id(Detainee.id).label("id"),
            Detainee.admitted_at,
            Detainee.discharged_on,
            Detainee.discharge_kind,
        ).where(
            *_live(Detainee, station_id),
            Detainee.admitted_at < end,
            or_(Detainee.discharged_on.is_(None), Detainee.discharged_on >= day),
        )
    ).all()
    doc.held = sum(1 for p in people if p.discharged_on is None or p.discharged_on > day)
    doc.admitted = sum(1 for p in people if p.admitted_at >= start)
    for p in people:
        if p.discharged_on == day:
            name = label(e.DischargeKind, p.discharge_kind) or "其他"
            doc.discharged[name] = doc.discharged.get(name, 0) + 1
    events = count_events(
        session, [p.id for p in people], day, day, ("custody_handover", "serve_in_center_decided")
    )
    doc.handovers = events.get("custody_handover", 0)
    doc.serve_in_center = events.get("serve_in_center_decided", 0)

    places: list[str] = []
    for areas, methods, segments in session.execute(
        select(Patrol.areas, Patrol.methods, Patrol.video_segments).where(
            *_live(Patrol, station_id), Patrol.patrol_date == day
        )
    ):
        doc.patrols += 1
        places += [a for a in areas or [] if a not in places]
        if "video" in (methods or []) or segments:
            doc.video_reviews += 1
        doc.video_segments += len(segments or [])
    doc.places = places

    for kind, n in session.execute(
        select(Talk.talk_type, func.count())
        .where(*_live(Talk, station_id), Talk.talk_at >= start, Talk.talk_at < end)
        .group_by(Talk.talk_type)
    ):
        doc.talks[label(e.TalkType, kind)] = int(n)

    doc.openings = int(
        session.scalar(
            select(func.count())
            .select_from(MailboxOpening)
            .where(
                *_live(MailboxOpening, station_id),
                MailboxOpening.opened_at >= start,
                MailboxOpening.opened_at < end,
            )
        )
        or 0
    )
    for cat, n in session.execute(
        select(MailboxLetter.category, func.count())
        .join(MailboxOpening, MailboxLetter.opening_id == MailboxOpening.id)
        .where(
            *_live(MailboxLetter, station_id),
            MailboxOpening.opened_at >= start,
            MailboxOpening.opened_at < end,
        )
        .group_by(MailboxLetter.category)
    ):
        doc.letters[label(e.LetterCategory, cat)] = int(n)

    for severity, text in session.execute(
        select(Finding.severity, Finding.description)
        .where(*_live(Finding, station_id), Finding.found_on == day)
        .order_by(Finding.created_at)
    ):
        doc.findings.append(f"［{label(e.Severity, severity)}］{ensure_period(text)}")
    for unit, facts in session.execute(
        select(OralCorrection.addressee_unit, OralCorrection.facts)
        .where(*_live(OralCorrection, station_id), OralCorrection.issued_on == day)
        .order_by(OralCorrection.created_at)
    ):
        doc.oral_corrections.append(f"向{unit}提出：{ensure_period(facts)}")

    for model, title in ((RectificationNotice, "纠正违法通知书"), (ProcuratorialSuggestion, "检察建议书")):
        for number, addressee in session.execute(
            select(model.doc_number, model.addressee).where(*_live(model, station_id), model.issued_on == day)
        ):
            doc.documents.append(f"向{addressee}制发{title}{'（' + number + '）' if number else ''}")
        for number, adopted in session.execute(
            select(model.doc_number, model.adopted).where(*_live(model, station_id), model.replied_on == day)
        ):
            verdict = "，已采纳" if adopted else ("，未采纳" if adopted is False else "")
            doc.replies.append(f"收到{title}{number or ''}的书面回复{verdict}")

    log = session.scalar(select(DailyLog).where(*_live(DailyLog, station_id), DailyLog.log_date == day))
    if log is not None:
        doc.staff_on_duty = user_names(session, log.staff_on_duty)
        authors = user_names(session, [log.author_id]) if log.author_id else []
        doc.author = authors[0] if authors else None
        doc.places += [p for p in log.places_inspected or [] if p not in doc.places]
        doc.supervision_summary = log.supervision_summary
        doc.adoption_feedback = log.adoption_feedback
        doc.other_work = log.other_work
        doc.confirmed = log.confirmed
        if log.confirmed:
            _apply_confirmed(doc, log.counts or {})
    return doc


def _apply_confirmed(doc: DailyLogDoc, counts: dict[str, Any]) -> None:
    """Counts the author confirmed replace computed ones (only known scalar keys)."""
    for key in ("held", "admitted", "handovers", "serve_in_center", "patrols", "video_reviews", "openings"):
        value = counts.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            setattr(doc, key, value)


def _counted(parts: dict[str, int], unit: str) -> str:
    return "、".join(f"{k}{v}{unit}" for k, v in parts.items() if v)


def build_daily_log(doc: DailyLogDoc) -> bytes:
    d = Document("派驻检察工作日志", author=doc.station_name)
    d.title("派驻检察工作日志")
    d.line(Span(doc.station_name, "station"), align="center")
    day_text = f"{format_date(doc.log_date)}（星期{WEEKDAYS[doc.log_date.weekday()]}）"
    if doc.workday is False:
        day_text += " 节假日"
    left = sum(doc.discharged.values())
    population = f"在押{doc.held}人；新收押{doc.admitted}人；出所{left}人"
    if left:
        population += f"（{_counted(doc.discharged, '人')}）"
    population += f"；换押{doc.handovers}人；决定留所服刑{doc.serve_in_center}人。"
    patrol = f"巡视检察{doc.patrols}次。"
    if doc.places:
        patrol += "检察场所：" + join_list(doc.places) + "。"
    video = f"调看监控{doc.video_reviews}次" + (
        f"，查看监控录像{doc.video_segments}段。" if doc.video_segments else "。"
    )
    talks_total = sum(doc.talks.values())
    talks = f"个别谈话{talks_total}人次" + (f"（{_counted(doc.talks, '人次')}）。" if talks_total else "。")
    letters_total = sum(doc.letters.values())
    mailbox = f"开启检察官信箱{doc.openings}次，收到来信{letters_total}件" + (
        f"（{_counted(doc.letters, '件')}）。" if letters_total else "。"
    )
    findings = f"发现问题{len(doc.findings)}个" + ("：\n" + "\n".join(doc.findings) if doc.findings else "。")
    orals = f"提出口头纠正意见{len(doc.oral_corrections)}次" + (
        "：\n" + "\n".join(doc.oral_corrections) if doc.oral_corrections else "。"
    )
    supervision = doc.supervision_summary or "\n".join(doc.documents) or "无"
    feedback = doc.adoption_feedback or "\n".join(doc.replies) or "无"
    duty = join_list(doc.staff_on_duty)
    if doc.staff_on_duty:
        duty += f"（{len(doc.staff_on_duty)}人）"
    rows: list[list[Cell | str]] = [
        [_label("日期"), Cell(day_text), _label("填写人"), Cell(doc.author or "")],
        [_label("值班人员"), Cell(duty, colspan=3)],
        [_label("在押人员"), Cell(population, colspan=3)],
        [_label("巡视检察"), Cell(patrol, colspan=3)],
        [_label("监控检察"), Cell(video, colspan=3)],
        [_label("个别谈话"), Cell(talks, colspan=3)],
        [_label("检察信箱"), Cell(mailbox, colspan=3)],
        [_label("发现问题"), Cell(findings, colspan=3)],
        [_label("口头纠正"), Cell(orals, colspan=3)],
        [_label("检察监督情况"), Cell(supervision, colspan=3)],
        [_label("采纳反馈情况"), Cell(feedback, colspan=3)],
        [_label("其他工作"), Cell(doc.other_work or "无", colspan=3)],
    ]
    d.table(
        [Column("", 1.45), Column("", 2.75), Column("", 1.1), Column("", 1.7)],
        rows,
        field="daily_log",
        size=FORM_SIZE - 2,
        header=False,
        min_row_height=26.0,
    )
    d.blank()
    status = "日志已由填写人确认。" if doc.confirmed else "日志尚未确认（数字由系统根据当日记录生成）。"
    d.line(Span(status, "confirmed"), indent=0, size=FORM_SIZE - 2)
    d.line(Span("填写人（签名）：　　　　　　　审核人（签名）：", "signature"), indent=6, size=FORM_SIZE)
    return d.render()


def load_daily_log(store: Store, day: date) -> DailyLogDoc:
    station_id = store.station_id
    with store.session(read_only=True) as s:
        return compile_daily_log(s, station_id, day)
