"""First run without the command line: a form that sets up this laptop's station and its first user.

Shown by ``ui.app.run_gui`` when the data folder holds no database. It does exactly what
``inspector init`` does — :func:`inspector.station_setup.initialise`, off the GUI thread — so the
station, the device identity, the first user (password stored only as its scrypt hash, in the
local-only ``local_credential`` table) and the local 文号 blocks are the same as from the command line.

The form checks as the user types, with the core's own rules: required fields and lengths come from
``SPECS["station"]`` and ``SPECS["app_user"]``, the password's minimum from ``station_setup``. Each
problem is shown in red under its field once the field has been typed in; 创建 stays disabled until
everything is valid. Where the machine has no keyring, the database passphrase is asked the way
``ui.app`` asks it, before the work starts (a dialog cannot be shown from the worker thread).

Once the database exists its key's recovery code is made, as ``inspector init`` makes it, and shown
once (:class:`ui.recovery_dialog.RecoveryCodeDialog`); the form closes when the user has ticked that
it is written down. A passphrase key needs none: the passphrase is its own recovery.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import FieldError, ValidationError
from inspector.domain.records import SPECS
from inspector.station_setup import MIN_PASSWORD, FirstUser, initialise
from inspector.store import keys
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors, i18n
from ui.i18n import QT_TRANSLATE_NOOP, core_text
from ui.recovery_dialog import RecoveryCodeDialog
from ui.style import RED, TEXT_MUTED, scaled_font
from ui.workers import OnError, Runner, run_in_background

STATION_SPEC = SPECS["station"]
USER_SPEC = SPECS["app_user"]
PASSWORD, CONFIRM = "password", "password_confirm"
NEW_PASSPHRASE_TEXT = (
    "设置数据库口令 / Choose a database passphrase"  # i18n: both, as inspector.store.keys asks
)

ConfirmDiscard = Callable[[QWidget], bool]


@dataclass(frozen=True)
class _Field:
    name: str
    label: str
    required: bool
    max_length: int | None = None
    secret: bool = False
    hint: str = ""  # marked for translation (context SetupDialog); {n} is the least password length
    own: bool = False  # a label of this form (context SetupDialog), not the validation spec's

    def shown_label(self) -> str:
        return QCoreApplication.translate("SetupDialog", self.label) if self.own else core_text(self.label)

    def shown_hint(self) -> str:
        return (
            QCoreApplication.translate("SetupDialog", self.hint).format(n=MIN_PASSWORD) if self.hint else ""
        )


def _spec_field(spec: Any, name: str, hint: str = "") -> _Field:
    f = spec.field(name)
    return _Field(name, f.label_zh, f.required, f.max_length, hint=hint)


STATION_FIELDS = (
    _spec_field(
        STATION_SPEC,
        "code",
        QT_TRANSLATE_NOOP("SetupDialog", "本检察室的简短代码，如 QXG（与办公室数据库中的代码一致）"),
    ),
    _spec_field(
        STATION_SPEC, "name", QT_TRANSLATE_NOOP("SetupDialog", "如 七星关区人民检察院驻七星关区看守所检察室")
    ),
    _spec_field(STATION_SPEC, "procuratorate"),
    _spec_field(
        STATION_SPEC,
        "higher_procuratorate",
        QT_TRANSLATE_NOOP("SetupDialog", "选填；检察建议书抄送、逐级上报时使用"),
    ),
    _spec_field(STATION_SPEC, "detention_center"),
    _spec_field(STATION_SPEC, "agency_code", QT_TRANSLATE_NOOP("SetupDialog", "文书文号中的院代字，如“七”")),
)
USER_FIELDS = (
    _spec_field(USER_SPEC, "username", QT_TRANSLATE_NOOP("SetupDialog", "登录本程序时输入")),
    _spec_field(USER_SPEC, "display_name", QT_TRANSLATE_NOOP("SetupDialog", "状态栏、文书中显示的姓名")),
    _Field(
        PASSWORD,
        QT_TRANSLATE_NOOP("SetupDialog", "密码"),
        True,
        secret=True,
        hint=QT_TRANSLATE_NOOP("SetupDialog", "至少{n}个字符"),
        own=True,
    ),
    _Field(CONFIRM, QT_TRANSLATE_NOOP("SetupDialog", "确认密码"), True, secret=True, own=True),
)


def ask_discard(parent: QWidget) -> bool:
    """Whether to throw away what has been typed (Esc or closing a form that has changed)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SetupDialog", "放弃设置"),
        QCoreApplication.translate("SetupDialog", "已填写的内容将不会保存，也不会建立数据库。确定放弃吗？"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class SetupDialog(QDialog):
    """The first-run form. After ``exec()`` returns ``Accepted``, :attr:`store` is the new, open store."""

    def __init__(
        self,
        data_dir: Path,
        *,
        ask_passphrase: keys.PassphrasePrompt,
        runner: Runner | None = None,
        on_error: OnError | None = None,
        confirm_discard: ConfirmDiscard = ask_discard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.store: Store | None = None
        self._ask_passphrase = ask_passphrase
        self._run: Runner = runner or run_in_background
        self._on_error: OnError = on_error or (lambda exc: errors.show_error(exc, self))
        self._confirm_discard = confirm_discard
        self._busy = False
        self.code_dialog: RecoveryCodeDialog | None = None  # the recovery code, shown once after 创建
        self._touched: set[str] = set()
        self.inputs: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.field_labels: dict[str, QLabel] = {}

        self.setWindowTitle(self.tr("驻所检察 — 建立本检察室的数据库"))
        self.setModal(True)
        self.setMinimumWidth(620)

        title = QLabel(self.tr("欢迎使用驻所检察"))
        title.setFont(scaled_font(title, 1.5, bold=True))
        intro = QLabel(
            self.tr(
                "本机还没有数据库。请填写本检察室和第一位用户的信息，点击“创建”后即可开始使用。\n"
                "数据将加密保存在：{path}"
            ).format(path=data_dir)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        legend = QLabel(self.tr('带 <span style="color:{red}">*</span> 的为必填项').format(red=RED))
        legend.setStyleSheet(f"color: {TEXT_MUTED};")

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        row = 0
        for heading, fields in ((self.tr("检察室"), STATION_FIELDS), (self.tr("第一位用户"), USER_FIELDS)):
            section = QLabel(heading)
            section.setFont(scaled_font(section, 1.1, bold=True))
            grid.addWidget(section, row, 0, 1, 2)
            row += 1
            for f in fields:
                row = self._add_field(grid, row, f)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy, no percentage: the database is made in one go
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setStyleSheet(f"color: {TEXT_MUTED};")

        self.create_button = QPushButton(self.tr("创建"))
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create_database)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(legend)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)

        self.inputs[STATION_FIELDS[0].name].setFocus()
        self._refresh()

    def _add_field(self, grid: QGridLayout, row: int, f: _Field) -> int:
        mark = f' <span style="color:{RED}">*</span>' if f.required else ""
        label = QLabel(f"{f.shown_label()}{mark}")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit = QLineEdit()
        edit.setObjectName(f.name)
        if f.secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        if f.hint:
            edit.setPlaceholderText(f.shown_hint())
            edit.setToolTip(f.shown_hint())
        label.setBuddy(edit)
        edit.textEdited.connect(lambda _text, name=f.name: self._edited(name))
        error = QLabel()
        error.setObjectName("fieldError")
        error.setStyleSheet(f"color: {RED};")
        error.setWordWrap(True)
        error.setVisible(False)
        grid.addWidget(label, row, 0)
        grid.addWidget(edit, row, 1)
        grid.addWidget(error, row + 1, 1)
        self.inputs[f.name] = edit
        self.error_labels[f.name] = error
        self.field_labels[f.name] = label
        return row + 2

    # ---- what was typed ---------------------------------------------------------------------------

    def _text(self, name: str) -> str:
        return self.inputs[name].text().strip()

    def station_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {f.name: self._text(f.name) for f in STATION_FIELDS}
        if not values["higher_procuratorate"]:
            values["higher_procuratorate"] = None  # as `inspector init` without --higher-procuratorate
        return values

    def first_user(self) -> FirstUser:
        return FirstUser(self._text("username"), self._text("display_name"), self.inputs[PASSWORD].text())

    def problems(self) -> dict[str, str]:
        """Field name → the first problem with it (empty: the form is valid)."""
        today = today_local()
        user = self.first_user()
        found: list[FieldError] = [
            *STATION_SPEC.errors(self.station_values(), today=today),
            *USER_SPEC.errors(
                {"username": user.username, "display_name": user.display_name, "role": user.role}, today=today
            ),
        ]
        password, confirm = self.inputs[PASSWORD].text(), self.inputs[CONFIRM].text()
        if not password:
            text = self.tr("密码为必填项")
            found.append(FieldError(PASSWORD, text, text))
        elif len(password) < MIN_PASSWORD:
            text = self.tr("密码至少需要{n}个字符").format(n=MIN_PASSWORD)
            found.append(FieldError(PASSWORD, text, text))
        if not confirm:
            text = self.tr("请再输入一次密码")
            found.append(FieldError(CONFIRM, text, text))
        elif confirm != password:
            text = self.tr("两次输入的密码不一致")
            found.append(FieldError(CONFIRM, text, text))
        out: dict[str, str] = {}
        for problem in found:
            out.setdefault(problem.field, i18n.error_text(problem))
        return out

    def error_text(self, name: str) -> str:
        """The error shown under a field ("" when none is shown)."""
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    def is_dirty(self) -> bool:
        return any(edit.text() for edit in self.inputs.values())

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        if name == PASSWORD and self.inputs[CONFIRM].text():
            self._touched.add(CONFIRM)  # a confirmation typed earlier may no longer match
        self._refresh()

    def _refresh(self) -> None:
        problems = self.problems()
        for name, label in self.error_labels.items():
            text = problems.get(name, "") if name in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))
        self.create_button.setEnabled(not problems and not self._busy)

    def _show_field_errors(self, problems: Mapping[str, str]) -> None:
        for name, text in problems.items():
            if name in self.error_labels:
                self._touched.add(name)
                self.error_labels[name].setText(text)
                self.error_labels[name].setVisible(True)

    # ---- creating ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @Slot()
    def create_database(self) -> None:
        """Make the database (in the background) from what was typed; the dialog closes when it exists."""
        if self._busy:
            return
        problems = self.problems()
        if problems:
            self._touched.update(problems)
            self._refresh()
            return
        given, passphrase = self._passphrase()
        if not given:
            return
        station, user, data_dir = self.station_values(), self.first_user(), self.data_dir

        def prompt(_text: str, _confirm: bool) -> str | None:
            return passphrase or None

        def work() -> tuple[Store, str | None, BaseException | None]:
            store = initialise(data_dir, station, user, prompt=prompt)
            try:  # as `inspector init` does: the key's recovery code, shown once (None: a passphrase)
                return store, store.make_recovery_code(), None
            except Exception as exc:  # the database is made; the code can be made later (recovery-code)
                return store, None, exc

        self._set_busy(True)
        self._run(work, self._created, self._failed, owner=self)

    def _passphrase(self) -> tuple[bool, str | None]:
        """(go on?, the new database's passphrase). Asked only where there is no keyring and no
        ``INSPECTOR_PASSPHRASE``; otherwise (True, None). (False, None): not given, stay on the form."""
        if keys.keyring_available() or os.environ.get(keys.PASSPHRASE_ENV):
            return True, None
        try:
            given = self._ask_passphrase(NEW_PASSPHRASE_TEXT, True)
        except keys.KeyUnavailableError as exc:  # e.g. the two passphrases differ
            self._on_error(exc)
            return False, None
        if not given:
            return False, None  # cancelled
        if len(given) < keys.MIN_PASSPHRASE:
            self._on_error(
                keys.KeyUnavailableError(
                    self.tr("数据库口令至少需要{n}个字符：请再点击“创建”，输入更长的口令").format(
                        n=keys.MIN_PASSPHRASE
                    ),
                    f"the passphrase needs at least {keys.MIN_PASSPHRASE} characters",
                )
            )
            return False, None
        return True, given

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for edit in self.inputs.values():
            edit.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.status_label.setText(self.tr("正在建立数据库…") if busy else "")
        self._refresh()

    def _created(self, made: tuple[Store, str | None, BaseException | None]) -> None:
        store, code, problem = made
        self.store = store
        if problem is not None:
            errors.log_exception(problem, "recovery code")
            self._on_error(problem)
        if code is None:
            self._busy = False
            self.accept()
            return
        # Still busy (the form stays closed to Esc) until the code has been written down.
        self.status_label.setText(self.tr("请抄下恢复码"))
        self.progress.setVisible(False)
        dialog = RecoveryCodeDialog(code, self)
        self.code_dialog = dialog
        dialog.accepted.connect(self._code_written_down)
        dialog.open()

    @Slot()
    def _code_written_down(self) -> None:
        if self.code_dialog is not None:
            self.code_dialog.deleteLater()  # the code goes with it
            self.code_dialog = None
        self._busy = False
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self._show_field_errors({e.field: i18n.error_text(e) for e in exc.errors})
        self._on_error(exc)

    # ---- leaving ----------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, 取消 or closing: never while the database is being made; asks first if anything was typed."""
        if self._busy:
            return
        if self.is_dirty() and not self._confirm_discard(self):
            return
        super().reject()  # closing the window comes here too (QDialog.closeEvent calls reject)
