"""同步: sync with the office now (progress, Cancel), the last result, automatic sync, the conflicts
waiting for a person, and — on a laptop not enrolled yet — how to enroll it (with a form).

The sync itself is :class:`ui.sync_controller.SyncController` (shared with the automatic timer and the
status bar); this page only shows it. Everything it reads comes from a background job.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.services.status import SyncStatus
from inspector.store.store import Store
from inspector.sync.run import SyncProgress
from ui import errors, file_dialogs
from ui.formatting import fmt_datetime
from ui.i18n import QT_TRANSLATE_NOOP, error_text
from ui.models import cell_delegate
from ui.models.conflict_model import CONFLICT_ROLE, ConflictListModel
from ui.style import AMBER, GREEN, RED, TEXT_MUTED, scaled_font
from ui.sync_controller import (
    ENROLL_COMMAND,
    SyncController,
    SyncOutcome,
    SyncPageData,
    error_message,
    load_sync_page,
    office_text,
    progress_text,
)
from ui.views.conflict_dialog import ConflictDialog
from ui.widgets import Page, StatCard
from ui.workers import Runner, run_in_background

_LEVEL_COLOUR = {"ok": GREEN, "warning": AMBER, "error": RED, "cancelled": TEXT_MUTED}
SSL_MODES = (
    ("prefer", QT_TRANSLATE_NOOP("SyncView", "自动（优先加密）")),
    ("require", QT_TRANSLATE_NOOP("SyncView", "必须加密")),
    ("verify-full", QT_TRANSLATE_NOOP("SyncView", "加密并验证服务器证书")),
)


def _panel(title: str) -> tuple[QFrame, QVBoxLayout]:
    panel = QFrame()
    panel.setObjectName("panel")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    heading.setFont(scaled_font(heading, 1.1, bold=True))
    layout.addWidget(heading)
    return panel, layout


class SyncView(Page):
    def __init__(
        self,
        store: Store,
        *,
        runner: Runner | None = None,
        controller: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.set_heading(self.tr("同步"), self.tr("本机与办公室数据库之间的数据同步"))
        self._store = store
        self._runner = runner
        self._run: Runner = runner or run_in_background
        self.controller = controller or SyncController(store, runner=runner, parent=self)
        self.data: SyncPageData | None = None
        self._loading = False

        # ---- cards ------------------------------------------------------------------------------------
        self.pending_card = StatCard(self.tr("待同步"), self.tr("本机尚未上传的修改（条）"))
        self.last_sync_card = StatCard(self.tr("上次同步"), self.tr("与办公室数据库最近一次完整同步的时间"))
        self.connection_card = StatCard(self.tr("连接状态"), "")
        self.conflicts_card = StatCard(self.tr("待处理冲突"), self.tr("两边都修改过的记录"))
        cards = QGridLayout()
        cards.setHorizontalSpacing(12)
        for i, card in enumerate(
            (self.pending_card, self.last_sync_card, self.connection_card, self.conflicts_card)
        ):
            card.setMinimumHeight(100)
            cards.addWidget(card, 0, i)
            cards.setColumnStretch(i, 1)
        self.body.addLayout(cards)

        # ---- sync now -----------------------------------------------------------------------------------
        sync_panel, sync_layout = _panel(self.tr("立即同步"))
        self.office_label = QLabel("")
        self.office_label.setObjectName("muted")
        self.office_label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setObjectName("primary")
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.cancel_button.hide()
        self.auto_box = QCheckBox(self.tr("联网时自动同步（每 10 分钟尝试一次）"))
        self.auto_box.toggled.connect(self._auto_toggled)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.sync_button)
        row.addWidget(self.cancel_button)
        row.addSpacing(12)
        row.addWidget(self.auto_box)
        row.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the core says how far it is
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("muted")
        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("muted")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.progress_label, self.result_label, self.detail_label):
            label.hide()
        # Offered only when the office database was restored or replaced (docs/sync.md).
        self.reseed_button = QPushButton(self.tr("重新上传本机数据…"))
        self.reseed_button.clicked.connect(self.ask_reseed)
        self.reseed_button.hide()
        reseed_row = QHBoxLayout()
        reseed_row.addWidget(self.reseed_button)
        reseed_row.addStretch(1)
        sync_layout.addWidget(self.office_label)
        sync_layout.addLayout(row)
        sync_layout.addWidget(self.progress)
        sync_layout.addWidget(self.progress_label)
        sync_layout.addWidget(self.result_label)
        sync_layout.addWidget(self.detail_label)
        sync_layout.addLayout(reseed_row)
        self.sync_panel = sync_panel
        self.body.addWidget(sync_panel)

        # ---- enrollment (a laptop not enrolled yet) -----------------------------------------------------
        self.enroll_panel = self._enroll_panel()
        self.body.addWidget(self.enroll_panel)
        self.enroll_panel.hide()

        # ---- conflicts ----------------------------------------------------------------------------------
        conflicts_panel, conflicts_layout = _panel(self.tr("冲突：本机和办公室都修改过的记录"))
        self.conflict_model = ConflictListModel(self)
        self.conflict_table = QTableView()
        self.conflict_table.setModel(self.conflict_model)
        self.conflict_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_table.verticalHeader().setVisible(False)
        self.conflict_table.setShowGrid(False)
        self.conflict_table.setAlternatingRowColors(True)
        self.conflict_table.setTabKeyNavigation(False)  # Tab goes on to 处理所选冲突…
        cell_delegate.install(self.conflict_table)
        header = self.conflict_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((100, 220, 200, 260, 140)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.activated.connect(self._conflict_activated)
        self.conflicts_empty = QLabel(self.tr("没有待处理的冲突。"))
        self.conflicts_empty.setObjectName("muted")
        self.resolve_button = QPushButton(self.tr("处理所选冲突…"))
        self.resolve_button.clicked.connect(self.open_selected_conflict)
        conflicts_layout.addWidget(self.conflicts_empty)
        conflicts_layout.addWidget(self.conflict_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        conflicts_layout.addLayout(buttons)
        self.conflicts_panel = conflicts_panel
        self.body.addWidget(conflicts_panel, 1)
        self.body.addStretch(0)  # takes the room when the conflicts are not shown

        self.controller.started.connect(self._sync_started)
        self.controller.progressed.connect(self._sync_progress)
        self.controller.finished.connect(self._sync_finished)
        self.controller.autoSyncChanged.connect(self._auto_changed)

    def _enroll_panel(self) -> QFrame:
        panel, layout = _panel(self.tr("本机尚未注册到办公室数据库"))
        how = QLabel(
            self.tr(
                "同步前，需要由管理员在办公室为本机建立设备登录名和一次性注册口令"
                "（inspector office add-device），然后在本机注册。可在下面填写后点“注册本机”，"
                "也可以在命令行运行："
            )
        )
        how.setWordWrap(True)
        command = QLabel(QCoreApplication.translate("Sync", ENROLL_COMMAND))
        command.setObjectName("enrollCommand")
        command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        command.setStyleSheet("font-family: monospace; background: #f4f6f9; padding: 6px 8px;")
        layout.addWidget(how)
        layout.addWidget(command)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.enroll_url = QLineEdit()
        self.enroll_url.setPlaceholderText(self.tr("例如 host=10.1.2.3 dbname=inspector"))
        self.enroll_device = QLineEdit()
        self.enroll_device.setPlaceholderText(self.tr("管理员给出的设备登录名"))
        self.enroll_secret = QLineEdit()
        self.enroll_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.enroll_secret.setPlaceholderText(self.tr("一次性注册口令（只用一次，不会保存）"))
        self.enroll_ssl = QComboBox()
        for value, label in SSL_MODES:
            self.enroll_ssl.addItem(self.tr(label), value)
        ca_row = QHBoxLayout()
        self.enroll_ca = QLineEdit()
        self.enroll_ca.setPlaceholderText(self.tr("“验证服务器证书”时需要：办公室的 CA 证书文件"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._choose_ca)
        ca_row.addWidget(self.enroll_ca, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("办公室数据库地址："), self.enroll_url)
        form.addRow(self.tr("设备登录名："), self.enroll_device)
        form.addRow(self.tr("注册口令："), self.enroll_secret)
        form.addRow(self.tr("连接加密："), self.enroll_ssl)
        form.addRow(self.tr("CA 证书："), ca_row)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.enroll_button = QPushButton(self.tr("注册本机"))
        self.enroll_button.setObjectName("primary")
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_message = QLabel("")
        self.enroll_message.setWordWrap(True)
        row.addWidget(self.enroll_button)
        row.addWidget(self.enroll_message, 1)
        layout.addLayout(row)
        for field in (self.enroll_url, self.enroll_device, self.enroll_secret):
            field.textChanged.connect(self._enroll_ready)
        self._enroll_ready()
        return panel

    # ---- loading --------------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        store, online = self._store, self.controller.online
        self._run(lambda: load_sync_page(store, online=online), self._show, self._load_failed, owner=self)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        errors.show_error(exc, self)

    @property
    def status(self) -> SyncStatus | None:
        return self.data.status if self.data is not None else None

    @Slot(object)
    def _show(self, data: SyncPageData) -> None:
        self._loading = False
        self.data = data
        status = data.status
        self.pending_card.set_value(status.pending)
        self.last_sync_card.set_value(
            fmt_datetime(status.last_sync_at) if status.last_sync_at else self.tr("从未同步")
        )
        if not data.enrolled:
            self.connection_card.set_value(self.tr("未注册"))
            self.connection_card.set_severity("amber")
        else:
            self.connection_card.set_value(self.tr("在线") if status.online else self.tr("离线"))
            self.connection_card.set_severity("ok" if status.online else None)
        device = data.device_name or self.tr("本机")
        self.connection_card.set_note(self.tr("本机名称：{name}").format(name=device))
        n = len(data.conflicts)
        self.conflicts_card.set_value(n)
        self.conflicts_card.set_severity("amber" if n else None)

        self._set(
            self.office_label,
            self.tr("办公室数据库：{office}").format(office=office_text(data.office))
            if data.enrolled
            else "",
        )
        self.enroll_panel.setVisible(not data.enrolled)
        self.sync_panel.setVisible(data.enrolled or self.controller.last is not None)
        self.conflicts_panel.setVisible(data.enrolled or n > 0)
        self.sync_button.setEnabled(data.enrolled and not self.controller.running)
        self.auto_box.setEnabled(data.enrolled)
        self.auto_box.blockSignals(True)
        self.auto_box.setChecked(data.auto_sync)
        self.auto_box.blockSignals(False)
        if self.controller.last is None and not self.controller.running:
            self._set(self.result_label, self.tr("本次打开程序后尚未同步。"))
            self.result_label.setStyleSheet(f"color: {TEXT_MUTED};")

        self.conflict_model.set_conflicts(data.conflicts)
        self.conflicts_empty.setVisible(n == 0)
        self.conflict_table.setVisible(n > 0)
        self.resolve_button.setEnabled(n > 0)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        """Set a label's text and show it only when there is something to say."""
        label.setText(text)
        label.setVisible(bool(text))

    # ---- syncing ----------------------------------------------------------------------------------

    @Slot()
    def start_sync(self) -> None:
        self.controller.start()

    def reseed_question(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("重新上传本机数据"))
        box.setText(
            self.tr(
                "办公室数据库已从备份恢复或被更换。重新上传会把本机的全部记录再发送一遍：\n\n"
                "· 办公室缺少的记录会补上，备份之后本机的修改会重新写入；\n"
                "· 办公室的较新版本会下载到本机；\n"
                "· 无法判断新旧的记录成为“冲突”，由您逐条决定，任何一方都不会被静默覆盖。\n\n"
                "请先向管理员确认数据库确实已恢复。现在重新上传吗？"
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    @Slot()
    def ask_reseed(self) -> None:
        if self.reseed_question().exec() == QMessageBox.StandardButton.Yes:
            self.controller.start(reseed=True)

    @Slot(bool)
    def _sync_started(self, automatic: bool) -> None:
        self.reseed_button.hide()
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set(
            self.progress_label, self.tr("正在自动同步…") if automatic else self.tr("正在连接办公室数据库…")
        )
        self._set(self.result_label, "")
        self._set(self.detail_label, "")

    @Slot(object)
    def _sync_progress(self, progress: SyncProgress) -> None:
        self._set(self.progress_label, progress_text(progress))
        if progress.phase == "done":
            self.progress.setRange(0, 1)
            self.progress.setValue(1)

    @Slot(object)
    def _sync_finished(self, outcome: SyncOutcome) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self._set(self.progress_label, "")
        self.show_outcome(outcome)
        self.refresh()

    def show_outcome(self, outcome: SyncOutcome) -> None:
        self.reseed_button.setVisible(outcome.office_changed)
        when = fmt_datetime(outcome.finished_at)
        kind = self.tr("自动同步") if outcome.automatic else self.tr("同步")
        self._set(self.result_label, f"{when} {kind}：{outcome.message}")
        self.result_label.setStyleSheet(f"color: {_LEVEL_COLOUR.get(outcome.level, TEXT_MUTED)};")
        detail = ""
        if outcome.report is not None:
            r = outcome.report
            detail = self.tr(
                "上传 {accepted}/{ops} 条（冲突 {pc}，拒收 {pr}）；"
                "下载 {applied} 条（冲突 {lc}，拒收 {lr}）；用时 {s:.1f} 秒"
            ).format(
                accepted=r.pushed.accepted,
                ops=r.pushed.ops,
                pc=r.pushed.conflicts,
                pr=r.pushed.rejected,
                applied=r.pulled.applied,
                lc=r.pulled.conflicts,
                lr=r.pulled.rejected,
                s=r.seconds,
            )
        elif outcome.error is not None and not outcome.cancelled:
            said = error_text(outcome.error) if isinstance(outcome.error, InspectorError) else ""
            if said and said not in outcome.message:
                detail = self.tr("详细情况：{detail}").format(detail=said)
        self._set(self.detail_label, detail)

    @Slot(bool)
    def _auto_toggled(self, enabled: bool) -> None:
        self.controller.set_auto_sync(enabled)

    @Slot(bool)
    def _auto_changed(self, enabled: bool) -> None:
        self.auto_box.blockSignals(True)
        self.auto_box.setChecked(enabled)
        self.auto_box.blockSignals(False)

    # ---- conflicts ---------------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _conflict_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_conflict(index.row())

    @Slot()
    def open_selected_conflict(self) -> ConflictDialog | None:
        index = self.conflict_table.currentIndex()
        row = index.row() if index.isValid() else (0 if self.conflict_model.rowCount() else -1)
        return self.open_conflict(row) if row >= 0 else None

    def open_conflict(self, row: int) -> ConflictDialog:
        conflict = self.conflict_model.index(row, 0).data(CONFLICT_ROLE)
        dialog = ConflictDialog(self._store, conflict, runner=self._runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    # ---- enrollment -------------------------------------------------------------------------------

    @Slot()
    def _enroll_ready(self) -> None:
        ready = all(f.text().strip() for f in (self.enroll_url, self.enroll_device, self.enroll_secret))
        self.enroll_button.setEnabled(ready)

    @Slot()
    def _choose_ca(self) -> None:
        path = file_dialogs.open_file_name(
            self, self.tr("选择办公室的 CA 证书"), self.tr("证书 (*.pem *.crt);;所有文件 (*)")
        )
        if path is not None:
            self.enroll_ca.setText(str(path))

    @Slot()
    def enroll(self) -> None:
        from inspector.sync.connection import OfficeTarget
        from inspector.sync.enroll import enroll_store

        url, device = self.enroll_url.text().strip(), self.enroll_device.text().strip()
        secret = self.enroll_secret.text()
        sslmode = str(self.enroll_ssl.currentData())
        ca = self.enroll_ca.text().strip() or None
        store = self._store

        def work() -> object:
            target = OfficeTarget.parse(url, device, sslmode=sslmode, sslrootcert=ca)
            return enroll_store(store, target, secret)

        self.enroll_button.setEnabled(False)
        self.enroll_message.setStyleSheet(f"color: {TEXT_MUTED};")
        self.enroll_message.setText(self.tr("正在注册…"))
        self._run(work, self._enrolled, self._enroll_failed, owner=self)

    def _enrolled(self, _enrollment: object) -> None:
        self.enroll_secret.clear()
        self.enroll_message.setStyleSheet(f"color: {GREEN};")
        self.enroll_message.setText(self.tr("本机已注册，可以同步了。"))
        self.refresh()

    def _enroll_failed(self, exc: BaseException) -> None:
        self._enroll_ready()
        self.enroll_message.setStyleSheet(f"color: {RED};")
        self.enroll_message.setText(error_message(exc))
        if not isinstance(exc, InspectorError):
            errors.show_error(exc, self)  # a bug: also the dialog with the log's location
