"""日志与报表: what exists now (daily logs, monthly reports); generating and printing come later."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from inspector.store.store import Store
from ui import errors
from ui.formatting import fmt_date
from ui.queries import ReportCounts, load_report_counts
from ui.widgets import Page, StatCard
from ui.workers import Runner, run_in_background


class ReportsView(Page):
    def __init__(self, store: Store, *, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.set_heading(self.tr("日志与报表"), self.tr("派驻检察工作日志和月度工作情况报告"))
        self._store = store
        self._run: Runner = runner or run_in_background
        self.counts: ReportCounts | None = None

        self.logs_card = StatCard(self.tr("工作日志"), "")
        self.latest_card = StatCard(self.tr("最近一篇工作日志"), "")
        self.reports_card = StatCard(self.tr("月度报告"), self.tr("已保存的月度工作情况报告"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for i, card in enumerate((self.logs_card, self.latest_card, self.reports_card)):
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 1)
        self.body.addLayout(grid)
        about = QLabel(
            self.tr(
                "这里将按当天、当月已登记的巡视、谈话、信箱、纠正等记录自动汇总生成工作日志和月度报告，"
                "经确认后可预览、打印和另存为 PDF。"
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
        self._run(
            lambda: load_report_counts(store), self._show, lambda e: errors.show_error(e, self), owner=self
        )

    @Slot(object)
    def _show(self, counts: ReportCounts) -> None:
        self.counts = counts
        self.logs_card.set_value(counts.daily_logs)
        self.logs_card.set_note(self.tr("其中已确认 {n} 篇").format(n=counts.confirmed_daily_logs))
        if counts.latest_log_date is None:
            self.latest_card.set_value("—")
            self.latest_card.set_note(self.tr("还没有工作日志"))
        else:
            self.latest_card.set_value(fmt_date(counts.latest_log_date))
            self.latest_card.set_note(self.tr("日志日期"))
        self.reports_card.set_value(counts.monthly_reports)
