"""Small dialogs that take one step of a correction: 签发, 登记送达, 登记回复, 核实整改, 上报, 登记督促, 撤回
for a 纠正违法通知书 or 检察建议书 (:class:`StepDialog`), and 登记已纠正 for an oral correction
(:class:`OralCorrectedDialog`).

Each asks exactly the step's fields (dates default to today), runs the service in the background
(``documents.step`` / ``records.save``, one transaction each) and, when the step is refused — out of
order, a missing field, the record changed meanwhile, a role that may not do it — shows the service's
reason in the dialog and stays open. ``stepDone`` carries the service's :class:`Saved` after success.
"""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain import lifecycle
from inspector.domain.enums import CorrectionStatus, ServiceMethod
from inspector.domain.errors import InspectorError
from inspector.services import documents, records
from inspector.services.document_views import attach_scan
from inspector.services.policy import Actor
from inspector.services.records import Saved
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.i18n import QT_TRANSLATE_NOOP, core_text, error_text
from ui.qt_compat import emit
from ui.style import FIELD_LABEL, RED, TEXT_MUTED, required_mark, scaled_font
from ui.workers import Runner, run_in_background

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
ORAL = "oral_correction"

SCAN_FILTER = QT_TRANSLATE_NOOP(
    "_FieldsDialog", "扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)"
)
# How a 督促 was made: stored in Chinese (the record's history), shown in the UI's language.
FOLLOW_UP_WAYS = (
    QT_TRANSLATE_NOOP("StepDialog", "当面督促"),
    QT_TRANSLATE_NOOP("StepDialog", "电话督促"),
    QT_TRANSLATE_NOOP("StepDialog", "书面督促"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("StepDialog", text)


class ScanNotAttachedError(InspectorError):
    """The reply was recorded but its scan could not be stored (the step itself is done)."""


@dataclass(frozen=True)
class FieldSpec:
    """One input of a step dialog: the service's value name, its label and how it is entered."""

    name: str
    label: str
    kind: str  # date, text, long, choice, editable_choice, outcome, file
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    placeholder: str = ""


def step_fields(kind: str, action: str) -> list[FieldSpec]:
    """What the step asks for (``Action.needs`` plus the optional extras the service keeps)."""
    if action == "sign":
        return [
            FieldSpec(
                "approved_by",
                QCoreApplication.translate("StepDialog", "批准人（检察长）"),
                "text",
                True,
                placeholder=QCoreApplication.translate("StepDialog", "决定签发的检察长姓名"),
            ),
            FieldSpec("issued_on", QCoreApplication.translate("StepDialog", "签发日期"), "date", True),
        ]
    if action == "serve":
        return [
            FieldSpec("served_on", QCoreApplication.translate("StepDialog", "送达日期"), "date", True),
            FieldSpec(
                "service_method",
                QCoreApplication.translate("StepDialog", "送达方式"),
                "choice",
                True,
                tuple((m.value, core_text(m.label)) for m in ServiceMethod),
            ),
            FieldSpec(
                "receiver_name",
                QCoreApplication.translate("StepDialog", "签收人"),
                "text",
                True,
                placeholder=QCoreApplication.translate("StepDialog", "看守所签收人姓名"),
            ),
        ]
    if action == "reply":
        return [
            FieldSpec("replied_on", QCoreApplication.translate("StepDialog", "回复日期"), "date", True),
            FieldSpec(
                "reply_text",
                QCoreApplication.translate("StepDialog", "回复内容"),
                "long",
                True,
                placeholder=QCoreApplication.translate("StepDialog", "看守所书面回复的整改情况"),
            ),
            FieldSpec(
                "scan",
                QCoreApplication.translate("StepDialog", "回复扫描件"),
                "file",
                placeholder=QCoreApplication.translate("StepDialog", "可选：书面回复的扫描件（PDF 或图片）"),
            ),
        ]
    if action == "verify":
        outcomes = tuple((m.value, core_text(m.label)) for m in CorrectionStatus)
        return [
            FieldSpec(
                "outcome", QCoreApplication.translate("StepDialog", "整改情况"), "outcome", True, outcomes
            ),
            FieldSpec("on", QCoreApplication.translate("StepDialog", "核实日期"), "date", True),
            FieldSpec(
                "note",
                QCoreApplication.translate("StepDialog", "核实情况"),
                "long",
                placeholder=QCoreApplication.translate(
                    "StepDialog", "如何核实：实地查看、调看监控、查阅台账……"
                ),
            ),
        ]
    if action == "report_upward":
        out = [FieldSpec("on", QCoreApplication.translate("StepDialog", "上报日期"), "date", True)]
        if kind == SUGGESTION:
            out.append(FieldSpec("to", QCoreApplication.translate("StepDialog", "上报单位"), "text", True))
        return out
    if action == "follow_up":
        return [
            FieldSpec("on", QCoreApplication.translate("StepDialog", "督促日期"), "date", True),
            FieldSpec(
                "how",
                QCoreApplication.translate("StepDialog", "督促方式"),
                "editable_choice",
                True,
                tuple((w, _t(w)) for w in FOLLOW_UP_WAYS),
            ),
            FieldSpec("note", QCoreApplication.translate("StepDialog", "备注"), "long"),
        ]
    if action == "withdraw":
        return []
    if action == "request_review":
        return [FieldSpec("on", QCoreApplication.translate("StepDialog", "申请复查日期"), "date", True)]
    if action == "decide_review":
        decisions = (
            ("upheld", QCoreApplication.translate("StepDialog", "维持原纠正意见")),
            ("withdrawn", QCoreApplication.translate("StepDialog", "撤回本通知书")),
        )
        return [
            FieldSpec(
                "upheld", QCoreApplication.translate("StepDialog", "复查决定"), "choice", True, decisions
            ),
            FieldSpec("on", QCoreApplication.translate("StepDialog", "决定日期"), "date", True),
            FieldSpec(
                "note",
                QCoreApplication.translate("StepDialog", "复查结果"),
                "long",
                placeholder=QCoreApplication.translate("StepDialog", "复查认定的事实和理由"),
            ),
        ]
    raise KeyError(action)


class _FieldsDialog(QDialog):
    """A title, a form of :class:`FieldSpec` inputs, a red line for the refusal, and OK / 取消.

    Subclasses say what OK does (:meth:`_work`, run in the background)."""

    stepDone = Signal(object)  # Saved

    def __init__(
        self,
        title: str,
        heading: str,
        fields: list[FieldSpec],
        ok_text: str,
        *,
        defaults: Mapping[str, Any] | None = None,
        note: str = "",
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        self._run: Runner = runner or run_in_background
        self.fields = fields
        self.inputs: dict[str, QWidget] = {}
        self.saved: Saved | None = None
        self._busy = False
        self._outcomes: QButtonGroup | None = None
        self.scan_path: Path | None = None
        defaults = defaults or {}

        head = QLabel(heading)
        head.setObjectName("sectionTitle")
        head.setFont(scaled_font(head, 1.15, bold=True))
        head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(head)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            hint.setStyleSheet(f"color: {TEXT_MUTED};")
            layout.addWidget(hint)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        self.labels: dict[str, QLabel] = {}
        for spec in fields:
            widget = self._make_input(spec, defaults.get(spec.name))
            self.inputs[spec.name] = widget
            # as in the record forms: the name, and a red * when it must be given
            label = QLabel(required_mark(spec.label, spec.required))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setStyleSheet(f"color: {FIELD_LABEL};")
            label.setBuddy(widget)
            self.labels[spec.name] = label
            form.addRow(label, widget)
        layout.addLayout(form)

        self.error_label = QLabel("")
        self.error_label.setObjectName("stepError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(ok_text)
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # In a multi-line box Enter makes a new line; Ctrl+Enter saves from anywhere.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.submit)
        self._update_ok()

    # ---- inputs ---------------------------------------------------------------------------------

    def _make_input(self, spec: FieldSpec, default: Any) -> QWidget:
        if spec.kind == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            day = default if isinstance(default, date) else today_local()
            edit.setDate(QDate(day.year, day.month, day.day))
            return edit
        if spec.kind == "text":
            line = QLineEdit("" if default is None else str(default))
            line.setPlaceholderText(spec.placeholder)
            line.textChanged.connect(self._update_ok)
            return line
        if spec.kind == "long":
            box = QPlainTextEdit("" if default is None else str(default))
            box.setPlaceholderText(spec.placeholder)
            box.setTabChangesFocus(True)
            box.setMinimumHeight(84)
            box.textChanged.connect(self._update_ok)
            return box
        if spec.kind in ("choice", "editable_choice"):
            combo = QComboBox()
            combo.setEditable(spec.kind == "editable_choice")
            for value, label in spec.choices:
                combo.addItem(label, value)
            if default is not None:
                at = combo.findData(default)
                if at >= 0:
                    combo.setCurrentIndex(at)
                elif combo.isEditable():
                    combo.setEditText(str(default))
            combo.currentTextChanged.connect(self._update_ok)
            return combo
        if spec.kind == "outcome":
            row = QWidget()
            radios = QHBoxLayout(row)
            radios.setContentsMargins(0, 0, 0, 0)
            self._outcomes = QButtonGroup(row)
            for i, (value, label) in enumerate(spec.choices):
                radio = QRadioButton(label)
                radio.setProperty("value", value)
                self._outcomes.addButton(radio, i)
                radios.addWidget(radio)
                if value == default:
                    radio.setChecked(True)
            radios.addStretch(1)
            self._outcomes.buttonToggled.connect(lambda *_: self._update_ok())
            return row
        if spec.kind == "file":
            row = QWidget()
            files = QHBoxLayout(row)
            files.setContentsMargins(0, 0, 0, 0)
            self.scan_line = QLineEdit()
            self.scan_line.setReadOnly(True)
            self.scan_line.setPlaceholderText(spec.placeholder)
            self.scan_line.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self.scan_button = QPushButton(self.tr("选择文件…"))
            self.scan_button.setAutoDefault(False)
            self.scan_button.clicked.connect(self.choose_scan)
            self.scan_clear = QPushButton(self.tr("清除"))
            self.scan_clear.setAutoDefault(False)
            self.scan_clear.clicked.connect(lambda: self.set_scan(None))
            self.scan_clear.setEnabled(False)
            files.addWidget(self.scan_line, 1)
            files.addWidget(self.scan_button)
            files.addWidget(self.scan_clear)
            return row
        raise ValueError(spec.kind)

    @Slot()
    def choose_scan(self) -> None:
        path = file_dialogs.open_file_name(self, self.tr("选择回复扫描件"), self.tr(SCAN_FILTER))
        if path is not None:
            self.set_scan(path)

    def set_scan(self, path: Path | None) -> None:
        self.scan_path = path
        self.scan_line.setText(path.name if path is not None else "")
        self.scan_line.setToolTip(str(path) if path is not None else "")
        self.scan_clear.setEnabled(path is not None)

    def value(self, name: str) -> Any:
        """What the input ``name`` holds now (a date, stripped text, a choice's value, None)."""
        spec = next(f for f in self.fields if f.name == name)
        widget = self.inputs[name]
        if isinstance(widget, QDateEdit):
            return widget.date().toPython()
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip() or None
        if isinstance(widget, QComboBox):
            if widget.isEditable():  # one of the items (its stored value), or text typed
                at = widget.currentIndex()
                if at >= 0 and widget.currentText() == widget.itemText(at):
                    return widget.itemData(at)
                return widget.currentText().strip() or None
            return widget.currentData()
        if spec.kind == "outcome" and self._outcomes is not None:
            checked = self._outcomes.checkedButton()
            return checked.property("value") if checked is not None else None
        if spec.kind == "file":
            return self.scan_path
        return None

    def values(self) -> dict[str, Any]:
        return {f.name: self.value(f.name) for f in self.fields if f.kind != "file"}

    def missing(self) -> list[str]:
        """Labels of required inputs still empty."""
        return [f.label for f in self.fields if f.required and self.value(f.name) in (None, "")]

    @Slot()
    def _update_ok(self) -> None:
        missing = self.missing()
        self.ok_button.setEnabled(not missing and not self._busy)
        self.ok_button.setToolTip(
            self.tr("请填写：{f}").format(f=self.tr("、").join(missing)) if missing else ""
        )

    # ---- OK ----------------------------------------------------------------------------------------

    def _work(self, values: dict[str, Any]) -> Callable[[], Saved]:
        raise NotImplementedError

    @Slot()
    def submit(self) -> None:
        if self._busy or self.missing():
            return
        work = self._work(self.values())
        self._set_busy(True)
        self.error_label.hide()
        self._run(work, self._done, self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in self.inputs.values():
            widget.setEnabled(not busy)
        self._update_ok()

    def _done(self, saved: Saved) -> None:
        self._set_busy(False)
        self.saved = saved
        emit(self.stepDone, saved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, InspectorError):
            self.show_refusal(error_text(exc))
        else:
            errors.show_error(exc, self)

    def show_refusal(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def refusal(self) -> str:
        """The reason shown for the last refusal ('' if none)."""
        return self.error_label.text() if not self.error_label.isHidden() else ""


def _document_name(kind: str, number: str | None) -> str:
    name = (
        QCoreApplication.translate("StepDialog", "纠正违法通知书")
        if kind == NOTICE
        else QCoreApplication.translate("StepDialog", "检察建议书")
    )
    return (
        f"{name} {number}"
        if number
        else QCoreApplication.translate("StepDialog", "{name}（草稿）").format(name=name)
    )


_NOTES = {  # translated where shown (context StepDialog)
    "sign": QT_TRANSLATE_NOOP("StepDialog", "签发后自动取得文号；只有检察官可以签发。"),
    "serve": QT_TRANSLATE_NOOP("StepDialog", "登记送达后按回复期限自动计算回复截止日。"),
    "withdraw": QT_TRANSLATE_NOOP("StepDialog", "撤回后这份文书不再签发，仍保留在列表中（状态：已撤回）。"),
    "verify": QT_TRANSLATE_NOOP(
        "StepDialog", "已整改：文书办结，相关问题记为已解决；部分整改或未整改：可报请上一级人民检察院。"
    ),
}


class StepDialog(_FieldsDialog):
    """One life-cycle step of a notice or suggestion (``documents.step``)."""

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: uuid.UUID,
        action: str,
        *,
        actor: Actor,
        base_version: str | None,
        doc_number: str | None = None,
        defaults: Mapping[str, Any] | None = None,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.store = store
        self.kind = kind
        self.record_id = record_id
        self.action = action
        self.actor = actor
        self.base_version = base_version
        label = core_text(lifecycle.ACTIONS[action].label)
        super().__init__(
            label,
            f"{label} — {_document_name(kind, doc_number)}",
            step_fields(kind, action),
            label,
            defaults=defaults,
            note=_t(_NOTES[action]) if action in _NOTES else "",
            runner=runner,
            parent=parent,
        )
        self.setObjectName(f"step-{action}")

    def _work(self, values: dict[str, Any]) -> Callable[[], Saved]:
        store, kind, record_id, action = self.store, self.kind, self.record_id, self.action
        actor, base = self.actor, self.base_version
        scan = self.scan_path if action == "reply" else None
        clean = {k: v for k, v in values.items() if v is not None}

        def work() -> Saved:
            data = scan.read_bytes() if scan is not None else b""
            saved = documents.step(store, kind, record_id, action, clean, base, actor)
            if scan is not None:
                try:
                    attach_scan(
                        store,
                        kind,
                        record_id,
                        filename=scan.name,
                        media_type=mimetypes.guess_type(scan.name)[0] or "application/octet-stream",
                        data=data,
                        caption="回复扫描件",  # i18n: data (the record's caption, as the documents)
                        actor=actor,
                    )
                except InspectorError as exc:
                    raise ScanNotAttachedError(  # i18n: both languages
                        f"回复已登记，但扫描件未能保存：{exc.message_zh}",
                        f"reply recorded, scan not attached: {exc.message_en}",
                    ) from exc
            return saved

        return work

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):  # the scan could not be read: nothing was written
            self._set_busy(False)
            self.show_refusal(self.tr("无法读取所选文件：{e}。回复未登记。").format(e=exc.strerror or exc))
            return
        super()._failed(exc)
        if isinstance(exc, ScanNotAttachedError):
            # The step itself is done: the page must show it even though the dialog stays open.
            self.ok_button.setEnabled(False)
            emit(self.stepDone, None)


class OralCorrectedDialog(_FieldsDialog):
    """登记已纠正 for an oral correction: corrected on a date, verified how (``records.save``)."""

    def __init__(
        self,
        store: Store,
        oral_id: uuid.UUID,
        *,
        actor: Actor,
        base_version: str | None,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.store = store
        self.record_id = oral_id
        self.actor = actor
        self.base_version = base_version
        super().__init__(
            self.tr("登记已纠正"),
            self.tr("登记已纠正 — 口头纠正意见"),
            [
                FieldSpec("corrected_on", self.tr("纠正日期"), "date", True),
                FieldSpec(
                    "verified_how",
                    self.tr("核实方式"),
                    "long",
                    True,
                    placeholder=self.tr("如何核实已纠正：实地查看、调看监控、查阅台账……"),
                ),
            ],
            self.tr("登记已纠正"),
            note=self.tr("看守所已按口头纠正意见纠正的，登记纠正日期和核实方式；无需再制发纠正违法通知书。"),
            runner=runner,
            parent=parent,
        )
        self.setObjectName("step-oral-corrected")

    def _work(self, values: dict[str, Any]) -> Callable[[], Saved]:
        store, oral_id, actor, base = self.store, self.record_id, self.actor, self.base_version
        changes = {"corrected": True, **values}
        return lambda: records.save(store, ORAL, oral_id, changes, base, actor)
