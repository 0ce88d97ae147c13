"""同步: what is waiting to go to the office; the sync itself comes with the sync module."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from inspector.store.store import Store
from ui import errors
from ui.formatting import fmt_datetime
from ui.queries import SyncStatus, load_sync_status
from ui.widgets import Page, StatCard
from ui.workers import Runner, run_in_background


@dataclass(frozen=True)
class _SyncPageData:
    status: SyncStatus
    device_name: str


class SyncView(Page):
    def __init__(self, store: Store, *, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.set_heading(self.tr("同步"), self.tr("本机与办公室数据库之间的数据同步"))
        self._store = store
        self._run: Runner = runner or run_in_background
        self.status: SyncStatus | None = None

        self.pending_card = StatCard(self.tr("待同步"), self.tr("本机尚未上传的修改（条）"))
        self.last_sync_card = StatCard(self.tr("上次同步"), self.tr("与办公室数据库最近一次同步的时间"))
        self.connection_card = StatCard(self.tr("连接状态"), "")
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for i, card in enumerate((self.pending_card, self.last_sync_card, self.connection_card)):
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 1)
        self.body.addLayout(grid)
        about = QLabel(
            self.tr(
                "这里将把本机新增和修改的记录上传到办公室数据库，并下载办公室的更新；"
                "两边都修改过的记录会列为冲突，逐项选择保留哪一边。\n"
                "同步功能尚未接通，所有记录都安全地保存在本机。"
            )
        )
        about.setObjectName("muted")
        about.setWordWrap(True)
        self.body.addWidget(about)

        self.body.addStretch(1)

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        store = self._store

        def work() -> _SyncPageData:
            return _SyncPageData(load_sync_status(store), str(store.meta("device_name") or ""))

        self._run(work, self._show, lambda e: errors.show_error(e, self), owner=self)

    @Slot(object)
    def _show(self, data: _SyncPageData) -> None:
        self.status = data.status
        self.pending_card.set_value(data.status.pending)
        if data.status.last_sync_at is None:
            self.last_sync_card.set_value(self.tr("从未同步"))
        else:
            self.last_sync_card.set_value(fmt_datetime(data.status.last_sync_at))
        self.connection_card.set_value(self.tr("在线") if data.status.online else self.tr("离线"))
        device = data.device_name or self.tr("本机")
        self.connection_card.set_note(self.tr("本机名称：{name}").format(name=device))
