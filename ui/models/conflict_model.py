"""Sync conflicts for people: field labels and values in the UI's language, and the list of open conflicts.

A :class:`~inspector.sync.conflicts.ConflictView` holds both rows as the sync encodes them (JSON);
:func:`field_rows` turns them into what the 本机 / 办公室 columns show, field by field, with the
field catalogue's labels (``inspector.domain.catalogue``) and choice labels (``inspector.domain.enums``).
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from inspector.domain import enums
from inspector.domain.catalogue import kind_label
from inspector.domain.catalogue import label as catalogue_label
from inspector.domain.records import SPECS
from inspector.sync import schema
from inspector.sync.conflicts import ConflictView
from ui.formatting import fmt_date, fmt_datetime, fmt_time, join_list, list_separator, mask_id_number, yes_no
from ui.i18n import QT_TRANSLATE_NOOP, core_text
from ui.style import AMBER, RED

ModelIndex = QModelIndex | QPersistentModelIndex

CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 30

# Fields that name a record best, in order of preference (the list's 记录 column).
NAME_FIELDS = ("name", "doc_number", "subject", "facts", "facts_found", "description", "username", "key")


def table_label(table: str) -> str:
    return core_text(kind_label(table))


def field_label(table: str, name: str) -> str:
    return core_text(catalogue_label(table, name))


def _choice_labels() -> dict[frozenset[str], dict[str, str]]:
    out: dict[frozenset[str], dict[str, str]] = {}
    for value in vars(enums).values():
        if (
            isinstance(value, type)
            and issubclass(value, enums.LabelledEnum)
            and value is not enums.LabelledEnum
        ):
            members = list(value)
            if members:
                out[frozenset(m.value for m in members)] = {m.value: m.label for m in members}
    return out


_CHOICES = _choice_labels()


def show_value(table: str, name: str, value: Any) -> str:
    """A decoded column value as a person reads it (empty: "（空）")."""
    if value is None or value == "" or value == [] or value == {}:
        return QCoreApplication.translate("Conflicts", "（空）")
    spec = SPECS.get(table)
    field = None
    if spec is not None:
        field = next((f for f in spec.fields if f.name == name), None)
    if field is not None and field.choices and isinstance(value, str):
        return core_text(_CHOICES.get(field.choices, {}).get(value, value))
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime):
        return fmt_datetime(value)
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, time):
        return fmt_time(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if name == "id_number" and isinstance(value, str):
        return mask_id_number(value)  # as in the lists: only the last four digits
    return _plain(value)


def _plain(value: Any) -> str:
    """Nested JSON (lists of papers, counts …) as text a person can compare."""
    if isinstance(value, list | tuple):
        return join_list(_plain(v) for v in value)
    if isinstance(value, dict):
        return "，".join(_plain(v) for v in value.values() if v not in (None, "", [], {}))
    if isinstance(value, bool):
        return yes_no(value)
    return str(value)


@dataclass(frozen=True)
class FieldRow:
    """One field of a conflicted record: its label and both sides, shown and raw (as encoded)."""

    name: str
    label: str
    mine: str
    theirs: str | None  # None when the office has no such row
    mine_raw: Any
    changed: bool


def record_fields(table: str) -> list[str]:
    """The record's own columns (no sync bookkeeping, no id or station)."""
    skip = set(schema.BOOKKEEPING) | {"id", "station_id"}
    return [c.name for c in schema.columns(table) if c.name not in skip]


def field_rows(conflict: ConflictView) -> list[FieldRow]:
    """Every record field of the conflict, changed ones first (in column order)."""
    table = conflict.table_name
    mine = schema.decode_row(table, conflict.mine)
    theirs = schema.decode_row(table, conflict.theirs) if conflict.theirs is not None else None
    changed = set(conflict.changed_fields)
    rows = [
        FieldRow(
            name=name,
            label=field_label(table, name),
            mine=show_value(table, name, mine.get(name)),
            theirs=show_value(table, name, theirs.get(name)) if theirs is not None else None,
            mine_raw=conflict.mine.get(name),
            changed=name in changed,
        )
        for name in record_fields(table)
    ]
    return [r for r in rows if r.changed] + [r for r in rows if not r.changed]


def record_title(conflict: ConflictView) -> str:
    """What the record is, e.g. "在押人员 张三" or "纠正违法通知书 七检刑执纠违〔2026〕3号"."""
    row = conflict.theirs or conflict.mine
    for name in NAME_FIELDS:
        value = row.get(name) if isinstance(row, Mapping) else None
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 30 else text[:29] + "…"
    return str(conflict.row_id)[:8]


def situation(conflict: ConflictView) -> str:
    if conflict.kind == "rejected":
        error = conflict.error or QCoreApplication.translate("Conflicts", "数据不符合要求")
        return QCoreApplication.translate("Conflicts", "办公室拒收：{error}").format(error=error)
    if conflict.theirs is None:
        return QCoreApplication.translate("Conflicts", "办公室没有这条记录")
    return QCoreApplication.translate("Conflicts", "两边都修改过")


class ConflictListModel(QAbstractTableModel):
    """Open conflicts: 记录类型 · 记录 · 情况 · 不同之处 · 发现时间."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Conflicts", "记录类型"),
        QT_TRANSLATE_NOOP("Conflicts", "记录"),
        QT_TRANSLATE_NOOP("Conflicts", "情况"),
        QT_TRANSLATE_NOOP("Conflicts", "不同之处"),
        QT_TRANSLATE_NOOP("Conflicts", "发现时间"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conflicts: list[ConflictView] = []

    def set_conflicts(self, conflicts: Sequence[ConflictView]) -> None:
        self.beginResetModel()
        self._conflicts = list(conflicts)
        self.endResetModel()

    def conflict(self, row: int) -> ConflictView:
        return self._conflicts[row]

    def conflict_ids(self) -> list[uuid.UUID]:
        return [c.id for c in self._conflicts]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._conflicts)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._conflicts)):
            return None
        c = self._conflicts[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return table_label(c.table_name)
            if column == 1:
                return record_title(c)
            if column == 2:
                return situation(c)
            if column == 3:
                return list_separator().join(field_label(c.table_name, f) for f in c.changed_fields) or "—"
            return fmt_datetime(c.created_at)
        if role == CONFLICT_ROLE:
            return c
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor(RED if c.kind == "rejected" else AMBER)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate("Conflicts", self.HEADERS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
