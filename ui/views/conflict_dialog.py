"""One sync conflict: the record as it is here (本机) and at the office (办公室), field by field.

Changed fields are highlighted and each has a choice; unchanged fields are listed below them, greyed.
保存 calls the core's :func:`inspector.sync.conflicts.resolve` in the background with the fields taken
from 本机 — the core writes the result as a new edit on top of the office's version, which the next
sync uploads. Fields left on 办公室 keep the office's value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.store.store import Store
from inspector.sync import conflicts as sync_conflicts
from inspector.sync.conflicts import ConflictView
from ui import errors
from ui.formatting import fmt_datetime
from ui.models.conflict_model import FieldRow, field_rows, record_title, situation, table_label
from ui.qt_compat import emit
from ui.style import AMBER_TINT, CARD_BORDER, RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background

MINE, THEIRS = 0, 1


class ConflictDialog(QDialog):
    """``resolved`` (the core's answer: theirs / mine / merged) once the choice is saved."""

    resolved = Signal(str)

    def __init__(
        self,
        store: Store,
        conflict: ConflictView,
        *,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.conflict = conflict
        self._run: Runner = runner or run_in_background
        self.rows = field_rows(conflict)
        self.choices: dict[str, QButtonGroup] = {}
        self.saving = False
        office_has_row = conflict.theirs is not None

        self.setWindowTitle(self.tr("处理同步冲突 — {what}").format(what=table_label(conflict.table_name)))
        self.resize(900, 620)
        self.setMinimumSize(700, 460)

        title = QLabel(f"{table_label(conflict.table_name)} · {record_title(conflict)}")
        title.setFont(scaled_font(title, 1.3, bold=True))
        title.setWordWrap(True)
        if office_has_row:
            intro = self.tr(
                "这条记录在本机和办公室都被修改过（{when}发现）。下面标出的 {n} 项两边不同，"
                "请逐项选择保留哪一边；保存后将作为一次新的修改，在下次同步时上传。"
            ).format(when=fmt_datetime(conflict.created_at), n=len(conflict.changed_fields))
        else:
            intro = self.tr(
                "{situation}。保存将保留本机的内容并在下次同步时重新上传；"
                "如果办公室拒收的原因是内容不符合要求，请先修改这条记录。"
            ).format(situation=situation(conflict))
        explanation = QLabel(intro)
        explanation.setWordWrap(True)
        explanation.setStyleSheet(f"color: {TEXT_MUTED};")

        grid = QGridLayout()
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        headers = (
            [self.tr("字段"), self.tr("本机"), self.tr("办公室")]
            if office_has_row
            else [
                self.tr("字段"),
                self.tr("本机"),
            ]
        )
        for column, text in enumerate(headers):
            head = QLabel(text)
            head.setFont(scaled_font(head, 1.0, bold=True))
            head.setStyleSheet(
                f"padding: 6px 10px; background: #eef2f7; border-bottom: 1px solid {CARD_BORDER};"
            )
            grid.addWidget(head, 0, column)
        for r, row in enumerate(self.rows, start=1):
            self._add_row(grid, r, row, office_has_row)
        grid.setColumnStretch(1, 1)
        if office_has_row:
            grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.rows) + 1, 1)
        table = QWidget()
        table.setObjectName("conflictTable")
        table.setStyleSheet("QWidget#conflictTable { background: white; }")
        table.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(table)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)

        self.all_mine = QPushButton(self.tr("全部选本机"))
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs = QPushButton(self.tr("全部选办公室"))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        for button in (self.all_mine, self.all_theirs):
            button.setVisible(office_has_row and bool(self.choices))
        self.error_label = QLabel("")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED};")
        self.save_button = QPushButton(
            self.tr("保存选择") if office_has_row else self.tr("保留本机版本并重新上传")
        )
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.all_mine)
        buttons.addWidget(self.all_theirs)
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _add_row(self, grid: QGridLayout, r: int, row: FieldRow, office_has_row: bool) -> None:
        background = AMBER_TINT if row.changed else "white"
        colour = "#1f2933" if row.changed else TEXT_MUTED
        cell = (
            f"padding: 6px 10px; background: {background}; color: {colour}; border-bottom: 1px solid #edf0f4;"
        )
        label = QLabel(row.label + ("  ●" if row.changed else ""))
        label.setStyleSheet(cell + ("font-weight: bold;" if row.changed else ""))
        label.setToolTip(row.name)
        grid.addWidget(label, r, 0)
        if row.changed and office_has_row:
            group = QButtonGroup(self)
            for column, text in ((MINE, row.mine), (THEIRS, row.theirs or "")):
                button = QRadioButton(text)
                button.setStyleSheet(f"QRadioButton {{ {cell} }}")
                button.setToolTip(text)
                group.addButton(button, column)
                grid.addWidget(button, r, column + 1)
            group.button(THEIRS).setChecked(True)  # the office's value unless chosen otherwise
            self.choices[row.name] = group
            return
        shown: tuple[str | None, ...] = (row.mine, row.theirs) if office_has_row else (row.mine,)
        for column, shown_text in enumerate(shown, start=1):
            value = QLabel(shown_text or "")
            value.setWordWrap(True)
            value.setStyleSheet(cell)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value, r, column)

    # ---- choosing and saving --------------------------------------------------------------------------

    def choose(self, field: str, side: int) -> None:
        self.choices[field].button(side).setChecked(True)

    def choose_all(self, side: int) -> None:
        for group in self.choices.values():
            group.button(side).setChecked(True)

    def chosen(self) -> dict[str, Any]:
        """The fields taken from 本机, with their values as the sync encodes them (for ``resolve``)."""
        mine = {row.name: row.mine_raw for row in self.rows}
        return {name: mine[name] for name, group in self.choices.items() if group.checkedId() == MINE}

    @Slot()
    def save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.error_label.setText(self.tr("正在保存…"))
        store, conflict_id, chosen = self._store, self.conflict.id, self.chosen()
        self._run(
            lambda: sync_conflicts.resolve(store, conflict_id, chosen), self._saved, self._failed, owner=self
        )

    def _saved(self, resolution: str) -> None:
        self.saving = False
        emit(self.resolved, resolution)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.error_label.setText(errors.user_message(exc)[1])
        if not isinstance(exc, InspectorError):
            errors.show_error(exc, self)
