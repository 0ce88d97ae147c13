"""A detainee's page (docs/ui.md, "Acting from where you are"): who the person is, the custody stages
they went through with each deadline and its legal basis, the deadline running now with the rules
engine's explanation, and a timeline of every talk, letter, finding and document about the person.

Opened from the 在押人员 list (人员详情). Everything is read in the background
(:func:`inspector.services.detainee_views.detainee_overview`); nothing here touches the database.

* Stages: one row per custody event — date, event and the stage it leads to over the rule and article
  in small grey type, the deadline, and what became of it. Red when the limit was (or is) passed, amber
  within the warning window (届满前七日), grey once superseded.
* Timeline: newest first; a confidential writer's letter is marked 保密. ``Enter`` or a double-click
  on an entry (or on a stage row: its custody event) emits :attr:`DetaineePage.openRecord`.
* 编辑 opens the detainee's form, 新建谈话 a new talk with the person filled in (``ui.forms``); after a
  save the page reads everything again and :attr:`DetaineePage.changed` tells the window.
* ``Esc`` closes; ``F5`` reads again; ``Tab`` reaches every part.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.rules.text import Text
from inspector.services import records
from inspector.services.detainee_views import DetaineeOverview, StageRow, TimelineEntry, detainee_overview
from inspector.services.policy import Actor, Permission, actor_for, may
from inspector.store.store import Store
from ui import errors
from ui.formatting import fmt_date, fmt_datetime
from ui.i18n import QT_TRANSLATE_NOOP, core_text, mark_content, rules_line, rules_text
from ui.models import cell_delegate
from ui.models.agenda_model import DETAIL_ROLE, LEVEL_ROLE, AgendaDelegate, days_left_text, weekday_text
from ui.models.row_list_model import RowListModel
from ui.qt_compat import emit
from ui.style import AMBER, CARD_BORDER, GREEN, GREY, PRIMARY, RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background

ModelIndex = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

PAGE_STYLE = f"""
QDialog#detaineePage {{ background: #f4f6f9; }}
QFrame#panel {{ background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px; }}
QFrame#panel QLabel {{ background: transparent; border: none; }}
QLabel#fieldName {{ color: {TEXT_MUTED}; }}
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("DetaineePage", text)


# ---- what a row says ---------------------------------------------------------------------------------


def stage_level(row: StageRow) -> str:
    """overdue (red) · warning (amber, the running limit within the window) · upcoming (the row running
    now) · info (grey: superseded, or no limit runs)."""
    if row.overdue:
        return "overdue"
    if row.due_soon:
        return "warning"
    if row.current:
        return "upcoming"
    return "info"


def stage_state_text(row: StageRow) -> str:
    """What became of the row's limit: 余N天 / 今天到期 / 逾期N天 while it runs; 超期N天 / 未超期 after."""
    if row.status == "suspended":
        return QCoreApplication.translate("DetaineePage", "中止计算")
    if row.deadline is None:
        return QCoreApplication.translate("DetaineePage", "不计算") if row.status == "not_applicable" else ""
    if row.current:
        return days_left_text(row.days_left)
    if row.overdue_days:
        return QCoreApplication.translate("DetaineePage", "超期{n}天").format(n=row.overdue_days)
    return QCoreApplication.translate("DetaineePage", "未超期")


def stage_detail(row: StageRow) -> str:
    """The grey line: the rule the engine applied, and the articles it cites if the rule does not."""
    parts = [rules_line(row.rule, row.explanation)]
    if row.basis and row.basis not in row.rule:
        parts.append(rules_text(row.basis))
    return " · ".join(p for p in parts if p)


def stage_title(row: StageRow) -> str:
    label = row.event_label
    event = rules_text(label) if isinstance(label, Text) else core_text(label)
    stage = core_text(row.stage_label)
    if row.event_kind is None:  # the register's stage, no event leading to it
        return QCoreApplication.translate("DetaineePage", "{event}：{stage}").format(event=event, stage=stage)
    return f"{event} → {stage}"


def deadline_text(day: date | None) -> str:
    if day is None:
        return "—"
    return QCoreApplication.translate("DetaineePage", "{date}（{weekday}）").format(
        date=day.isoformat(), weekday=weekday_text(day)
    )


_LEVEL_COLOURS = {"overdue": RED, "warning": AMBER, "info": GREY}


class StagesModel(RowListModel):
    """日期 · 事件 → 诉讼环节 (rule and article in grey under it) · 届满日 · 期限情况."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DetaineePage", "日期"),
        QT_TRANSLATE_NOOP("DetaineePage", "事件与诉讼环节"),
        QT_TRANSLATE_NOOP("DetaineePage", "届满日"),
        QT_TRANSLATE_NOOP("DetaineePage", "期限情况"),
    )
    CONTEXT = "DetaineePage"
    DATE, WHAT, DEADLINE, STATE = range(4)
    CENTERED = frozenset({STATE})

    def cell(self, row: StageRow, column: int, role: int) -> Any:
        level = stage_level(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return fmt_date(row.occurred_on) or "—"
            if column == self.WHAT:
                return stage_title(row)
            if column == self.DEADLINE:
                return deadline_text(row.deadline)
            return stage_state_text(row)
        if role == LEVEL_ROLE:
            return level
        if role == DETAIL_ROLE:
            return stage_detail(row) if column == self.WHAT else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.DATE and level != "info":
                return None
            colour = _LEVEL_COLOURS.get(level)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [stage_title(row), stage_detail(row)]
            if row.entered_basis:
                lines.append(
                    QCoreApplication.translate("DetaineePage", "事件登记的法律依据：{b}").format(
                        b=rules_text(row.entered_basis)  # as typed, its citations in the UI's language
                    )
                )
            if row.authority or row.document_no:
                lines.append(" ".join(p for p in (row.authority, row.document_no) if p))
            lines += ["", rules_text(row.explanation)]
            return "\n".join(line for line in lines if line is not None)
        return None


CONFIDENTIAL = QT_TRANSLATE_NOOP("DetaineePage", "保密")


class TimelineModel(RowListModel):
    """日期 · 类别 · 摘要, newest first (the service's order)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DetaineePage", "日期"),
        QT_TRANSLATE_NOOP("DetaineePage", "类别"),
        QT_TRANSLATE_NOOP("DetaineePage", "摘要"),
    )
    CONTEXT = "DetaineePage"
    DATE, KIND, SUMMARY = range(3)

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.set_rows(entries)

    def entry(self, index: int) -> TimelineEntry:
        return self.row(index)  # type: ignore[no-any-return]

    def cell(self, entry: TimelineEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return entry.on.isoformat()
            if column == self.KIND:
                kind = core_text(entry.kind_label)
                return f"{kind} · {_tr(CONFIDENTIAL)}" if entry.confidential else kind
            return rules_text(entry.summary)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.KIND and entry.confidential:
            return QColor(AMBER)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = fmt_datetime(entry.at) if entry.at is not None else entry.on.isoformat()
            lines = [f"{when} {core_text(entry.kind_label)}", rules_text(entry.summary)]
            if entry.confidential:
                lines.append(
                    QCoreApplication.translate(
                        "DetaineePage", "写信人（谈话人）身份保密：看守所版本和通知书中不显示姓名"
                    )
                )
            lines.append(QCoreApplication.translate("DetaineePage", "按 Enter 或双击打开"))
            return "\n".join(lines)
        return None


def _table(model: QAbstractTableModel, stretch: int) -> QTableView:
    """A read-only table whose columns are as wide as their contents, but ``stretch`` (the event, the
    summary), which takes the rest and is elided (its tooltip holds the full text). It scrolls by whole
    rows, so the top row is never cut in half."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.verticalHeader().setVisible(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table: the keyboard reaches the rest
    cell_delegate.install(view)  # colours kept on the selected row; elided cells' text as tooltip
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(LEFT)
    header.setStretchLastSection(False)
    for i in range(model.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if i == stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(i, mode)
    return view


class WholeRows(QWidget):
    """Holds a table of rows of one height (``row_height``) and makes it a whole number of rows tall;
    what is left of the room stays blank under it. With the table scrolling by rows, no row is ever
    shown in part, at the top or at the bottom, wherever it is scrolled to (Qt aligns the last row
    with the bottom when scrolled to the end)."""

    def __init__(self, view: QTableView, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.setParent(self)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(min(rows.minimumSectionSize(), row_height))
        rows.setDefaultSectionSize(row_height)
        self.setFocusProxy(view)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return self.view.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.view.minimumSizeHint().width(), self.fitted_height(0))

    def fitted_height(self, room: int) -> int:
        """The tallest whole number of rows (at least one) that fits in ``room``, with the header."""
        head = self.view.horizontalHeader()
        chrome = 2 * self.view.frameWidth() + (head.sizeHint().height() if not head.isHidden() else 0)
        row = self.view.verticalHeader().defaultSectionSize()
        return chrome + max(1, (room - chrome) // row) * row

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.setGeometry(0, 0, self.width(), min(self.height(), self.fitted_height(self.height())))


def _panel(title: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    panel = QFrame()
    panel.setObjectName("panel")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(8)
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    heading.setFont(scaled_font(heading, 1.05, bold=True))
    layout.addWidget(heading)
    return panel, layout, heading


def _chip(label: QLabel, text: str, colour: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
    label.setStyleSheet(
        f"QLabel {{ color: white; background: {colour}; border-radius: 4px; padding: 2px 10px; }}"
    )


# ---- the page ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Loaded:
    overview: DetaineeOverview
    actor: Actor


# Particulars: key, label, column (0 or 1) — in reading order.
_FIELDS = (
    ("gender", QT_TRANSLATE_NOOP("DetaineePage", "性别"), 0),
    ("birth_date", QT_TRANSLATE_NOOP("DetaineePage", "出生日期"), 1),
    ("id_number", QT_TRANSLATE_NOOP("DetaineePage", "身份证号"), 0),
    ("ethnicity", QT_TRANSLATE_NOOP("DetaineePage", "民族"), 1),
    ("cell", QT_TRANSLATE_NOOP("DetaineePage", "监区监室"), 0),
    ("admitted", QT_TRANSLATE_NOOP("DetaineePage", "入所时间"), 1),
    ("authority", QT_TRANSLATE_NOOP("DetaineePage", "办案机关"), 0),
    ("case_no", QT_TRANSLATE_NOOP("DetaineePage", "案号"), 1),
    ("charges", QT_TRANSLATE_NOOP("DetaineePage", "涉嫌罪名"), 0),
    ("legal_status", QT_TRANSLATE_NOOP("DetaineePage", "法律身份"), 1),
    ("stage", QT_TRANSLATE_NOOP("DetaineePage", "诉讼环节"), 0),
    ("sentence", QT_TRANSLATE_NOOP("DetaineePage", "刑期"), 1),
    ("discharged", QT_TRANSLATE_NOOP("DetaineePage", "出所"), 0),
)


class DetaineePage(QDialog):
    """The page of one detainee. ``openRecord(kind, record_id)``: the user asked to open a record of
    the timeline (or a stage row's custody event; the register row opens the detainee);
    ``changed(kind, record_id)``: a form opened here saved a record; ``loaded``: the page shows data."""

    openRecord = Signal(str, object)
    changed = Signal(str, object)
    loaded = Signal()

    def __init__(
        self,
        store: Store,
        detainee_id: uuid.UUID,
        *,
        actor: Actor | None = None,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.detainee_id = detainee_id
        self.actor = actor
        self.runner = runner
        self._run: Runner = runner or run_in_background
        self._loading = False
        self._shown_once = False
        self.overview: DetaineeOverview | None = None
        self.last_form: QDialog | None = None  # the form opened last (编辑 / 新建谈话)
        self.setObjectName("detaineePage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PAGE_STYLE)
        self.setWindowTitle(QCoreApplication.translate("DetaineePage", "在押人员详情"))
        self._fit()

        # ---- header: name, stage and held chips, a grey line; buttons ---------------------------------
        kind = QLabel(QCoreApplication.translate("DetaineePage", "在押人员"))
        kind.setStyleSheet(f"color: {TEXT_MUTED};")
        self.title_label = QLabel("…")
        self.title_label.setObjectName("pageTitle")
        self.title_label.setFont(scaled_font(self.title_label, 1.5, bold=True))
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_chip = QLabel()
        self.held_chip = QLabel()
        for chip in (self.stage_chip, self.held_chip):
            chip.setAlignment(CENTER)
            chip.hide()
        self.subtitle = QLabel("")
        self.subtitle.setStyleSheet(f"color: {TEXT_MUTED};")
        self.subtitle.setWordWrap(True)
        mark_content(self.title_label)  # the person's name
        mark_content(self.subtitle)  # sex, cell, admission, case authority
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(self.title_label)
        title_row.addWidget(self.stage_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.held_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(kind)
        titles.addLayout(title_row)
        titles.addWidget(self.subtitle)

        self.edit_button = self._button(
            QCoreApplication.translate("DetaineePage", "编辑"),
            self.edit,
            QCoreApplication.translate("DetaineePage", "修改在押人员登记和羁押期限事件"),
        )
        self.talk_button = self._button(
            QCoreApplication.translate("DetaineePage", "新建谈话"),
            self.new_talk,
            QCoreApplication.translate("DetaineePage", "与该在押人员的个别谈话"),
        )
        self.close_button = self._button(
            QCoreApplication.translate("DetaineePage", "关闭"),
            self.reject,
            QCoreApplication.translate("DetaineePage", "关闭（Esc）"),
        )
        for button in (self.edit_button, self.talk_button):
            button.setEnabled(False)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addLayout(titles, 1)
        for button in (self.edit_button, self.talk_button, self.close_button):
            head.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        # ---- particulars ------------------------------------------------------------------------------
        particulars, p_layout, _ = _panel(QCoreApplication.translate("DetaineePage", "基本情况"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.fields: dict[str, QLabel] = {}
        self._field_names: dict[str, QLabel] = {}
        rows = [0, 0]
        for key, text, column in _FIELDS:
            name = QLabel(_tr(text))
            name.setObjectName("fieldName")
            value = QLabel("")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            mark_content(value)  # the person's particulars
            self.fields[key] = value
            self._field_names[key] = name
            if key == "id_number":
                self.reveal_button = QToolButton()
                self.reveal_button.setText(QCoreApplication.translate("DetaineePage", "显示"))
                self.reveal_button.setCheckable(True)
                self.reveal_button.setToolTip(QCoreApplication.translate("DetaineePage", "显示完整身份证号"))
                self.reveal_button.toggled.connect(self._show_id_number)
                self.reveal_button.setAutoRaise(True)
                self.reveal_button.setCursor(Qt.CursorShape.PointingHandCursor)
                self.reveal_button.setStyleSheet(
                    f"QToolButton {{ color: {PRIMARY}; border: none; padding: 0 4px; }}"
                    "QToolButton:focus { text-decoration: underline; }"
                )
                holder = QWidget()
                line = QHBoxLayout(holder)
                line.setContentsMargins(0, 0, 0, 0)
                line.setSpacing(4)
                line.addWidget(value)
                line.addWidget(self.reveal_button)
                line.addStretch(1)
                cell: QWidget = holder
            else:
                cell = value
            grid.addWidget(
                name, rows[column], column * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(cell, rows[column], column * 2 + 1)
            rows[column] += 1
        p_layout.addLayout(grid)
        p_layout.addStretch(1)

        # ---- the deadline running now -----------------------------------------------------------------
        current, c_layout, self.current_heading = _panel(
            QCoreApplication.translate("DetaineePage", "当前羁押期限")
        )
        self.deadline_label = QLabel("…")
        self.deadline_label.setFont(scaled_font(self.deadline_label, 1.45, bold=True))
        self.deadline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_chip = QLabel()
        self.left_chip.hide()
        deadline_row = QHBoxLayout()
        deadline_row.setSpacing(10)
        deadline_row.addWidget(self.deadline_label)
        deadline_row.addWidget(self.left_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        deadline_row.addStretch(1)
        self.basis_label = QLabel("")
        self.basis_label.setWordWrap(True)
        self.basis_label.setStyleSheet(f"color: {TEXT_MUTED};")
        self.basis_label.setFont(scaled_font(self.basis_label, 0.9))
        self.basis_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issues_label = QLabel("")
        self.issues_label.setWordWrap(True)
        self.issues_label.setStyleSheet(f"color: {AMBER};")
        self.issues_label.hide()
        self.explain_button = QToolButton()
        self.explain_button.setText(QCoreApplication.translate("DetaineePage", "计算说明"))
        self.explain_button.setCheckable(True)
        self.explain_button.setToolTip(
            QCoreApplication.translate("DetaineePage", "显示规则引擎的完整计算过程")
        )
        self.explanation = QPlainTextEdit()
        self.explanation.setReadOnly(True)
        self.explanation.setFrameShape(QFrame.Shape.StyledPanel)
        self.explanation.setMaximumHeight(self.explanation.fontMetrics().lineSpacing() * 8 + 14)
        self.explanation.hide()
        self.explain_button.toggled.connect(self._toggle_explanation)
        c_layout.addLayout(deadline_row)
        c_layout.addWidget(self.basis_label)
        c_layout.addWidget(self.issues_label)
        c_layout.addWidget(self.explain_button, 0, Qt.AlignmentFlag.AlignLeft)
        c_layout.addWidget(self.explanation)
        c_layout.addStretch(1)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(particulars, 3)
        top.addWidget(current, 2)

        # ---- stages and the timeline -------------------------------------------------------------------
        stages, s_layout, self.stages_heading = _panel(
            QCoreApplication.translate("DetaineePage", "诉讼环节与羁押期限")
        )
        self.stages_model = StagesModel(self)
        self.stages_view = _table(self.stages_model, StagesModel.WHAT)
        delegate = AgendaDelegate(self.stages_view)
        self.stages_view.setItemDelegate(delegate)
        self.stages_view.setAccessibleName(QCoreApplication.translate("DetaineePage", "诉讼环节与羁押期限"))
        self.stages_view.activated.connect(self._stage_activated)
        option = QStyleOptionViewItem()
        option.font = self.stages_view.font()
        row_height = delegate.sizeHint(option, QModelIndex()).height()  # every row: title over rule
        self.stages_box = WholeRows(self.stages_view, row_height)
        s_layout.addWidget(self.stages_box, 1)

        timeline, t_layout, self.timeline_heading = _panel(
            QCoreApplication.translate("DetaineePage", "相关记录")
        )
        self.timeline_model = TimelineModel(self)
        self.timeline_view = _table(self.timeline_model, TimelineModel.SUMMARY)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.setAccessibleName(QCoreApplication.translate("DetaineePage", "相关记录"))
        self.timeline_box = WholeRows(self.timeline_view, self.timeline_view.fontMetrics().height() + 12)
        self.timeline_view.activated.connect(self._entry_activated)
        self.timeline_empty = QLabel(QCoreApplication.translate("DetaineePage", "暂无与该在押人员相关的记录"))
        self.timeline_empty.setStyleSheet(f"color: {TEXT_MUTED};")
        self.timeline_empty.hide()
        t_layout.addWidget(self.timeline_box, 1)
        t_layout.addWidget(self.timeline_empty)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(stages)
        self.splitter.addWidget(timeline)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)
        self.splitter.setHandleWidth(12)
        self.splitter.setStyleSheet("QSplitter::handle { background: transparent; }")

        self.status = QLabel(QCoreApplication.translate("DetaineePage", "正在读取…"))
        self.status.setStyleSheet(f"color: {TEXT_MUTED};")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(22, 16, 22, 14)
        outer.setSpacing(12)
        outer.addLayout(head)
        outer.addLayout(top)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.status)

        QWidget.setTabOrder(self.timeline_view, self.stages_view)
        QWidget.setTabOrder(self.stages_view, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.talk_button)
        QWidget.setTabOrder(self.talk_button, self.close_button)
        self._shortcuts = [QShortcut(QKeySequence("F5"), self, self.load)]

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)  # Enter in a table opens the entry, never presses a button
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _fit(self) -> None:
        size = QSize(1240, 720)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() - QSize(40, 50))
        self.resize(size)
        self.setMinimumSize(QSize(900, 560).boundedTo(size))

    # ---- loading ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.overview is None:
                self.load()

    @property
    def is_loading(self) -> bool:
        return self._loading

    @Slot()
    def load(self) -> None:
        """Read the person's overview (again) in the background and show it."""
        if self._loading:
            return
        self._loading = True
        self.status.setText(QCoreApplication.translate("DetaineePage", "正在读取…"))
        self.status.show()
        store, detainee_id, actor = self.store, self.detainee_id, self.actor

        def work() -> _Loaded:
            return _Loaded(detainee_overview(store, detainee_id), actor or actor_for(store))

        self._run(work, self._loaded, self._failed, owner=self)

    def _loaded(self, result: _Loaded) -> None:
        self._loading = False
        self.actor = result.actor
        self.status.hide()
        self.show_overview(result.overview)
        emit(self.loaded)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.setText(
            QCoreApplication.translate("DetaineePage", "读取失败：按 F5 重试，或关闭后重新打开。")
        )
        self.status.show()
        errors.show_error(exc, self)

    # ---- showing ----------------------------------------------------------------------------------

    def show_overview(self, overview: DetaineeOverview) -> None:
        self.overview = overview
        p = overview.particulars
        self.setWindowTitle(
            QCoreApplication.translate("DetaineePage", "在押人员详情 — {name}").format(name=p.name)
        )
        self.title_label.setText(p.name)
        _chip(self.stage_chip, core_text(p.stage_label), PRIMARY)
        if p.held:
            _chip(self.held_chip, QCoreApplication.translate("DetaineePage", "在押"), GREEN)
        else:
            _chip(self.held_chip, QCoreApplication.translate("DetaineePage", "已出所"), GREY)
        place = QCoreApplication.translate("DetaineePage", "{cell}监室").format(cell=p.cell) if p.cell else ""
        self.subtitle.setText(
            " · ".join(
                x
                for x in (
                    core_text(p.gender),
                    place,
                    QCoreApplication.translate("DetaineePage", "{d}入所").format(d=p.admitted_on.isoformat()),
                    p.case_authority,
                )
                if x
            )
        )
        may_edit = self.actor is not None and may(self.actor, Permission.EDIT)
        for button in (self.edit_button, self.talk_button):
            button.setEnabled(may_edit)
            if not may_edit:
                button.setToolTip(QCoreApplication.translate("DetaineePage", "当前用户不能录入或修改记录"))
        self.talk_button.setEnabled(may_edit and p.held)

        values = {
            "gender": core_text(p.gender),
            "birth_date": fmt_date(p.birth_date),
            "ethnicity": p.ethnicity or "",
            "cell": " ".join(x for x in (p.block, place) if x),
            "admitted": fmt_datetime(p.admitted_at),
            "authority": p.case_authority or "",
            "case_no": p.case_no or "",
            "charges": p.charges or "",
            "legal_status": core_text(p.legal_status),
            "stage": core_text(p.stage_label)
            + (
                QCoreApplication.translate("DetaineePage", "（自{d}）").format(
                    d=p.stage_started_on.isoformat()
                )
                if p.stage_started_on
                else ""
            ),
            "sentence": " ".join(
                x
                for x in (
                    p.sentence_text or "",
                    QCoreApplication.translate("DetaineePage", "刑期止日{d}").format(d=p.term_end)
                    if p.term_end
                    else "",
                )
                if x
            ),
            "discharged": " ".join(
                x for x in (fmt_date(p.discharged_on), core_text(p.discharge_kind or "")) if x
            ),
        }
        for key, text in values.items():
            self.fields[key].setText(text or "—")
            shown = bool(text) or key in ("gender", "authority", "charges", "cell")
            self.fields[key].setVisible(shown)
            self._field_names[key].setVisible(shown)
        self._show_id_number(self.reveal_button.isChecked())
        self.reveal_button.setVisible(bool(p.id_number))

        self._show_current(overview)
        self.stages_model.set_rows(overview.stages)
        current = next((i for i, r in enumerate(overview.stages) if r.current), len(overview.stages) - 1)
        if current >= 0:
            index = self.stages_model.index(current, 0)  # not selected: a selection hides the red
            # rows take their height once laid out: scroll to the row running now after that
            QTimer.singleShot(0, self, lambda: self.stages_view.scrollTo(index))
        self.stages_heading.setText(
            QCoreApplication.translate("DetaineePage", "诉讼环节与羁押期限（{n}）").format(
                n=len(overview.stages)
            )
        )
        self.timeline_model.set_entries(overview.timeline)
        self.timeline_heading.setText(
            QCoreApplication.translate("DetaineePage", "相关记录（{n}）").format(n=len(overview.timeline))
        )
        self.timeline_empty.setVisible(not overview.timeline)
        self.timeline_box.setVisible(bool(overview.timeline))
        if overview.timeline and not self.timeline_view.currentIndex().isValid():
            self.timeline_view.setCurrentIndex(self.timeline_model.index(0, 0))
        self.timeline_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_current(self, overview: DetaineeOverview) -> None:
        current = overview.current
        row = overview.current_row
        colour: str | None = None
        if current.status == "suspended":
            self.deadline_label.setText(QCoreApplication.translate("DetaineePage", "期限中止计算"))
            _chip(self.left_chip, "", GREY)
        elif current.deadline is None:
            self.deadline_label.setText(QCoreApplication.translate("DetaineePage", "不计算羁押期限"))
            _chip(self.left_chip, "", GREY)
        else:
            days = (
                current.days_left
                if current.days_left is not None
                else (current.deadline - overview.today).days
            )
            if days < 0:
                colour = RED
            elif days <= overview.warning_days:
                colour = AMBER
            self.deadline_label.setText(
                QCoreApplication.translate("DetaineePage", "届满日 {d}").format(
                    d=deadline_text(current.deadline)
                )
            )
            _chip(self.left_chip, days_left_text(days), colour or PRIMARY)
        self.deadline_label.setStyleSheet(f"color: {colour};" if colour else "")
        rule = stage_detail(row) if row is not None else rules_text(current.basis)
        self.basis_label.setText(rule or rules_text(current.basis))
        self.basis_label.setVisible(bool(rule or current.basis))
        self.issues_label.setText("\n".join(f"⚠ {rules_text(issue)}" for issue in current.issues))
        self.issues_label.setVisible(bool(current.issues))
        self.explanation.setPlainText(rules_text(current.explanation))

    @Slot(bool)
    def _show_id_number(self, full: bool) -> None:
        p = self.overview.particulars if self.overview is not None else None
        if p is None:
            return
        self.fields["id_number"].setText((p.id_number if full else p.id_number_masked) or "—")
        self.reveal_button.setText(
            QCoreApplication.translate("DetaineePage", "隐藏")
            if full
            else QCoreApplication.translate("DetaineePage", "显示")
        )

    @Slot(bool)
    def _toggle_explanation(self, shown: bool) -> None:
        self.explanation.setVisible(shown)

    # ---- opening records --------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _entry_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            entry = self.timeline_model.entry(index.row())
            emit(self.openRecord, entry.kind, entry.record_id)

    @Slot(QModelIndex)
    def _stage_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.stages_model.row(index.row())
        if row.event_id is not None:
            emit(self.openRecord, "custody_event", row.event_id)
        else:
            emit(self.openRecord, "detainee", self.detainee_id)

    # ---- forms ------------------------------------------------------------------------------------

    @Slot()
    def edit(self) -> QDialog | None:
        """The detainee's form (register and custody events)."""
        from ui.forms import open_record_form  # when a form is first opened, as ui.actions.open_form does

        if self.actor is None or not may(self.actor, Permission.EDIT):
            return None
        form = open_record_form(
            self, self.store, "detainee", self.detainee_id, actor=self.actor, runner=self.runner
        )
        form.saved.connect(self._written)
        self.last_form = form
        return form

    @Slot()
    def new_talk(self) -> None:
        """A new talk with this person filled in (the rest as any new talk: now, the signed-in user)."""
        actor = self.actor
        if actor is None or not may(actor, Permission.EDIT):
            return
        store, detainee_id = self.store, self.detainee_id

        def work() -> records.EditState:
            state = records.load_for_edit(store, "talk", actor=actor)
            return replace(state, values={**state.values, "detainee_id": detainee_id})

        def show(state: records.EditState) -> None:
            from ui.forms import open_record_form

            form = open_record_form(self, store, "talk", actor=actor, runner=self.runner, prefill=state)
            form.saved.connect(self._written)
            self.last_form = form

        self._run(work, show, lambda exc: errors.show_error(exc, self), owner=self)

    @Slot(str, object)
    def _written(self, kind: str, record_id: object) -> None:
        emit(self.changed, kind, record_id)
        self.load()
