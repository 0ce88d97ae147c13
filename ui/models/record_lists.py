"""What each list page shows: its query and its columns (docs/ui.md, "Lists").

Every list is a :class:`RecordList` handed to the one generic
:class:`~ui.models.record_table_model.RecordTableModel`; nothing here is a widget.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from sqlalchemy import func, literal, select, union_all
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from inspector.domain.enums import DocumentState, Gender, PatrolMethod, Stage, TalkType
from inspector.store.models import (
    AppUser,
    CustodyStatus,
    Detainee,
    Finding,
    MailboxOpening,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.repository import today_local
from ui.formatting import (
    enum_label,
    enum_labels,
    first_line,
    fmt_date,
    fmt_time_range,
    join_list,
    mask_id_number,
)
from ui.models.record_table_model import CENTER, AnySelect, Column, RecordQuery
from ui.queries import AWAITING_REPLY

DESC = Qt.SortOrder.DescendingOrder
ASC = Qt.SortOrder.AscendingOrder

OVERDUE = QColor("#c62828")
DUE_SOON = QColor("#b26a00")
DUE_SOON_DAYS = 3


def _tr(text: str) -> str:  # for strings built at run time; literals below use translate() directly
    return QCoreApplication.translate("RecordLists", text)


@dataclass(frozen=True)
class Listed:
    """A row of a list: the record (an ORM object or a result row) plus values worked out for it."""

    record: Any
    extra: Mapping[str, Any]

    @property
    def id(self) -> uuid.UUID:
        return self.record.id  # type: ignore[no-any-return]

    def __getitem__(self, key: str) -> Any:
        return self.extra[key]


@dataclass(frozen=True)
class RecordList:
    """One list page: title, query, columns and the order it opens in."""

    key: str
    title: str
    subtitle: str
    unit: str  # counted noun: 共 N 条 / 共 N 人
    query: RecordQuery
    columns: list[Column]
    sort_column: int = 0
    sort_order: Qt.SortOrder = DESC


# ---- helpers ----------------------------------------------------------------------------------------


def _user_names(session: Session) -> dict[str, str]:
    """app_user id (as stored in the JSON id lists, with or without dashes) → display name."""
    names: dict[str, str] = {}
    for user_id, name in session.execute(select(AppUser.id, AppUser.display_name)):
        names[str(user_id)] = name
        names[user_id.hex] = name
    return names


def _names(ids: Sequence[Any] | None, names: Mapping[str, str]) -> str:
    return join_list(names.get(str(i), _tr("（未知用户）")) for i in ids or ())


def _with_people(
    fields: Mapping[str, Callable[[Any], Sequence[Any] | None]],
) -> Callable[[Session, Sequence[Row[Any]]], list[Any]]:
    """A ``make_rows`` that resolves lists of app_user ids into names, plus any extra labelled columns."""

    def make_rows(session: Session, rows: Sequence[Row[Any]]) -> list[Any]:
        names = _user_names(session)
        out: list[Any] = []
        for row in rows:
            record, rest = row[0], row._mapping
            extra: dict[str, Any] = {k: v for k, v in rest.items() if isinstance(k, str) and v is not record}
            for key, get_ids in fields.items():
                extra[key] = _names(get_ids(record), names)
            out.append(Listed(record, extra))
        return out

    return make_rows


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


# ---- 巡视检察 ----------------------------------------------------------------------------------------


def patrol_list() -> RecordList:
    findings = (
        select(func.count(Finding.id))
        .where(Finding.patrol_id == Patrol.id, _live(Finding))
        .correlate(Patrol)
        .scalar_subquery()
    )
    stmt: AnySelect = select(Patrol, findings.label("findings")).where(_live(Patrol))
    query = RecordQuery(stmt, Patrol.id, make_rows=_with_people({"people": lambda p: p.participant_ids}))
    t = QCoreApplication.translate
    columns = [
        Column(t("RecordLists", "日期"), lambda r: r.record.patrol_date, sort=Patrol.patrol_date, width=100),
        Column(
            t("RecordLists", "时段"),
            lambda r: (r.record.start_time, r.record.end_time),
            text=lambda v: fmt_time_range(*v),
            sort=Patrol.start_time,
            width=100,
        ),
        Column(t("RecordLists", "巡视区域"), lambda r: join_list(r.record.areas), width=260),
        Column(t("RecordLists", "方式"), lambda r: enum_labels(PatrolMethod, r.record.methods), width=220),
        Column(
            t("RecordLists", "发现问题数"), lambda r: r["findings"], sort=findings, align=CENTER, width=90
        ),
        Column(t("RecordLists", "检察人员"), lambda r: r["people"], stretch=True),
    ]
    return RecordList(
        "patrols",
        t("RecordLists", "巡视检察"),
        t("RecordLists", "监区、监室、禁闭室、医疗室等场所的巡视检察记录"),
        t("RecordLists", "次"),
        query,
        columns,
    )


# ---- 个别谈话 ----------------------------------------------------------------------------------------


def talk_list() -> RecordList:
    # The detainee's particulars as they were at the talk, falling back to the register.
    name = func.coalesce(func.json_extract(Talk.detainee_snapshot, "$.name"), Detainee.name)
    cell = func.coalesce(func.json_extract(Talk.detainee_snapshot, "$.cell"), Detainee.cell)
    stmt: AnySelect = (
        select(Talk, name.label("detainee_name"), cell.label("cell"))
        .join(Detainee, Detainee.id == Talk.detainee_id)
        .where(_live(Talk))
    )
    query = RecordQuery(stmt, Talk.id, make_rows=_with_people({"people": lambda t: t.interviewer_ids}))
    t = QCoreApplication.translate
    columns = [
        Column(t("RecordLists", "日期"), lambda r: r.record.talk_at, sort=Talk.talk_at, width=140),
        Column(t("RecordLists", "在押人员"), lambda r: r["detainee_name"], sort=name, width=110),
        Column(t("RecordLists", "监室"), lambda r: r["cell"], sort=cell, width=80),
        Column(
            t("RecordLists", "谈话类型"),
            lambda r: enum_label(TalkType, r.record.talk_type),
            sort=Talk.talk_type,
            width=120,
        ),
        Column(t("RecordLists", "谈话人"), lambda r: r["people"], width=200),
        Column(
            t("RecordLists", "是否反映问题"),
            lambda r: r.record.issues_raised,
            sort=Talk.issues_raised,
            align=CENTER,
            width=110,
        ),
        Column(t("RecordLists", "反映问题摘要"), lambda r: first_line(r.record.issues_summary), stretch=True),
    ]
    return RecordList(
        "talks",
        t("RecordLists", "个别谈话"),
        t("RecordLists", "与在押人员个别谈话的记录"),
        t("RecordLists", "次"),
        query,
        columns,
    )


# ---- 检察官信箱 --------------------------------------------------------------------------------------


def mailbox_list() -> RecordList:
    stmt: AnySelect = select(MailboxOpening).where(_live(MailboxOpening))
    query = RecordQuery(stmt, MailboxOpening.id, make_rows=_with_people({"people": lambda m: m.opener_ids}))
    t = QCoreApplication.translate
    columns = [
        Column(
            t("RecordLists", "开启日期"),
            lambda r: r.record.opened_at,
            sort=MailboxOpening.opened_at,
            width=140,
        ),
        Column(
            t("RecordLists", "信箱位置"),
            lambda r: r.record.mailbox_location,
            sort=MailboxOpening.mailbox_location,
            width=160,
        ),
        Column(t("RecordLists", "开启人"), lambda r: r["people"], width=220),
        Column(
            t("RecordLists", "信件数"),
            lambda r: r.record.letter_count,
            sort=MailboxOpening.letter_count,
            align=CENTER,
            width=80,
        ),
        Column(
            t("RecordLists", "有价值线索"),
            lambda r: r.record.has_valuable_lead,
            sort=MailboxOpening.has_valuable_lead,
            align=CENTER,
            width=100,
        ),
        Column(t("RecordLists", "线索摘要"), lambda r: first_line(r.record.lead_summary), stretch=True),
    ]
    return RecordList(
        "mailbox",
        t("RecordLists", "检察官信箱"),
        t("RecordLists", "检察官信箱的开启记录"),
        t("RecordLists", "次"),
        query,
        columns,
    )


# ---- 纠正与建议 --------------------------------------------------------------------------------------

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
_AWAITING = frozenset(s.value for s in AWAITING_REPLY)


def _document_kind(kind: str) -> str:
    if kind == NOTICE:
        return QCoreApplication.translate("RecordLists", "纠正违法通知书")
    if kind == SUGGESTION:
        return QCoreApplication.translate("RecordLists", "检察建议书")
    return kind


def days_left(state: str | None, reply_due: date | None, today: date | None = None) -> int | None:
    """Days until the reply is due, for documents waiting for a reply; negative when overdue."""
    if state not in _AWAITING or reply_due is None:
        return None
    return (reply_due - (today or today_local())).days


def _days_left_text(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return _tr("逾期 {n} 天").format(n=-days)
    if days == 0:
        return _tr("今天到期")
    return _tr("{n} 天").format(n=days)


def _days_left_colour(row: Any) -> QColor | None:
    days = days_left(row.record.state, row.record.reply_due)
    if days is None:
        return None
    if days < 0:
        return OVERDUE
    return DUE_SOON if days <= DUE_SOON_DAYS else None


def correction_list(*, awaiting_reply_only: bool = False) -> RecordList:
    """纠正违法通知书 and 检察建议书 together (oral corrections will join them)."""
    docs = []
    for model, kind, subject in (
        (RectificationNotice, NOTICE, RectificationNotice.facts),
        (ProcuratorialSuggestion, SUGGESTION, ProcuratorialSuggestion.facts_found),
    ):
        part = select(
            model.id.label("id"),
            literal(kind).label("kind"),
            model.doc_number.label("doc_number"),
            model.addressee.label("addressee"),
            subject.label("subject"),
            model.state.label("state"),
            model.issued_on.label("issued_on"),
            model.reply_due.label("reply_due"),
            model.created_at.label("created_at"),
        ).where(_live(model))
        if awaiting_reply_only:
            part = part.where(model.state.in_(sorted(_AWAITING)))
        docs.append(part)
    u = union_all(*docs).subquery("documents")
    query = RecordQuery(select(u), u.c.id, make_rows=lambda s, rows: [Listed(r, {}) for r in rows])
    t = QCoreApplication.translate
    columns = [
        Column(
            t("RecordLists", "文号"),
            lambda r: r.record.doc_number,
            text=lambda v: v or QCoreApplication.translate("RecordLists", "（未编号）"),
            sort=u.c.doc_number,
            width=190,
        ),
        Column(t("RecordLists", "类型"), lambda r: _document_kind(r.record.kind), sort=u.c.kind, width=120),
        Column(t("RecordLists", "对象"), lambda r: r.record.addressee, sort=u.c.addressee, width=160),
        Column(t("RecordLists", "事由"), lambda r: first_line(r.record.subject, 80), stretch=True),
        Column(
            t("RecordLists", "状态"),
            lambda r: enum_label(DocumentState, r.record.state),
            sort=u.c.state,
            width=90,
        ),
        Column(t("RecordLists", "签发日期"), lambda r: r.record.issued_on, sort=u.c.issued_on, width=100),
        Column(t("RecordLists", "回复期限"), lambda r: r.record.reply_due, sort=u.c.reply_due, width=100),
        Column(
            t("RecordLists", "剩余天数"),
            lambda r: days_left(r.record.state, r.record.reply_due),
            text=_days_left_text,
            sort=u.c.reply_due,
            align=CENTER,
            foreground=_days_left_colour,
            width=100,
        ),
    ]
    return RecordList(
        "corrections",
        t("RecordLists", "纠正与建议"),
        t("RecordLists", "纠正违法通知书、检察建议书及其送达、回复和整改情况"),
        t("RecordLists", "份"),
        query,
        columns,
        sort_column=6 if awaiting_reply_only else 5,
        sort_order=ASC if awaiting_reply_only else DESC,
    )


# ---- 在押人员 ----------------------------------------------------------------------------------------


def _deadline_colour(row: Any) -> QColor | None:
    deadline, warning_from = row["deadline"], row["warning_from"]
    today = today_local()
    if deadline is not None and deadline < today:
        return OVERDUE
    if warning_from is not None and warning_from <= today:
        return DUE_SOON
    return None


def _refresh_custody(store: Any) -> None:
    from ui.queries import refresh_custody_cache

    refresh_custody_cache(store)


def detainee_list() -> RecordList:
    """Everyone in custody, with the custody deadline from the cache (``custody_status``), joined in
    SQL so that the column sorts; the cache is refreshed (rules engine) before every load."""
    stmt: AnySelect = (
        select(
            Detainee,
            CustodyStatus.deadline.label("deadline"),
            CustodyStatus.warning_from.label("warning_from"),
            CustodyStatus.basis.label("basis"),
        )
        .outerjoin(CustodyStatus, CustodyStatus.detainee_id == Detainee.id)
        .where(_live(Detainee), Detainee.discharged_on.is_(None))
    )
    query = RecordQuery(
        stmt,
        Detainee.id,
        make_rows=lambda s, rows: [Listed(r[0], dict(r._mapping)) for r in rows],
        prepare=_refresh_custody,
    )
    t = QCoreApplication.translate
    columns = [
        Column(t("RecordLists", "姓名"), lambda r: r.record.name, sort=Detainee.name, width=90),
        Column(
            t("RecordLists", "性别"),
            lambda r: enum_label(Gender, r.record.gender),
            sort=Detainee.gender,
            align=CENTER,
            width=50,
        ),
        Column(
            t("RecordLists", "身份证号"),
            lambda r: mask_id_number(r.record.id_number),
            sort=func.substr(Detainee.id_number, -4),  # by the visible digits only
            width=170,
        ),
        Column(t("RecordLists", "监室"), lambda r: r.record.cell, sort=Detainee.cell, align=CENTER, width=60),
        Column(
            t("RecordLists", "入所日期"),
            lambda r: r.record.admitted_at,
            text=fmt_date,
            sort=Detainee.admitted_at,
            width=100,
        ),
        Column(
            t("RecordLists", "诉讼阶段"),
            lambda r: enum_label(Stage, r.record.stage),
            sort=Detainee.stage,
            width=140,
        ),
        Column(
            t("RecordLists", "羁押期限届满日"),
            lambda r: r["deadline"],
            sort=CustodyStatus.deadline,
            foreground=_deadline_colour,
            width=120,
        ),
        Column(t("RecordLists", "涉嫌罪名"), lambda r: r.record.charges, sort=Detainee.charges, width=140),
        Column(
            t("RecordLists", "办案机关"),
            lambda r: r.record.case_authority,
            sort=Detainee.case_authority,
            stretch=True,
        ),
    ]
    return RecordList(
        "detainees",
        t("RecordLists", "在押人员"),
        t("RecordLists", "目前在所的在押人员（已出所人员不在此列）"),
        t("RecordLists", "人"),
        query,
        columns,
        sort_column=4,
        sort_order=DESC,
    )
