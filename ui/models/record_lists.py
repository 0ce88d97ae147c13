"""What each list page shows: its query, its columns and its filters (docs/ui.md, "Lists").

Every list is a :class:`RecordList` handed to the one generic
:class:`~ui.models.record_table_model.RecordTableModel`; nothing here is a widget. What the filter bar
of a list searches is data too (:class:`Filters`): which text the search box matches (:class:`Contains`
and its siblings, or a core search such as ``search_detainees``), which column the date range is on,
and which ``WHERE`` each choice of the state filter adds (:class:`Choice`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    String,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from inspector.domain.enums import DocumentState, Gender, LetterStatus, PatrolMethod, Stage, TalkType
from inspector.domain.validation import SHANGHAI
from inspector.store.collation import pinyin_order
from inspector.store.models import (
    AppUser,
    CustodyStatus,
    Detainee,
    Finding,
    MailboxLetter,
    MailboxOpening,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.queries import search_detainees
from inspector.store.repository import today_local
from inspector.store.store import Store
from inspector.store.types import UTCDateTime
from ui.formatting import (
    enum_label,
    enum_labels,
    first_line,
    fmt_date,
    fmt_time_range,
    join_list,
    mask_id_number,
)
from ui.models.record_table_model import CENTER, AnySelect, Column, RecordQuery, Where
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


# ---- filters ----------------------------------------------------------------------------------------


def like_pattern(text: str) -> str:
    """``%text%`` for ``LIKE … ESCAPE '\\'``, with the text's own ``%``, ``_`` and ``\\`` taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Match(Protocol):
    """One way the search box's text can match a row of a list."""

    def where(self, pattern: str) -> ColumnElement[bool]:
        """The condition for a ``LIKE`` pattern (:func:`like_pattern`)."""
        ...


@dataclass(frozen=True)
class Contains:
    """The text is part of a text column (or expression) of the row."""

    column: SQLColumnExpression[Any]

    def where(self, pattern: str) -> ColumnElement[bool]:
        return self.column.like(pattern, escape="\\")


@dataclass(frozen=True)
class ItemContains:
    """The text is part of an item of a JSON list of text (e.g. 巡视区域)."""

    column: SQLColumnExpression[Any]

    def where(self, pattern: str) -> ColumnElement[bool]:
        items = func.json_each(self.column).table_valued("value")
        return exists().select_from(items).where(items.c.value.like(pattern, escape="\\"))


@dataclass(frozen=True)
class PersonContains:
    """The text is part of the name of a user in a JSON list of app_user ids (e.g. 检察人员)."""

    column: SQLColumnExpression[Any]

    def where(self, pattern: str) -> ColumnElement[bool]:
        items = func.json_each(self.column).table_valued("value")
        # The lists hold ids with dashes or without; the table holds the 32 hex digits.
        user = type_coerce(AppUser.id, String()) == func.replace(items.c.value, "-", "")
        return exists().select_from(items).where(user, AppUser.display_name.like(pattern, escape="\\"))


@dataclass(frozen=True)
class RelatedContains:
    """The text is part of a column of a related record (e.g. the subject of a letter of an opening)."""

    column: SQLColumnExpression[Any]
    link: ColumnElement[bool]
    """Joins the related record to the listed one (and leaves out deleted ones)."""

    def where(self, pattern: str) -> ColumnElement[bool]:
        return exists().where(self.link, self.column.like(pattern, escape="\\"))


@dataclass(frozen=True)
class Choice:
    """One entry of a list's state filter: its label and the ``WHERE`` it adds (``None``: nothing)."""

    label: str
    where: ColumnElement[bool] | None = None
    key: str = ""
    """A name for code that needs one (e.g. a search that only looks at people still held)."""


Finder = Callable[[Store, str, Choice], Collection[uuid.UUID]]
"""A core search for the text of the search box: (store, text, chosen state) → the ids it finds."""


@dataclass(frozen=True)
class Criteria:
    """What the filter bar says: search text, date range (either end open), state (index in the
    list's choices; ``None``: the list's default)."""

    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    choice: int | None = None


@dataclass(frozen=True)
class Filters:
    """What a list's filter bar searches: all of it data, read by the view and turned into a ``WHERE``
    by :meth:`where`."""

    search_hint: str
    """Placeholder of the search box: what it matches."""
    matches: tuple[Match, ...] = ()
    """The text matches a row if any of these does (``LIKE``)."""
    find: Finder | None = None
    """Or: a core search gives the ids (the text is not matched with ``LIKE`` then)."""
    date_label: str = ""
    date_column: SQLColumnExpression[Any] | None = None
    """The list's main date: a ``date`` column, or a UTC timestamp (whole Beijing days then)."""
    state_label: str = ""
    choices: tuple[Choice, ...] = ()
    default_choice: int = 0

    def choice(self, criteria: Criteria) -> Choice | None:
        index = self.default_choice if criteria.choice is None else criteria.choice
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def is_default(self, criteria: Criteria) -> bool:
        """True when the criteria narrow nothing beyond how the list opens."""
        chosen = self.default_choice if criteria.choice is None else criteria.choice
        return (
            not criteria.text.strip()
            and criteria.date_from is None
            and criteria.date_to is None
            and chosen == self.default_choice
        )

    def where(self, criteria: Criteria, id_column: SQLColumnExpression[Any]) -> Where:
        """The model's filter (:meth:`RecordTableModel.set_filter`) for ``criteria``: run in the
        background, it returns the ``WHERE`` terms (and runs :attr:`find` there, if any)."""
        terms: list[ColumnElement[bool]] = []
        choice = self.choice(criteria)
        if choice is not None and choice.where is not None:
            terms.append(choice.where)
        if self.date_column is not None:
            terms.extend(_date_terms(self.date_column, criteria.date_from, criteria.date_to))
        text = criteria.text.strip()
        find = self.find
        if text and find is None and self.matches:
            pattern = like_pattern(text)
            terms.append(or_(*(m.where(pattern) for m in self.matches)))
        if not text or find is None:
            return lambda _store: terms

        def with_search(store: Store) -> list[ColumnElement[bool]]:
            found = find(store, text, choice or Choice(""))
            return [*terms, _id_in(id_column, found)]

        return with_search


def _date_terms(column: SQLColumnExpression[Any], first: date | None, last: date | None) -> list[Any]:
    """``first`` ≤ the column's date ≤ ``last`` (either may be open)."""
    terms: list[Any] = []
    if isinstance(getattr(column, "type", None), UTCDateTime):  # an instant: Beijing days first to last
        if first is not None:
            terms.append(column >= datetime.combine(first, time(0), SHANGHAI).astimezone(UTC))
        if last is not None:
            end = datetime.combine(last + timedelta(days=1), time(0), SHANGHAI).astimezone(UTC)
            terms.append(column < end)
    else:
        if first is not None:
            terms.append(column >= first)
        if last is not None:
            terms.append(column <= last)
    return terms


def _id_in(id_column: SQLColumnExpression[Any], ids: Collection[uuid.UUID]) -> ColumnElement[bool]:
    """``id IN (…)`` for any number of ids: one JSON array parameter (SQLite allows 32,766 parameters,
    a search may find 100,000 people), compared as the 32 hex digits the database holds."""
    if not ids:
        return false()
    values = func.json_each(literal(json.dumps([i.hex for i in ids]), String())).table_valued("value")
    return type_coerce(id_column, String()).in_(select(values.c.value))


@dataclass(frozen=True)
class RecordList:
    """One list page: title, query, columns, the order it opens in, and its filter bar."""

    key: str
    title: str
    subtitle: str
    unit: str  # counted noun: 共 N 条 / 共 N 人
    query: RecordQuery
    columns: list[Column]
    sort_column: int = 0
    sort_order: Qt.SortOrder = DESC
    filters: Filters = field(default_factory=lambda: Filters(""))

    def where(self, criteria: Criteria) -> Where:
        """The model's filter for what the filter bar says (see :meth:`Filters.where`)."""
        return self.filters.where(criteria, self.query.id_column)


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


def _everything() -> Choice:
    return Choice(QCoreApplication.translate("RecordLists", "全部"))


def _json_list_has(column: SQLColumnExpression[Any], value: str) -> ColumnElement[bool]:
    items = func.json_each(column).table_valued("value")
    return exists().select_from(items).where(items.c.value == value)


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
    filters = Filters(
        t("RecordLists", "搜索巡视区域、检察人员、发现的问题…"),
        matches=(
            ItemContains(Patrol.areas),
            PersonContains(Patrol.participant_ids),
            Contains(Patrol.summary),
            RelatedContains(Finding.description, (Finding.patrol_id == Patrol.id) & _live(Finding)),
        ),
        date_label=t("RecordLists", "日期"),
        date_column=Patrol.patrol_date,
        state_label=t("RecordLists", "方式"),
        choices=(
            _everything(),
            *(Choice(m.label, _json_list_has(Patrol.methods, m.value), m.value) for m in PatrolMethod),
        ),
    )
    return RecordList(
        "patrols",
        t("RecordLists", "巡视检察"),
        t("RecordLists", "监区、监室、禁闭室、医疗室等场所的巡视检察记录"),
        t("RecordLists", "次"),
        query,
        columns,
        filters=filters,
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
        Column(
            t("RecordLists", "在押人员"), lambda r: r["detainee_name"], sort=pinyin_order(name), width=110
        ),
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
    filters = Filters(
        t("RecordLists", "搜索在押人员、监室、谈话人、反映的问题…"),
        matches=(
            Contains(name),
            Contains(cell),
            PersonContains(Talk.interviewer_ids),
            Contains(Talk.issues_summary),
        ),
        date_label=t("RecordLists", "谈话日期"),
        date_column=Talk.talk_at,
        state_label=t("RecordLists", "谈话类型"),
        choices=(_everything(), *(Choice(m.label, Talk.talk_type == m.value, m.value) for m in TalkType)),
    )
    return RecordList(
        "talks",
        t("RecordLists", "个别谈话"),
        t("RecordLists", "与在押人员个别谈话的记录"),
        t("RecordLists", "次"),
        query,
        columns,
        filters=filters,
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
    letter_of_opening = (MailboxLetter.opening_id == MailboxOpening.id) & _live(MailboxLetter)
    open_letter = exists().where(letter_of_opening, MailboxLetter.status.in_(sorted(_LETTER_OPEN)))
    filters = Filters(
        t("RecordLists", "搜索信箱位置、开启人、线索、来信事由…"),
        matches=(
            Contains(MailboxOpening.mailbox_location),
            PersonContains(MailboxOpening.opener_ids),
            Contains(MailboxOpening.lead_summary),
            RelatedContains(MailboxLetter.subject, letter_of_opening),
        ),
        date_label=t("RecordLists", "开启日期"),
        date_column=MailboxOpening.opened_at,
        state_label=t("RecordLists", "情况"),
        choices=(
            _everything(),
            Choice(t("RecordLists", "有来信"), MailboxOpening.letter_count > 0, "letters"),
            Choice(t("RecordLists", "无来信"), MailboxOpening.letter_count == 0, "no_letters"),
            Choice(t("RecordLists", "有价值线索"), MailboxOpening.has_valuable_lead.is_(True), "lead"),
            Choice(t("RecordLists", "有来信待办理"), open_letter, "open_letters"),
        ),
    )
    return RecordList(
        "mailbox",
        t("RecordLists", "检察官信箱"),
        t("RecordLists", "检察官信箱的开启记录"),
        t("RecordLists", "次"),
        query,
        columns,
        filters=filters,
    )


# Letters still being dealt with (registered, under review, transferred and awaiting the result).
_LETTER_OPEN = frozenset(
    s.value for s in (LetterStatus.REGISTERED, LetterStatus.IN_REVIEW, LetterStatus.TRANSFERRED)
)


# ---- 纠正与建议 --------------------------------------------------------------------------------------

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
_AWAITING = frozenset(s.value for s in AWAITING_REPLY)


# Oral corrections are rows of 纠正与建议 too, with a state of their own and the follow-up date as their
# 回复期限 (not corrected and not escalated: ORAL_OPEN).
ORAL = "oral_correction"
ORAL_OPEN = "oral_open"
_ORAL_STATES = {ORAL_OPEN: "跟踪中", "oral_corrected": "已纠正", "oral_escalated": "已制发通知书"}


def _oral_part() -> AnySelect:
    from sqlalchemy import case

    from inspector.store.models import OralCorrection

    escalated = exists().where(
        RectificationNotice.oral_correction_id == OralCorrection.id, _live(RectificationNotice)
    )
    state = case(
        (OralCorrection.corrected.is_(True), literal("oral_corrected")),
        (escalated, literal("oral_escalated")),
        else_=literal(ORAL_OPEN),
    )
    return select(
        OralCorrection.id.label("id"),
        literal(ORAL).label("kind"),
        literal(None, String).label("doc_number"),
        OralCorrection.addressee_unit.label("addressee"),
        OralCorrection.facts.label("subject"),
        state.label("state"),
        OralCorrection.issued_on.label("issued_on"),
        OralCorrection.follow_up_due.label("reply_due"),
        OralCorrection.created_at.label("created_at"),
    ).where(_live(OralCorrection))


def _correction_state(state: str | None) -> str:
    return _tr(_ORAL_STATES[state]) if state in _ORAL_STATES else enum_label(DocumentState, state)


def _document_kind(kind: str) -> str:
    if kind == ORAL:
        return QCoreApplication.translate("RecordLists", "口头纠正")
    if kind == NOTICE:
        return QCoreApplication.translate("RecordLists", "纠正违法通知书")
    if kind == SUGGESTION:
        return QCoreApplication.translate("RecordLists", "检察建议书")
    return kind


def days_left(state: str | None, reply_due: date | None, today: date | None = None) -> int | None:
    """Days until the reply is due, for documents waiting for a reply (and until the follow-up of an
    oral correction still open); negative when overdue."""
    if (state not in _AWAITING and state != ORAL_OPEN) or reply_due is None:
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
    """Oral corrections, 纠正违法通知书 and 检察建议书 together (the documents only when awaiting a reply)."""
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
    if not awaiting_reply_only:
        docs.append(_oral_part())
    u = union_all(*docs).subquery("documents")
    query = RecordQuery(select(u), u.c.id, make_rows=lambda s, rows: [Listed(r, {}) for r in rows])
    t = QCoreApplication.translate
    columns = [
        Column(
            t("RecordLists", "文号"),
            lambda r: r.record.doc_number if r.record.kind != ORAL else "—",  # an oral one has none
            text=lambda v: v or QCoreApplication.translate("RecordLists", "（未编号）"),
            sort=u.c.doc_number,
            width=190,
        ),
        Column(t("RecordLists", "类型"), lambda r: _document_kind(r.record.kind), sort=u.c.kind, width=120),
        Column(t("RecordLists", "对象"), lambda r: r.record.addressee, sort=u.c.addressee, width=160),
        Column(t("RecordLists", "事由"), lambda r: first_line(r.record.subject, 80), stretch=True),
        Column(
            t("RecordLists", "状态"),
            lambda r: _correction_state(r.record.state),
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
    filters = Filters(
        t("RecordLists", "搜索文号、对象、事由…"),
        matches=(Contains(u.c.doc_number), Contains(u.c.addressee), Contains(u.c.subject)),
        date_label=t("RecordLists", "签发日期"),
        date_column=u.c.issued_on,
        state_label=t("RecordLists", "状态"),
        choices=(
            _everything(),
            Choice(t("RecordLists", "待回复"), u.c.state.in_(sorted(_AWAITING)), "awaiting_reply"),
            *(Choice(m.label, u.c.state == m.value, m.value) for m in DocumentState),
            *(Choice(_tr(label), u.c.state == key, key) for key, label in _ORAL_STATES.items()),  # 口头纠正
        ),
    )
    return RecordList(
        "corrections",
        t("RecordLists", "纠正与建议"),
        t("RecordLists", "口头纠正意见、纠正违法通知书、检察建议书及其送达、回复和整改情况"),
        t("RecordLists", "份"),
        query,
        columns,
        sort_column=6 if awaiting_reply_only else 5,
        sort_order=ASC if awaiting_reply_only else DESC,
        filters=filters,
    )


# ---- 在押人员 ----------------------------------------------------------------------------------------


HELD = "held"
"""The key of the 在押人员 list's default state: people still held."""

SEARCH_ALL = 1_000_000_000  # search_detainees' limit when the list shows every match


def _held(row: Any) -> bool:
    return row.record.discharged_on is None


def _deadline(row: Any) -> date | None:
    return row["deadline"] if _held(row) else None  # a discharged person's cached deadline is moot


def _stage_text(row: Any) -> str:
    if _held(row):
        return enum_label(Stage, row.record.stage)
    return _tr("已出所 {date}").format(date=fmt_date(row.record.discharged_on))


def _deadline_colour(row: Any) -> QColor | None:
    deadline, warning_from = _deadline(row), row["warning_from"]
    if deadline is None:
        return None
    today = today_local()
    if deadline is not None and deadline < today:
        return OVERDUE
    if warning_from is not None and warning_from <= today:
        return DUE_SOON
    return None


def _refresh_custody(store: Any) -> None:
    from ui.queries import refresh_custody_cache

    refresh_custody_cache(store)


def _find_detainees(store: Store, text: str, choice: Choice) -> list[uuid.UUID]:
    """The register's search box: the core's search (name, part of the ID number, or the cell, over
    its indexes), every match, only among people still held when the list shows only them."""
    hits = search_detainees(store, text, limit=SEARCH_ALL, include_discharged=choice.key != HELD)
    return [hit.id for hit in hits]


def detainee_list() -> RecordList:
    """Everyone in custody (the state filter also shows those discharged), with the custody deadline
    from the cache (``custody_status``), joined in SQL so that the column sorts; the cache is
    refreshed (rules engine) before every load."""
    stmt: AnySelect = (
        select(
            Detainee,
            CustodyStatus.deadline.label("deadline"),
            CustodyStatus.warning_from.label("warning_from"),
            CustodyStatus.basis.label("basis"),
        )
        .outerjoin(CustodyStatus, CustodyStatus.detainee_id == Detainee.id)
        .where(_live(Detainee))
    )
    held = Detainee.discharged_on.is_(None)
    query = RecordQuery(
        stmt,
        Detainee.id,
        make_rows=lambda s, rows: [Listed(r[0], dict(r._mapping)) for r in rows],
        prepare=_refresh_custody,
        scope=held,
    )
    t = QCoreApplication.translate
    columns = [
        Column(t("RecordLists", "姓名"), lambda r: r.record.name, sort=pinyin_order(Detainee.name), width=90),
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
            _stage_text,
            sort=Detainee.stage,
            width=140,
        ),
        Column(
            t("RecordLists", "羁押期限届满日"),
            _deadline,
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
    filters = Filters(
        t("RecordLists", "搜索姓名、身份证号或监室…"),
        find=_find_detainees,
        date_label=t("RecordLists", "入所日期"),
        date_column=Detainee.admitted_at,
        state_label=t("RecordLists", "状态"),
        choices=(
            _everything(),
            Choice(t("RecordLists", "在押"), held, HELD),
            Choice(t("RecordLists", "已出所"), Detainee.discharged_on.is_not(None), "discharged"),
        ),
        default_choice=1,
    )
    return RecordList(
        "detainees",
        t("RecordLists", "在押人员"),
        t("RecordLists", "目前在所的在押人员；已出所人员在状态“已出所”或“全部”中"),
        t("RecordLists", "人"),
        query,
        columns,
        sort_column=4,
        sort_order=DESC,
        filters=filters,
    )
