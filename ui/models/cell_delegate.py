"""How every table of the app paints a cell and when it shows a cell's tooltip.

* **Colour on a selected row.** A cell's ``ForegroundRole`` (red past a deadline, amber within the
  warning window, grey for a file not here yet) is painted on a selected row too: Qt paints every
  selected cell in the selection's text colour, which hid the urgency exactly on the row being looked at.
  The selection's background is a light blue, on which red and amber stay readable.
* **Elided text.** The models give a cell's full text as its ``ToolTipRole`` (or a richer
  explanation). When the tooltip only repeats the cell's text, it is shown where the text does not fit
  (is elided: ``…``), not on every cell under the mouse.

:func:`install` puts it on a view; the agenda's own delegate builds on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Keeps a cell's own text colour when its row is selected; repeats an elided cell's text as its
    tooltip, and only then."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.ForegroundRole) is not None:
            # initStyleOption put the cell's colour in Text; a selected cell is painted in
            # HighlightedText, so the colour is given there too (every colour group).
            palette: QPalette = option.palette
            palette.setBrush(QPalette.ColorRole.HighlightedText, palette.brush(QPalette.ColorRole.Text))
            option.palette = palette

    def is_elided(self, option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        """Whether the cell's text is cut (``…``) in ``option.rect``: wider than the room the style
        gives it, less the margins the style keeps on each side of the text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        if not text:
            return False
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return False
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        metrics = QFontMetrics(opt.font)
        width = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        return width > rect.width() - 2 * margin

    def tooltip_shown(self, option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        """Whether hovering the cell shows its tooltip: one that says more than the cell always, one
        that only repeats the cell's text when the text is elided."""
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if not tip:
            return False
        shown = index.data(Qt.ItemDataRole.DisplayRole)
        if str(tip) != ("" if shown is None else str(shown)):
            return True
        return self.is_elided(option, index)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: ModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not self.tooltip_shown(option, index):
            QToolTip.hideText()
            event.ignore()
            return True  # handled: nothing to show
        return super().helpEvent(event, view, option, index)


def install(view: QAbstractItemView) -> CellDelegate:
    """Give ``view`` the app's cell delegate (kept by the view)."""
    delegate = CellDelegate(view)
    view.setItemDelegate(delegate)
    return delegate
