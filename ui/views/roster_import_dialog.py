"""导入名册: the register of detainees from an ``.xlsx`` or ``.csv`` file, step by step.

The dialog is the desktop face of :mod:`inspector.services.roster_import` (the same steps as
``inspector import-roster FILE``):

1. 选择文件 — the file is read in the background (an error names the file and what is wrong with it);
2. 列对应 — each column of the file with the register field it fills (guessed from its header, changed
   with a combo box, 不导入 leaves it out) and its first values; a value for every row where a required
   field has no column;
3. 预览 — every row's outcome (新增 / 更新 / 跳过 / 无法导入) and why, the counts, a filter to the rows
   that cannot be imported; people already on the register (same ID number) skipped or updated, as
   chosen. With rows that cannot be imported, nothing is imported unless 只导入有效的行 is ticked;
4. 导入 — one transaction in the background with a progress bar; 取消导入 really cancels (nothing is
   written);
5. 完成 — what was done, every row not imported and why, 保存报告… (CSV, as the command's ``--report``).

All work off the GUI thread goes through the runner (:mod:`ui.workers`); progress comes back through a
queued signal. Esc cancels the work under way (or closes the dialog when nothing runs); Enter presses
the step's main button.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.catalogue import FieldKind, field_of
from inspector.services import exports
from inspector.services import roster_import as ri
from inspector.services.policy import Actor
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.forms.column_choices import ColumnChoices
from ui.i18n import QT_TRANSLATE_NOOP, core_messages, core_text, mark_content
from ui.models import cell_delegate
from ui.qt_compat import emit
from ui.style import AMBER, CARD_BORDER, GREEN, PRIMARY, RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background

FILE, MAPPING, PREVIEW, COMMIT, DONE = range(5)
SAMPLES = 3  # example values shown beside each column
CONTEXT = "RosterImportDialog"  # the class whose self.tr the module's other texts share

# A row's outcome as the preview and the report say it (translated where shown, context RosterImportDialog).
ACTIONS = {
    "new": QT_TRANSLATE_NOOP("RosterImportDialog", "新增"),
    "update": QT_TRANSLATE_NOOP("RosterImportDialog", "更新"),
    "skip": QT_TRANSLATE_NOOP("RosterImportDialog", "跳过"),
    "rejected": QT_TRANSLATE_NOOP("RosterImportDialog", "无法导入"),
}
ACTION_COLOURS = {"new": GREEN, "update": "#1f5fae", "skip": TEXT_MUTED, "rejected": RED}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_text(action: str) -> str:
    return _t(ACTIONS[action])


def report_csv(plan: ri.ImportPlan) -> str:
    """Every row's outcome and reasons, as ``inspector import-roster --report`` writes them."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([QCoreApplication.translate("RosterImportDialog", h) for h in RosterRowsModel.REPORT_HEADERS])
    for row in plan.rows:
        w.writerow([row.line, row.name, action_text(row.action), "；".join(row.reasons)])  # i18n: data
    return "\ufeff" + out.getvalue()  # so that a spreadsheet opens it as UTF-8


def read_roster(
    path: Path, cancel: Callable[[], bool], sheet: str | None = None
) -> tuple[ri.RosterTable, list[str]]:
    """:func:`ri.read_table` (the first sheet unless ``sheet``) and the workbook's sheets; a message
    always names the file, and a file the system will not let us read is said as plainly as a bad one."""
    try:
        return ri.read_table(path, sheet=sheet, cancel=cancel), ri.sheet_names(path)
    except ri.RosterError as exc:
        if str(path) in exc.message_zh:
            raise
        raise ri.RosterError(  # i18n: both languages
            f"{path}：{exc.message_zh}", f"{path}: {exc.message_en}"
        ) from exc
    except OSError as exc:
        raise ri.RosterError(  # i18n: both languages
            f"无法读取名册文件 {path}：{exc.strerror or exc}", f"cannot read the roster file {path}: {exc}"
        ) from exc


class _Relay(QObject):
    """Carries ``(done, total)`` from the worker thread to the GUI thread (a queued signal)."""

    progressed = Signal(int, int)


class RosterRowsModel(QAbstractTableModel):
    """The preview's rows: 行号 · 姓名 · 处理 · 说明 (all of them, or only those not imported)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("RosterImportDialog", "行号"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "姓名"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "处理"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "说明"),
    )
    REPORT_HEADERS = (HEADERS[0], HEADERS[1], HEADERS[2], QT_TRANSLATE_NOOP("RosterImportDialog", "原因"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[ri.RowOutcome] = []
        self.rows: list[ri.RowOutcome] = []
        self.only_rejected = False

    def set_rows(self, rows: Sequence[ri.RowOutcome]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self.rows = [r for r in self._all if r.action == "rejected"] if self.only_rejected else self._all
        self.endResetModel()

    def set_only_rejected(self, on: bool) -> None:
        self.only_rejected = on
        self.set_rows(self._all)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(self.HEADERS[section])
        return None

    @staticmethod
    def explanation(row: ri.RowOutcome) -> str:
        if row.action == "update":
            changed = "、".join(core_text(ri.field_label(f)) for f in row.values)  # i18n: a list of labels
            return QCoreApplication.translate("RosterImportDialog", "将更新：{fields}").format(fields=changed)
        return core_messages(row.reasons)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(row.line)
            if column == 1:
                return row.name
            if column == 2:
                return action_text(row.action)
            return self.explanation(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QBrush(QColor(ACTION_COLOURS[row.action]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RosterImportDialog(QDialog):
    """导入名册 (see the module's doc). ``imported`` is emitted once the register was changed."""

    imported = Signal(object)  # ri.ImportReport

    def __init__(
        self,
        store: Store,
        actor: Actor,
        *,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self.table: ri.RosterTable | None = None
        self.plan: ri.ImportPlan | None = None
        self.report: ri.ImportReport | None = None
        self.cancelled = False
        self.busy: str | None = None  # "read" / "plan" / "commit" / "save" while work runs in the background
        self._cancel = threading.Event()
        self._close_when_idle = False
        self._relay = _Relay()  # no parent: the worker's closure holds it, and the GUI thread lets it go
        self._relay.progressed.connect(self._progressed)
        self.choices: ColumnChoices | None = None
        self.combos: list[QComboBox] = []
        self.default_inputs: dict[str, QComboBox | QLineEdit] = {}

        self.setWindowTitle(self.tr("导入名册"))
        self.setModal(True)
        self.setMinimumSize(760, 520)
        self.resize(980, 660)

        self.heading = QLabel()
        self.heading.setFont(scaled_font(self.heading, 1.3, bold=True))
        self.steps = QLabel()
        self.steps.setObjectName("muted")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._commit_page())
        self.stack.addWidget(self._done_page())

        self.status = QLabel()
        self.status.setStyleSheet(f"color: {TEXT_MUTED};")
        self.status.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.setVisible(False)
        self.back_button = QPushButton(self.tr("上一步"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.forward)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.busy_bar)
        layout.addLayout(buttons)
        self._show_step(FILE)

    # ---- the pages ------------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "从 Excel 工作簿（.xlsx，可选择工作表）或 CSV 文件（UTF-8、GBK 或 GB18030 编码，"
                "自动识别）导入在押人员名册。文件的第一行应为列名。\n\n"
                "导入前会逐行检查（身份证号校验位、日期、选项）并显示预览；已在册的人员按身份证号识别，"
                "可以选择跳过或更新。确认后一次写入：要么全部导入，要么不改动名册。"
            )
        )
        intro.setWordWrap(True)
        fields = "、".join(  # i18n: a list of labels
            core_text(ri.field_label(f)) + (" *" if f in ri.REQUIRED else "") for f in ri.IMPORTABLE
        )
        columns = QLabel(
            self.tr(
                "名册可以包含这些列（带 * 的为必填项；性别可由身份证号得出）：{fields}。\n"
                "列名不必完全相同，下一步可以逐列指定；名册中没有的必填项，可以给所有行填同一个值。"
            ).format(fields=fields)
        )
        columns.setWordWrap(True)
        columns.setObjectName("muted")
        self.file_label = QLabel()
        mark_content(self.file_label)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        box.setSpacing(12)
        box.addWidget(intro)
        box.addWidget(columns)
        box.addWidget(self.file_label)
        box.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        mark_content(self.source_label)
        self.sheet_box = QComboBox()
        mark_content(self.sheet_box)
        self.sheet_box.setMinimumContentsLength(12)
        self.sheet_box.currentIndexChanged.connect(self._sheet_chosen)
        sheet_label = QLabel(self.tr("工作表："))
        sheet_label.setBuddy(self.sheet_box)
        self.sheet_row = QWidget()
        sheet_line = QHBoxLayout(self.sheet_row)
        sheet_line.setContentsMargins(0, 0, 0, 0)
        sheet_line.addWidget(sheet_label)
        sheet_line.addWidget(self.sheet_box)
        sheet_line.addStretch(1)
        self.sheet_row.setVisible(False)
        hint = QLabel(
            self.tr("为文件中的每一列选择它对应的名册字段；不需要的列选“不导入”。带 * 的字段为必填项。")
        )
        hint.setWordWrap(True)
        self.columns_area = QScrollArea()
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.columns_grid_host = QWidget()
        self.columns_area.setWidget(self.columns_grid_host)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(f"color: {AMBER};")
        self.defaults_box = QWidget()
        self.defaults_form = QFormLayout(self.defaults_box)
        self.defaults_form.setContentsMargins(0, 0, 0, 0)
        self.defaults_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for fname in ri.REQUIRED:
            spec = field_of("detainee", fname)
            assert spec is not None
            widget: QComboBox | QLineEdit
            if spec.kind == FieldKind.CHOICE:
                widget = QComboBox()
                widget.addItem(self.tr("（请选择）"), None)
                for value, label in spec.choices:
                    widget.addItem(core_text(label), value)
                widget.currentIndexChanged.connect(lambda _i: self._defaults_changed())
            else:
                widget = QLineEdit()
                if spec.kind in (FieldKind.DATE, FieldKind.DATETIME):
                    widget.setPlaceholderText(self.tr("例如 2026-03-01"))
                widget.textChanged.connect(lambda _t: self._defaults_changed())
            widget.setMinimumWidth(220)
            widget.setObjectName(f"default_{fname}")
            self.default_inputs[fname] = widget
            self.defaults_form.addRow(
                self.tr("{field}（所有行）").format(field=core_text(ri.field_label(fname))), widget
            )
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(self.source_label)
        box.addWidget(self.sheet_row)
        box.addWidget(hint)
        box.addWidget(self.columns_area, 1)
        box.addWidget(self.missing_label)
        box.addWidget(self.defaults_box)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setFont(scaled_font(self.counts_label, 1.05))
        existing = QLabel(self.tr("已在册的人员（身份证号相同）："))
        self.skip_radio = QRadioButton(self.tr("跳过"))
        self.update_radio = QRadioButton(self.tr("更新为名册中的内容"))
        self.skip_radio.setChecked(True)
        self.existing_group = QButtonGroup(self)
        self.existing_group.addButton(self.skip_radio)
        self.existing_group.addButton(self.update_radio)
        self.update_radio.toggled.connect(self._existing_changed)
        existing_row = QHBoxLayout()
        existing_row.addWidget(existing)
        existing_row.addWidget(self.skip_radio)
        existing_row.addWidget(self.update_radio)
        existing_row.addStretch(1)
        self.only_rejected_box = QCheckBox(self.tr("只显示无法导入的行"))
        self.only_rejected_box.toggled.connect(self._only_rejected_toggled)
        existing_row.addWidget(self.only_rejected_box)

        self.rows_model = RosterRowsModel(self)
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows_model)
        cell_delegate.install(self.rows_view)  # a row's colour kept when selected; a cut reason on hover
        mark_content(self.rows_view)
        self.rows_view.setAlternatingRowColors(True)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.setWordWrap(False)
        self.rows_view.verticalHeader().setVisible(False)
        self.rows_view.verticalHeader().setDefaultSectionSize(self.rows_view.fontMetrics().height() + 10)
        header = self.rows_view.horizontalHeader()
        # Widths from the font, not from the contents: measuring 100,000 rows would freeze the window.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.rows_view.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("0000000") + 24)
        header.resizeSection(1, metrics.horizontalAdvance("姓名姓名姓名") + 24)  # i18n: a width only
        header.resizeSection(2, metrics.horizontalAdvance(_t(ACTIONS["rejected"])) + 32)
        self.rows_view.setTabKeyNavigation(False)

        self.rejected_frame = QFrame()
        self.rejected_frame.setObjectName("panel")
        self.rejected_label = QLabel()
        self.rejected_label.setWordWrap(True)
        self.rejected_label.setStyleSheet(f"color: {RED};")
        self.only_valid_box = QCheckBox()
        self.only_valid_box.toggled.connect(lambda _on: self._update_buttons())
        inner = QVBoxLayout(self.rejected_frame)
        inner.setContentsMargins(12, 8, 12, 8)
        inner.addWidget(self.rejected_label)
        inner.addWidget(self.only_valid_box)

        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(self.counts_label)
        box.addLayout(existing_row)
        box.addWidget(self.rows_view, 1)
        box.addWidget(self.rejected_frame)
        return page

    def _commit_page(self) -> QWidget:
        page = QWidget()
        self.commit_label = QLabel()
        self.commit_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)  # the label above says how far
        self.progress.setStyleSheet(
            f"QProgressBar {{ border: 1px solid {CARD_BORDER}; border-radius: 4px; background: #ffffff;"
            " min-height: 14px; max-height: 14px; }"
            f" QProgressBar::chunk {{ background: {PRIMARY}; border-radius: 3px; }}"
        )
        note = QLabel(self.tr("导入在一个事务中完成：完成之前名册不会改动，取消后也不会留下任何一条。"))
        note.setWordWrap(True)
        note.setObjectName("muted")
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 24, 0, 0)
        box.setSpacing(12)
        box.addWidget(self.commit_label)
        box.addWidget(self.progress)
        box.addWidget(note)
        box.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setFont(scaled_font(self.result_label, 1.05))
        self.report_title = QLabel()
        self.report_title.setObjectName("sectionTitle")
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.report_text.setTabChangesFocus(True)
        mark_content(self.report_text)
        self.save_report_button = QPushButton(self.tr("保存报告…"))
        self.save_report_button.setAutoDefault(False)
        self.save_report_button.setToolTip(
            self.tr("每一行的处理结果和原因，保存为 CSV 文件（可用 Excel 打开）")
        )
        self.save_report_button.clicked.connect(self.save_report)
        row = QHBoxLayout()
        row.addWidget(self.report_title, 1)
        row.addWidget(self.save_report_button)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        box.setSpacing(10)
        box.addWidget(self.result_label)
        box.addLayout(row)
        box.addWidget(self.report_text, 1)
        return page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_step()

    # ---- moving between steps -----------------------------------------------------------------------

    def step(self) -> int:
        return self.stack.currentIndex()

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = [self.tr("选择文件"), self.tr("列对应"), self.tr("预览"), self.tr("导入"), self.tr("完成")]
        shown = [f"<b>{n}</b>" if i == step else n for i, n in enumerate(names)]
        self.steps.setText(" › ".join(shown))
        self.heading.setText(
            {
                FILE: self.tr("导入名册"),
                MAPPING: self.tr("文件中的列对应名册的哪个字段"),
                PREVIEW: self.tr("预览：每一行将如何处理"),
                COMMIT: self.tr("正在导入"),
                DONE: self.tr("导入结果"),
            }[step]
        )
        self.status.clear()
        self._update_buttons()
        self._focus_step()

    def _focus_step(self) -> None:
        step = self.step()
        focus = {
            FILE: self.next_button,
            MAPPING: self.combos[0] if self.combos else self.next_button,
            PREVIEW: self.next_button if self.next_button.isEnabled() else self.rows_view,
            COMMIT: self.cancel_button,
            DONE: self.next_button,
        }[step]
        focus.setFocus()

    def _update_buttons(self) -> None:
        step = self.step()
        busy = self.busy is not None
        self.back_button.setVisible(step in (MAPPING, PREVIEW) or (step == DONE and self.cancelled))
        self.back_button.setEnabled(not busy)
        for choice in (self.skip_radio, self.update_radio):
            choice.setEnabled(not busy)  # a preview being made is for the choice shown
        self.cancel_button.setVisible(step != DONE)
        self.cancel_button.setText(self.tr("取消导入") if step == COMMIT else self.tr("取消"))
        self.next_button.setVisible(step != COMMIT)
        text = {
            FILE: self.tr("选择文件…"),
            MAPPING: self.tr("预览"),
            PREVIEW: self.tr("导入"),
            COMMIT: "",
            DONE: self.tr("关闭") if self.cancelled else self.tr("完成"),
        }[step]
        self.next_button.setText(text)
        enabled = not busy
        if step == MAPPING:
            enabled = enabled and not self.missing_fields()
        elif step == PREVIEW:
            enabled = enabled and self.may_commit()
            self.next_button.setToolTip(self._commit_refusal())
        self.next_button.setEnabled(enabled)
        self.next_button.setDefault(True)

    @Slot()
    def forward(self) -> None:
        step = self.step()
        if step == FILE:
            self.choose_file()
        elif step == MAPPING:
            self.make_plan()
        elif step == PREVIEW:
            self.commit()
        elif step == DONE:
            self.accept()

    @Slot()
    def back(self) -> None:
        if self.busy is not None:
            return
        step = self.step()
        if step == MAPPING:
            self._show_step(FILE)
        elif step == PREVIEW:
            self._show_step(MAPPING)
        elif step == DONE and self.cancelled:
            self.cancelled = False
            self._show_step(PREVIEW)

    def reject(self) -> None:
        """Esc or 取消: cancel the work under way (the dialog stays to say what happened when it was the
        import itself, and closes after a read or a preview); with nothing running, close."""
        if self.busy is not None:
            self._cancel.set()
            self.status.setText(self.tr("正在取消…"))
            self.cancel_button.setEnabled(False)
            self._close_when_idle = self.busy != "commit"
            return
        if self.step() == DONE and not self.cancelled:
            self.accept()
            return
        super().reject()

    # ---- background work -------------------------------------------------------------------------

    def _begin(self, what: str, message: str, *, determinate: bool = False) -> Callable[[int, int], None]:
        self.busy = what
        self._cancel.clear()
        self._close_when_idle = False
        self.status.setText(message)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setVisible(not determinate)
        self.cancel_button.setEnabled(True)
        self._update_buttons()
        relay = self._relay

        def progress(done: int, total: int) -> None:  # on the worker thread
            emit(relay.progressed, done, total)

        return progress

    def _end(self) -> bool:
        """The work is over; False if the dialog is to close now (Esc was pressed during a read or a
        preview)."""
        self.busy = None
        self.busy_bar.setVisible(False)
        self.cancel_button.setEnabled(True)
        self.status.clear()
        self._update_buttons()
        if self._close_when_idle:
            self._close_when_idle = False
            super().reject()
            return False
        return True

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.busy == "commit":
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))
            self.commit_label.setText(self.tr("正在写入 {done} / {total} 人…").format(done=done, total=total))
        elif self.busy == "plan" and total:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

    # ---- 1. the file ---------------------------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("选择名册文件"),
            self.tr("名册 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;所有文件 (*)"),
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read ``path`` (an .xlsx: its first sheet, or ``sheet``) in the background, then show its
        columns."""
        if self.busy is not None:
            return
        self.file_label.setText(str(path))
        self._begin("read", self.tr("正在读取 {name}…").format(name=path.name))
        cancel = self._cancel.is_set
        self._run(lambda: read_roster(path, cancel, sheet), self._read, self._failed, owner=self)

    def _read(self, result: tuple[ri.RosterTable, list[str]]) -> None:
        if not self._end():
            return
        table, sheets = result
        self.table = table
        self.plan = None
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(sheets)
        self.sheet_box.blockSignals(False)
        self._select_sheet_shown()
        self.sheet_row.setVisible(len(sheets) > 1)
        self._build_columns(table)
        self._show_step(MAPPING)

    def _select_sheet_shown(self) -> None:
        """工作表 says the sheet whose columns are shown."""
        table = self.table
        if table is None:
            return
        names = [self.sheet_box.itemText(i) for i in range(self.sheet_box.count())]
        shown = next((name for name in names if table.source.endswith(f"sheet {name}")), None)
        if shown is not None:
            self.sheet_box.blockSignals(True)
            self.sheet_box.setCurrentText(shown)
            self.sheet_box.blockSignals(False)

    def _sheet_chosen(self, _index: int) -> None:
        """Another sheet of the workbook: read again (the mapping is guessed from its headers)."""
        if self.table is not None and self.sheet_box.currentText():
            self.load(self.table.path, self.sheet_box.currentText())

    def _failed(self, exc: BaseException) -> None:
        if not self._end():
            return
        self._select_sheet_shown()  # another sheet could not be read: the one shown stays chosen
        if isinstance(exc, ri.ImportCancelledError):
            self.status.setText(self.tr("已取消"))
            return
        errors.show_error(exc, self)

    # ---- 2. the columns ------------------------------------------------------------------------------

    def _build_columns(self, table: ri.RosterTable) -> None:
        self.source_label.setText(
            self.tr("{name}（{source}），共 {n} 行").format(
                name=table.path.name, source=table.source, n=len(table.rows)
            )
        )
        self.choices = ColumnChoices(
            table.headers,
            table.lines,
            table.rows,
            titles=(self.tr("文件中的列"), self.tr("导入为")),
            none_label=self.tr("不导入"),
            choices=[
                (f, core_text(ri.field_label(f)) + (" *" if f in ri.REQUIRED else "")) for f in ri.IMPORTABLE
            ],
            chosen=ri.guess_mapping(table.headers),
            samples=SAMPLES,
            on_change=self._mapping_changed,
        )
        self.combos = self.choices.combos
        old = self.columns_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.columns_area.setWidget(self.choices.host)
        self.columns_grid_host = self.choices.host
        # Tab: the columns in order, then the values for every row, then the buttons.
        chain: list[QWidget] = [self.sheet_box, *self.combos, *self.default_inputs.values()]
        chain += [self.back_button, self.cancel_button, self.next_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._mapping_changed()

    def mapping(self) -> dict[int, str]:
        return self.choices.mapping() if self.choices is not None else {}

    def set_column(self, index: int, fname: str | None) -> None:
        """Choose ``fname`` (None: 不导入) for the file's column ``index`` (as the combo box does)."""
        if self.choices is not None:
            self.choices.set_column(index, fname)

    def _needs_default(self) -> list[str]:
        mapped = set(self.mapping().values())
        return [f for f in ri.REQUIRED if f not in mapped and not (f == "gender" and "id_number" in mapped)]

    def defaults(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for fname in self._needs_default():
            widget = self.default_inputs[fname]
            value = widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()
            if value:
                out[fname] = str(value)
        return out

    def set_default(self, fname: str, value: str) -> None:
        widget = self.default_inputs[fname]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)

    def missing_fields(self) -> list[str]:
        """Required fields with neither a column nor a value for every row."""
        given = self.defaults()
        return [f for f in self._needs_default() if f not in given]

    def _mapping_changed(self) -> None:
        needs = set(self._needs_default())
        for fname in ri.REQUIRED:
            self.defaults_form.setRowVisible(self.default_inputs[fname], fname in needs)
        self.defaults_box.setVisible(bool(needs))
        if needs:
            labels = "、".join(
                core_text(ri.field_label(f)) for f in ri.REQUIRED if f in needs
            )  # i18n: labels
            self.missing_label.setText(
                self.tr(
                    "文件中没有这些必填字段的列：{fields}。请为它们选择一列，或在下面给出所有行共用的值。"
                ).format(fields=labels)
            )
        self.missing_label.setVisible(bool(needs))
        self._update_buttons()

    def _defaults_changed(self) -> None:
        self._update_buttons()

    # ---- 3. the preview ------------------------------------------------------------------------------

    @Slot()
    def make_plan(self) -> None:
        """Check every row (in the background) and show the preview."""
        table = self.table
        if table is None or self.busy is not None or self.missing_fields():
            return
        mapping, defaults = self.mapping(), self.defaults()
        existing = "update" if self.update_radio.isChecked() else "skip"
        store = self.store
        progress = self._begin("plan", self.tr("正在逐行检查…"))
        cancel = self._cancel.is_set

        def work() -> ri.ImportPlan:
            return ri.plan_import(
                store, table, mapping, existing=existing, defaults=defaults, progress=progress, cancel=cancel
            )

        self._run(work, self._planned, self._failed, owner=self)

    def _planned(self, plan: ri.ImportPlan) -> None:
        if not self._end():
            return
        self.plan = plan
        self.only_valid_box.setChecked(False)
        self.rows_model.set_rows(plan.rows)
        counts = [
            f'<span style="color:{ACTION_COLOURS[a]}">{action_text(a)} <b>{plan.count(a)}</b></span>'
            for a in ACTIONS
        ]
        self.counts_label.setText(
            self.tr("共 {n} 行：").format(n=len(plan.rows)) + " · ".join(counts)  # i18n: separator
        )
        rejected = plan.count("rejected")
        self.only_rejected_box.setText(self.tr("只显示无法导入的行（{n}）").format(n=rejected))
        self.only_rejected_box.setEnabled(rejected > 0 or self.only_rejected_box.isChecked())
        self.rejected_frame.setVisible(rejected > 0)
        if rejected:
            self.rejected_label.setText(
                self.tr(
                    "有 {n} 行无法导入，原因见上表。可以修改名册后按“上一步”重新选择文件；"
                    "或者只导入有效的行。"
                ).format(n=rejected)
            )
            self.only_valid_box.setText(
                self.tr("只导入有效的行（这 {n} 行不导入，在报告中列出）").format(n=rejected)
            )
        if self.step() != PREVIEW:
            self._show_step(PREVIEW)
        else:
            self._update_buttons()

    def _existing_changed(self, _on: bool) -> None:
        if self.plan is not None and self.step() == PREVIEW:
            self.make_plan()  # what an existing person's row does depends on it

    def _only_rejected_toggled(self, on: bool) -> None:
        self.rows_model.set_only_rejected(on)

    def may_commit(self) -> bool:
        plan = self.plan
        if plan is None or plan.count("new") + plan.count("update") == 0:
            return False
        return not plan.rejected or self.only_valid_box.isChecked()

    def _commit_refusal(self) -> str:
        plan = self.plan
        if plan is None:
            return ""
        if plan.count("new") + plan.count("update") == 0:
            return self.tr("没有需要新增或更新的人员")
        if plan.rejected and not self.only_valid_box.isChecked():
            return self.tr("有无法导入的行：修改名册后重试，或勾选“只导入有效的行”")
        return self.tr("新增 {new} 人，更新 {update} 人").format(
            new=plan.count("new"), update=plan.count("update")
        )

    # ---- 4. the import -----------------------------------------------------------------------------

    @Slot()
    def commit(self) -> None:
        plan = self.plan
        if plan is None or self.busy is not None or not self.may_commit():
            return
        total = plan.count("new") + plan.count("update")
        skip_invalid = bool(plan.rejected)
        store, actor = self.store, self.actor
        self.cancelled = False
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.commit_label.setText(self.tr("正在写入 {done} / {total} 人…").format(done=0, total=total))
        progress = self._begin("commit", "", determinate=True)
        self._show_step(COMMIT)
        cancel = self._cancel.is_set

        def work() -> ri.ImportReport:
            return ri.commit_import(
                store, plan, actor, skip_invalid=skip_invalid, progress=progress, cancel=cancel
            )

        self._run(work, self._committed, self._commit_failed, owner=self)

    def _committed(self, report: ri.ImportReport) -> None:
        self._end()
        self.report = report
        emit(self.imported, report)
        self.result_label.setText(
            self.tr(
                "名册已导入：新增 {new} 人，更新 {update} 人，跳过 {skip} 行，未导入 {rejected} 行。"
            ).format(new=report.added, update=report.updated, skip=report.skipped, rejected=report.rejected)
        )
        self.result_label.setStyleSheet(f"color: {GREEN};")
        self._fill_report()
        self._show_step(DONE)

    def _commit_failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, ri.ImportCancelledError):
            self.cancelled = True
            self.result_label.setText(
                self.tr("已取消导入，名册未作任何改动。可以按“上一步”回到预览重新导入。")
            )
            self.result_label.setStyleSheet(f"color: {AMBER};")
            self._fill_report()
            self._show_step(DONE)
            return
        self._show_step(PREVIEW)
        errors.show_error(exc, self)

    # ---- 5. the report ------------------------------------------------------------------------------

    def report_lines(self) -> list[str]:
        """Every row not imported and why (the report page)."""
        plan = self.plan
        if plan is None:
            return []
        return [
            self.tr("第 {line} 行 {name}：{reasons}").format(
                line=row.line,
                name=row.name or self.tr("（无姓名）"),
                reasons=core_messages(row.reasons),
            )
            for row in plan.rejected
        ]

    def _fill_report(self) -> None:
        lines = self.report_lines()
        if lines:
            self.report_title.setText(self.tr("没有导入的行（{n}）及原因：").format(n=len(lines)))
            self.report_text.setPlainText("\n".join(lines))
        else:
            self.report_title.setText(self.tr("所有行都已检查通过。"))
            self.report_text.setPlainText("")
        self.report_text.setVisible(bool(lines))

    def default_report_name(self) -> str:
        stem = self.table.path.stem if self.table is not None else "roster"
        return self.tr("{stem}-导入报告.csv").format(stem=stem)

    @Slot()
    def save_report(self) -> None:
        plan = self.plan
        if plan is None or self.busy is not None:
            return
        path = file_dialogs.save_file_name(
            self, self.tr("保存导入报告"), self.default_report_name(), self.tr("CSV 文件 (*.csv)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        self.write_report_to(path)

    def write_report_to(self, path: Path) -> None:
        plan = self.plan
        if plan is None:
            return
        data = report_csv(plan).encode("utf-8")
        store, actor = self.store, self.actor
        detail = {"report": "roster_import", "source": plan.table.path.name}
        self._begin("save", self.tr("正在保存…"))
        self._run(
            lambda: exports.save_file(
                store, actor, path, data, action=exports.SAVE_REPORT, fmt="csv", detail=detail
            ),
            self._report_saved,
            self._failed,
            owner=self,
        )

    def _report_saved(self, path: Path) -> None:
        self._end()
        self.status.setText(self.tr("报告已保存到 {path}").format(path=path))


def open_roster_import(
    parent: QWidget,
    store: Store,
    actor: Actor,
    *,
    runner: Runner | None = None,
    on_imported: Callable[[], None] | None = None,
) -> RosterImportDialog:
    """Open 导入名册 over ``parent`` (window-modal); ``on_imported`` runs once the register changed."""
    dialog = RosterImportDialog(store, actor, runner=runner, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_imported is not None:
        dialog.imported.connect(lambda _report: on_imported())
    dialog.open()
    return dialog
