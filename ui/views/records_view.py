"""A list page: header with the row count, and a sortable read-only table over a :class:`RecordList`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableView, QWidget

from inspector.store.store import Store
from ui.documents import PdfRequest, open_preview
from ui.models.record_lists import RecordList
from ui.models.record_table_model import OBJECT_ROLE, ROW_ROLE, RecordTableModel
from ui.widgets import Page
from ui.workers import Runner


def make_table(model: RecordTableModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting, sortable table with the model's column widths."""
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
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
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


@dataclass(frozen=True)
class RowDocument:
    """The document a list row prints: the button's text and row → :class:`PdfRequest` (or None)."""

    label: str
    request: Callable[[Any], PdfRequest | None]


class RecordsView(Page):
    """One of 巡视检察 · 个别谈话 · 检察官信箱 · 纠正与建议 · 在押人员."""

    def __init__(
        self,
        store: Store,
        spec: RecordList,
        *,
        runner: Runner | None = None,
        document: RowDocument | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(spec.title, spec.subtitle, parent)
        self.spec = spec
        self._store = store
        self._runner = runner
        self.document = document
        self.preview_button: QPushButton | None = None
        self.model = RecordTableModel(
            store,
            spec.query,
            spec.columns,
            sort_column=spec.sort_column,
            sort_order=spec.sort_order,
            runner=runner,
            parent=self,
        )
        self.count_label = QLabel(self.tr("正在读取…"))
        self.count_label.setObjectName("rowCount")
        self.header.right.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        self.table = make_table(self.model, self)
        self.body.addWidget(self.table, 1)
        self.model.loaded.connect(self._update_count)
        self.model.totalChanged.connect(self._update_count)
        self.model.loadFailed.connect(self._load_failed)
        self._pending_select: uuid.UUID | None = None
        self.model.loaded.connect(self._try_select)
        self.model.rowsInserted.connect(lambda *_: self._try_select())
        if document is not None:
            self.preview_button = self.add_button(document.label, self.preview_selected)
            self.preview_button.setToolTip(self.tr("先选中一行；也可以双击该行"))
            self.preview_button.setEnabled(False)
            self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
            self.model.modelReset.connect(self._selection_changed)
            self.table.activated.connect(lambda _index: self.preview_selected())

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
            self.count_label.setText(self.tr("暂无记录"))
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
        record_id = self._pending_select
        if record_id is None or not self.model.has_loaded:
            return
        position = self.model.position_of(record_id)
        if position is None:
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
