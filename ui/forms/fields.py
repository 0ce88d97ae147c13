"""One editor widget per :class:`~inspector.domain.catalogue.FieldKind`.

Every editor is a :class:`FieldEditor`: ``value()`` gives the Python value the services take (a
``date``, an aware ``datetime`` in Asia/Shanghai, a list of ids as strings …), ``set_value()`` shows
one, ``edited`` fires when the user changes it, and ``problem()`` says what the editor itself knows
is wrong (text typed in the detainee picker but nobody chosen). Empty is ``None`` (``[]`` for lists),
including for dates and times, which show a blank until a date is typed or picked.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QRect,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPaintEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.catalogue import Field, FieldKind
from inspector.domain.idnumber import normalise_id_number
from inspector.domain.validation import SHANGHAI
from inspector.services.lookup import DetaineeHit, UserOption, detainee_label, search_detainees
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors
from ui.i18n import QT_TRANSLATE_NOOP, core_text, mark_content
from ui.qt_compat import emit
from ui.style import TEXT_MUTED
from ui.workers import Runner

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_QUERY = 2  # characters typed before the detainee picker searches
PICKER_LIMIT = 20
MINUTE_STEP = 5
LIST_SEPARATORS = re.compile(r"[、，,]+")
EMPTY_STAMP = QDateTime(QDate(1800, 1, 1), QTime(0, 0))  # a date/time editor's "nothing entered"
TIME_DAY = QDate(2000, 1, 1)  # the date a time-only editor keeps its time on


@dataclass
class EditorContext:
    """What editors need beyond their field: the store and runner (the detainee picker searches in
    the background), the station's users, and labels of detainees the record already names."""

    store: Store
    runner: Runner
    users: Sequence[UserOption] = ()
    detainee_labels: dict[uuid.UUID, str] = field(default_factory=dict)
    multiline_lists: frozenset[str] = frozenset()
    tall: frozenset[str] = frozenset()


class FieldEditor(QWidget):
    """Base of the editors: a value, a signal when the user changes it, and the widgets Tab stops at."""

    edited = Signal()

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = spec
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)
        self._setting = False  # a value is being set by the program, not typed: no ``edited``

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Set a value without it counting as the user's edit."""
        self._setting = True
        try:
            yield
        finally:
            self._setting = False

    def _changed(self, *_args: object) -> None:
        if not self._setting:
            emit(self.edited)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """The widgets Tab stops at, in order (the first gets the focus)."""
        proxy = self.focusProxy()
        return [proxy] if proxy is not None else [self]

    def problem(self) -> str | None:
        return None

    def _emit_edited(self, *_args: object) -> None:
        emit(self.edited)

    def _set_inner(self, widget: QWidget, *, narrow: bool = False) -> None:
        """The editing widget; ``narrow``: at its own width, at the left (dates, numbers)."""
        if narrow:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget)
            row.addStretch(1)
            self.layout_.addLayout(row)
        else:
            self.layout_.addWidget(widget)
        self.setFocusProxy(widget)
        if self.field.help:
            widget.setToolTip(core_text(self.field.help))


# ---- text -------------------------------------------------------------------------------------------


class TextEditor(FieldEditor):
    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit()
        if spec.max_length:
            self.edit.setMaxLength(spec.max_length)
        self.edit.setPlaceholderText(core_text(spec.help))
        self.edit.setClearButtonEnabled(False)
        self._set_inner(self.edit)
        self.edit.textEdited.connect(self._emit_edited)

    def value(self) -> str | None:
        text = self.edit.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class IdNumberEditor(TextEditor):
    """18 characters; full-width digits, spaces and a lower-case x are normalised as they are typed."""

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit.setMaxLength(18)
        self.edit.textEdited.disconnect(self._emit_edited)
        self.edit.textEdited.connect(self._normalise)

    def _normalise(self, text: str) -> None:
        clean = normalise_id_number(text)
        if clean != text:
            cursor = self.edit.cursorPosition() - (len(text) - len(clean))
            self.edit.setText(clean)
            self.edit.setCursorPosition(max(0, cursor))
        emit(self.edited)

    def value(self) -> str | None:
        text = normalise_id_number(self.edit.text())
        return text or None


class LongTextEditor(FieldEditor):
    """Several lines; Tab moves to the next field (it never inserts a tab)."""

    def __init__(self, spec: Field, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(spec, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(core_text(spec.help))
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setFixedHeight(line * lines + 14)
        self._set_inner(self.edit)
        self.edit.textChanged.connect(self._changed)

    def value(self) -> str | None:
        text = self.edit.toPlainText().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        with self._quietly():
            self.edit.setPlainText("" if value is None else str(value))


def split_list(text: str, *, lines: bool = False) -> list[str]:
    parts = text.splitlines() if lines else LIST_SEPARATORS.split(text)
    return [p.strip() for p in parts if p.strip()]


class TextListEditor(FieldEditor):
    """A list of short texts typed on one line, separated by 、，or a comma (or one per line for long
    items); the items read back under the field."""

    def __init__(self, spec: Field, parent: QWidget | None = None, *, lines: bool = False) -> None:
        super().__init__(spec, parent)
        self.lines = lines
        self.edit: QLineEdit | QPlainTextEdit
        if lines:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(core_text(spec.help))
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 14)
            edit.textChanged.connect(self._changed)
            self.edit = edit
        else:
            line = QLineEdit()
            line.setPlaceholderText(core_text(spec.help))
            line.textEdited.connect(self._changed)
            line.editingFinished.connect(self._tidy)
            self.edit = line
        self._set_inner(self.edit)
        self.items_label = QLabel()
        self.items_label.setObjectName("fieldNote")
        self.items_label.setWordWrap(True)
        self.layout_.addWidget(self.items_label)
        self._show_items()

    def _text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def _changed(self, *_args: object) -> None:
        self._show_items()
        if not self._setting:
            emit(self.edited)

    def _tidy(self) -> None:
        """On leaving the field, show the items as they will be kept: 一监区、二监区."""
        items = self.value()
        if isinstance(self.edit, QLineEdit) and items and self.edit.text() != "、".join(items):
            self.edit.setText("、".join(items))

    def _show_items(self) -> None:
        items = self.value()
        if len(items) > 1:
            self.items_label.setText(self.tr("共 {n} 项：").format(n=len(items)) + " ｜ ".join(items))
        self.items_label.setVisible(len(items) > 1)

    def value(self) -> list[str]:
        return split_list(self._text(), lines=self.lines)

    def set_value(self, value: Any) -> None:
        items = [str(v) for v in value or []]
        with self._quietly():
            if isinstance(self.edit, QPlainTextEdit):
                self.edit.setPlainText("\n".join(items))
            else:
                self.edit.setText("、".join(items))
        self._show_items()


# ---- dates and times --------------------------------------------------------------------------------


class StampEdit(QDateTimeEdit):
    """A date, time or date-and-time spin box that may be blank (shown empty at :data:`EMPTY_STAMP`).

    Typing a digit (or an arrow key) into a blank one starts from today / the current five minutes;
    Delete blanks it. Minutes step by five. Tab leaves the field instead of walking its sections
    (Left and Right move between year, month and day), so a form is quick to cross by keyboard.
    """

    def __init__(self, mode: FieldKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        fmt = {FieldKind.DATE: "yyyy-MM-dd", FieldKind.TIME: "HH:mm"}.get(mode, "yyyy-MM-dd HH:mm")
        self.setDisplayFormat(fmt)
        self.setMinimumDateTime(EMPTY_STAMP)
        self.setMaximumDateTime(QDateTime(QDate(2100, 12, 31), QTime(23, 59)))
        self.setSpecialValueText(" ")
        self.setCalendarPopup(mode is not FieldKind.TIME)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.setKeyboardTracking(True)
        self.setDateTime(EMPTY_STAMP)
        if mode is not FieldKind.TIME:
            self.calendarWidget().installEventFilter(self)

    def is_blank(self) -> bool:
        return self.dateTime() == EMPTY_STAMP

    def blank(self) -> None:
        self.setDateTime(EMPTY_STAMP)

    def start_value(self) -> QDateTime:
        now = datetime.now(SHANGHAI)
        minute = now.minute - now.minute % MINUTE_STEP
        today = today_local()
        day = TIME_DAY if self.mode is FieldKind.TIME else QDate(today.year, today.month, today.day)
        clock = QTime(now.hour, minute) if self.mode is not FieldKind.DATE else QTime(0, 0)
        return QDateTime(day, clock)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The calendar of a blank date opens on this month, not on the blank's year 1800.
        if event.type() == QEvent.Type.Show and self.is_blank():
            today = today_local()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete,) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.blank()
            return
        if self.is_blank() and (
            event.text().isdigit()
            or key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            self.setDateTime(self.start_value())
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(self.sectionAt(0))
            if not event.text().isdigit():
                return  # the arrow only filled in today / now
        super().keyPressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QDateTimeEdit.Section.MinuteSection:
            self.setDateTime(self.dateTime().addSecs(steps * MINUTE_STEP * 60))
            return
        super().stepBy(steps)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.is_blank():
            self.setSelectedSection(self.sectionAt(0))


class TemporalEditor(FieldEditor):
    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = StampEdit(spec.kind)
        sample = {FieldKind.DATE: "2026-12-31", FieldKind.TIME: "23:59"}.get(spec.kind, "2026-12-31 23:59")
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(sample) + 48)
        self._set_inner(self.edit, narrow=True)
        self.edit.dateTimeChanged.connect(self._changed)

    def value(self) -> date | time | datetime | None:
        if self.edit.is_blank():
            return None
        stamp = self.edit.dateTime()
        d, t = stamp.date(), stamp.time()
        if self.field.kind is FieldKind.DATE:
            return date(d.year(), d.month(), d.day())
        if self.field.kind is FieldKind.TIME:
            return time(t.hour(), t.minute())
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=SHANGHAI)

    def set_value(self, value: Any) -> None:
        with self._quietly():
            if value is None:
                self.edit.blank()
            elif isinstance(value, datetime):
                local = value.astimezone(SHANGHAI) if value.tzinfo else value
                self.edit.setDateTime(
                    QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
                )
            elif isinstance(value, date):
                self.edit.setDateTime(QDateTime(QDate(value.year, value.month, value.day), QTime(0, 0)))
            elif isinstance(value, time):
                self.edit.setDateTime(QDateTime(TIME_DAY, QTime(value.hour, value.minute)))


# ---- numbers, yes/no, choices -----------------------------------------------------------------------


class BlankableSpinBox(QSpinBox):
    """A whole number or blank (the value one below the lowest allowed)."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low = low
        self.setRange(low - 1, high)
        self.setSpecialValueText(" ")
        self.setValue(low - 1)

    def is_blank(self) -> bool:
        return self.value() == self.low - 1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.setValue(self.low - 1)
            return
        if self.is_blank() and event.text().isdigit():
            self.setValue(self.low)
            self.selectAll()
        super().keyPressEvent(event)


class IntEditor(FieldEditor):
    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        low = spec.min_value if spec.min_value is not None else 0
        high = spec.max_value if spec.max_value is not None else 99_999
        self.edit = BlankableSpinBox(low, high)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("9" * len(str(high))) + 40)
        self._set_inner(self.edit, narrow=True)
        self.edit.valueChanged.connect(self._changed)

    def value(self) -> int | None:
        return None if self.edit.is_blank() else int(self.edit.value())

    def set_value(self, value: Any) -> None:
        with self._quietly():
            self.edit.setValue(self.edit.low - 1 if value is None else int(value))


class BoolEditor(FieldEditor):
    def __init__(self, spec: Field, parent: QWidget | None = None, *, text: str = "") -> None:
        super().__init__(spec, parent)
        self.edit = QCheckBox(text)
        self._set_inner(self.edit)
        self.layout_.setAlignment(self.edit, Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(QLineEdit().sizeHint().height())
        self.edit.clicked.connect(self._emit_edited)

    def value(self) -> bool:
        return self.edit.isChecked()

    def set_value(self, value: Any) -> None:
        self.edit.setChecked(bool(value))


# An optional choice left empty (grey, like the required ones' 请选择); translated where shown.
NOT_CHOSEN = QT_TRANSLATE_NOOP("ChoiceEditor", "（未选择）")


class ChoiceBox(QComboBox):
    """A combo box whose first entry, when ``blank_first``, means "nothing chosen": while it is the one
    chosen it is drawn in the placeholder's grey, as an empty required choice shows 请选择."""

    def __init__(self, parent: QWidget | None = None, *, blank_first: bool = False) -> None:
        super().__init__(parent)
        self.blank_first = blank_first

    def shows_blank(self) -> bool:
        return self.currentIndex() < 0 or (self.blank_first and self.currentIndex() == 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not (self.blank_first and self.currentIndex() == 0):
            super().paintEvent(event)
            return
        # QComboBox's own painting, with the text in the colour it gives its placeholder
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.palette.setBrush(QPalette.ColorRole.ButtonText, option.palette.placeholderText())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ChoiceEditor(FieldEditor):
    """One of the field's (value, label) choices; when the field may be empty, a first entry
    （未选择） that reads in grey while it is the one chosen."""

    def __init__(
        self,
        spec: Field,
        parent: QWidget | None = None,
        *,
        choices: Sequence[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(spec, parent)
        self.edit = ChoiceBox(blank_first=not spec.required)
        self.edit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if not spec.required:
            self.edit.addItem(QCoreApplication.translate("ChoiceEditor", NOT_CHOSEN), None)
            self.edit.setItemData(0, QColor(TEXT_MUTED), Qt.ItemDataRole.ForegroundRole)
        offered = choices if choices is not None else [(v, core_text(label)) for v, label in spec.choices]
        for stored, shown in offered:
            self.edit.addItem(shown, stored)
        self.edit.setCurrentIndex(-1 if spec.required else 0)
        self.edit.setPlaceholderText(self.tr("请选择"))
        self._set_inner(self.edit)
        self.edit.activated.connect(self._emit_edited)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.layout_.removeWidget(self.edit)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.layout_.addLayout(row)

    def value(self) -> str | None:
        data = self.edit.currentData()
        return data if isinstance(data, str) else None

    def set_value(self, value: Any) -> None:
        index = self.edit.findData(value) if value is not None else -1
        if index < 0 and value is not None:  # a stored value no longer offered: keep it visible
            self.edit.addItem(str(value), value)
            index = self.edit.count() - 1
        if value is None and not self.field.required:
            index = 0
        self.edit.setCurrentIndex(index)


_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class CheckGroup(FieldEditor):
    """Several choices, each a check box, laid out in rows, and one Tab stop: Tab (or Shift+Tab) enters
    the group at its current box — the one last focused (ticked or not), else the first ticked, else
    the first — and the next Tab leaves it. Inside, ←/→ move to the previous/next box, ↑/↓ a row up or
    down, Home/End to the first/last; Space ticks. Only the current box takes Tab focus (a roving
    tab stop), so Qt's own focus chain skips the others too; the focused box is tinted, so where the
    keyboard is stays visible."""

    PER_ROW = 5
    STYLE = "QCheckBox:focus { background: #dce8f8; border-radius: 3px; }"

    def __init__(
        self, spec: Field, choices: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, parent)
        grid = QGridLayout()
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(16)
        self.boxes: list[tuple[str, QCheckBox]] = []
        self._order: list[str] = []
        self._current = 0
        self._visited = False  # the user has been in the group: it keeps the box they were on
        for i, (stored, shown) in enumerate(choices):
            box = QCheckBox(shown)
            box.clicked.connect(self._emit_edited)
            box.installEventFilter(self)
            grid.addWidget(box, i // self.PER_ROW, i % self.PER_ROW)
            self.boxes.append((stored, box))
        grid.setColumnStretch(self.PER_ROW, 1)
        self.layout_.addLayout(grid)
        self.setStyleSheet(self.STYLE)
        self._make_current(0)
        if spec.help:
            self.setToolTip(core_text(spec.help))

    def current_box(self) -> QCheckBox | None:
        """The box Tab enters the group at."""
        return self.boxes[self._current][1] if self.boxes else None

    def _make_current(self, index: int) -> None:
        self._current = index
        for i, (_, box) in enumerate(self.boxes):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus if i == index else Qt.FocusPolicy.ClickFocus)
        if self.boxes:
            self.setFocusProxy(self.boxes[index][1])

    def _step(self, index: int, key: Qt.Key) -> int | None:
        """Where ``key`` moves from box ``index`` (None: not a key that moves)."""
        last = len(self.boxes) - 1
        rows = last // self.PER_ROW + 1
        if key == Qt.Key.Key_Home:
            return 0
        if key == Qt.Key.Key_End:
            return last
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and rows > 1:  # a row up or down, where there is one
            target = index + (self.PER_ROW if key == Qt.Key.Key_Down else -self.PER_ROW)
            return target if 0 <= target <= last else index
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(key)
        return None if step is None else (index + step) % len(self.boxes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        widgets = [b for _, b in self.boxes]
        if watched in widgets:
            index = widgets.index(watched)
            if event.type() == QEvent.Type.FocusIn:
                self._visited = True
                if index != self._current:
                    self._make_current(index)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                held = event.modifiers() & _MODIFIERS  # arrows alone move (Shift+arrows: none of ours)
                target = (
                    self._step(index, Qt.Key(event.key())) if held == Qt.KeyboardModifier.NoModifier else None
                )
                if target is not None:
                    self._make_current(target)
                    widgets[target].setFocus(Qt.FocusReason.TabFocusReason)  # drawn as keyboard focus
                    return True
        return super().eventFilter(watched, event)

    def value(self) -> list[str]:
        """The ticked choices: those the record had first, in its order, then the newly ticked."""
        ticked = [stored for stored, box in self.boxes if box.isChecked()]
        kept = [v for v in self._order if v in ticked]
        return kept + [v for v in ticked if v not in kept]

    def set_value(self, value: Any) -> None:
        self._order = [str(v) for v in value or []]
        for stored, box in self.boxes:
            box.setChecked(stored in self._order)
        if not self._visited:  # Tab will enter at the first ticked box
            ticked = [i for i, (_, box) in enumerate(self.boxes) if box.isChecked()]
            self._make_current(ticked[0] if ticked else 0)


def user_choices(users: Sequence[UserOption]) -> list[tuple[str, str]]:
    stopped = QCoreApplication.translate("UsersEditor", "{name}（已停用）")
    return [(str(u.id), u.name if u.active else stopped.format(name=u.name)) for u in users]


class UsersEditor(CheckGroup):
    """Which of the station's users took part (ids kept as strings, as the records store them)."""

    def __init__(self, spec: Field, users: Sequence[UserOption], parent: QWidget | None = None) -> None:
        super().__init__(spec, user_choices(users), parent)
        for _stored, box in self.boxes:
            mark_content(box)  # the users' names

    def set_value(self, value: Any) -> None:
        super().set_value([str(v) for v in value or []])


class UserEditor(ChoiceEditor):
    def __init__(self, spec: Field, users: Sequence[UserOption], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent, choices=user_choices(users))
        mark_content(self.edit)  # the users' names

    def set_value(self, value: Any) -> None:
        super().set_value(None if value is None else str(value))


# ---- the detainee picker ----------------------------------------------------------------------------


class DetaineePicker(FieldEditor):
    """Type two characters of a name, part of an ID number or a cell number: a list of matches
    (姓名 · 监室 · 尾号) opens under the field; arrows and Enter pick one. Searches run in the
    background; only the newest query's answer is shown."""

    searched = Signal(str)  # the query whose answer is on screen (tests wait for it)

    def __init__(
        self,
        spec: Field,
        store: Store,
        runner: Runner,
        labels: dict[uuid.UUID, str] | None = None,
        parent: QWidget | None = None,
        *,
        search: Callable[[Store, str], list[DetaineeHit]] | None = None,
    ) -> None:
        super().__init__(spec, parent)
        self._store = store
        self._run = runner
        self._labels = labels if labels is not None else {}
        self._search = search or (lambda st, q: search_detainees(st, q, limit=PICKER_LIMIT))
        self._value: uuid.UUID | None = None
        self._seq = 0
        self.last_query = ""
        self.hits: list[DetaineeHit] = []
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            core_text(spec.help) or self.tr("输入姓名、身份证号的一部分或监室号查找")
        )
        self._set_inner(self.edit)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.setMaxVisibleItems(10)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.edit.textEdited.connect(self._typed)
        self.note = QLabel()
        self.note.setObjectName("fieldNote")
        self.note.setVisible(False)
        self.layout_.addWidget(self.note)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None
        return popup

    def _typed(self, text: str) -> None:
        self._value = None
        emit(self.edited)
        query = text.strip()
        self._seq += 1
        if len(query) < MIN_QUERY:
            self._popup().hide()
            self._set_note("")
            return
        token = self._seq
        store, search = self._store, self._search
        self._run(
            lambda: search(store, query),
            lambda hits: self._found(token, query, hits),
            self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        errors.show_error(exc, self)

    def _found(self, token: int, query: str, hits: list[DetaineeHit]) -> None:
        if token != self._seq:
            return  # an older query answered after a newer one was typed
        self.hits = hits
        self.last_query = query
        self.model.clear()
        for hit in hits:
            item = QStandardItem(detainee_label(hit.name, hit.cell, hit.id_tail))
            item.setData(hit.id, ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if hits:
            self._set_note("")
            popup = self._popup()
            rect = QRect(self.edit.rect())
            rect.setWidth(max(rect.width(), popup.sizeHintForColumn(0) + 24))
            self.completer.complete(rect)
            popup.setCurrentIndex(self.model.index(0, 0))
        else:
            self._popup().hide()
            self._set_note(self.tr("没有找到“{query}”：请检查姓名、身份证号或监室号").format(query=query))
        emit(self.searched, query)

    def _picked(self, index: QModelIndex) -> None:
        person = index.data(ID_ROLE)
        if not isinstance(person, uuid.UUID):
            return
        label = str(index.data(Qt.ItemDataRole.DisplayRole))
        self._labels[person] = label
        self._value = person
        self._seq += 1  # answers still on their way are no longer wanted
        self.edit.setText(label)
        self._set_note("")
        emit(self.edited)

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def value(self) -> uuid.UUID | None:
        return self._value

    def label(self) -> str:
        return self.edit.text()

    def labels(self) -> dict[uuid.UUID, str]:
        return dict(self._labels)

    def set_value(self, value: Any) -> None:
        person: uuid.UUID | None
        if value is None or value == "":
            person = None
        else:
            person = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        self._value = person
        self._seq += 1
        self.edit.setText("" if person is None else self._labels.get(person, str(person)[:8]))
        self._set_note("")

    def problem(self) -> str | None:
        if self._value is None and self.edit.text().strip():
            return self.tr("请从查找结果中选定一人（输入后按↓选择，回车确定）")
        return None


# ---- factory ----------------------------------------------------------------------------------------


def make_editor(spec: Field, ctx: EditorContext, parent: QWidget | None = None) -> FieldEditor:
    kind = spec.kind
    if kind is FieldKind.TEXT:
        return TextEditor(spec, parent)
    if kind is FieldKind.ID_NUMBER:
        return IdNumberEditor(spec, parent)
    if kind is FieldKind.LONG_TEXT:
        return LongTextEditor(spec, parent, lines=8 if spec.name in ctx.tall else 3)
    if kind in (FieldKind.DATE, FieldKind.TIME, FieldKind.DATETIME):
        return TemporalEditor(spec, parent)
    if kind is FieldKind.INT:
        return IntEditor(spec, parent)
    if kind is FieldKind.BOOL:
        return BoolEditor(spec, parent)
    if kind is FieldKind.CHOICE:
        return ChoiceEditor(spec, parent)
    if kind is FieldKind.MULTI_CHOICE:
        return CheckGroup(spec, [(v, core_text(label)) for v, label in spec.choices], parent)
    if kind is FieldKind.TEXT_LIST:
        return TextListEditor(spec, parent, lines=spec.name in ctx.multiline_lists)
    if kind is FieldKind.USERS:
        return UsersEditor(spec, ctx.users, parent)
    if kind is FieldKind.USER:
        return UserEditor(spec, ctx.users, parent)
    if kind is FieldKind.DETAINEE:
        return DetaineePicker(spec, ctx.store, ctx.runner, ctx.detainee_labels, parent)
    raise ValueError(f"no editor for {kind}")


# ---- values -----------------------------------------------------------------------------------------


def normalised(value: Any) -> Any:
    """A value in a form that compares equal however it arrived (loaded, typed, restored)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list | tuple):
        items = tuple(normalised(v) for v in value)
        return items or None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        local = value.astimezone(SHANGHAI) if value.tzinfo else value.replace(tzinfo=SHANGHAI)
        return local.replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    return value


def is_blank(value: Any) -> bool:
    return normalised(value) is None
