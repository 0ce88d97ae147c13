"""值班与在岗 (docs/ui.md, "值班与在岗"): a month of the duty roster as a grid — a row per person, a column
per day, holidays shaded — with the day's sign-ins beside it and the month's shortfalls under it.

Opened from 日志与报表. Everything is read and written in the background through
:mod:`inspector.services.duty`; the grid never touches the database.

Keys in the grid: the arrows move; ``G`` 在岗, ``B`` 值班, ``J`` 请假, ``W`` 外出 (or ``1``–``4``) set the
selected cells, ``Delete``, ``Backspace`` or ``Space`` clear them; with one cell selected a state moves
the cursor on to the next day, so a week is typed as ``G G G G G``. ``Enter`` or ``F2`` opens a list of the
states. ``Ctrl+Enter`` records a sign-in for the selected person and day; ``PgUp`` / ``PgDn`` go to
the month before or after; ``F5`` reads again; ``Esc`` closes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.enums import DutyState
from inspector.domain.validation import SHANGHAI
from inspector.services import duty, exports
from inspector.services.duty import CellChange, DutyRosterDoc, SignInRow, StaffView
from inspector.services.policy import Actor, Permission, actor_for, may
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors
from ui.documents import PdfRequest, open_preview, safe_file_name
from ui.i18n import QT_TRANSLATE_NOOP, core_text, rules_text
from ui.qt_compat import emit
from ui.style import AMBER, CARD_BORDER, GREEN, GREY, RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background

ModelIndex = QModelIndex | QPersistentModelIndex
CENTER = Qt.AlignmentFlag.AlignCenter

HOLIDAY_BG = QColor("#f7dede")  # a statutory holiday's column
REST_BG = QColor("#eceff3")  # an ordinary weekend's column
SHORT_BG = QColor("#ffe08a")  # a day the roster leaves short (the count row)
TODAY_BG = QColor("#e3efff")

# Letters and digits that set a state (pinyin of the state's second character: 在岗 gǎng, 值班 bān, 请假 jià,
# 外出 wài — the first would give Z twice); and the letters the English cells show (S on site, D on duty,
# L leave, O out), so that the English key legend names the letters its cells carry.
STATE_KEYS: dict[int, str] = {
    Qt.Key.Key_S: DutyState.ON_SITE.value,
    Qt.Key.Key_D: DutyState.ON_DUTY.value,
    Qt.Key.Key_L: DutyState.LEAVE.value,
    Qt.Key.Key_O: DutyState.OUT.value,
    Qt.Key.Key_G: DutyState.ON_SITE.value,
    Qt.Key.Key_1: DutyState.ON_SITE.value,
    Qt.Key.Key_B: DutyState.ON_DUTY.value,
    Qt.Key.Key_2: DutyState.ON_DUTY.value,
    Qt.Key.Key_J: DutyState.LEAVE.value,
    Qt.Key.Key_3: DutyState.LEAVE.value,
    Qt.Key.Key_W: DutyState.OUT.value,
    Qt.Key.Key_4: DutyState.OUT.value,
}
CLEAR_KEYS = frozenset({Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Space, Qt.Key.Key_0})
EMPTY = QT_TRANSLATE_NOOP("DutyPage", "（空）")
# Weekdays as the grid's header marks them (Monday first), 休 a statutory holiday, 班 a 调休 working day.
WEEKDAY_MARKS = (
    QT_TRANSLATE_NOOP("DutyPage", "一"),
    QT_TRANSLATE_NOOP("DutyPage", "二"),
    QT_TRANSLATE_NOOP("DutyPage", "三"),
    QT_TRANSLATE_NOOP("DutyPage", "四"),
    QT_TRANSLATE_NOOP("DutyPage", "五"),
    QT_TRANSLATE_NOOP("DutyPage", "六"),
    QT_TRANSLATE_NOOP("DutyPage", "日"),
)
HOLIDAY_MARK, WORKDAY_MARK = QT_TRANSLATE_NOOP("DutyPage", "休"), QT_TRANSLATE_NOOP("DutyPage", "班")
# A cell's one character per state (the printed table's, documents.duty_roster.SHORT_STATE).
CELL_MARKS = {
    DutyState.ON_SITE.value: QT_TRANSLATE_NOOP("DutyPage", "在"),
    DutyState.ON_DUTY.value: QT_TRANSLATE_NOOP("DutyPage", "值"),
    DutyState.LEAVE.value: QT_TRANSLATE_NOOP("DutyPage", "假"),
    DutyState.OUT.value: QT_TRANSLATE_NOOP("DutyPage", "外"),
}


def choices() -> tuple[tuple[str | None, str], ...]:
    """(stored value, text) of each state a cell may take, the empty one first, in the UI's language."""
    return ((None, translate("DutyPage", EMPTY)), *((m.value, core_text(m.label)) for m in DutyState))


def state_text(state: str | None) -> str:
    return dict(choices()).get(state, "") if state else ""


def day_text(day: date) -> str:
    """10月12日（一）."""
    return translate("DutyPage", "{m}月{d}日（{w}）").format(
        m=day.month, d=day.day, w=translate("DutyPage", WEEKDAY_MARKS[day.weekday()])
    )


PAGE_STYLE = f"""
QDialog#dutyPage {{ background: #f4f6f9; }}
QFrame#panel {{ background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px; }}
QFrame#panel QLabel {{ background: transparent; border: none; }}
QHeaderView#rosterHeader::section {{ padding: 3px 0px; }}
"""


translate = QCoreApplication.translate  # every text of this page is in the context "DutyPage"


def _month_name(year: int, month: int) -> str:
    return translate("DutyPage", "{y}年{m}月").format(y=year, m=month)


def _shift(year: int, month: int, by: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + by
    return k // 12, k % 12 + 1


# ---- the grid's model ----------------------------------------------------------------------------------


class RosterModel(QAbstractTableModel):
    """Rows: the staff, then 在岗人数. Columns: 姓名, one per day, 计划, 实到. A cell shows the plan's
    character (在 值 假 外) and ✓ when the person signed in; ``setData`` never writes: it asks the page
    through :attr:`requested`."""

    requested = Signal(object, object)  # [(row, column)], state or None

    NAME, FIRST_DAY = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: DutyRosterDoc | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # ---- shape
    @property
    def days(self) -> int:
        return len(self.doc.days) if self.doc else 0

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.doc is None else len(self.doc.staff) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.doc is None else self.days + 3

    def set_doc(self, doc: DutyRosterDoc) -> None:
        same = (
            self.doc is not None
            and [p.id for p in self.doc.staff] == [p.id for p in doc.staff]
            and [d.day for d in self.doc.days] == [d.day for d in doc.days]
        )
        if same:  # keep the selection and the cursor: only the values changed
            self.doc = doc
            emit(self.dataChanged, self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.doc = doc
        self.endResetModel()

    # ---- what a cell is
    def day_of(self, column: int) -> date | None:
        if self.doc is None or not self.FIRST_DAY <= column < self.FIRST_DAY + self.days:
            return None
        return self.doc.days[column - self.FIRST_DAY].day

    def staff_of(self, row: int) -> uuid.UUID | None:
        if self.doc is None or not 0 <= row < len(self.doc.staff):
            return None
        return self.doc.staff[row].id

    def is_plan_cell(self, index: ModelIndex) -> bool:
        return self.staff_of(index.row()) is not None and self.day_of(index.column()) is not None

    def state(self, row: int, column: int) -> str | None:
        who, day = self.staff_of(row), self.day_of(column)
        if self.doc is None or who is None or day is None:
            return None
        return self.doc.plan.get((who, day))

    def column_of(self, day: date) -> int | None:
        if self.doc is None:
            return None
        for k, rd in enumerate(self.doc.days):
            if rd.day == day:
                return self.FIRST_DAY + k
        return None

    # ---- Qt
    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.is_plan_cell(index) else base

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.doc is None:
            return None
        rd = self.doc.days[section - self.FIRST_DAY] if self.day_of(section) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.NAME:
                return translate("DutyPage", "姓名")
            if rd is not None:
                mark = HOLIDAY_MARK if rd.kind == "holiday" else WORKDAY_MARK if rd.adjusted else None
                mark = mark or WEEKDAY_MARKS[rd.day.weekday()]
                return f"{rd.day.day}\n{translate('DutyPage', mark)}"
            return (translate("DutyPage", "计划"), translate("DutyPage", "实到"))[
                section - self.FIRST_DAY - self.days
            ]
        if role == Qt.ItemDataRole.ToolTipRole:
            if rd is not None:
                return day_text(rd.day) + rules_text(rd.describe)
            if section == self.FIRST_DAY + self.days:
                return translate("DutyPage", "本月计划在岗、值班的天数")
            if section == self.FIRST_DAY + self.days + 1:
                return translate("DutyPage", "本月签到的天数（截至今天）")
        if role == Qt.ItemDataRole.ForegroundRole and rd is not None and rd.kind == "holiday":
            return QColor(RED)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        doc = self.doc
        if doc is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        count_row = row == len(doc.staff)
        day = self.day_of(col)
        rd = doc.days[col - self.FIRST_DAY] if day is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, count_row)
        if role == Qt.ItemDataRole.EditRole:
            return self.state(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(CENTER)
                if col != self.NAME
                else int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if count_row and rd is not None and doc.checks[col - self.FIRST_DAY].problem:
                return SHORT_BG
            if rd is not None and rd.kind == "holiday":
                return HOLIDAY_BG
            if rd is not None and rd.kind == "rest":
                return REST_BG
            if day == doc.today:
                return TODAY_BG
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if count_row:
                return QColor(RED) if rd is not None and doc.checks[col - self.FIRST_DAY].problem else None
            who = self.staff_of(row)
            if who is None or day is None:
                return QColor(GREY) if col != self.NAME and not doc.staff[row].active else None
            state = doc.plan.get((who, day))
            if (who, day) in doc.sign_ins:
                return QColor(GREEN)
            if state in (DutyState.LEAVE.value, DutyState.OUT.value):
                return QColor(GREY)
            if self._missed(who, day):
                return QColor(AMBER)
            return None
        if role == Qt.ItemDataRole.FontRole:
            who = self.staff_of(row)
            if who is not None and day is not None and (who, day) in doc.sign_ins:
                return self._bold
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col, count_row)
        return None

    def _missed(self, who: uuid.UUID, day: date) -> bool:
        """Planned on site on a past day (or today) without a sign-in."""
        doc = self.doc
        assert doc is not None
        return (
            doc.plan.get((who, day)) in (DutyState.ON_SITE.value, DutyState.ON_DUTY.value)
            and day < doc.today
            and (who, day) not in doc.sign_ins
        )

    def _text(self, row: int, col: int, count_row: bool) -> str:
        doc = self.doc
        assert doc is not None
        day = self.day_of(col)
        if count_row:
            if col == self.NAME:
                return translate("DutyPage", "在岗人数")
            if day is None:
                return ""
            check = doc.checks[col - self.FIRST_DAY]
            return str(check.on_site) if check.day.kind != "rest" or check.on_site else ""
        person = doc.staff[row]
        if col == self.NAME:
            return (
                person.name
                if person.active
                else translate("DutyPage", "{name}（停用）").format(name=person.name)
            )
        if day is None:
            days = doc.person_days(person.id)
            if days is None:
                return ""
            return str(days.planned if col == self.FIRST_DAY + self.days else days.actual)
        state = doc.plan.get((person.id, day))
        mark = translate("DutyPage", CELL_MARKS[state]) if state in CELL_MARKS else ""
        return mark or ("✓" if (person.id, day) in doc.sign_ins else "")

    def _tooltip(self, row: int, col: int, count_row: bool) -> str | None:
        doc = self.doc
        assert doc is not None
        day = self.day_of(col)
        if day is None:
            if count_row or col != self.NAME:
                return None
            person = doc.staff[row]
            days = doc.person_days(person.id)
            parts = [person.name, person.position]
            if days is not None:
                parts.append(
                    translate(
                        "DutyPage", "计划在岗{p}天，签到{a}天，计划未签到{m}天，计划外签到{u}天"
                    ).format(p=days.planned, a=days.actual, m=days.missed, u=days.unplanned)
                )
            if not person.counted:
                parts.append(translate("DutyPage", "不计入在岗人数"))
            return "\n".join(p for p in parts if p)
        check = doc.checks[col - self.FIRST_DAY]
        if count_row:
            return rules_text(check.note)
        person = doc.staff[row]
        lines = [f"{person.name} {day_text(day)}{rules_text(check.day.describe)}"]
        state = doc.plan.get((person.id, day))
        lines.append(translate("DutyPage", "计划：{s}").format(s=state_text(state) or "—"))
        sign = doc.sign_ins.get((person.id, day))
        if sign is not None:
            lines.append(
                translate("DutyPage", "签到：{t}").format(t=sign.span)
                + (f"（{sign.note}）" if sign.note else "")
            )
        elif self._missed(person.id, day):
            lines.append(translate("DutyPage", "未签到"))
        return "\n".join(lines)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_plan_cell(index):
            return False
        state = value if value in DutyState.values() else None
        if state != self.state(index.row(), index.column()):
            emit(self.requested, [(index.row(), index.column())], state)
        return False  # the page writes, then the month is read again


class StateDelegate(QStyledItemDelegate):
    """``Enter`` / ``F2`` / double-click on a cell: a list of the states."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        box = QComboBox(parent)
        for value, text in choices():
            box.addItem(text, value)
        box.activated.connect(lambda _i: self._chosen(box))  # a pick from the list is the answer
        return box

    def _chosen(self, box: QComboBox) -> None:
        emit(self.commitData, box)
        emit(self.closeEditor, box, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(0, editor.findData(current)))
        editor.showPopup()

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RosterGrid(QTableView):
    """The grid; letters set the selected cells (see the module's docstring)."""

    stateKey = Signal(object)  # state or None
    signInKey = Signal()
    monthKey = Signal(int)  # -1 PgUp, +1 PgDn
    editKey = Signal()  # Enter: the list of states

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier and (key in STATE_KEYS or key in CLEAR_KEYS):
            emit(self.stateKey, STATE_KEYS.get(key))
            event.accept()
            return
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and mods == Qt.KeyboardModifier.NoModifier:
            emit(self.monthKey, -1 if key == Qt.Key.Key_PageUp else 1)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.ControlModifier:
            emit(self.signInKey)
            event.accept()
            return
        editing = self.state() == QAbstractItemView.State.EditingState
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods and not editing:
            emit(self.editKey)
            event.accept()
            return
        super().keyPressEvent(event)


# ---- the page ----------------------------------------------------------------------------------------------


class DutyPage(QDialog):
    """值班与在岗 for one month at a time. ``loaded``: a month is shown (after every read)."""

    loaded = Signal()

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor | None = None,
        runner: Runner | None = None,
        year: int | None = None,
        month: int | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.runner = runner
        self._run: Runner = runner or run_in_background
        today = today_local()
        self.year, self.month = year or today.year, month or today.month
        if day is not None:  # opened at a day (an agenda item): its month, that day selected
            self.year, self.month = day.year, day.month
        self.initial_day = day
        self.doc: DutyRosterDoc | None = None
        self.selected_day: date = today
        self.last_dialog: QDialog | None = None
        self.editing = actor is not None and may(actor, Permission.EDIT)
        self.setObjectName("dutyPage")
        self.setStyleSheet(PAGE_STYLE)
        self.setWindowTitle(translate("DutyPage", "值班与在岗"))
        self.resize(QSize(1280, 720))

        # ---- header: title, month, actions -----------------------------------------------------------
        title = QLabel(translate("DutyPage", "值班与在岗"))
        title.setObjectName("pageTitle")
        title.setFont(scaled_font(title, 1.45, bold=True))
        self.rule_label = QLabel("")
        self.rule_label.setStyleSheet(f"color: {TEXT_MUTED};")
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(title)
        titles.addWidget(self.rule_label)
        self.prev_button = self._button("◀", lambda: self.go(-1), translate("DutyPage", "上个月（PgUp）"))
        self.month_edit = QDateEdit(QDate(self.year, self.month, 1))
        self.month_edit.setDisplayFormat(translate("DutyPage", "yyyy年M月"))
        self.month_edit.setCurrentSection(QDateEdit.Section.MonthSection)
        self.month_edit.setMinimumWidth(120)
        self.month_edit.dateChanged.connect(self._month_edited)
        self.next_button = self._button("▶", lambda: self.go(1), translate("DutyPage", "下个月（PgDn）"))
        self.this_month_button = self._button(
            translate("DutyPage", "本月"), self.go_this_month, translate("DutyPage", "回到本月")
        )
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addLayout(titles, 1)
        for w in (self.prev_button, self.month_edit, self.next_button, self.this_month_button):
            head.addWidget(w, 0, Qt.AlignmentFlag.AlignVCenter)

        self.copy_button = self._button(
            translate("DutyPage", "从上周复制"),
            self.copy_week,
            translate("DutyPage", "把上一周的安排复制到所选日期所在的一周（已安排的不覆盖）"),
        )
        self.fill_button = self._button(
            translate("DutyPage", "工作日全部在岗"),
            self.fill_month,
            translate("DutyPage", "所选人员本月尚未安排的工作日都安排为在岗"),
        )
        self.staff_button = self._button(
            translate("DutyPage", "人员名单…"),
            self.open_staff,
            translate("DutyPage", "值班人员名单：从用户添加、排序、停用"),
        )
        self.print_button = self._button(
            translate("DutyPage", "打印值班表…"),
            self.preview,
            translate("DutyPage", "本月值班表：预览、打印或另存为 PDF"),
        )
        self.export_button = self._button(
            translate("DutyPage", "导出 Excel…"),
            self.export_xlsx,
            translate("DutyPage", "本月值班表和签到记录导出为 xlsx"),
        )
        self.close_button = self._button(
            translate("DutyPage", "关闭"), self.reject, translate("DutyPage", "关闭（Esc）")
        )
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for b in (self.copy_button, self.fill_button, self.staff_button):
            actions.addWidget(b)
        actions.addStretch(1)
        hint = QLabel(
            translate(
                "DutyPage", "G 在岗 · B 值班 · J 请假 · W 外出 · Delete 清除 · Enter 选择 · Ctrl+Enter 签到"
            )
        )
        hint.setStyleSheet(f"color: {TEXT_MUTED};")
        actions.addWidget(hint)
        colours = QLabel(translate("DutyPage", "绿色：已签到　橙色：未签到"))
        colours.setStyleSheet(f"color: {TEXT_MUTED};")
        actions.addWidget(colours)
        actions.addStretch(1)
        for b in (self.print_button, self.export_button, self.close_button):
            actions.addWidget(b)

        # ---- the grid -------------------------------------------------------------------------------
        self.model = RosterModel(self)
        self.model.requested.connect(self._cells_requested)
        self.grid = RosterGrid()
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(StateDelegate(self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            if self.editing
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.grid.verticalHeader().hide()
        self.grid.setWordWrap(False)
        self.grid.setAlternatingRowColors(False)
        self.grid.horizontalHeader().setObjectName("rosterHeader")
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.horizontalHeader().setMinimumSectionSize(24)
        self.grid.stateKey.connect(self.set_selected)
        self.grid.signInKey.connect(self.sign_in_selected)
        self.grid.monthKey.connect(self.go)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.editKey.connect(self._edit_current)

        # ---- the day's sign-ins -----------------------------------------------------------------------
        side = QFrame()
        side.setObjectName("panel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(14, 12, 14, 12)
        self.day_label = QLabel("")
        self.day_label.setFont(scaled_font(self.day_label, 1.1, bold=True))
        self.day_note = QLabel("")
        self.day_note.setWordWrap(True)
        self.day_note.setStyleSheet(f"color: {TEXT_MUTED};")
        self.sign_table = QTableWidget(0, 3)
        self.sign_table.setHorizontalHeaderLabels(
            [translate("DutyPage", "姓名"), translate("DutyPage", "到岗—离岗"), translate("DutyPage", "计划")]
        )
        self.sign_table.verticalHeader().hide()
        self.sign_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sign_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sign_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sign_table.horizontalHeader().setStretchLastSection(True)
        self.sign_table.doubleClicked.connect(lambda *_: self.sign_in_row())
        self.sign_button = self._button(
            translate("DutyPage", "签到…"),
            self.sign_in_row,
            translate("DutyPage", "登记或修改所选人员当日到岗、离岗时间"),
        )
        self.me_button = self._button(
            translate("DutyPage", "本人到岗"),
            self.sign_in_me,
            translate("DutyPage", "以现在的时间登记本人今天到岗；已到岗的登记离岗"),
        )
        self.clear_sign_button = self._button(
            translate("DutyPage", "删除签到"), self.clear_sign_in, translate("DutyPage", "删除误登记的签到")
        )
        sign_buttons = QHBoxLayout()
        for b in (self.sign_button, self.me_button, self.clear_sign_button):
            sign_buttons.addWidget(b)
        side_layout.addWidget(self.day_label)
        side_layout.addWidget(self.day_note)
        side_layout.addWidget(self.sign_table, 1)
        side_layout.addLayout(sign_buttons)
        side.setMinimumWidth(260)
        side.setMaximumWidth(340)

        # ---- the month's shortfalls ---------------------------------------------------------------------
        self.problems_label = QLabel(translate("DutyPage", "本月提示"))
        self.problems_label.setFont(scaled_font(self.problems_label, 1.05, bold=True))
        self.problems = QListWidget()
        self.problems.setMaximumHeight(130)
        self.problems.itemActivated.connect(self._problem_activated)
        self.problems.itemDoubleClicked.connect(self._problem_activated)

        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addWidget(self.grid, 1)
        middle.addWidget(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addLayout(middle, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)

        for b in (
            self.copy_button,
            self.fill_button,
            self.sign_button,
            self.me_button,
            self.clear_sign_button,
        ):
            b.setEnabled(self.editing)
        if not self.editing:
            for b in (
                self.copy_button,
                self.fill_button,
                self.sign_button,
                self.me_button,
                self.clear_sign_button,
            ):
                b.setToolTip(translate("DutyPage", "当前用户不能修改值班表"))
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Refresh), self.refresh),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go(-1)),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go(1)),
        ):
            QShortcut(keys, self).activated.connect(slot)
        self.refresh()

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(tip)
        b.clicked.connect(lambda *_: slot())
        return b

    # ---- reading ------------------------------------------------------------------------------------

    def _work(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._run(fn, on_done, on_error or (lambda e: self._failed(e)), owner=self)

    def _failed(self, exc: BaseException) -> None:
        errors.show_error(exc, self)
        self.refresh()  # a refused write: show the month as it is

    @Slot()
    def refresh(self) -> None:
        store, year, month = self.store, self.year, self.month
        self._work(
            lambda: duty.load_month(store, year, month), self._show, lambda e: errors.show_error(e, self)
        )

    def _show(self, doc: DutyRosterDoc) -> None:
        if (doc.year, doc.month) != (self.year, self.month):
            return  # a month the user has left
        first_show = self.doc is None or (self.doc.year, self.doc.month) != (doc.year, doc.month)
        self.doc = doc
        self.model.set_doc(doc)
        s = doc.settings
        rule = translate("DutyPage", "工作日在岗不少于{n}人").format(n=s.staff_on_duty_min)
        if s.holiday_duty_required:
            rule += translate("DutyPage", "，法定节假日安排值班")
        if s.days_on_site_target:
            rule += translate("DutyPage", "，每人每月在岗{n}天").format(n=s.days_on_site_target)
        self.rule_label.setText(f"{doc.station.name} · {rule}")
        self._fit_columns()
        self._show_problems()
        if first_show:
            day = doc.today if doc.days[0].day <= doc.today <= doc.days[-1].day else doc.days[0].day
            if self.initial_day is not None and doc.days[0].day <= self.initial_day <= doc.days[-1].day:
                day = self.initial_day
            col = self.model.column_of(day)
            if col is not None and doc.staff:
                self._select(self.model.index(0, col))
            self.selected_day = day
        self._show_day()
        emit(self.loaded)

    def _fit_columns(self) -> None:
        """A month fits beside the sign-in panel at 1366 px: the day columns just hold "在" and, in
        the header (a size smaller), "30"."""
        header = self.grid.horizontalHeader()
        small = QFont(self.grid.font())
        small.setPointSizeF(max(7.0, self.grid.font().pointSizeF() * 0.85))
        header.setFont(small)
        metrics, head = self.grid.fontMetrics(), QFontMetrics(small)
        cell = max(metrics.horizontalAdvance("在") + 12, head.horizontalAdvance("30") + 12)  # i18n: a width
        rows = range(self.model.rowCount())
        names = [metrics.horizontalAdvance(self.model.data(self.model.index(r, 0)) or "") for r in rows]
        header.resizeSection(RosterModel.NAME, max(names, default=60) + 20)
        for c in range(RosterModel.FIRST_DAY, self.model.columnCount()):
            header.resizeSection(c, cell)
        wide = max(
            head.horizontalAdvance(translate("DutyPage", "计划")),
            head.horizontalAdvance(translate("DutyPage", "实到")),
        )
        tail = max(wide, metrics.horizontalAdvance("30")) + 14
        for c in (self.model.columnCount() - 2, self.model.columnCount() - 1):
            header.resizeSection(c, tail)
        self.grid.verticalHeader().setDefaultSectionSize(metrics.height() + 12)
        header.setFixedHeight(head.height() * 2 + 14)

    def _show_problems(self) -> None:
        doc = self.doc
        assert doc is not None
        self.problems.clear()
        for check in doc.problems:
            item = QListWidgetItem(translate("DutyPage", "{note}。").format(note=rules_text(check.note)))
            item.setData(Qt.ItemDataRole.UserRole, check.day.day)
            item.setForeground(QColor(RED if check.day.day >= doc.today else GREY))
            self.problems.addItem(item)
        target = doc.settings.days_on_site_target
        for p in doc.people:
            if p.met is False:
                item = QListWidgetItem(
                    translate("DutyPage", "{name}本月实际在岗{a}天，少于{t}天。").format(
                        name=p.name, a=p.actual, t=target
                    )
                )
                item.setForeground(QColor(AMBER))
                self.problems.addItem(item)
        n = self.problems.count()
        self.problems_label.setText(
            translate("DutyPage", "本月提示（{n}）").format(n=n)
            if n
            else translate("DutyPage", "本月提示：无")
        )
        if not doc.staff:
            self.problems.addItem(translate("DutyPage", "还没有值班人员：请在“人员名单…”中从用户名单添加。"))

    def _show_day(self) -> None:
        doc = self.doc
        if doc is None:
            return
        day = self.selected_day
        rd = next((r for r in doc.days if r.day == day), None)
        self.day_label.setText(translate("DutyPage", "{m}月{d}日签到").format(m=day.month, d=day.day))
        check = next((c for c in doc.checks if c.day.day == day), None)
        self.day_note.setText(rules_text(check.note) if check is not None else "")
        self.sign_table.setRowCount(len(doc.staff))
        for r, person in enumerate(doc.staff):
            sign = doc.sign_ins.get((person.id, day))
            state = doc.plan.get((person.id, day))
            cells = [person.name, sign.span if sign else "", state_text(state)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1 and sign is not None and sign.note:
                    item.setToolTip(sign.note)
                self.sign_table.setItem(r, c, item)
        self.sign_table.resizeColumnsToContents()
        future = day > doc.today
        for b in (self.sign_button, self.clear_sign_button):
            b.setEnabled(self.editing and not future and rd is not None)
        self.me_button.setEnabled(self.editing and day == doc.today)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = self.model.day_of(current.column())
        if day is not None and day != self.selected_day:
            self.selected_day = day
            self._show_day()
        if current.isValid() and 0 <= current.row() < self.sign_table.rowCount():
            self.sign_table.selectRow(current.row())

    # ---- months ---------------------------------------------------------------------------------------

    def go(self, by: int) -> None:
        self.year, self.month = _shift(self.year, self.month, by)
        self._sync_month_edit()
        self.refresh()

    def go_this_month(self) -> None:
        today = today_local()
        self.year, self.month = today.year, today.month
        self._sync_month_edit()
        self.refresh()

    def _sync_month_edit(self) -> None:
        self.month_edit.blockSignals(True)
        self.month_edit.setDate(QDate(self.year, self.month, 1))
        self.month_edit.blockSignals(False)

    @Slot(QDate)
    def _month_edited(self, chosen: QDate) -> None:
        if (chosen.year(), chosen.month()) != (self.year, self.month):
            self.year, self.month = chosen.year(), chosen.month()
            self.refresh()

    # ---- planning ------------------------------------------------------------------------------------

    def _actor(self) -> Actor:
        assert self.actor is not None
        return self.actor

    def _plan_cells(self) -> list[tuple[int, int]]:
        cells = {
            (i.row(), i.column())
            for i in self.grid.selectionModel().selectedIndexes()
            if self.model.is_plan_cell(i)
        }
        current = self.grid.currentIndex()
        if not cells and current.isValid() and self.model.is_plan_cell(current):
            cells = {(current.row(), current.column())}
        return sorted(cells)

    @Slot(object)
    def set_selected(self, state: str | None) -> None:
        """A key typed in the grid: the selected cells (or the current one) get ``state``."""
        if not self.editing:
            return
        cells = self._plan_cells()
        if not cells:
            return
        self._cells_requested(cells, state)
        if len(cells) == 1 and state is not None:  # typing a week: on to the next day (clearing stays)
            row, col = cells[0]
            if col + 1 < RosterModel.FIRST_DAY + self.model.days:
                self._select(self.model.index(row, col + 1))

    def _select(self, index: QModelIndex) -> None:
        """Make ``index`` the current and only selected cell, whatever keys the keyboard holds (a view's
        own ``setCurrentIndex`` reads the held modifiers to decide the selection)."""
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.grid.selectionModel().setCurrentIndex(index, flags)

    @Slot(object, object)
    def _cells_requested(self, cells: Sequence[tuple[int, int]], state: str | None) -> None:
        if not self.editing or self.doc is None:
            return
        changes = []
        for row, col in cells:
            who, day = self.model.staff_of(row), self.model.day_of(col)
            if who is None or day is None:
                continue
            now = self.doc.plan.get((who, day))
            if now != state:
                changes.append(CellChange(who, day, state, now))
        if not changes:
            return
        self._write(lambda store, actor: duty.set_plan(store, changes, actor))

    def _write(self, fn: Callable[[Store, Actor], Any], done: Callable[[Any], None] | None = None) -> None:
        store, actor, year, month = self.store, self._actor(), self.year, self.month

        def run() -> tuple[Any, DutyRosterDoc]:
            result = fn(store, actor)
            return result, duty.load_month(store, year, month)

        def shown(out: tuple[Any, DutyRosterDoc]) -> None:
            result, doc = out
            self._show(doc)
            if done is not None:
                done(result)

        self._work(run, shown)

    def _edit_current(self) -> None:
        index = self.grid.currentIndex()
        if self.editing and index.isValid() and self.model.is_plan_cell(index):
            self.grid.edit(index)

    @Slot()
    def copy_week(self) -> None:
        day = self.selected_day
        self._write(lambda store, actor: duty.copy_previous_week(store, day, actor), self._copied)

    def _copied(self, result: duty.CopyResult) -> None:
        errors.show_message(translate("DutyPage", "从上周复制"), result.message, self)

    @Slot()
    def fill_month(self) -> None:
        """The selected people (rows of the selection, else the current row): every working day of
        the month not planned yet → 在岗."""
        doc = self.doc
        if doc is None:
            return
        rows = {i.row() for i in self.grid.selectionModel().selectedIndexes()} or {
            self.grid.currentIndex().row()
        }
        people = [who for r in sorted(rows) if (who := self.model.staff_of(r)) is not None]
        if not people:
            errors.show_message(
                translate("DutyPage", "工作日全部在岗"),
                translate("DutyPage", "请先在值班表中选中人员所在的行"),
                self,
            )
            return
        first, last = doc.days[0].day, doc.days[-1].day
        self._write(
            lambda store, actor: duty.fill_working_days(
                store, people, first, last, DutyState.ON_SITE.value, actor
            )
        )

    # ---- sign-ins ----------------------------------------------------------------------------------

    def _selected_person(self) -> uuid.UUID | None:
        row = self.sign_table.currentRow()
        if row < 0:
            row = self.grid.currentIndex().row()
        return self.model.staff_of(row)

    @Slot()
    def sign_in_selected(self) -> None:
        index = self.grid.currentIndex()
        if index.isValid():
            self.sign_table.selectRow(index.row())
        self.sign_in_row()

    @Slot()
    def sign_in_row(self) -> None:
        doc, who = self.doc, self._selected_person()
        if not self.editing or doc is None or who is None or self.selected_day > doc.today:
            return
        person = next(p for p in doc.staff if p.id == who)
        dialog = SignInDialog(
            person.name, self.selected_day, doc.sign_ins.get((who, self.selected_day)), self
        )
        self.last_dialog = dialog
        day = self.selected_day

        def save() -> None:
            expected = doc.sign_ins.get((who, day))
            t_in, t_out, note = dialog.values()
            self._write(
                lambda store, actor: duty.save_sign_in(
                    store, who, day, t_in, t_out, actor, note=note, expected=expected
                ),
                lambda _r: dialog.accept(),
            )

        dialog.saveRequested.connect(save)
        dialog.open()

    @Slot()
    def sign_in_me(self) -> None:
        """本人到岗: the signed-in user's sign-in for today at the present time; if already signed in
        without a time out, the time out."""
        doc = self.doc
        if doc is None or not self.editing:
            return
        actor = self._actor()
        me = next((p for p in doc.staff if p.user_id == actor.user_id), None)
        if me is None:
            errors.show_message(
                translate("DutyPage", "本人到岗"),
                translate("DutyPage", "您不在值班人员名单中：请先在“人员名单…”中添加"),
                self,
            )
            return
        today = doc.today
        now = datetime.now(SHANGHAI).time().replace(second=0, microsecond=0)  # Beijing time
        existing = doc.sign_ins.get((me.id, today))
        if existing is None:
            self._write(lambda s, a: duty.save_sign_in(s, me.id, today, now, None, a))
        elif existing.time_out is None:
            t_out = max(now, existing.time_in)
            self._write(
                lambda s, a: duty.save_sign_in(
                    s, me.id, today, existing.time_in, t_out, a, note=existing.note, expected=existing
                )
            )

    @Slot()
    def clear_sign_in(self) -> None:
        doc, who = self.doc, self._selected_person()
        if doc is None or who is None:
            return
        day = self.selected_day
        existing = doc.sign_ins.get((who, day))
        if existing is None:
            return
        self._write(lambda store, actor: duty.clear_sign_in(store, who, day, actor, expected=existing))

    # ---- the rest ----------------------------------------------------------------------------------

    def _problem_activated(self, item: QListWidgetItem) -> None:
        day = item.data(Qt.ItemDataRole.UserRole)
        col = self.model.column_of(day) if isinstance(day, date) else None
        if col is not None:
            row = max(0, self.grid.currentIndex().row())
            self._select(self.model.index(row, col))
            self.grid.setFocus()

    @Slot()
    def open_staff(self) -> None:
        dialog = StaffDialog(self.store, actor=self.actor, runner=self.runner, parent=self)
        self.last_dialog = dialog
        dialog.finished.connect(lambda *_: self.refresh())
        dialog.open()

    def request(self) -> PdfRequest:
        key = f"{self.year:04d}-{self.month:02d}"
        name = translate("DutyPage", "值班表")
        return PdfRequest(
            "duty-roster",
            key,
            f"{name} {_month_name(self.year, self.month)}",
            safe_file_name(f"{name}-{key}"),
        )

    @Slot()
    def preview(self) -> QWidget | None:
        return open_preview(self.store, self.request(), self, runner=self.runner)

    @Slot()
    def export_xlsx(self, path: str | None = None) -> None:
        if path is None:
            stem = translate("DutyPage", "值班表-{key}").format(key=f"{self.year:04d}-{self.month:02d}")
            default = str(Path.home() / f"{safe_file_name(stem)}.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("DutyPage", "导出 Excel"),
                default,
                translate("DutyPage", "Excel 工作簿 (*.xlsx)"),
            )
            if not path:
                return
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        store, year, month = self.store, self.year, self.month

        def write() -> Path:
            data = duty.export_month_xlsx(store, year, month)
            detail = {"month": f"{year:04d}-{month:02d}"}
            return exports.save_file(
                store, actor_for(store), target, data, action=exports.EXPORT_DUTY, fmt="xlsx", detail=detail
            )

        self._work(write, lambda p: self._exported(p), lambda e: errors.show_error(e, self))

    def _exported(self, path: Path) -> None:
        self.rule_label.setText(translate("DutyPage", "已导出：{p}").format(p=path))


# ---- dialogs ---------------------------------------------------------------------------------------------


class SignInDialog(QDialog):
    """到岗 and 离岗 of one person on one day; 保存 asks the page (``saveRequested``), which closes the
    dialog when the write succeeded and leaves it open with the message when it did not."""

    saveRequested = Signal()

    def __init__(
        self, name: str, day: date, existing: SignInRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("DutyPage", "签到：{name} {m}月{d}日").format(name=name, m=day.month, d=day.day)
        )
        self.time_in = QTimeEdit()
        self.time_in.setDisplayFormat("HH:mm")
        self.time_out = QTimeEdit()
        self.time_out.setDisplayFormat("HH:mm")
        self.still_there = QCheckBox(translate("DutyPage", "尚未离岗"))
        self.note = QLineEdit()
        self.note.setMaxLength(100)
        self.note.setPlaceholderText(translate("DutyPage", "例如：值班、外出送达后返回"))
        start = existing.time_in if existing else time(8, 30)
        end = existing.time_out if existing else None
        self.time_in.setTime(QTime(start.hour, start.minute))
        self.time_out.setTime(QTime(end.hour, end.minute) if end else QTime(17, 30))
        self.still_there.setChecked(existing is not None and end is None)
        self.still_there.toggled.connect(lambda on: self.time_out.setEnabled(not on))
        self.time_out.setEnabled(not self.still_there.isChecked())
        if existing is not None and existing.note:
            self.note.setText(existing.note)
        form = QFormLayout()
        form.addRow(translate("DutyPage", "到岗时间"), self.time_in)
        row = QHBoxLayout()
        row.addWidget(self.time_out)
        row.addWidget(self.still_there)
        form.addRow(translate("DutyPage", "离岗时间"), row)
        form.addRow(translate("DutyPage", "备注"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(lambda: emit(self.saveRequested))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[time, time | None, str | None]:
        t_in = self.time_in.time()
        t_out = None if self.still_there.isChecked() else self.time_out.time()
        return (
            time(t_in.hour(), t_in.minute()),
            time(t_out.hour(), t_out.minute()) if t_out is not None else None,
            self.note.text().strip() or None,
        )


class StaffDialog(QDialog):
    """值班人员名单: who is planned on the roster. 从用户添加 puts every user who does supervision work on
    it; 添加… a person without an account; 上移 / 下移 the order; 计入在岗人数 and 在编 are ticked in the
    table (each change is saved at once)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("DutyPage", "姓名"),
        QT_TRANSLATE_NOOP("DutyPage", "职务"),
        QT_TRANSLATE_NOOP("DutyPage", "用户"),
        QT_TRANSLATE_NOOP("DutyPage", "计入在岗人数"),
        QT_TRANSLATE_NOOP("DutyPage", "在编"),
    )

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor | None = None,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self.staff: list[StaffView] = []
        self.editing = actor is not None and may(actor, Permission.EDIT)
        self.setWindowTitle(translate("DutyPage", "值班人员名单"))
        self.resize(QSize(640, 420))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("DutyPage", c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._ticked)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        self.from_users_button = QPushButton(translate("DutyPage", "从用户名单添加"))
        self.from_users_button.setToolTip(
            translate("DutyPage", "把尚未列入的检察官、检察官助理、书记员等用户加入名单")
        )
        self.from_users_button.clicked.connect(self.add_from_users)
        self.add_button = QPushButton(translate("DutyPage", "添加人员…"))
        self.add_button.clicked.connect(lambda *_: self.edit(new=True))
        self.edit_button = QPushButton(translate("DutyPage", "修改…"))
        self.edit_button.clicked.connect(lambda *_: self.edit())
        self.up_button = QPushButton(translate("DutyPage", "上移"))
        self.up_button.clicked.connect(lambda *_: self.move_row(-1))
        self.down_button = QPushButton(translate("DutyPage", "下移"))
        self.down_button.clicked.connect(lambda *_: self.move_row(1))
        close = QPushButton(translate("DutyPage", "关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (
            self.from_users_button,
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
        ):
            b.setEnabled(self.editing)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.last_dialog: QDialog | None = None
        self.refresh()

    def _work(self, fn: Callable[[], Any]) -> None:
        store = self.store

        def run() -> list[StaffView]:
            fn()
            return duty.list_staff(store)

        self._run(run, self._show, lambda e: self._failed(e), owner=self)

    def _failed(self, exc: BaseException) -> None:
        errors.show_error(exc, self)
        self.refresh()

    def refresh(self) -> None:
        self._work(lambda: None)

    def _show(self, staff: list[StaffView]) -> None:
        current = self.table.currentRow()
        self.staff = staff
        self.table.blockSignals(True)
        self.table.setRowCount(len(staff))
        for r, s in enumerate(staff):
            for c, text in enumerate(
                (s.name, s.position, s.user_name or translate("DutyPage", "（无账号）"))
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
            for c, on in ((3, s.counts_toward_minimum), (4, s.active)):
                item = QTableWidgetItem("")
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if self.editing else flags)
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        if staff:
            self.table.selectRow(min(max(current, 0), len(staff) - 1))

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() not in (3, 4) or not 0 <= item.row() < len(self.staff):
            return
        s = self.staff[item.row()]
        key = "counts_toward_minimum" if item.column() == 3 else "active"
        on = item.checkState() == Qt.CheckState.Checked
        store, actor = self.store, self.actor
        assert actor is not None
        self._work(lambda: duty.save_staff(store, s.id, {key: on}, s.version, actor))

    def add_from_users(self) -> None:
        store, actor = self.store, self.actor
        assert actor is not None
        self._work(lambda: duty.add_staff_from_users(store, actor))

    def move_row(self, by: int) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.staff) or not 0 <= r + by < len(self.staff):
            return
        order = list(self.staff)
        order[r], order[r + by] = order[r + by], order[r]
        store, actor = self.store, self.actor
        assert actor is not None

        def renumber() -> None:
            for k, s in enumerate(order):
                if s.sort_order != (k + 1) * 10:
                    duty.save_staff(store, s.id, {"sort_order": (k + 1) * 10}, s.version, actor)

        self.table.selectRow(r + by)
        self._work(renumber)

    def edit(self, *, new: bool = False) -> None:
        r = self.table.currentRow()
        if not self.editing or (not new and not 0 <= r < len(self.staff)):
            return
        s = None if new else self.staff[r]
        dialog = QDialog(self)
        self.last_dialog = dialog
        dialog.setWindowTitle(
            translate("DutyPage", "添加值班人员") if s is None else translate("DutyPage", "修改值班人员")
        )
        name, position = QLineEdit(s.name if s else ""), QLineEdit(s.position if s else "")
        name.setMaxLength(32)
        position.setMaxLength(24)
        position.setPlaceholderText(translate("DutyPage", "例如：检察官、检察官助理"))
        order = QSpinBox()
        order.setRange(0, 999)
        order.setValue(s.sort_order if s else (max((x.sort_order for x in self.staff), default=0) + 10))
        form = QFormLayout()
        form.addRow(translate("DutyPage", "姓名"), name)
        form.addRow(translate("DutyPage", "职务"), position)
        form.addRow(translate("DutyPage", "排列顺序"), order)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addLayout(form)
        layout.addWidget(buttons)
        store, actor = self.store, self.actor
        assert actor is not None

        def save() -> None:
            changes = {"name": name.text(), "position": position.text(), "sort_order": order.value()}
            if s is not None:
                changes = {k: v for k, v in changes.items() if v != getattr(s, k)}

            def run() -> list[StaffView]:
                duty.save_staff(store, s.id if s else None, changes, s.version if s else None, actor)
                return duty.list_staff(store)

            def done(staff: list[StaffView]) -> None:
                dialog.accept()
                self._show(staff)

            self._run(run, done, lambda e: errors.show_error(e, dialog), owner=self)

        buttons.accepted.connect(save)
        dialog.open()
