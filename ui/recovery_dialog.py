"""The database key's recovery code in the desktop app: shown once after set-up, typed in when the key
is lost from the OS keyring.

* :class:`RecoveryCodeDialog` — the code made at set-up (as ``inspector init`` prints it), shown once
  in large monospace groups with a 复制 button; 继续 only after the user has ticked that they wrote it
  down. The code is held only by this dialog's labels and never logged or written to a file.
* :class:`RecoverKeyDialog` — at start-up, when the key is not in the keyring: the code is typed and
  checked in the background by the same core as ``inspector recover``
  (:func:`inspector.services.backups.recover_key`); a wrong code says so and may be typed again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from ui import errors, i18n
from ui.style import CARD_BORDER, GREEN, RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background


def code_font(widget: QWidget, factor: float) -> QFont:
    """A fixed-pitch font for the code (0 and O, 1 and I never appear in it, but groups must line up)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    base = widget.font().pointSizeF()
    if base > 0:
        font.setPointSizeF(base * factor)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class RecoveryCodeDialog(QDialog):
    """Shows a new recovery code once; 继续 is enabled only when 我已抄写并妥善保管恢复码 is ticked."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self.setWindowTitle(self.tr("驻所检察 — 数据库恢复码"))
        self.setModal(True)
        self.setMinimumWidth(600)

        title = QLabel(self.tr("请抄下数据库恢复码"))
        title.setFont(scaled_font(title, 1.4, bold=True))
        explain = QLabel(
            self.tr(
                "数据库的密钥保存在本机的系统密钥环中。密钥环中的密钥一旦丢失（重装系统、更换用户账户），"
                "只有用这个恢复码才能找回密钥，打开尚未同步到办公室的记录。"
            )
        )
        explain.setWordWrap(True)
        once = QLabel(self.tr("恢复码只显示这一次，本程序不会保存它。请抄在纸上，与电脑分开、妥善保管。"))
        once.setWordWrap(True)
        once.setStyleSheet(f"color: {RED};")

        groups = code.split("-")
        self.group_labels: list[QLabel] = []
        box = QFrame()
        box.setObjectName("recoveryCode")
        box.setStyleSheet(
            f"#recoveryCode {{ background: white; border: 1px solid {CARD_BORDER}; border-radius: 6px; }}"
        )
        grid = QGridLayout(box)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        per_row = 4
        for i, group in enumerate(groups):
            label = QLabel(group)
            label.setObjectName("codeGroup")
            label.setFont(code_font(label, 2.0))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            i18n.mark_content(label)  # the code itself, not a text to translate
            grid.addWidget(label, i // per_row, i % per_row)
            self.group_labels.append(label)

        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.setToolTip(self.tr("把恢复码复制到剪贴板"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.copied_label = QLabel("")
        self.copied_label.setStyleSheet(f"color: {GREEN};")
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label, 1)

        self.confirm_box = QCheckBox(self.tr("我已抄写并妥善保管恢复码"))
        self.confirm_box.toggled.connect(self._confirmed)
        self.continue_button = QPushButton(self.tr("继续"))
        self.continue_button.setObjectName("primary")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_box, 1)
        buttons.addWidget(self.continue_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(box)
        layout.addLayout(copy_row)
        layout.addWidget(once)
        layout.addLayout(buttons)
        self.confirm_box.setFocus()

    def shown_code(self) -> str:
        """The code as the dialog shows it (its groups joined by -)."""
        return "-".join(label.text() for label in self.group_labels)

    @Slot()
    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self._code)
        self.copied_label.setText(self.tr("已复制；粘贴保存后请清除剪贴板"))

    @Slot(bool)
    def _confirmed(self, on: bool) -> None:
        self.continue_button.setEnabled(on)
        if on:
            self.continue_button.setDefault(True)

    def accept(self) -> None:
        if not self.confirm_box.isChecked():
            return
        super().accept()

    def reject(self) -> None:
        """Esc or closing: only once the user has said the code is written down."""
        if self.confirm_box.isChecked():
            super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_box.isChecked():
            event.ignore()
            return
        super().closeEvent(event)


class RecoverKeyDialog(QDialog):
    """The key is not in the OS keyring: type the recovery code to put it back."""

    def __init__(
        self,
        data_dir: Path,
        *,
        reason: str = "",
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._run: Runner = runner or run_in_background
        self._busy = False
        self.setWindowTitle(self.tr("驻所检察 — 找回数据库密钥"))
        self.setModal(True)
        self.setMinimumWidth(560)

        title = QLabel(self.tr("系统密钥环中没有本机数据库的密钥"))
        title.setFont(scaled_font(title, 1.3, bold=True))
        title.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "建立数据库时显示过一个恢复码（8 组，每组 4 个字母或数字）。输入它即可找回密钥，"
                "把密钥放回本机的系统密钥环，然后照常登录。"
            )
        )
        explain.setWordWrap(True)
        self.reason_label = QLabel(reason)
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(f"color: {TEXT_MUTED};")
        self.reason_label.setVisible(bool(reason))

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("recoveryCode")
        self.code_edit.setFont(code_font(self.code_edit, 1.3))
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.code_edit.setMaxLength(80)
        self.code_edit.textEdited.connect(lambda _t: self._say(""))
        self.code_edit.returnPressed.connect(self.recover)
        code_label = QLabel(self.tr("恢复码："))
        code_label.setBuddy(self.code_edit)
        hint = QLabel(self.tr("大小写、空格和连字符均可"))
        hint.setStyleSheet(f"color: {TEXT_MUTED};")
        self.message = QLabel("")
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED};")
        self.message.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()

        self.recover_button = QPushButton(self.tr("找回密钥并继续"))
        self.recover_button.setObjectName("primary")
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self.recover)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.recover_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.reason_label)
        layout.addWidget(code_label)
        layout.addWidget(self.code_edit)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.code_edit.setFocus()

    @property
    def busy(self) -> bool:
        return self._busy

    def error_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.code_edit.setEnabled(not busy)
        self.recover_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setVisible(busy)

    @Slot()
    def recover(self) -> None:
        if self._busy:
            return
        code = self.code_edit.text()
        if not code.strip():
            self._say(self.tr("请输入恢复码"))
            self.code_edit.setFocus()
            return
        data_dir = self.data_dir

        def work() -> None:
            from inspector.services.backups import recover_key

            recover_key(data_dir, code)

        self._say("")
        self._set_busy(True)
        self._run(work, self._recovered, self._refused, owner=self)

    def _recovered(self, _none: object) -> None:
        self._set_busy(False)
        self.code_edit.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        from inspector.store.keys import RecoveryCodeError

        if isinstance(exc, RecoveryCodeError):
            self._say(self.tr("恢复码不正确，请核对后重新输入"))
        elif isinstance(exc, InspectorError):
            self._say(i18n.error_text(exc))
        else:
            errors.show_error(exc, self)
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    def reject(self) -> None:
        if self._busy:
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._busy and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
