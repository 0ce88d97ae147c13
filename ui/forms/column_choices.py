"""The columns step of an import (名册, 台账): each column of the file, a box choosing the field it is
read as, and its first values. A field is read from one column only: choosing it for one column takes
it from another."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from ui.i18n import mark_content


def cell_text(value: Any) -> str:
    """A cell of the file as a person reads it (an integer-valued float without its ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class ColumnChoices:
    """The grid (``host``) and its boxes (``combos``, one per column of the file, in order)."""

    def __init__(
        self,
        headers: Sequence[str],
        lines: Sequence[int],
        rows: Sequence[Sequence[Any]],
        *,
        titles: tuple[str, str],
        none_label: str,
        choices: Iterable[tuple[str, str]],
        chosen: Mapping[int, str],
        samples: int,
        on_change: Callable[[], None],
    ) -> None:
        """``titles``: the headings of the column and box columns; ``choices``: (field, label) offered
        after ``none_label``; ``chosen``: the field of each column to start with; ``on_change``: called
        after a box changed (and any other box gave its field up)."""
        self._on_change = on_change
        self.host = QWidget()
        grid = QGridLayout(self.host)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2 + samples - 1, 1)
        heads = [*titles] + [
            QCoreApplication.translate("ColumnChoices", "第 {n} 行").format(n=line)
            for line in lines[:samples]
        ]
        for column, text in enumerate(heads):
            label = QLabel(text)
            label.setObjectName("sectionTitle")
            grid.addWidget(label, 0, column)
        offered = list(choices)
        self.combos: list[QComboBox] = []
        for i, header in enumerate(headers):
            name = QLabel(
                header or QCoreApplication.translate("ColumnChoices", "（第 {n} 列，无列名）").format(n=i + 1)
            )
            mark_content(name, bool(header))
            combo = QComboBox()
            combo.setObjectName(f"column_{i}")
            combo.addItem(none_label, None)
            for fname, label_text in offered:
                combo.addItem(label_text, fname)
            combo.setMaxVisibleItems(16)
            field = chosen.get(i)
            combo.setCurrentIndex(combo.findData(field) if field else 0)
            combo.currentIndexChanged.connect(lambda _n, i=i: self._changed(i))
            name.setBuddy(combo)
            grid.addWidget(name, i + 1, 0)
            grid.addWidget(combo, i + 1, 1)
            for s, row in enumerate(rows[:samples]):
                sample = QLabel(cell_text(row[i]) if i < len(row) else "")
                mark_content(sample)
                sample.setObjectName("muted")
                grid.addWidget(sample, i + 1, 2 + s)
            self.combos.append(combo)
        grid.setRowStretch(len(headers) + 1, 1)

    def _changed(self, index: int) -> None:
        fname = self.combos[index].currentData()
        if fname is not None:
            for i, combo in enumerate(self.combos):
                if i != index and combo.currentData() == fname:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._on_change()

    def mapping(self) -> dict[int, str]:
        """Column index → field, for the columns read."""
        return {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData() is not None}

    def set_column(self, index: int, fname: str | None) -> None:
        """Choose ``fname`` (None: not read) for column ``index``, as the box does."""
        combo = self.combos[index]
        combo.setCurrentIndex(combo.findData(fname) if fname else 0)
