"""在押人员情况检察台账: an extract of the detainee register — everyone held on a given day.

The deadline column is the current custody deadline from the rules engine
(:func:`inspector.rules.custody.custody_deadline`); for a 留所服刑 convict it is the 刑满释放日期, and
says so; where no deadline runs or it cannot be computed, the stage's start date is shown instead,
marked "起".
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspector.documents.common import label
from inspector.documents.daily_log import day_bounds
from inspector.documents.layout import Column, Document, Span
from inspector.documents.queries import custody_events_of, live, load_station, raw_id
from inspector.documents.records import short_date
from inspector.documents.rules_bridge import custody_deadline_of, holiday_calendar, rule_settings
from inspector.documents.text import format_date
from inspector.domain import enums as e
from inspector.store.models import Detainee
from inspector.store.store import Store

__all__ = ["RegisterDoc", "RegisterRow", "build_register", "compile_register", "load_register"]


@dataclass
class RegisterRow:
    name: str
    gender: str  # Chinese label
    cell: str
    admitted_on: date | None
    stage: str  # Chinese label
    deadline: date | None = None
    stage_started_on: date | None = None
    case_authority: str = ""
    serving: bool = False  # 留所服刑: the date is the 刑满释放日期, not a custody limit


@dataclass
class RegisterDoc:
    detention_center: str
    station_name: str
    as_of: date
    rows: list[RegisterRow] = field(default_factory=list)


def compile_register(session: Session, station_id: uuid.UUID, as_of: date) -> RegisterDoc:
    """Everyone held at the end of ``as_of``, ordered by 监室 and name, with their custody deadlines."""
    from inspector.domain.validation import local_date

    _, end = day_bounds(as_of, as_of)
    station = load_station(session, station_id)
    held = [
        *live(Detainee, station_id),
        Detainee.admitted_at < end,
        or_(Detainee.discharged_on.is_(None), Detainee.discharged_on > as_of),
    ]
    people = session.execute(
        select(
            raw_id(Detainee.id).label("id"),
            Detainee.name,
            Detainee.gender,
            Detainee.cell,
            Detainee.admitted_at,
            Detainee.stage,
            Detainee.stage_started_on,
            Detainee.multiple_or_gang,
            Detainee.discharged_on,
            Detainee.sentence_kind,
            Detainee.term_end,
            Detainee.case_authority,
        )
        .where(*held)
        .order_by(Detainee.cell, Detainee.name)
    ).all()
    events = custody_events_of(session, [p.id for p in people], as_of)
    settings = rule_settings(session, station_id)
    cal = holiday_calendar(session)
    rows = [
        RegisterRow(
            name=p.name,
            gender=label(e.Gender, p.gender),
            cell=p.cell or "",
            admitted_on=local_date(p.admitted_at),
            stage=label(e.Stage, p.stage),
            deadline=custody_deadline_of(p, events.get(p.id, ()), settings, as_of, cal),
            stage_started_on=p.stage_started_on,
            case_authority=p.case_authority or "",
            serving=p.stage == e.Stage.SERVING_IN_CENTER.value,
        )
        for p in people
    ]
    return RegisterDoc(station.detention_center, station.name, as_of, rows)


def _deadline_text(row: RegisterRow) -> str:
    if row.deadline is not None and row.serving:  # a sentence's end, not a custody limit
        return f"{SERVING_DATE} {short_date(row.deadline)}"
    if row.deadline is not None:
        return short_date(row.deadline)
    return f"{short_date(row.stage_started_on)}起" if row.stage_started_on else ""


SERVING_DATE = "刑满释放日期"


def build_register(doc: RegisterDoc) -> bytes:
    d = Document("在押人员情况检察台账", author=doc.station_name)
    d.title("在押人员情况检察台账")
    d.line(
        Span(f"{doc.detention_center}　截至{format_date(doc.as_of)}　在押{len(doc.rows)}人", "register"),
        align="center",
        size=14.0,
    )
    columns = [  # widths in mm
        Column("序号", 11, "center"),
        Column("姓名", 17, "center"),
        Column("性别", 9, "center"),
        Column("监室", 11, "center"),
        Column("入所日期", 19, "center"),
        Column("诉讼环节", 31, "center"),  # 判决生效待交付执行 on one line
        Column("办案机关", 39),
        Column("羁押期限", 19, "center"),
    ]
    d.table(columns, _rows(doc.rows), field="detainee", size=9.0, leading=12.5)
    return d.render()


def _rows(rows: Iterable[RegisterRow]) -> Iterable[list[str]]:
    for i, r in enumerate(rows, start=1):
        yield [
            str(i),
            r.name,
            r.gender,
            r.cell,
            short_date(r.admitted_on),
            r.stage,
            r.case_authority,
            _deadline_text(r),
        ]


def load_register(store: Store, as_of: date) -> RegisterDoc:
    station_id = store.station_id
    with store.session(read_only=True) as s:
        return compile_register(s, station_id, as_of)
