"""A list page: header with the row count, a filter bar, and a sortable read-only table over a
:class:`RecordList`.

The filter bar (search box, date range, state) is built from the list's :class:`Filters`; what each
part matches is declared there, not here. Typing waits :data:`FILTER_DELAY_MS` after the last key,
then the model loads in the background; a newer filter supersedes an older load. Keys: ``Ctrl+F``
goes to the search box, ``Esc`` there clears it (and, when already empty, goes back to the table),
``↓`` goes to the table; ``Enter`` or a double-click on a row asks to open the record
(:attr:`RecordsView.openRequested`); ``Ctrl+P`` previews the row's document where the page has one.

导出… (``Ctrl+E``) writes the rows the list shows — the filter bar's selection, in the table's order,
every one of them, not only those scrolled into view — with the column headers and the texts as the
cells show them, to an xlsx file chosen in a save dialog. The rows are read afresh from one snapshot
and the workbook is written in the background (:mod:`inspector.services.exports`, which also records
the export in the audit log); a text a spreadsheet would run as a formula is stored as plain text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QItemSelectionModel,
    QMetaMethod,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.services import exports
from inspector.services.lists import ListRow
from inspector.services.policy import Actor, actor_for
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.documents import PdfRequest, open_preview, safe_file_name
from ui.i18n import error_text
from ui.models import cell_delegate
from ui.models.record_lists import Criteria, RecordList
from ui.models.record_table_model import OBJECT_ROLE, ROW_ROLE, RecordTableModel
from ui.qt_compat import emit
from ui.widgets import Page
from ui.workers import Runner, run_in_background

FILTER_DELAY_MS = 150
"""How long typing (or a date) must rest before the list is filtered."""


def read_only_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table, which Tab leaves, its header's texts on the left."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the page's buttons (arrows move in it)
    cell_delegate.install(view)  # colours kept on the selected row; elided cells' text as tooltip
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def make_table(model: RecordTableModel, parent: QWidget | None = None) -> QTableView:
    """:func:`read_only_table`, sortable, with the model's column widths."""
    view = read_only_table(model, parent)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    for i, column in enumerate(model.columns):
        header.resizeSection(i, column.width)
        if column.stretch:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
    # The model sorts in SQL; the header only shows the order and asks for a new one.
    header.setSortIndicator(model.sort_column, model.sort_order)
    view.setSortingEnabled(True)

    def keep_sortable_only(section: int, order: Qt.SortOrder) -> None:
        if not model.columns[section].sortable:
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column, model.sort_order)
            header.blockSignals(False)

    header.sortIndicatorChanged.connect(keep_sortable_only)
    return view


class OptionalDateEdit(QDateEdit):
    """A date with a calendar popup that may be left open: shows 不限 until a date is picked; Delete
    clears it again. The popup of an open date shows the current month. Tab leaves it."""

    OPEN = QDate(1900, 1, 1)  # the minimum date stands for "no date" (its special value text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.OPEN)
        self.setSpecialValueText(self.tr("不限"))
        self.setDate(self.OPEN)
        self.setToolTip(self.tr("点击箭头选择日期；按 Delete 清除"))

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == self.OPEN else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(self.OPEN if value is None else QDate(value.year, value.month, value.day))

    def clear_value(self) -> None:
        self.setDate(self.OPEN)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.clear_value()
            event.accept()
            return
        super().keyPressEvent(event)
        self._popup_at_today()

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab leaves the field, as in the forms (← and → move between year, month and day); Qt's
        # date edit walks its sections instead, and showing 不限 it kept Tab for good.
        return QWidget.focusNextPrevChild(self, next)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)  # may open the popup, at the date shown
        self._popup_at_today()

    def _popup_at_today(self) -> None:
        calendar = self.calendarWidget()
        if self.value() is None and calendar is not None and calendar.isVisible():
            today = today_local()
            calendar.setCurrentPage(today.year, today.month)


@dataclass(frozen=True)
class RowDocument:
    """The document a list row prints: the button's text and row → :class:`PdfRequest` (or None)."""

    label: str
    request: Callable[[Any], PdfRequest | None]


class RecordsView(Page):
    """One of 巡视检察 · 个别谈话 · 检察官信箱 · 纠正与建议 · 在押人员."""

    openRequested = Signal(object)
    """Enter or a double-click on a row: open the record (its id, ``uuid.UUID``). With nothing
    connected, the page previews the row's document instead (if it has one)."""

    def __init__(
        self,
        store: Store,
        spec: RecordList,
        *,
        runner: Runner | None = None,
        document: RowDocument | None = None,
        actor: Actor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(spec.title, spec.subtitle, parent)
        self.spec = spec
        self._store = store
        self._runner = runner
        self._run: Runner = runner or run_in_background
        self.actor = actor
        """Who exports (the audit entry's user); None: the main window's signed-in user, else the
        store's."""
        self.export_status = ""
        """The last export's outcome, as the status bar showed it."""
        self.document = document
        self.preview_button: QPushButton | None = None
        self.model = RecordTableModel(
            store,
            spec.source,
            spec.columns,
            sort_column=spec.sort_column,
            sort_order=spec.sort_order,
            runner=runner,
            parent=self,
        )
        self.count_label = QLabel(self.tr("正在读取…"))
        self.count_label.setObjectName("rowCount")
        self.header.right.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        self._build_filter_bar()
        self.table = make_table(self.model, self)
        self.body.addWidget(self.table, 1)
        self.table.activated.connect(self._row_activated)  # Enter, or a double-click
        self._shortcuts = [QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)]
        self.model.loaded.connect(self._update_count)
        self.model.totalChanged.connect(self._update_count)
        self.model.loadFailed.connect(self._load_failed)
        self._pending_select: uuid.UUID | None = None
        self._select_first = False
        self.model.loaded.connect(self._try_select)
        self.model.rowsInserted.connect(lambda *_: self._try_select())
        if document is not None:
            self.preview_button = self.add_button(document.label, self.preview_selected)
            self.preview_button.setToolTip(self.tr("先选中一行（Ctrl+P）"))
            self.preview_button.setEnabled(False)
            self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
            self.model.modelReset.connect(self._selection_changed)
            print_keys = QKeySequence(QKeySequence.StandardKey.Print)
            self._shortcuts.append(QShortcut(print_keys, self, self.preview_selected))
        self.export_button = self.add_button(self.tr("导出…"), self.export_rows)
        self.export_button.setToolTip(
            self.tr("把列表显示的行（按当前筛选和排序）导出为 Excel 文件（Ctrl+E）")
        )
        self._shortcuts.append(QShortcut(QKeySequence("Ctrl+E"), self, self.export_rows))
        for shortcut in self._shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while the page is shown
        self._criteria = self.criteria()  # as the list opens (its default state)
        self.model.set_filter(spec.filter(self._criteria))

    # ---- filter bar ---------------------------------------------------------------------------------

    def _build_filter_bar(self) -> None:
        filters = self.spec.filters
        bar = QWidget()
        bar.setObjectName("filterBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(filters.search_hint or self.tr("搜索…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(self.tr("输入即筛选（Ctrl+F）；Esc 清除"))
        self.search_edit.setMinimumWidth(240)
        self.search_edit.setMaximumWidth(360)
        self.search_edit.installEventFilter(self)
        row.addWidget(self.search_edit, 1)

        self.date_from = OptionalDateEdit()
        self.date_to = OptionalDateEdit()
        self.date_label = QLabel(filters.date_label)
        to_label = QLabel(self.tr("至"))
        row.addSpacing(8)
        date_widgets: list[QWidget] = [self.date_label, self.date_from, to_label, self.date_to]
        for widget in date_widgets:
            widget.setVisible(filters.has_dates)
            row.addWidget(widget)
        self.date_label.setBuddy(self.date_from)

        self.state_combo = QComboBox()
        self.state_label = QLabel(filters.state_label)
        for choice in filters.choices:
            self.state_combo.addItem(choice.label)
        self.state_combo.setCurrentIndex(filters.default_choice)
        self.state_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.state_label.setBuddy(self.state_combo)
        row.addSpacing(8)
        state_widgets: list[QWidget] = [self.state_label, self.state_combo]
        for widget in state_widgets:
            widget.setVisible(bool(filters.choices))
            row.addWidget(widget)

        self.clear_filters_button = QPushButton(self.tr("清除筛选"))
        self.clear_filters_button.setEnabled(False)
        self.clear_filters_button.clicked.connect(lambda _checked=False: self.clear_filters())
        row.addSpacing(8)
        row.addWidget(self.clear_filters_button)
        row.addStretch(1)
        self.body.addWidget(bar)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.date_from.dateChanged.connect(lambda _date: self._filter_timer.start())
        self.date_to.dateChanged.connect(lambda _date: self._filter_timer.start())
        self.state_combo.currentIndexChanged.connect(lambda _index: self.apply_filters())

    def criteria(self) -> Criteria:
        """What the filter bar says now."""
        choice = self.state_combo.currentIndex()
        return Criteria(
            self.search_edit.text().strip(),
            self.date_from.value(),
            self.date_to.value(),
            None if choice < 0 else choice,
        )

    @property
    def filtering(self) -> bool:
        """Whether the filter bar narrows the list beyond how it opens."""
        return not self.spec.filters.is_default(self._criteria)

    @Slot()
    def apply_filters(self) -> None:
        """Filter the list by what the filter bar says (at once; typing comes here after a pause)."""
        self._filter_timer.stop()
        criteria = self.criteria()
        if criteria == self._criteria:
            return
        self._criteria = criteria
        self.clear_filters_button.setEnabled(self.filtering)
        self.model.set_filter(self.spec.filter(criteria))
        if self.model.is_loading:
            self.count_label.setText(self.tr("正在查找…"))

    def clear_filters(self) -> None:
        """Back to the list as it opens: no search, no dates, the default state."""
        for widget in (self.search_edit, self.date_from, self.date_to, self.state_combo):
            widget.blockSignals(True)
        self.search_edit.clear()
        self.date_from.clear_value()
        self.date_to.clear_value()
        self.state_combo.setCurrentIndex(self.spec.filters.default_choice)
        for widget in (self.search_edit, self.date_from, self.date_to, self.state_combo):
            widget.blockSignals(False)
        self.apply_filters()

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if self.search_edit.text():
                    self.search_edit.clear()
                    self.apply_filters()
                else:
                    self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.apply_filters()  # what is typed, now
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.model.is_loading:
                    self._select_first = True  # the rows of what was typed, once they are there
                else:
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # ---- rows -------------------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _row_activated(self, index: QModelIndex) -> None:
        record_id = self.model.data(self.model.index(index.row(), 0), OBJECT_ROLE)
        if not isinstance(record_id, uuid.UUID):
            return
        if self.isSignalConnected(QMetaMethod.fromSignal(self.openRequested)):
            emit(self.openRequested, record_id)
        elif self.document is not None:
            self.preview_selected()  # nothing opens records yet: the row's document, as before

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A button at the right of the page title (e.g. 预览和打印…, 打印台账…)."""
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        self.header.right.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        return button

    @Slot()
    def _selection_changed(self) -> None:
        if self.preview_button is not None:
            self.preview_button.setEnabled(self.selected_row() is not None)

    def selected_row(self) -> Any:
        """The row object (``ROW_ROLE``) of the selected record, or None."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.data(self.model.index(index.row(), 0), ROW_ROLE)

    def preview_selected(self) -> QWidget | None:
        """Open the preview of the selected row's document (see :class:`RowDocument`)."""
        row = self.selected_row()
        if self.document is None or row is None:
            return None
        request = self.document.request(row)
        if request is None:
            return None
        return self.open_preview(request)

    def open_preview(self, request: PdfRequest) -> QWidget | None:
        return open_preview(self._store, request, self, runner=self._runner)

    @Slot()
    def _update_count(self) -> None:
        total = self.model.total
        if total == 0:
            self.count_label.setText(self.tr("没有符合条件的记录") if self.filtering else self.tr("暂无记录"))
        else:
            self.count_label.setText(self.tr("共 {n} {unit}").format(n=total, unit=self.spec.unit))

    @Slot(object)
    def _load_failed(self, _exc: BaseException) -> None:
        self.count_label.setText(self.tr("读取失败，按 F5 重试"))

    def activate(self) -> None:
        self.model.ensure_loaded()

    def refresh(self) -> None:
        self.model.reload()

    @property
    def key(self) -> str:
        return self.spec.key

    # ---- 导出… (xlsx) ----------------------------------------------------------------------------------

    def export_file_name(self) -> str:
        """The name the save dialog proposes: the page's title and today's date."""
        return safe_file_name(f"{self.title}-{today_local():%Y-%m-%d}") + ".xlsx"

    def shown_columns(self) -> list[int]:
        """The model's columns the table shows, in their order on screen."""
        header = self.table.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [i for i in logical if i >= 0 and not self.table.isColumnHidden(i)]

    @Slot()
    def export_rows(self, path: Path | None = None) -> None:
        """Write the rows the list shows to an xlsx file (``path``; None: ask in a save dialog, which
        asks before replacing a file), in the background; the outcome goes to the status bar."""
        if not self.export_button.isEnabled():
            return  # an export is being written
        if self._filter_timer.isActive():
            self.apply_filters()  # what the filter bar says, typed just now
        if path is None:
            path = file_dialogs.save_file_name(
                self, self.tr("导出为 Excel"), self.export_file_name(), self.tr("Excel 工作簿 (*.xlsx)")
            )
            if path is None:
                return
        if not path.suffix and not path.exists():
            path = path.with_name(path.name + ".xlsx")  # a name typed without its suffix
        columns = [self.model.columns[i] for i in self.shown_columns()]
        headers = [c.header for c in columns]
        sort_column = self.model.sort_column
        sort_key = (
            self.model.columns[sort_column].sort if 0 <= sort_column < len(self.model.columns) else None
        )
        descending = sort_key is not None and self.model.sort_order == Qt.SortOrder.DescendingOrder
        criteria = self.spec.filter(self._criteria)
        store, title, key, actor = self._store, self.title, self.spec.source, self._export_actor()

        def cells(row: ListRow) -> Sequence[Any]:
            return [c.text(c.value(row)) for c in columns]

        def work() -> exports.ListExport:
            return exports.export_list_xlsx(
                store,
                actor or actor_for(store),
                path,
                list_key=key,
                criteria=criteria,
                sort_key=sort_key,
                descending=descending,
                title=title,
                headers=headers,
                cells=cells,
            )

        self.export_button.setEnabled(False)
        self._show_status(self.tr("正在导出到 {file}…").format(file=path.name), 0)
        self._run(work, self._exported, self._export_failed, owner=self)

    def _export_actor(self) -> Actor | None:
        if self.actor is not None:
            return self.actor
        shown_by = getattr(self.window(), "actor", None)  # the main window's signed-in user
        return shown_by if isinstance(shown_by, Actor) else None

    @Slot(object)
    def _exported(self, result: exports.ListExport) -> None:
        self.export_button.setEnabled(True)
        self._show_status(self.tr("已导出 {n} 行到 {path}").format(n=result.rows, path=result.path))

    @Slot(object)
    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        reason = error_text(exc) if isinstance(exc, InspectorError) else type(exc).__name__
        self._show_status(self.tr("导出失败：{reason}").format(reason=reason))
        errors.show_error(exc, self)  # the whole message, in a dialog

    def _show_status(self, text: str, timeout_ms: int = 15_000) -> None:
        self.export_status = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, timeout_ms)

    # ---- selecting a record (from the 工作台) --------------------------------------------------------

    def select_record(self, record_id: uuid.UUID) -> None:
        """Select and show the row of ``record_id`` once it is loaded (pages are fetched as needed);
        nothing happens if the record is not in the list."""
        self._pending_select = record_id
        self.model.ensure_loaded()
        self._try_select()

    def selected_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        value = self.model.data(self.model.index(index.row(), 0), OBJECT_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    @Slot()
    def _try_select(self) -> None:
        if self._select_first and self.model.has_loaded:
            self._select_first = False
            if self.model.rowCount() > 0 and self.table.hasFocus():
                self.table.selectRow(0)
        record_id = self._pending_select
        if record_id is None or not self.model.has_loaded:
            return
        position = self.model.position_of(record_id)
        if position is None:
            if self.filtering:  # perhaps filtered out: look again in the whole list
                self.clear_filters()
                return
            self._pending_select = None
            return
        if position < self.model.rowCount():
            self._pending_select = None
            index = self.model.index(position, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.table.setFocus()
        elif self.model.canFetchMore():
            self.model.fetchMore()  # the next page; rowsInserted brings us back here
