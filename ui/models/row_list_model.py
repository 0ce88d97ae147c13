"""A read-only table over a list of plain rows, replaced whole (the side panels, the detainee page).

Subclasses give ``HEADERS``, the translation ``CONTEXT``, the ``CENTERED`` columns, and
:meth:`cell` for the roles they show; rows, counts, headers and flags are done here once, and a
cell without a tooltip of its own has its whole text as one (for where it is elided).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ui.models.record_table_model import CENTER, LEFT

ModelIndex = QModelIndex | QPersistentModelIndex


class RowListModel(QAbstractTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = ()
    CONTEXT: ClassVar[str] = "RowList"  # translation context of the headers
    CENTERED: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self._rows[index]

    @property
    def rows(self) -> list[Any]:
        """The rows shown, in order (not to be changed in place: :meth:`set_rows`)."""
        return self._rows

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.HEADERS)

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return CENTER if column in self.CENTERED else LEFT

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(index.column())
        row = self._rows[index.row()]
        value = self.cell(row, index.column(), role)
        if value is None and role == Qt.ItemDataRole.ToolTipRole:
            # No tooltip of its own: the cell's whole text (shown where the cell is elided).
            text = self.cell(row, index.column(), Qt.ItemDataRole.DisplayRole)
            return str(text) if text not in (None, "") else None
        return value

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The value of ``row`` at ``column`` for ``role`` (None for roles not shown)."""
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.HEADERS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(section)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
