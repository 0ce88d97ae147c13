"""What each list page shows: its columns and its filter bar (docs/ui.md, "Lists") — presentation only.

Every list is a :class:`RecordList` handed to the one generic
:class:`~ui.models.record_table_model.RecordTableModel`; nothing here is a widget, and nothing here is
SQL: the rows, the sort keys and what a filter matches are the core's
(:mod:`inspector.services.lists`, named by :attr:`RecordList.source`). Here: headers (translatable),
how a value is shown, colours, widths, which core sort key a column uses, and the filter bar's
placeholder, labels and the choices of its state filter (:class:`Filters`, :class:`Choice`, each
naming a core state key).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from inspector.domain.enums import DocumentState, Gender, PatrolMethod, Stage, TalkType
from inspector.domain.lifecycle import ORAL_STATES, oral_state_label
from inspector.services import lists as core
from inspector.services.lists import (
    DISCHARGED,
    HELD,
    NOTICE,
    ORAL,
    ORAL_OPEN,
    SUGGESTION,
    days_left,
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
from ui.i18n import core_text
from ui.models.record_table_model import CENTER, Column

__all__ = [
    "DISCHARGED",
    "HELD",
    "NOTICE",
    "ORAL",
    "ORAL_OPEN",
    "SUGGESTION",
    "Choice",
    "Criteria",
    "Filters",
    "RecordList",
    "correction_list",
    "days_left",
    "detainee_list",
    "mailbox_list",
    "patrol_list",
    "talk_list",
]

DESC = Qt.SortOrder.DescendingOrder
ASC = Qt.SortOrder.AscendingOrder

OVERDUE = QColor("#c62828")
DUE_SOON = QColor("#b26a00")
DUE_SOON_DAYS = 3


# ---- filters ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One entry of a list's state filter: its label and the core state key it picks ("": every
    state; see :func:`inspector.services.lists.state_keys`)."""

    label: str
    key: str = ""


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
    """A list's filter bar: what it says, read by the view. What the search matches, the date column
    and each state's ``WHERE`` are the core's (:meth:`criteria` turns the bar into its terms)."""

    search_hint: str
    """Placeholder of the search box: what it matches."""
    date_label: str = ""
    """The date range's label; "" for a list without one."""
    state_label: str = ""
    choices: tuple[Choice, ...] = ()
    default_choice: int = 0

    @property
    def has_dates(self) -> bool:
        return bool(self.date_label)

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

    def criteria(self, criteria: Criteria) -> core.Criteria:
        """The core's criteria for what the bar says (the chosen state by its key)."""
        choice = self.choice(criteria)
        return core.Criteria(
            criteria.text.strip(),
            criteria.date_from,
            criteria.date_to,
            choice.key if choice is not None else "",
        )


@dataclass(frozen=True)
class RecordList:
    """One list page: title, the core list it shows, columns, the order it opens in, its filter bar."""

    key: str
    """The page (``RecordLink.page``)."""
    title: str
    subtitle: str
    unit: str  # counted noun: 共 N 条 / 共 N 人
    source: str
    """The core list (a key of :mod:`inspector.services.lists`)."""
    columns: list[Column]
    sort_column: int = 0
    sort_order: Qt.SortOrder = DESC
    filters: Filters = field(default_factory=lambda: Filters(""))

    def filter(self, criteria: Criteria) -> core.Criteria:
        """The model's filter (:meth:`RecordTableModel.set_filter`) for what the filter bar says."""
        return self.filters.criteria(criteria)


# ---- helpers ----------------------------------------------------------------------------------------


def _people(names: Sequence[str | None]) -> str:
    """Users' names as the core resolved them (None: an id naming nobody)."""
    unknown = QCoreApplication.translate("RecordLists", "（未知用户）")
    return join_list(n if n is not None else unknown for n in names)


def _everything() -> Choice:
    return Choice(QCoreApplication.translate("RecordLists", "全部"))


# ---- 巡视检察 ----------------------------------------------------------------------------------------


def patrol_list() -> RecordList:
    columns = [
        Column(
            QCoreApplication.translate("RecordLists", "日期"),
            lambda r: r.record.patrol_date,
            sort="patrol_date",
            width=100,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "时段"),
            lambda r: (r.record.start_time, r.record.end_time),
            text=lambda v: fmt_time_range(*v),
            sort="start_time",
            width=100,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "巡视区域"),
            lambda r: join_list(r.record.areas),
            width=260,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "方式"),
            lambda r: enum_labels(PatrolMethod, r.record.methods),
            width=220,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "发现问题数"),
            lambda r: r["findings"],
            sort="findings",
            align=CENTER,
            width=90,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "检察人员"),
            lambda r: _people(r["people"]),
            stretch=True,
        ),
    ]
    filters = Filters(
        QCoreApplication.translate("RecordLists", "搜索巡视区域、检察人员、发现的问题…"),
        date_label=QCoreApplication.translate("RecordLists", "日期"),
        state_label=QCoreApplication.translate("RecordLists", "方式"),
        choices=(_everything(), *(Choice(core_text(m.label), m.value) for m in PatrolMethod)),
    )
    return RecordList(
        "patrols",
        QCoreApplication.translate("RecordLists", "巡视检察"),
        QCoreApplication.translate("RecordLists", "监区、监室、禁闭室、医疗室等场所的巡视检察记录"),
        QCoreApplication.translate("RecordLists", "次"),
        core.PATROLS,
        columns,
        filters=filters,
    )


# ---- 个别谈话 ----------------------------------------------------------------------------------------


def talk_list() -> RecordList:
    columns = [
        Column(
            QCoreApplication.translate("RecordLists", "日期"),
            lambda r: r.record.talk_at,
            sort="talk_at",
            width=140,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "在押人员"),
            lambda r: r["detainee_name"],
            sort="detainee_name",
            width=110,
        ),
        Column(QCoreApplication.translate("RecordLists", "监室"), lambda r: r["cell"], sort="cell", width=80),
        Column(
            QCoreApplication.translate("RecordLists", "谈话类型"),
            lambda r: enum_label(TalkType, r.record.talk_type),
            sort="talk_type",
            width=120,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "谈话人"), lambda r: _people(r["people"]), width=200
        ),
        Column(
            QCoreApplication.translate("RecordLists", "是否反映问题"),
            lambda r: r.record.issues_raised,
            sort="issues_raised",
            align=CENTER,
            width=110,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "反映问题摘要"),
            lambda r: first_line(r.record.issues_summary),
            stretch=True,
        ),
    ]
    filters = Filters(
        QCoreApplication.translate("RecordLists", "搜索在押人员、监室、谈话人、反映的问题…"),
        date_label=QCoreApplication.translate("RecordLists", "谈话日期"),
        state_label=QCoreApplication.translate("RecordLists", "谈话类型"),
        choices=(_everything(), *(Choice(core_text(m.label), m.value) for m in TalkType)),
    )
    return RecordList(
        "talks",
        QCoreApplication.translate("RecordLists", "个别谈话"),
        QCoreApplication.translate("RecordLists", "与在押人员个别谈话的记录"),
        QCoreApplication.translate("RecordLists", "次"),
        core.TALKS,
        columns,
        filters=filters,
    )


# ---- 检察官信箱 --------------------------------------------------------------------------------------


def mailbox_list() -> RecordList:
    columns = [
        Column(
            QCoreApplication.translate("RecordLists", "开启日期"),
            lambda r: r.record.opened_at,
            sort="opened_at",
            width=140,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "信箱位置"),
            lambda r: r.record.mailbox_location,
            sort="mailbox_location",
            width=160,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "开启人"), lambda r: _people(r["people"]), width=220
        ),
        Column(
            QCoreApplication.translate("RecordLists", "信件数"),
            lambda r: r.record.letter_count,
            sort="letter_count",
            align=CENTER,
            width=80,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "有价值线索"),
            lambda r: r.record.has_valuable_lead,
            sort="has_valuable_lead",
            align=CENTER,
            width=100,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "线索摘要"),
            lambda r: first_line(r.record.lead_summary),
            stretch=True,
        ),
    ]
    filters = Filters(
        QCoreApplication.translate("RecordLists", "搜索信箱位置、开启人、线索、来信事由…"),
        date_label=QCoreApplication.translate("RecordLists", "开启日期"),
        state_label=QCoreApplication.translate("RecordLists", "情况"),
        choices=(
            _everything(),
            Choice(QCoreApplication.translate("RecordLists", "有来信"), core.LETTERS),
            Choice(QCoreApplication.translate("RecordLists", "无来信"), core.NO_LETTERS),
            Choice(QCoreApplication.translate("RecordLists", "有价值线索"), core.LEAD),
            Choice(QCoreApplication.translate("RecordLists", "有来信待办理"), core.OPEN_LETTERS),
        ),
    )
    return RecordList(
        "mailbox",
        QCoreApplication.translate("RecordLists", "检察官信箱"),
        QCoreApplication.translate("RecordLists", "检察官信箱的开启记录"),
        QCoreApplication.translate("RecordLists", "次"),
        core.MAILBOX,
        columns,
        filters=filters,
    )


# ---- 纠正与建议 --------------------------------------------------------------------------------------

# Oral corrections are rows of 纠正与建议 too, with a state of their own (escalated to a notice, the
# notice's course: inspector.domain.lifecycle.oral_status) and the follow-up date as their 回复期限 (not
# corrected and not escalated: ORAL_OPEN).
_ORAL_STATES = {key: oral_state_label(key, short=True) for key in ORAL_STATES}


def _correction_state(state: str | None) -> str:
    return core_text(_ORAL_STATES[state]) if state in _ORAL_STATES else enum_label(DocumentState, state)


def _document_kind(kind: str) -> str:
    if kind == ORAL:
        return QCoreApplication.translate("RecordLists", "口头纠正")
    if kind == NOTICE:
        return QCoreApplication.translate("RecordLists", "纠正违法通知书")
    if kind == SUGGESTION:
        return QCoreApplication.translate("RecordLists", "检察建议书")
    return kind


def _days_left_text(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return QCoreApplication.translate("RecordLists", "逾期 {n} 天").format(n=-days)
    if days == 0:
        return QCoreApplication.translate("RecordLists", "今天到期")
    return QCoreApplication.translate("RecordLists", "{n} 天").format(n=days)


def _days_left_colour(row: Any) -> QColor | None:
    days = days_left(row.record.state, row.record.reply_due)
    if days is None:
        return None
    if days < 0:
        return OVERDUE
    return DUE_SOON if days <= DUE_SOON_DAYS else None


def correction_list(*, awaiting_reply_only: bool = False) -> RecordList:
    """Oral corrections, 纠正违法通知书 and 检察建议书 together (the documents only when awaiting a reply)."""
    columns = [
        Column(
            QCoreApplication.translate("RecordLists", "文号"),
            lambda r: r.record.doc_number if r.record.kind != ORAL else "—",  # an oral one has none
            text=lambda v: v or QCoreApplication.translate("RecordLists", "（未编号）"),
            sort="doc_number",
            width=190,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "类型"),
            lambda r: _document_kind(r.record.kind),
            sort="kind",
            width=120,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "对象"),
            lambda r: r.record.addressee,
            sort="addressee",
            width=160,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "事由"),
            lambda r: first_line(r.record.subject, 80),
            stretch=True,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "状态"),
            lambda r: _correction_state(r.record.state),
            sort="state",
            width=130,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "签发日期"),
            lambda r: r.record.issued_on,
            sort="issued_on",
            width=100,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "回复期限"),
            lambda r: r.record.reply_due,
            sort="reply_due",
            width=100,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "剩余天数"),
            lambda r: days_left(r.record.state, r.record.reply_due),
            text=_days_left_text,
            sort="reply_due",
            align=CENTER,
            foreground=_days_left_colour,
            width=100,
        ),
    ]
    filters = Filters(
        QCoreApplication.translate("RecordLists", "搜索文号、对象、事由…"),
        date_label=QCoreApplication.translate("RecordLists", "签发日期"),
        state_label=QCoreApplication.translate("RecordLists", "状态"),
        choices=(
            _everything(),
            Choice(QCoreApplication.translate("RecordLists", "待回复"), core.AWAITING),
            *(Choice(core_text(m.label), m.value) for m in DocumentState),
            *(Choice(core_text(label), key) for key, label in _ORAL_STATES.items()),  # 口头纠正
        ),
    )
    return RecordList(
        "corrections",
        QCoreApplication.translate("RecordLists", "纠正与建议"),
        QCoreApplication.translate(
            "RecordLists", "口头纠正意见、纠正违法通知书、检察建议书及其送达、回复和整改情况"
        ),
        QCoreApplication.translate("RecordLists", "份"),
        core.AWAITING_REPLY_LIST if awaiting_reply_only else core.CORRECTIONS,
        columns,
        sort_column=6 if awaiting_reply_only else 5,
        sort_order=ASC if awaiting_reply_only else DESC,
        filters=filters,
    )


# ---- 在押人员 ----------------------------------------------------------------------------------------


def _held(row: Any) -> bool:
    return row.record.discharged_on is None


def _deadline(row: Any) -> date | None:
    return row["deadline"] if _held(row) else None  # a discharged person's cached deadline is moot


def _stage_text(row: Any) -> str:
    if _held(row):
        return enum_label(Stage, row.record.stage)
    return QCoreApplication.translate("RecordLists", "已出所 {date}").format(
        date=fmt_date(row.record.discharged_on)
    )


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


def detainee_list() -> RecordList:
    """Everyone in custody (the state filter also shows those discharged), with the custody deadline
    from the cache (``custody_status``, refreshed by the core before every load); the search box is
    the core's detainee search."""
    columns = [
        Column(
            QCoreApplication.translate("RecordLists", "姓名"), lambda r: r.record.name, sort="name", width=90
        ),
        Column(
            QCoreApplication.translate("RecordLists", "性别"),
            lambda r: enum_label(Gender, r.record.gender),
            sort="gender",
            align=CENTER,
            width=50,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "身份证号"),
            lambda r: mask_id_number(r.record.id_number),
            sort="id_tail",  # by the visible digits only
            width=170,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "监室"),
            lambda r: r.record.cell,
            sort="cell",
            align=CENTER,
            width=60,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "入所日期"),
            lambda r: r.record.admitted_at,
            text=fmt_date,
            sort="admitted_at",
            width=100,
        ),
        Column(QCoreApplication.translate("RecordLists", "诉讼阶段"), _stage_text, sort="stage", width=140),
        Column(
            QCoreApplication.translate("RecordLists", "羁押期限届满日"),
            _deadline,
            sort="deadline",
            foreground=_deadline_colour,
            width=120,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "涉嫌罪名"),
            lambda r: r.record.charges,
            sort="charges",
            width=140,
        ),
        Column(
            QCoreApplication.translate("RecordLists", "办案机关"),
            lambda r: r.record.case_authority,
            sort="case_authority",
            stretch=True,
        ),
    ]
    filters = Filters(
        QCoreApplication.translate("RecordLists", "搜索姓名、身份证号或监室…"),
        date_label=QCoreApplication.translate("RecordLists", "入所日期"),
        state_label=QCoreApplication.translate("RecordLists", "状态"),
        choices=(
            _everything(),
            Choice(QCoreApplication.translate("RecordLists", "在押"), HELD),
            Choice(QCoreApplication.translate("RecordLists", "已出所"), DISCHARGED),
        ),
        default_choice=1,
    )
    return RecordList(
        "detainees",
        QCoreApplication.translate("RecordLists", "在押人员"),
        QCoreApplication.translate("RecordLists", "目前在所的在押人员；已出所人员在状态“已出所”或“全部”中"),
        QCoreApplication.translate("RecordLists", "人"),
        core.DETAINEES,
        columns,
        sort_column=4,
        sort_order=DESC,
        filters=filters,
    )
