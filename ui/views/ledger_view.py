"""台账审查: the detention centre's daily ledgers, imported, compared with the register, confirmed.

The desktop face of :mod:`inspector.services.ledger_import` (``inspector ledger import|show|confirm``):

* the page lists the imports (when, which ledger, the file, its rows, the changes found, 待确认 /
  部分确认 / 已确认); the selected one's **change report** is below it, grouped by kind of change
  (新收押, 出所, 转出, 诉讼环节变更, 换押, 留所服刑, 仅台账有, 仅名册有, 无法读取, 无变化), with what is
  flagged and why in red, and beside it the selected item in full: what confirming it writes, the
  custody events it records, the notes and the flags;
* **确认选中** writes the ticked items, **全部确认** every item not yet confirmed — one transaction
  through the service, audited; nothing reaches the register before that;
* **导入台账…** opens :class:`LedgerImportDialog`: the file (read in the background), the kind of
  ledger, a named 台账格式 (the column mapping kept per station: chosen once, reused and updated), and
  each column's field, guessed from the headers or the format; **生成变动报告** keeps the import and
  its report (the register is not touched);
* **保存报告…** writes the selected report as CSV (:func:`inspector.services.ledger_views.report_csv`).

Every read and write runs through the runner (:mod:`ui.workers`). A role that may not edit records
sees the buttons that write disabled, the tooltip saying why.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain import enums as e
from inspector.services import exports
from inspector.services import ledger_import as li
from inspector.services import ledger_views as lv
from inspector.services import roster_import as ri
from inspector.services.policy import Actor, Permission, PermissionDeniedError, may
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.documents import PdfRequest, open_preview, safe_file_name
from ui.formatting import fmt_datetime, mask_id_number
from ui.forms.column_choices import ColumnChoices
from ui.i18n import QT_TRANSLATE_NOOP, core_text, error_text, mark_content
from ui.models.row_list_model import RowListModel
from ui.qt_compat import emit
from ui.style import AMBER, GREEN, RED, TEXT_MUTED, scaled_font
from ui.views.records_view import read_only_table
from ui.widgets import Page
from ui.workers import Runner, run_in_background

CONTEXT = "LedgerPage"
SAMPLES = 2  # example values shown beside each column in the import dialog
N_ROLE = Qt.ItemDataRole.UserRole + 1  # a report item's number (tree items)


# The ledger's fields and the report's kinds of change as shown (ledger_import.FIELDS, ITEM_TYPES),
# visible to lupdate; a label not listed here is shown as the core gives it.
_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("LedgerPage", "姓名"),
    QT_TRANSLATE_NOOP("LedgerPage", "身份证号"),
    QT_TRANSLATE_NOOP("LedgerPage", "性别"),
    QT_TRANSLATE_NOOP("LedgerPage", "出生日期"),
    QT_TRANSLATE_NOOP("LedgerPage", "民族"),
    QT_TRANSLATE_NOOP("LedgerPage", "监区"),
    QT_TRANSLATE_NOOP("LedgerPage", "监室"),
    QT_TRANSLATE_NOOP("LedgerPage", "入所时间"),
    QT_TRANSLATE_NOOP("LedgerPage", "收押凭证"),
    QT_TRANSLATE_NOOP("LedgerPage", "办案机关"),
    QT_TRANSLATE_NOOP("LedgerPage", "涉嫌罪名"),
    QT_TRANSLATE_NOOP("LedgerPage", "案号"),
    QT_TRANSLATE_NOOP("LedgerPage", "法律身份"),
    QT_TRANSLATE_NOOP("LedgerPage", "诉讼环节"),
    QT_TRANSLATE_NOOP("LedgerPage", "本环节起始日"),
    QT_TRANSLATE_NOOP("LedgerPage", "出所日期"),
    QT_TRANSLATE_NOOP("LedgerPage", "出所方式"),
    QT_TRANSLATE_NOOP("LedgerPage", "出所凭证"),
    QT_TRANSLATE_NOOP("LedgerPage", "去向"),
    QT_TRANSLATE_NOOP("LedgerPage", "刑种"),
    QT_TRANSLATE_NOOP("LedgerPage", "刑期"),
    QT_TRANSLATE_NOOP("LedgerPage", "刑期起日"),
    QT_TRANSLATE_NOOP("LedgerPage", "刑期止日"),
    QT_TRANSLATE_NOOP("LedgerPage", "判决生效日"),
    QT_TRANSLATE_NOOP("LedgerPage", "收到执行通知书日"),
    QT_TRANSLATE_NOOP("LedgerPage", "留所服刑日期"),
    QT_TRANSLATE_NOOP("LedgerPage", "换押日期"),
    QT_TRANSLATE_NOOP("LedgerPage", "换押证号"),
    QT_TRANSLATE_NOOP("LedgerPage", "备注"),
)
_CHANGE_LABELS = (
    QT_TRANSLATE_NOOP("LedgerPage", "新收押"),
    QT_TRANSLATE_NOOP("LedgerPage", "出所"),
    QT_TRANSLATE_NOOP("LedgerPage", "转出"),
    QT_TRANSLATE_NOOP("LedgerPage", "诉讼环节变更"),
    QT_TRANSLATE_NOOP("LedgerPage", "换押"),
    QT_TRANSLATE_NOOP("LedgerPage", "留所服刑"),
    QT_TRANSLATE_NOOP("LedgerPage", "仅台账有"),
    QT_TRANSLATE_NOOP("LedgerPage", "仅名册有"),
    QT_TRANSLATE_NOOP("LedgerPage", "无变化"),
    QT_TRANSLATE_NOOP("LedgerPage", "无法读取"),
)
FIELD_LABELS = frozenset(_FIELD_LABELS)
CHANGE_LABELS = frozenset(_CHANGE_LABELS)


def label_text(label: str) -> str:
    """A field's or a kind of change's label in the UI's language."""
    if label in FIELD_LABELS or label in CHANGE_LABELS:
        return QCoreApplication.translate("LedgerPage", label)
    return core_text(label)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _kind_label(kind: str) -> str:
    return core_text(li.label_of(e.LedgerKind, kind))


def status_text(row: dict[str, Any]) -> str:
    """An import's state: 待确认 / 部分确认 / 已确认, or 无需确认 when its report has nothing to write."""
    if row["status"] == e.LedgerImportStatus.PENDING.value and not any(
        k in li.CONFIRMABLE for k in row.get("counts", {})
    ):
        return QCoreApplication.translate("LedgerPage", "无需确认")
    return core_text(li.label_of(e.LedgerImportStatus, row["status"]))


def counts_text(counts: dict[str, int]) -> str:
    order = [k for k in lv.GROUP_ORDER if k in counts and k != "unchanged"]
    parts = [f"{label_text(li.ITEM_TYPES.get(k, k))} {counts[k]}" for k in order]
    if counts.get("unchanged"):
        parts.append(f"{label_text(li.ITEM_TYPES['unchanged'])} {counts['unchanged']}")
    return (
        QCoreApplication.translate("LedgerPage", "，").join(parts)
        if parts
        else QCoreApplication.translate("LedgerPage", "无")
    )


class ImportsModel(RowListModel):
    """The imports, newest first (``ledger_import.list_imports``)."""

    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerPage", "导入时间"),
        QT_TRANSLATE_NOOP("LedgerPage", "台账"),
        QT_TRANSLATE_NOOP("LedgerPage", "文件"),
        QT_TRANSLATE_NOOP("LedgerPage", "行数"),
        QT_TRANSLATE_NOOP("LedgerPage", "变动"),
        QT_TRANSLATE_NOOP("LedgerPage", "状态"),
    )

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return fmt_datetime(row["imported_at"])
            if column == 1:
                return _kind_label(row["kind"])
            if column == 2:
                return row["file_name"]
            if column == 3:
                return str(row["row_count"])
            if column == 4:
                return counts_text(row["counts"])
            return status_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            status = row["status"]
            if status == e.LedgerImportStatus.CONFIRMED.value:
                return QBrush(QColor(GREEN))
            if status_text(row) != QCoreApplication.translate("LedgerPage", "无需确认"):
                return QBrush(QColor(AMBER))
            return QBrush(QColor(TEXT_MUTED))
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


@dataclass(frozen=True)
class LedgerReportRequest(PdfRequest):
    """The change report of import ``key`` as a PDF (:func:`ledger_views.report_pdf`), for the app's
    preview (打印, 另存为 PDF)."""

    @property
    def label(self) -> str:
        return QCoreApplication.translate("LedgerPage", "变动报告")

    def render(self, store: Store, for_center: bool = False) -> bytes:
        return lv.report_pdf(li.load_import(store, uuid.UUID(self.key)))


def report_request(loaded: dict[str, Any]) -> LedgerReportRequest:
    stem = Path(str(loaded["file_name"])).stem
    return LedgerReportRequest(
        "ledger-report",
        loaded["id"].hex,
        QCoreApplication.translate("LedgerPage", "{file} 变动报告").format(file=loaded["file_name"]),
        safe_file_name(f"{stem}-变动报告"),  # i18n: data (the file's own name)
    )


# ---- 导入台账… -------------------------------------------------------------------------------------


class _Relay(QObject):
    """Carries the import's ``(done, total)`` from the worker thread to the GUI thread (queued)."""

    progressed = Signal(int, int)


class LedgerImportDialog(QDialog):
    """Choose a ledger file, its kind and 台账格式, check the columns, and keep its change report."""

    imported = Signal(object)  # the import's id (uuid.UUID)

    def __init__(
        self,
        store: Store,
        actor: Actor,
        *,
        runner: Runner | None = None,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入台账"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self.path: Path | None = None
        self.sheet: str | None = None  # the .xlsx sheet read
        self.table: li.LedgerTable | None = None
        self.profiles: dict[str, dict[str, Any]] = {}
        self.choices: ColumnChoices | None = None
        self.combos: list[QComboBox] = []
        self.busy = False

        self.file_label = QLabel(self.tr("尚未选择文件"))
        self.file_label.setWordWrap(True)
        mark_content(self.file_label)
        self.file_button = QPushButton(self.tr("选择文件…"))
        self.file_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.file_button)

        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        self.kind_box.addItem(self.tr("按文件名和列自动识别"), None)
        for member in e.LedgerKind:
            self.kind_box.addItem(core_text(member.label), member.value)
        self._kind_guessed = False  # the kind shown was guessed, not chosen
        self.kind_box.activated.connect(lambda _i: setattr(self, "_kind_guessed", False))
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("profile")
        self.profile_box.setEditable(True)
        self.profile_box.setMinimumContentsLength(16)
        self.profile_box.addItem("")
        line = self.profile_box.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("不保存（或输入新名称保存本次列对应）"))
        self.profile_box.currentTextChanged.connect(self._profile_changed)
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("sheet")
        mark_content(self.sheet_box)
        self.sheet_box.currentIndexChanged.connect(self._sheet_chosen)
        form = QFormLayout()
        form.addRow(self.tr("台账文件："), file_row)
        form.addRow(self.tr("工作表："), self.sheet_box)
        self.sheet_label = form.labelForField(self.sheet_box)
        self._show_sheets(False)
        form.addRow(self.tr("台账类别："), self.kind_box)
        form.addRow(self.tr("台账格式："), self.profile_box)

        hint = QLabel(
            self.tr(
                "为每一列选择它对应的字段（按列名猜测，或按所选台账格式）；不需要的列选“不读取”。"
                "生成变动报告不会改动名册，确认后才写入。"
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.columns_area = QScrollArea()
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.columns_area.setWidget(QWidget())
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.progress = QProgressBar()  # rows read and compared with the register, while importing
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setVisible(False)
        self._cancel = threading.Event()  # set by 取消 (or Esc) while importing: the import stops
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)

        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button = QPushButton(self.tr("生成变动报告"))
        self.import_button.setObjectName("primary")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)

        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(hint)
        box.addWidget(self.columns_area, 1)
        box.addWidget(self.progress)
        box.addLayout(buttons)
        self.resize(820, 560)
        self._update_buttons()
        self._load_profiles()
        if path is not None:
            self.load(path)

    # ---- profiles ---------------------------------------------------------------------------------

    def _load_profiles(self) -> None:
        store = self.store
        self._run(lambda: li.list_profiles(store), self._profiles_loaded, self._failed, owner=self)

    def _profiles_loaded(self, profiles: list[dict[str, Any]]) -> None:
        self.profiles = {p["name"]: p for p in profiles}
        text = self.profile_box.currentText()
        self.profile_box.blockSignals(True)
        for p in profiles:
            self.profile_box.addItem(f"{p['name']}", p["name"])
            self.profile_box.setItemData(
                self.profile_box.count() - 1,
                self.tr("{kind}台账，{n} 列").format(kind=_kind_label(p["kind"]), n=len(p["columns"])),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.profile_box.setEditText(text)
        self.profile_box.blockSignals(False)

    @Slot(str)
    def _profile_changed(self, text: str) -> None:
        saved = self.profiles.get(text.strip())
        if saved is None:
            return
        index = self.kind_box.findData(saved["kind"])
        if index >= 0:
            self.kind_box.setCurrentIndex(index)
        if self.table is not None:
            self._build_columns(self.table, li.map_columns(self.table, saved["columns"]))

    def set_profile(self, name: str) -> None:
        self.profile_box.setEditText(name)

    def set_kind(self, kind: str | None) -> None:
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind), 0))

    # ---- the file ---------------------------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        path = file_dialogs.open_file_name(
            self, self.tr("选择台账文件"), self.tr("台账 (*.xlsx *.csv);;所有文件 (*)")
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read ``path`` (an .xlsx: its first sheet, or ``sheet``) in the background, then show its
        columns."""
        self.path = path
        self.sheet = sheet
        self.file_label.setText(str(path))
        self._set_busy(True, self.tr("正在读取 {name}…").format(name=path.name))
        self._run(
            lambda: (li.read_ledger(path, sheet=sheet), ri.sheet_names(path)),
            self._read,
            self._failed,
            owner=self,
        )

    def _show_sheets(self, on: bool) -> None:
        self.sheet_box.setVisible(on)
        if self.sheet_label is not None:
            self.sheet_label.setVisible(on)

    def _sheet_chosen(self, _index: int) -> None:
        """Another sheet of the workbook: read again (its columns guessed from its headers)."""
        name = self.sheet_box.currentText()
        if self.path is not None and name and name != self.sheet and not self.busy:
            self.load(self.path, name)

    def _read(self, result: tuple[li.LedgerTable, list[str]]) -> None:
        self._set_busy(False, "")
        table, sheets = result
        self.table = table
        shown = next((n for n in sheets if table.source.endswith(f"sheet {n}")), None)
        self.sheet = shown
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(sheets)
        if shown is not None:
            self.sheet_box.setCurrentText(shown)
        self.sheet_box.blockSignals(False)
        self._show_sheets(len(sheets) > 1)
        saved = self.profiles.get(self.profile_box.currentText().strip())
        mapping = li.map_columns(table, saved["columns"] if saved else None)
        self.file_label.setText(
            self.tr("{name}（{source}），共 {n} 行").format(
                name=table.path.name, source=table.source, n=len(table.rows)
            )
        )
        if saved is None and (self.kind_box.currentData() is None or self._kind_guessed):
            self.set_kind(li.guess_kind(table, mapping))
            self._kind_guessed = True  # guessed again from another file or sheet
        self._build_columns(table, mapping)

    def _build_columns(self, table: li.LedgerTable, mapping: dict[int, str]) -> None:
        self.choices = ColumnChoices(
            table.headers,
            table.lines,
            table.rows,
            titles=(self.tr("台账中的列"), self.tr("读取为")),
            none_label=self.tr("不读取"),
            choices=[(fname, label_text(label)) for fname, (label, _aliases) in li.FIELDS.items()],
            chosen=mapping,
            samples=SAMPLES,
            on_change=self._update_buttons,
        )
        self.combos = self.choices.combos
        old = self.columns_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.columns_area.setWidget(self.choices.host)
        self._update_buttons()

    def mapping(self) -> dict[int, str]:
        return self.choices.mapping() if self.choices is not None else {}

    def set_column(self, index: int, fname: str | None) -> None:
        if self.choices is not None:
            self.choices.set_column(index, fname)

    def map_specs(self) -> list[str]:
        """Every column's choice as the service takes it (``N=field``, ``N=`` for 不读取)."""
        return [f"{i + 1}={c.currentData() or ''}" for i, c in enumerate(self.combos)]

    def missing(self) -> str:
        """What stops the report (a sentence), or ''."""
        if self.table is None:
            return self.tr("请选择台账文件")
        fields = set(self.mapping().values())
        if not fields & {"name", "id_number"}:
            return self.tr("请为“姓名”或“身份证号”指定一列")
        return ""

    def _update_buttons(self) -> None:
        problem = self.missing()
        self.import_button.setEnabled(not self.busy and not problem)
        self.file_button.setEnabled(not self.busy)
        if not self.busy:
            self.status.setText(problem if self.table is not None else "")
            self.status.setStyleSheet(f"color: {AMBER};")

    def _set_busy(self, busy: bool, message: str) -> None:
        self.busy = busy
        self.status.setStyleSheet("")
        self.status.setText(message)
        self._update_buttons()

    # ---- the import ---------------------------------------------------------------------------------

    @Slot()
    def start_import(self) -> None:
        if self.busy or self.missing() or self.path is None:
            return
        store, actor, path, sheet = self.store, self.actor, self.path, self.sheet
        kind = self.kind_box.currentData()
        profile = self.profile_box.currentText().strip() or None
        specs = self.map_specs()
        self._cancel.clear()
        self.progress.setRange(0, 0)  # busy until the first rows are counted
        self.progress.setVisible(True)
        self._set_busy(True, self.tr("正在与名册核对…"))
        relay, stop = self._relay, self._cancel

        def progress(done: int, total: int) -> None:  # on the worker thread
            emit(relay.progressed, done, total)

        def work() -> uuid.UUID:
            return li.import_ledger(
                store,
                path,
                actor,
                kind=kind,
                profile=profile,
                sheet=sheet,
                map_specs=specs,
                progress=progress,
                cancel=stop.is_set,
            ).import_id

        self._run(work, self._imported, self._failed, owner=self)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.busy and total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def reject(self) -> None:
        """取消 or Esc: while importing, stop the import (nothing is kept; the dialog stays to say so);
        otherwise close."""
        if self.busy:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消…"))
            return
        super().reject()

    def _done(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(True)
        self._set_busy(False, "")

    def _imported(self, import_id: uuid.UUID) -> None:
        self._done()
        emit(self.imported, import_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._done()
        if isinstance(exc, li.LedgerCancelledError):
            self.status.setText(self.tr("已取消导入：未保存变动报告，名册未作任何改动"))
            return
        errors.show_error(exc, self)


# ---- the page -------------------------------------------------------------------------------------


class LedgerPage(Page):
    """台账审查: the imports, the selected one's change report, and confirming it into the register."""

    changed = Signal()  # the register changed (items confirmed) or an import was kept
    pendingCountChanged = Signal(int)  # imports with changes still to confirm (the navigation's count)

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.set_heading(
            self.tr("台账审查"),
            self.tr("导入看守所每日的入所、出所、留所服刑、换押台账，与名册核对；确认后才写入名册"),
        )
        self.store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self.may_edit = may(actor, Permission.EDIT)
        refusal = error_text(PermissionDeniedError(actor.role, Permission.EDIT))
        self.loaded: dict[str, Any] | None = None  # the selected import, as load_import gives it
        self.groups: list[lv.ReportGroup] = []
        self._items: dict[int, lv.ReportItem] = {}
        self._tree_items: dict[int, QTreeWidgetItem] = {}
        self._loading = False
        self._has_loaded = False
        self._want: uuid.UUID | None = None
        self.busy = False
        self.last_dialog: LedgerImportDialog | None = None

        self.import_button = QPushButton(self.tr("导入台账…"))
        self.import_button.setObjectName("primary")
        self.import_button.setToolTip(self.tr("读取看守所导出的台账（Excel 或 CSV），生成与名册对照的报告"))
        self.import_button.clicked.connect(lambda: self.open_import())
        self.save_button = QPushButton(self.tr("保存报告…"))
        self.save_button.setToolTip(self.tr("把选中导入的变动报告保存为 CSV 文件（可用 Excel 打开）"))
        self.save_button.clicked.connect(self.save_report)
        self.print_button = QPushButton(self.tr("预览和打印…"))
        self.print_button.setToolTip(self.tr("选中导入的变动报告：预览、打印或另存为 PDF"))
        self.print_button.clicked.connect(self.preview_report)
        for button in (self.print_button, self.save_button, self.import_button):
            self.header.right.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)

        # ---- the imports ----------------------------------------------------------------------------
        self.imports_model = ImportsModel(self)
        self.imports_table = read_only_table(self.imports_model)
        self.imports_table.setObjectName("imports")
        head = self.imports_table.horizontalHeader()
        for column, width in ((0, 140), (1, 86), (2, 230), (3, 52), (5, 84)):
            head.resizeSection(column, width)
        head.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        rows = 4
        self.imports_table.setFixedHeight(
            2 * self.imports_table.frameWidth()
            + head.sizeHint().height()
            + rows * self.imports_table.verticalHeader().defaultSectionSize()
        )
        self.imports_table.selectionModel().currentRowChanged.connect(self._import_chosen)
        self.empty_label = QLabel(self.tr("还没有导入过台账。点击右上角“导入台账…”选择看守所导出的文件。"))
        self.empty_label.setObjectName("muted")
        self.body.addWidget(self.imports_table)
        self.body.addWidget(self.empty_label)
        self.empty_label.hide()

        # ---- the change report ------------------------------------------------------------------------
        self.report_title = QLabel()
        self.report_title.setObjectName("sectionTitle")
        self.report_title.setFont(scaled_font(self.report_title, 1.05, bold=True))
        mark_content(self.report_title)
        self.tree = QTreeWidget()
        self.tree.setObjectName("report")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("变动 / 姓名"), self.tr("身份证号"), self.tr("台账行"), self.tr("确认"), self.tr("说明")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        th = self.tree.header()
        id_width = self.tree.fontMetrics().horizontalAdvance(mask_id_number("0" * 18)) + 24
        for column, width in ((0, 150), (1, id_width), (2, 56), (3, 64)):
            th.resizeSection(column, width)
        th.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._item_chosen)
        self.tree.itemChanged.connect(self._ticked)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        self.detail.setOpenLinks(False)
        mark_content(self.detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([660, 420])

        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.confirm_selected_button = QPushButton(self.tr("确认选中"))
        self.confirm_selected_button.setToolTip(self.tr("把勾选的变动写入名册（一次完成，记入审计）"))
        self.confirm_selected_button.clicked.connect(self.confirm_selected)
        self.confirm_all_button = QPushButton(self.tr("全部确认"))
        self.confirm_all_button.setObjectName("primary")
        self.confirm_all_button.setToolTip(self.tr("把本次导入尚未确认的全部变动写入名册"))
        self.confirm_all_button.clicked.connect(self.confirm_all)
        if not self.may_edit:
            for button in (self.import_button, self.confirm_selected_button, self.confirm_all_button):
                button.setToolTip(refusal)
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        bar.addWidget(self.confirm_selected_button)
        bar.addWidget(self.confirm_all_button)

        panel = QFrame()
        panel.setObjectName("panel")
        inside = QVBoxLayout(panel)
        inside.setContentsMargins(14, 10, 14, 12)
        inside.setSpacing(8)
        inside.addWidget(self.report_title)
        inside.addWidget(splitter, 1)
        inside.addLayout(bar)
        self.report_panel = panel
        self.body.addWidget(panel, 1)
        self._update_buttons()

    # ---- loading -----------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._has_loaded:
            self.refresh()

    def refresh(self) -> None:
        current = self.selected_import_id()
        self.load(select=current)

    def load(self, select: uuid.UUID | None = None) -> None:
        """Read the imports again (in the background); then select ``select`` (else the newest)."""
        self._want = select
        if self._loading:
            return
        self._loading = True
        store = self.store
        self._run(lambda: li.list_imports(store), self._listed, self._failed, owner=self)

    @property
    def is_loading(self) -> bool:
        return self._loading

    def _listed(self, rows: list[dict[str, Any]]) -> None:
        self._loading = False
        self._has_loaded = True
        want = self._want
        self.imports_model.set_rows(rows)
        self.load_count()
        empty = not rows
        self.empty_label.setVisible(empty)
        self.report_panel.setVisible(not empty)
        if empty:
            self._show_report(None)
            return
        index = 0
        for i, row in enumerate(rows):
            if row["id"] == want:
                index = i
        selection = self.imports_table.selectionModel()
        selection.blockSignals(True)  # the report is read once, below
        self.imports_table.selectRow(index)
        selection.blockSignals(False)
        self._load_report(rows[index]["id"])

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._set_busy(False)
        errors.show_error(exc, self)

    def load_count(self) -> None:
        """Read the number of imports with changes still to confirm (in the background)."""
        store = self.store
        self._run(
            lambda: lv.pending_import_count(store),
            lambda n: emit(self.pendingCountChanged, n),
            self._failed,
            owner=self,
        )

    def selected_import_id(self) -> uuid.UUID | None:
        index = self.imports_table.currentIndex()
        if not index.isValid():
            return None
        value = self.imports_model.rows[index.row()]["id"]
        return value if isinstance(value, uuid.UUID) else None

    @Slot(QModelIndex, QModelIndex)
    def _import_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            import_id = self.imports_model.rows[current.row()]["id"]
            if self.loaded is None or self.loaded["id"] != import_id:
                self._load_report(import_id)

    def _load_report(self, import_id: uuid.UUID) -> None:
        store = self.store
        self._run(lambda: li.load_import(store, import_id), self._show_report, self._failed, owner=self)

    # ---- the report ----------------------------------------------------------------------------------

    def _show_report(self, loaded: dict[str, Any] | None) -> None:
        self.loaded = loaded
        self.groups = lv.grouped_report(loaded) if loaded is not None else []
        self._items = {}
        self._tree_items = {}
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in self.groups:
            top = QTreeWidgetItem(
                [self.tr("{label}（{n}）").format(label=label_text(group.label), n=len(group.items))]
            )
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setData(0, N_ROLE, None)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for item in group.items:
                self._items[item.n] = item
                line = str(item.line) if item.line is not None else self.tr("名册")
                if item.applied:
                    state = self.tr("已写入")
                elif item.confirmable:
                    state = self.tr("待确认")
                else:
                    state = "—"
                summary = ("⚠ " if item.flags else "") + item.summary
                child = QTreeWidgetItem(
                    [f"{item.n}. {item.name}", mask_id_number(item.id_number), line, state, summary]
                )
                child.setData(0, N_ROLE, item.n)
                for column in (0, 1, 4):
                    child.setToolTip(column, summary if column == 4 else child.text(column))
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if item.pending and self.may_edit:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    child.setFlags(flags)
                    child.setCheckState(0, Qt.CheckState.Unchecked)
                else:
                    child.setFlags(flags)
                if item.flags:
                    child.setForeground(4, QBrush(QColor(RED)))
                if item.applied:
                    child.setForeground(3, QBrush(QColor(GREEN)))
                elif item.pending:
                    child.setForeground(3, QBrush(QColor(AMBER)))
                top.addChild(child)
                self._tree_items[item.n] = child
            top.setExpanded(group.kind != "unchanged")
        self.tree.blockSignals(False)
        if loaded is None:
            self.report_title.setText("")
            self.detail.clear()
        else:
            self.report_title.setText(
                self.tr("{kind}台账 {file} · {n} 行 · {when} 导入 · {status}").format(
                    kind=_kind_label(loaded["kind"]),
                    file=loaded["file_name"],
                    n=loaded["row_count"],
                    when=fmt_datetime(loaded["imported_at"]),
                    status=status_text(
                        {"status": loaded["status"], "counts": loaded["report"].get("counts", {})}
                    ),
                )
            )
            first = next((i for g in self.groups for i in g.items if i.flags or i.pending), None)
            if first is None and self.groups and self.groups[0].items:
                first = self.groups[0].items[0]
            if first is not None:
                self.tree.setCurrentItem(self._tree_items[first.n])
            else:
                self.detail.clear()
        self._update_buttons()

    def pending_items(self) -> list[int]:
        return [n for n, item in self._items.items() if item.pending]

    def checked_items(self) -> list[int]:
        return [
            n
            for n, child in self._tree_items.items()
            if child.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and child.checkState(0) == Qt.CheckState.Checked
        ]

    def set_checked(self, n: int, on: bool = True) -> None:
        self._tree_items[n].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def item_row(self, n: int) -> QTreeWidgetItem:
        return self._tree_items[n]

    @Slot(QTreeWidgetItem, int)
    def _ticked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._update_buttons()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _item_chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        n = current.data(0, N_ROLE) if current is not None else None
        item = self._items.get(n) if isinstance(n, int) else None
        self.detail.setHtml(self.detail_html(item) if item is not None else "")

    def detail_html(self, item: lv.ReportItem) -> str:
        def esc(text: str) -> str:
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        label = label_text(li.ITEM_TYPES.get(item.kind, item.kind))
        where = self.tr("台账第 {n} 行").format(n=item.line) if item.line is not None else self.tr("名册")
        parts = [f"<p><b>{item.n}. {esc(item.name)}</b>　{esc(label)} · {esc(where)}</p>"]
        if item.id_number:
            id_line = self.tr("身份证号：{id}").format(id=mask_id_number(item.id_number))
            parts.append(f"<p>{esc(id_line)}</p>")
        if item.flags:
            attention = self.tr("需要注意")  # (a tr call outside the f-string: lupdate misses it inside)
            parts.append(f"<p><b style='color:{RED}'>{esc(attention)}</b></p><ul>")
            parts += [f"<li style='color:{RED}'>{esc(f)}</li>" for f in item.flags]
            parts.append("</ul>")
        if item.changes or item.events:
            title = self.tr("已写入名册") if item.applied else self.tr("确认后写入名册")
            parts.append(f"<p><b>{esc(title)}</b></p><ul>")
            parts += [f"<li>{esc(c)}</li>" for c in item.changes]
            event_line = self.tr("羁押事件：{event}")
            parts += [f"<li>{esc(event_line.format(event=ev))}</li>" for ev in item.events]
            parts.append("</ul>")
        if item.notes:
            notes = self.tr("说明")
            parts.append(f"<p><b>{esc(notes)}</b></p><ul>")
            parts += [f"<li>{esc(n)}</li>" for n in item.notes]
            parts.append("</ul>")
        if not item.confirmable:
            only = self.tr("此项不写入名册，仅供核实。")
            parts.append(f"<p style='color:{TEXT_MUTED}'>{esc(only)}</p>")
        return "".join(parts)

    # ---- buttons ---------------------------------------------------------------------------------------

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.busy = busy
        if message or not busy:
            self.note.setText(message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        pending = len(self.pending_items())
        checked = len(self.checked_items())
        idle = not self.busy
        self.import_button.setEnabled(self.may_edit and idle)
        self.save_button.setEnabled(self.loaded is not None and idle)
        self.print_button.setEnabled(self.loaded is not None and idle)
        self.confirm_all_button.setEnabled(self.may_edit and idle and pending > 0)
        self.confirm_all_button.setText(
            self.tr("全部确认（{n} 项）").format(n=pending) if pending else self.tr("全部确认")
        )
        self.confirm_selected_button.setEnabled(self.may_edit and idle and checked > 0)
        self.confirm_selected_button.setText(
            self.tr("确认选中（{n} 项）").format(n=checked) if checked else self.tr("确认选中")
        )
        if idle and not self.note.text():
            if self.loaded is not None and pending:
                self.note.setText(
                    self.tr("勾选要写入名册的变动后点“确认选中”，或“全部确认”；确认前名册不会改变。")
                )
            elif self.loaded is not None:
                self.note.setText(self.tr("本次导入没有待确认的变动。"))

    def open_import(self, path: Path | None = None) -> LedgerImportDialog | None:
        """导入台账…: the dialog (``path`` read at once when given)."""
        if not self.may_edit:
            return None
        dialog = LedgerImportDialog(self.store, self.actor, runner=self._run, path=path, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, import_id: uuid.UUID) -> None:
        self.note.setText(self.tr("已生成变动报告，请核对后确认写入名册。"))
        self.load(select=import_id)
        emit(self.changed)

    @Slot()
    def confirm_all(self) -> None:
        self._confirm(None)

    @Slot()
    def confirm_selected(self) -> None:
        chosen = self.checked_items()
        if chosen:
            self._confirm(chosen)

    def _confirm(self, items: list[int] | None) -> None:
        if self.loaded is None or self.busy or not self.may_edit:
            return
        store, actor, import_id = self.store, self.actor, self.loaded["id"]
        self._set_busy(True, self.tr("正在写入名册…"))
        self._run(
            lambda: li.confirm(store, import_id, actor, items=items),
            lambda done: self._confirmed(import_id, done),
            self._failed,
            owner=self,
        )

    def _confirmed(self, import_id: uuid.UUID, done: li.Confirmed) -> None:
        self._set_busy(False)
        self.note.setText(
            self.tr("已写入名册 {n} 项：{items}。").format(
                n=len(done.applied), items=self.tr("、").join(str(n) for n in done.applied)
            )
        )
        self.load(select=import_id)
        emit(self.changed)

    @Slot()
    def preview_report(self) -> QWidget | None:
        """预览和打印…: the selected report as a PDF in the app's preview."""
        if self.loaded is None:
            return None
        return open_preview(self.store, report_request(self.loaded), self, runner=self._run)

    @Slot()
    def save_report(self) -> None:
        loaded = self.loaded
        if loaded is None:
            return
        stem = Path(loaded["file_name"]).stem
        path = file_dialogs.save_file_name(
            self,
            self.tr("保存变动报告"),
            self.tr("{stem}-变动报告.csv").format(stem=stem),
            self.tr("CSV 文件 (*.csv)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        self.write_report_to(path)

    def write_report_to(self, path: Path, then: Callable[[Path], None] | None = None) -> None:
        loaded = self.loaded
        if loaded is None:
            return
        self._set_busy(True, self.tr("正在保存…"))

        def saved(p: Path) -> None:
            self._set_busy(False, self.tr("变动报告已保存到 {path}").format(path=p))
            if then is not None:
                then(p)

        data = lv.report_csv(loaded).encode("utf-8")
        store, actor = self.store, self.actor
        detail = {"report": "ledger_import", "import": str(loaded["id"])}
        self._run(
            lambda: exports.save_file(
                store, actor, path, data, action=exports.SAVE_REPORT, fmt="csv", detail=detail
            ),
            saved,
            self._failed,
            owner=self,
        )
