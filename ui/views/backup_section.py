"""设置 → 备份与恢复: this laptop's backups, through :mod:`inspector.services.backups` (the same core as
``inspector backup`` and ``inspector restore``).

* 立即备份… — a save dialog proposing ``inspector-backup-<station>-<date>.zip``; the file (the
  database still encrypted, and its key record) is written owner-only in the background; the line
  under the buttons says where and how large.
* 从备份恢复… — an open dialog, then what the file holds (station, when it was made, schema) for the
  user to confirm that the current database is replaced (and kept aside in ``backups/``) and, when
  changes are not yet synced, that they will be lost. The request goes to the app
  (:meth:`ui.app.Desktop.restore_backup`), which closes the main window and the store, restores in
  the background (:class:`RestoreProgressDialog`) and starts again from the sign-in window.
* 每日自动备份保留 N 份 — the laptop's setting (``inspector backup --keep-daily N``), checked by the
  service (a message naming the field), and the date of the last daily copy.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError, ValidationError
from inspector.services import backups
from inspector.services.policy import Actor, Permission, may
from inspector.store import location
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors, file_dialogs, i18n
from ui.formatting import fmt_date, fmt_datetime
from ui.qt_compat import emit
from ui.style import GREEN, RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background

if TYPE_CHECKING:
    from inspector.services.backups import BackupStatus, BackupSummary
    from inspector.store.backup import BackupInfo, RestoreInfo

BACKUP_FILTER = "Inspector backup (*.zip);;All files (*)"  # i18n: file-dialog filter, not translated


@dataclass(frozen=True)
class RestoreRequest:
    """What :meth:`ui.app.Desktop.restore_backup` is asked to do."""

    path: Path
    lose_pending: int = 0  # the unsynced changes the user agreed to lose
    passphrase: str | None = None  # the database passphrase, where the key is not in a keyring


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


ChoosePath = Callable[[QWidget, str], "Path | None"]
ConfirmRestore = Callable[[QWidget, "BackupSummary", int], bool]
AskPassphrase = Callable[[str, bool], "str | None"]


def _ask_save(parent: QWidget, name: str) -> Path | None:
    title = QCoreApplication.translate("BackupSection", "保存备份")
    return file_dialogs.save_file_name(parent, title, name, BACKUP_FILTER)


def _ask_open(parent: QWidget, _name: str) -> Path | None:
    title = QCoreApplication.translate("BackupSection", "选择备份文件")
    return file_dialogs.open_file_name(parent, title, BACKUP_FILTER)


def _confirm(parent: QWidget, summary: BackupSummary, pending: int) -> bool:
    dialog = RestoreConfirmDialog(summary, pending, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def _ask_passphrase(text: str, confirm: bool) -> str | None:
    from ui.app import ask_passphrase_dialog

    return ask_passphrase_dialog(text, confirm)


class BackupSection(QFrame):
    """备份与恢复 on the 设置 page (only for a role that may change settings)."""

    restoreRequested = Signal(object)  # RestoreRequest

    def __init__(
        self, store: Store, *, actor: Actor, runner: Runner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self._busy = False
        self.status: BackupStatus | None = None
        # Replaceable in tests (a modal dialog would block an offscreen run).
        self.ask_save_path: ChoosePath = _ask_save
        self.ask_open_path: ChoosePath = _ask_open
        self.confirm_restore: ConfirmRestore = _confirm
        self.ask_passphrase: AskPassphrase = _ask_passphrase

        title = QLabel(self.tr("备份与恢复"))
        title.setObjectName("sectionTitle")
        title.setFont(scaled_font(title, 1.0, bold=True))
        note = QLabel(self.tr("备份文件中的数据库仍是加密的，只有本机的密钥或数据库恢复码能打开"))
        note.setStyleSheet(f"color: {TEXT_MUTED};")
        note.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(note, 1)

        self.backup_button = QPushButton(self.tr("立即备份…"))
        self.backup_button.setToolTip(self.tr("把本机数据库（加密）和密钥记录保存为一个备份文件"))
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setToolTip(self.tr("用备份文件替换本机数据库；原数据库移到 backups 文件夹保留"))
        self.restore_button.clicked.connect(self.restore)

        self.keep_edit = QLineEdit()
        self.keep_edit.setObjectName(backups.KEEP_FIELD)
        self.keep_edit.setFixedWidth(self.keep_edit.fontMetrics().horizontalAdvance("00000") + 28)
        self.keep_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.keep_edit.textEdited.connect(self._keep_edited)
        self.keep_edit.returnPressed.connect(self.save_keep)
        keep_label = QLabel(self.tr("每日自动备份保留"))
        keep_label.setBuddy(self.keep_edit)
        self.keep_save = QPushButton(self.tr("保存"))
        self.keep_save.setEnabled(False)
        self.keep_save.clicked.connect(self.save_keep)
        self.last_daily_label = QLabel("")
        self.last_daily_label.setStyleSheet(f"color: {TEXT_MUTED};")

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addSpacing(24)
        row.addWidget(keep_label)
        row.addWidget(self.keep_edit)
        row.addWidget(QLabel(self.tr("份")))
        row.addWidget(self.keep_save)
        row.addSpacing(16)
        row.addWidget(self.last_daily_label, 1)

        self.keep_error = QLabel("")
        self.keep_error.setObjectName("fieldError")
        self.keep_error.setStyleSheet(f"color: {RED};")
        self.keep_error.setWordWrap(True)
        self.keep_error.hide()
        self.result = QLabel("")
        self.result.setObjectName("backupResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addLayout(row)
        layout.addWidget(self.keep_error)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)

        self.allowed = may(actor, Permission.SETTINGS)
        self.setVisible(self.allowed)
        self._update_buttons()

    # ---- state ------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def _update_buttons(self) -> None:
        ready = self.allowed and not self._busy
        self.backup_button.setEnabled(ready)
        self.restore_button.setEnabled(ready)
        self.keep_edit.setEnabled(ready)
        current = self.status.keep_daily if self.status is not None else None
        self.keep_save.setEnabled(ready and self.keep_edit.text().strip() != str(current))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self._say(text, TEXT_MUTED)  # done: the caller says how it went
        self._update_buttons()

    def _say(self, text: str, colour: str) -> None:
        self.result.setStyleSheet(f"color: {colour};")
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def result_text(self) -> str:
        return self.result.text()

    def keep_error_text(self) -> str:
        return self.keep_error.text() if not self.keep_error.isHidden() else ""

    # ---- status -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.allowed:
            return
        store = self._store
        self._run(lambda: backups.backup_status(store), self._loaded, self._failed, owner=self)

    @Slot(object)
    def _loaded(self, status: BackupStatus) -> None:
        self.status = status
        if not self.keep_edit.hasFocus() or not self.keep_edit.isModified():
            self.keep_edit.setText(str(status.keep_daily))
            self.keep_edit.setModified(False)
        low, high = status.keep_range
        self.keep_edit.setToolTip(
            self.tr(
                "每天第一次打开数据库时，在数据目录的 backups 文件夹中自动保存一份；可保留 {a} 至 {b} 份"
            ).format(a=low, b=high)
        )
        self.last_daily_label.setText(
            self.tr("最近一次每日备份：{date}").format(date=fmt_date(status.last_daily))
            if status.last_daily is not None
            else self.tr("还没有每日备份（每天第一次打开数据库时生成）")
        )
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, InspectorError):
            self._say(i18n.error_text(exc), RED)
        else:
            errors.show_error(exc, self)

    # ---- keep N -----------------------------------------------------------------------------------

    def _keep_edited(self, _text: str) -> None:
        self.keep_error.hide()
        self._update_buttons()

    @Slot()
    def save_keep(self) -> None:
        if self._busy or not self.allowed:
            return
        store, actor, typed = self._store, self.actor, self.keep_edit.text()

        def work() -> BackupStatus:
            backups.set_keep_daily(store, actor, typed)
            return backups.backup_status(store)

        def saved(status: BackupStatus) -> None:
            self._set_busy(False)
            self.keep_edit.setModified(False)
            self._loaded(status)
            self._say(self.tr("已保存：每日自动备份保留 {n} 份").format(n=status.keep_daily), GREEN)

        def refused(exc: BaseException) -> None:
            self._set_busy(False)
            if isinstance(exc, ValidationError):
                self.keep_error.setText(i18n.error_text(exc))
                self.keep_error.show()
                self.keep_edit.setFocus()
                self.keep_edit.selectAll()
                return
            self._failed(exc)

        self.keep_error.hide()
        self._set_busy(True, self.tr("正在保存…"))
        self._run(work, saved, refused, owner=self)

    # ---- backing up -------------------------------------------------------------------------------

    @Slot()
    def back_up(self) -> None:
        if self._busy or not self.allowed:
            return
        name = backups.default_backup_name(self._store, today_local())
        out = self.ask_save_path(self, name)
        if out is None:
            return
        if out.suffix == "":
            out = out.with_suffix(".zip")
        store, actor = self._store, self.actor

        def work() -> tuple[BackupInfo, BackupStatus]:
            return backups.make_backup(store, actor, out), backups.backup_status(store)

        def done(result: tuple[BackupInfo, BackupStatus]) -> None:
            info, status = result
            self._set_busy(False)
            self._loaded(status)
            self._say(
                self.tr("已备份：{path}（{size}）").format(path=info.path, size=size_text(info.size)), GREEN
            )

        self._set_busy(True, self.tr("正在备份到 {path}…").format(path=out))
        self._run(work, done, self._failed, owner=self)

    # ---- restoring --------------------------------------------------------------------------------

    @Slot()
    def restore(self) -> None:
        if self._busy or not self.allowed:
            return
        path = self.ask_open_path(self, "")
        if path is None:
            return
        store = self._store

        def work() -> tuple[BackupSummary, int]:
            summary = backups.inspect_backup(store, path)
            return summary, backups.backup_status(store).pending

        self._set_busy(True, self.tr("正在读取备份文件…"))
        self._run(work, self._inspected, self._failed, owner=self)

    def _inspected(self, result: tuple[BackupSummary, int]) -> None:
        summary, pending = result
        self._set_busy(False)
        self._say("", TEXT_MUTED)
        if not self.confirm_restore(self, summary, pending):
            return
        passphrase = None
        if summary.key_source == "passphrase" and not os.environ.get(location.PASSPHRASE_ENV):
            passphrase = self.ask_passphrase("数据库口令 / Database passphrase", False)  # i18n: both
            if not passphrase:
                return
        emit(self.restoreRequested, RestoreRequest(summary.path, pending, passphrase))


class RestoreConfirmDialog(QDialog):
    """What the backup holds, and the user's explicit yes to replacing the current database (and, when
    there are unsynced changes, to losing them)."""

    def __init__(self, summary: BackupSummary, pending: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.pending = pending
        self.setWindowTitle(self.tr("从备份恢复"))
        self.setModal(True)
        self.setMinimumWidth(560)

        title = QLabel(self.tr("用这个备份替换本机数据库？"))
        title.setFont(scaled_font(title, 1.25, bold=True))
        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        unknown = self.tr("（备份中未记录）")
        station = (
            self.tr("{name}（{code}）").format(name=summary.station_name, code=summary.station_code or "")
            if summary.station_name
            else unknown
        )
        made = fmt_datetime(summary.created_at) if summary.created_at is not None else unknown
        version = summary.schema_revision or unknown
        if summary.app_version:
            version = self.tr("{revision}（程序版本 {app}）").format(
                revision=version, app=summary.app_version
            )
        self.fact_labels: dict[str, QLabel] = {}
        for key, caption, value in (
            ("file", self.tr("文件："), f"{summary.path}（{size_text(summary.size)}）"),
            ("station", self.tr("检察室："), station),
            ("created", self.tr("备份时间："), made),
            ("revision", self.tr("数据库版本："), version),
        ):
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            i18n.mark_content(label)
            self.fact_labels[key] = label
            facts.addRow(caption, label)

        replace = QLabel(
            self.tr(
                "本机当前的数据库将被这个备份替换。当前数据库不会删除，而是移到数据目录的 "
                "backups/replaced-<时间> 文件夹中保留。恢复后程序回到登录窗口，请重新登录。"
            )
        )
        replace.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(facts)
        if not summary.same_database:
            other = QLabel(
                self.tr(
                    "这不是本机数据库的备份：只有它的密钥在本机的系统密钥环中（或可用口令打开）时才能恢复。"
                )
            )
            other.setWordWrap(True)
            other.setStyleSheet(f"color: {RED};")
            layout.addWidget(other)
        layout.addWidget(replace)
        self.replace_box = QCheckBox(self.tr("确认用这个备份替换本机当前的数据库"))
        self.replace_box.toggled.connect(self._update)
        layout.addWidget(self.replace_box)
        self.pending_box: QCheckBox | None = None
        if pending:
            lost = QLabel(
                self.tr(
                    "本机有 {n} 项修改尚未同步到办公室：恢复后它们不在数据库中，只留在移开保存的原数据库里。"
                    "如能联网，请先取消并同步。"
                ).format(n=pending)
            )
            lost.setWordWrap(True)
            lost.setStyleSheet(f"color: {RED};")
            layout.addWidget(lost)
            self.pending_box = QCheckBox(self.tr("我知道这 {n} 项未同步的修改将会丢失").format(n=pending))
            self.pending_box.toggled.connect(self._update)
            layout.addWidget(self.pending_box)
        self.restore_button = QPushButton(self.tr("恢复"))
        self.restore_button.setObjectName("primary")
        self.restore_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("取消"))
        cancel.setDefault(True)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.confirmed())

    def confirmed(self) -> bool:
        return self.replace_box.isChecked() and (self.pending_box is None or self.pending_box.isChecked())

    def accept(self) -> None:
        if self.confirmed():
            super().accept()


class RestoreProgressDialog(QDialog):
    """Shown by the app while a backup is put in place (the main window is closed by then), then how it
    went, with 重新登录."""

    continueRequested = Signal()

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._working = True
        self._continued = False
        self.setWindowTitle(self.tr("驻所检察 — 从备份恢复"))
        self.setMinimumWidth(520)
        self.title_label = QLabel(self.tr("正在从备份恢复"))
        self.title_label.setFont(scaled_font(self.title_label, 1.25, bold=True))
        self.text = QLabel(self.tr("正在检查并放回备份：{path}").format(path=path))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.continue_button = QPushButton(self.tr("重新登录"))
        self.continue_button.setObjectName("primary")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._continue)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)

    @property
    def busy(self) -> bool:
        return self._working

    def _finished(self, title: str, text: str, colour: str) -> None:
        self._working = False
        self.progress.hide()
        self.title_label.setText(title)
        self.text.setText(text)
        self.text.setStyleSheet(f"color: {colour};")
        self.continue_button.setEnabled(True)
        self.continue_button.setDefault(True)
        self.continue_button.setFocus()

    def succeeded(self, info: RestoreInfo) -> None:
        made = info.manifest.get("created_at")
        when = str(made or "")
        if isinstance(made, str):
            with contextlib.suppress(ValueError):
                when = fmt_datetime(datetime.fromisoformat(made))
        lines = [self.tr("已从 {when} 的备份恢复本机数据库。").format(when=when)]
        if info.kept_aside is not None:
            lines.append(self.tr("原数据库保留在：{path}").format(path=info.kept_aside))
        lines.append(self.tr("备份之后已同步到办公室的修改，下次同步时会从办公室取回。"))
        self._finished(self.tr("恢复完成"), "\n".join(lines), GREEN)

    def failed(self, exc: BaseException) -> None:
        text = i18n.error_text(exc) if isinstance(exc, InspectorError) else errors.user_message(exc)[1]
        self._finished(self.tr("未能恢复"), text, RED)

    @Slot()
    def _continue(self) -> None:
        if self._working or self._continued:
            return
        self._continued = True
        emit(self.continueRequested)

    def reject(self) -> None:
        """Esc: ignored while the backup is being put in place; afterwards as 重新登录."""
        self._continue()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._working:
            event.ignore()
            return
        self._continue()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._working:
            return
        super().keyPressEvent(event)
