"""One generic, read-only, sortable table model over any kind of record.

What a list shows is data, not code: the key of a core list (:mod:`inspector.services.lists`, which
holds every list's SQL: its rows, its sort keys, its filters) and a list of :class:`Column` s
(header, how to get the value, how to show it, the name of the core sort key it sorts by).
:class:`RecordTableModel` does the rest, through the core's functions:

* A (re)load runs in the background (:func:`~inspector.services.lists.load_list`): it reads the
  **ordered ids** of every matching record (sorted in SQL, so sorting works over all rows, not just
  the loaded ones) and the first page of rows, in one read-only session.
* Further rows are fetched a page at a time (``canFetchMore``/``fetchMore``) by id, as the view
  scrolls (:func:`~inspector.services.lists.list_rows`). Paging by id rather than ``OFFSET`` keeps
  pages consistent while others write.
* A filter (:meth:`RecordTableModel.set_filter`: the core's plain
  :class:`~inspector.services.lists.Criteria`, e.g. from a search box) narrows the ids; each change is
  a new load, and only the newest load's result is ever shown (an older one still running is dropped,
  or skips its work if it has not begun).
* Roles: ``DisplayRole`` text; ``ToolTipRole`` the same text, whole (the view's
  :class:`~ui.models.cell_delegate.CellDelegate` shows it where the cell is elided); :data:`SORT_ROLE`
  the raw value (date, number, text); :data:`OBJECT_ROLE` (``Qt.UserRole``) the record id;
  :data:`ROW_ROLE` the row object itself (a :class:`~inspector.services.lists.ListRow`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from inspector.services import lists
from inspector.services.lists import Criteria, ListPage, ListRow, RecordKey, as_uuid
from inspector.store.store import Store
from ui import errors
from ui.formatting import fmt_date, fmt_datetime, fmt_time, yes_no
from ui.qt_compat import emit
from ui.workers import OnError, Runner, run_in_background

__all__ = [
    "CENTER",
    "LEFT",
    "OBJECT_ROLE",
    "PAGE_SIZE",
    "RIGHT",
    "ROW_ROLE",
    "SORT_ROLE",
    "Column",
    "RecordKey",
    "RecordTableModel",
    "as_uuid",
    "default_text",
]

OBJECT_ROLE = Qt.ItemDataRole.UserRole  # the record id (uuid.UUID)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value of the cell
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole row object

PAGE_SIZE = 200

ModelIndex = QModelIndex | QPersistentModelIndex

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def default_text(value: Any) -> str:
    """How a raw value is shown when a column does not say."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime):
        return fmt_datetime(value)
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, time):
        return fmt_time(value)
    return str(value)


@dataclass(frozen=True)
class Column:
    """One column of a list."""

    header: str
    value: Callable[[Any], Any]
    """The raw value of the cell for a row (also what :data:`SORT_ROLE` returns)."""
    text: Callable[[Any], str] = default_text
    """How the raw value is shown."""
    sort: str | None = None
    """The core list's sort key (:func:`inspector.services.lists.sort_keys`); ``None`` means the column
    cannot be sorted."""
    align: Qt.AlignmentFlag = LEFT
    width: int = 110
    stretch: bool = False
    foreground: Callable[[Any], QColor | None] | None = None
    """Text colour for a row (e.g. red for overdue); ``None`` keeps the default."""

    @property
    def sortable(self) -> bool:
        return self.sort is not None


class RecordTableModel(QAbstractTableModel):
    """Rows of one core list (``source``: a key of :mod:`inspector.services.lists`), loaded in the
    background and fetched in pages."""

    loaded = Signal()
    """Emitted after each (re)load has replaced the rows."""
    totalChanged = Signal(int)
    """The number of matching records (not just the loaded ones) changed."""
    loadFailed = Signal(object)
    """A load or a page fetch failed (the exception has also gone to ``on_error``)."""

    def __init__(
        self,
        store: Store,
        source: str,
        columns: Sequence[Column],
        *,
        sort_column: int = 0,
        sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
        page_size: int = PAGE_SIZE,
        runner: Runner | None = None,
        on_error: OnError | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not columns:
            raise ValueError("a record table needs at least one column")
        self._store = store
        self._source = source
        self._columns = list(columns)
        self._page_size = page_size
        self._run: Runner = runner or run_in_background
        self._on_error: OnError = on_error or errors.show_error
        self._sort = (sort_column, sort_order)
        self._ids: list[RecordKey] = []
        self._rows: list[ListRow] = []
        self._generation = 0
        self._filter: Criteria | None = None
        self._requested = False
        self._loading = False
        self._fetching = False

    # ---- state ---------------------------------------------------------------------------------

    @property
    def source(self) -> str:
        """The key of the core list shown."""
        return self._source

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    @property
    def total(self) -> int:
        """How many records match (rows loaded so far: :meth:`rowCount`)."""
        return len(self._ids)

    @property
    def is_loading(self) -> bool:
        return self._loading or self._fetching

    @property
    def has_loaded(self) -> bool:
        return self._requested and not self._loading

    @property
    def sort_column(self) -> int:
        return self._sort[0]

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort[1]

    def record_id(self, row: int) -> uuid.UUID:
        return self._rows[row].id

    def row_object(self, row: int) -> ListRow:
        return self._rows[row]

    # ---- loading -------------------------------------------------------------------------------

    def _order_by(self) -> tuple[str | None, bool]:
        """The core sort key of the sort column (None: unsorted) and whether it is descending."""
        column, order = self._sort
        key = self._columns[column].sort if 0 <= column < len(self._columns) else None
        return key, key is not None and order == Qt.SortOrder.DescendingOrder

    def set_filter(self, criteria: Criteria | None) -> None:
        """Show only the records ``criteria`` select (``None``: the list as it opens, its scope);
        reloads if the list was loaded."""
        self._filter = criteria
        if self._requested:
            self.reload()

    def reload(self) -> None:
        """Re-read the ids in the current order and the first page, in the background.

        The rows on screen stay until the new ones arrive; a result from an older load is dropped,
        and an older load that has not begun its work by the time a newer one is asked for skips it.
        """
        self._requested = True
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._fetching = False
        source, store, page = self._source, self._store, self._page_size
        (sort_key, descending), criteria = self._order_by(), self._filter

        def superseded() -> bool:
            return generation != self._generation  # generations only grow: it stays superseded

        def work() -> ListPage | None:
            if superseded():
                return None
            # The list's prepare (may write a cache: its own short transaction) and any core search,
            # then (unless superseded meanwhile) ids and first page from one read-only snapshot.
            return lists.load_list(
                store, source, criteria, sort_key, descending, first=page, superseded=superseded
            )

        self._run(
            work,
            lambda result: self._reloaded(generation, result),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def position_of(self, record_id: RecordKey) -> int | None:
        """Where the record is in the current order (loaded or not), or None if it is not in the list."""
        wanted = as_uuid(record_id)
        forms = {wanted, wanted.hex, str(wanted)}  # ids are kept as the database's text
        for i, key in enumerate(self._ids):
            if key in forms:
                return i
        return None

    def ensure_loaded(self) -> None:
        """Load once (the first time the list is shown)."""
        if not self._requested:
            self.reload()

    def _reloaded(self, generation: int, page: ListPage | None) -> None:
        if generation != self._generation or page is None:  # None: it was superseded before it ran
            return
        old_total = len(self._ids)
        self.beginResetModel()
        self._ids = page.ids
        self._rows = page.rows
        self._trim_missing(0, len(page.rows))
        self.endResetModel()
        self._loading = False
        emit(self.loaded)
        if len(self._ids) != old_total:
            emit(self.totalChanged, len(self._ids))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._fetching = False
            emit(self.loadFailed, exc)
        self._on_error(exc)

    def _trim_missing(self, start: int, fetched: int) -> None:
        """Drop ids of a page whose rows did not come back (deleted meanwhile)."""
        wanted = self._ids[start : start + self._page_size]
        if fetched < len(wanted):
            got: list[RecordKey] = [r.id for r in self._rows[start:]]
            self._ids[start : start + len(wanted)] = got

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008 (Qt signature)
        if parent.isValid() or self._fetching or self._loading or not self.canFetchMore():
            return
        start = len(self._rows)
        page_ids = self._ids[start : start + self._page_size]
        generation = self._generation
        self._fetching = True
        source, store = self._source, self._store

        def work() -> list[ListRow]:
            return lists.list_rows(store, source, page_ids)

        self._run(
            work,
            lambda rows: self._fetched(generation, start, rows),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _fetched(self, generation: int, start: int, rows: list[ListRow]) -> None:
        if generation != self._generation or start != len(self._rows):
            return
        self._fetching = False
        total_before = len(self._ids)
        if rows:
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self._trim_missing(start, len(rows))
            self.endInsertRows()
        else:
            self._trim_missing(start, 0)
        if len(self._ids) != total_before:
            emit(self.totalChanged, len(self._ids))

    # ---- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(column.value(row))
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text: shown where the cell is elided
            return column.text(column.value(row)) or None
        if role == SORT_ROLE:
            return column.value(row)
        if role == OBJECT_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return column.align
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every matching record in SQL (a new load). Unsortable columns are ignored."""
        if not (0 <= column < len(self._columns)) or not self._columns[column].sortable:
            return
        if (column, order) == self._sort and self._requested:
            return
        self._sort = (column, order)
        if self._requested:
            self.reload()
