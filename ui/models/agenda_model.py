"""The agenda as a table: one row per :class:`~inspector.agenda.AgendaItem`, in the agenda's own order.

The order is the rules engine's (overdue first, 超期羁押 on top of them, then amber, upcoming, info), so
the view does not re-sort. Columns: 到期日 · 事项 (with the rule and its legal source under it, in small
grey type — see :class:`AgendaDelegate`) · 对象 · 剩余.

Roles: ``DisplayRole`` text; :data:`ITEM_ROLE` the item; :data:`LEVEL_ROLE` its level
(overdue/warning/upcoming/info); :data:`DETAIL_ROLE` the grey second line of 事项; :data:`SORT_ROLE`
the raw value of the cell; ``ForegroundRole`` red / amber / default / grey by level.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QWidget

from inspector.agenda import AgendaItem
from inspector.services.dashboard import CustodySoon
from ui.i18n import QT_TRANSLATE_NOOP, core_text, rules_text
from ui.models.cell_delegate import CellDelegate
from ui.models.record_table_model import CENTER, LEFT, SORT_ROLE
from ui.models.row_list_model import RowListModel
from ui.style import AMBER, AMBER_TINT, GREY, LEVEL_COLOURS, RED, RED_TINT, TEXT_MUTED

ITEM_ROLE = Qt.ItemDataRole.UserRole + 20
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 21
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 22

DUE, WHAT, WHO, LEFT_DAYS = range(4)

ModelIndex = QModelIndex | QPersistentModelIndex

WEEKDAYS = (
    QT_TRANSLATE_NOOP("Agenda", "周一"),
    QT_TRANSLATE_NOOP("Agenda", "周二"),
    QT_TRANSLATE_NOOP("Agenda", "周三"),
    QT_TRANSLATE_NOOP("Agenda", "周四"),
    QT_TRANSLATE_NOOP("Agenda", "周五"),
    QT_TRANSLATE_NOOP("Agenda", "周六"),
    QT_TRANSLATE_NOOP("Agenda", "周日"),
)


def level_label(level: str) -> str:
    return {
        "overdue": QCoreApplication.translate("Agenda", "逾期"),
        "warning": QCoreApplication.translate("Agenda", "临近"),
        "upcoming": QCoreApplication.translate("Agenda", "待办"),
        "info": QCoreApplication.translate("Agenda", "提示"),
    }.get(level, level)


def days_left_text(days: int | None) -> str:
    """逾期N天 / 今天到期 / 余N天 (empty when the item has no date)."""
    if days is None:
        return ""
    if days < 0:
        return QCoreApplication.translate("Agenda", "逾期{n}天").format(n=-days)
    if days == 0:
        return QCoreApplication.translate("Agenda", "今天到期")
    return QCoreApplication.translate("Agenda", "余{n}天").format(n=days)


def due_text(due: date | None) -> str:
    if due is None:
        return "—"
    return f"{due.isoformat()}"


def weekday_text(day: date) -> str:
    return QCoreApplication.translate("Agenda", WEEKDAYS[day.weekday()])


def detail_text(item: AgendaItem) -> str:
    """The grey line under the title: the rule and the legal source (and a warning if the date may move)."""
    parts = [rules_text(item.rule)]
    if item.basis and item.basis not in item.rule:
        parts.append(rules_text(item.basis))
    text = " · ".join(p for p in parts if p)
    if not item.certain:
        text += QCoreApplication.translate("Agenda", " · 日期可能变动（节假日安排未定）")
    return text


def level_colour(level: str) -> QColor | None:
    if level == "upcoming":
        return None  # the default text colour
    return QColor(LEVEL_COLOURS.get(level, GREY))


class AgendaModel(QAbstractTableModel):
    """A read-only list of agenda items; replaced whole by :meth:`set_items`."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Agenda", "到期日"),
        QT_TRANSLATE_NOOP("Agenda", "事项"),
        QT_TRANSLATE_NOOP("Agenda", "对象"),
        QT_TRANSLATE_NOOP("Agenda", "剩余"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItem] = []

    # ---- data --------------------------------------------------------------------------------------

    def set_items(self, items: Sequence[AgendaItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[AgendaItem]:
        return list(self._items)

    def item(self, row: int) -> AgendaItem:
        return self._items[row]

    def level_counts(self) -> dict[str, int]:
        counts = {"overdue": 0, "warning": 0, "upcoming": 0, "info": 0}
        for item in self._items:
            counts[item.level] = counts.get(item.level, 0) + 1
        return counts

    # ---- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DUE:
                return due_text(item.due)
            if column == WHAT:
                return rules_text(item.title)
            if column == WHO:
                return rules_text(item.subject)
            if column == LEFT_DAYS:
                return days_left_text(item.days_left)
            return None
        if role == ITEM_ROLE:
            return item
        if role == LEVEL_ROLE:
            return item.level
        if role == DETAIL_ROLE:
            return detail_text(item) if column == WHAT else None
        if role == SORT_ROLE:
            return (item.due, item.title, item.subject, item.days_left)[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == WHO and item.level != "info":
                return None  # the person or document in the normal colour: easier to read
            return level_colour(item.level)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER if column == LEFT_DAYS else LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"{level_label(item.level)} · {rules_text(item.title)}",
                rules_text(item.subject),
                detail_text(item),
            ]
            if item.due is not None:
                lines.insert(
                    2, f"{due_text(item.due)}（{weekday_text(item.due)}） {days_left_text(item.days_left)}"
                )
            return "\n".join(line for line in lines if line)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.HEADERS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Agenda", self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER if section == LEFT_DAYS else LEFT
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AgendaDelegate(CellDelegate):
    """Paints the agenda: a coloured stripe for the level at the left of the row, a tint behind overdue
    and amber rows, and in 事项 the title over the rule and legal source in small grey type. A selected
    row keeps its stripe and its red or amber text (:class:`CellDelegate`) on the selection's colour."""

    STRIPE = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _small(self, font: QFont) -> QFont:
        small = QFont(font)
        size = small.pointSizeF()
        if size > 0:
            small.setPointSizeF(size * 0.86)
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        small = QFontMetrics(self._small(option.font))
        return QSize(base.width(), metrics.height() + small.height() + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        level = index.data(LEVEL_ROLE)
        tint = {"overdue": RED_TINT, "warning": AMBER_TINT}.get(level)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if tint and not selected:
            painter.fillRect(option.rect, QColor(tint))
        if index.column() != WHAT:
            super().paint(painter, option, index)
        else:
            self._paint_two_lines(painter, option, index, selected)
        if index.column() == DUE:
            colour = {"overdue": RED, "warning": "#e39a17", "info": "#c3c9d2"}.get(level, "#9db7d8")
            rect: QRect = option.rect
            painter.fillRect(QRect(rect.left(), rect.top(), self.STRIPE, rect.height()), QColor(colour))

    def _paint_two_lines(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex, selected: bool
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        detail = index.data(DETAIL_ROLE) or ""
        rect: QRect = opt.rect.adjusted(6, 5, -6, -5)
        font: QFont = opt.font
        small = self._small(font)
        fm, sfm = QFontMetrics(font), QFontMetrics(small)
        top = rect.top() + max(0, (rect.height() - fm.height() - sfm.height()) // 2)
        painter.save()
        fg = index.data(Qt.ItemDataRole.ForegroundRole)
        palette: QPalette = opt.palette
        colour = fg if isinstance(fg, QColor) else palette.color(QPalette.ColorRole.Text)
        if selected:
            colour = palette.color(QPalette.ColorRole.HighlightedText) if fg is None else colour
        bold = QFont(font)
        bold.setBold(index.data(LEVEL_ROLE) == "overdue")
        painter.setFont(bold)
        painter.setPen(colour)
        line = QRect(rect.left(), top, rect.width(), fm.height())
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(small)
        painter.setPen(QColor(TEXT_MUTED))
        line2 = QRect(rect.left(), top + fm.height(), rect.width(), sfm.height())
        painter.drawText(
            line2,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            sfm.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


class CustodySoonModel(RowListModel):
    """Custody deadlines within a week (and those passed): 姓名 · 监室 · 届满日 · 剩余."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Agenda", "姓名"),
        QT_TRANSLATE_NOOP("Agenda", "监室"),
        QT_TRANSLATE_NOOP("Agenda", "届满日"),
        QT_TRANSLATE_NOOP("Agenda", "剩余"),
    )
    CONTEXT = "Agenda"
    CENTERED = frozenset({1, 3})

    def cell(self, r: CustodySoon, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.name, r.cell or "", r.deadline.isoformat(), days_left_text(r.days_left))[column]
        if role == ITEM_ROLE:
            return r
        if role == SORT_ROLE:
            return (r.name, r.cell, r.deadline, r.days_left)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 3):
            if r.days_left < 0:
                return QColor(RED)
            return QColor(AMBER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "Agenda", "{name}（{cell}）：{stage}期限 {due} 届满，{left}\n{basis}"
            ).format(
                name=r.name,
                cell=r.cell or "—",
                stage=core_text(r.stage),
                due=r.deadline.isoformat(),
                left=days_left_text(r.days_left),
                basis=rules_text(r.basis),
            )
        return None
