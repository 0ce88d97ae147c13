"""日志与报表: counts of daily logs and monthly reports, and the preview (print, save as PDF) of the
daily log of a chosen day and the monthly report of a chosen month, built by the core."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QDateEdit, QFrame, QGridLayout, QLabel, QPushButton, QWidget

from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors
from ui.documents import PdfRequest, daily_log_request, monthly_report_request, open_preview
from ui.formatting import fmt_date
from ui.queries import ReportCounts, load_report_counts
from ui.style import scaled_font
from ui.widgets import Page, StatCard
from ui.workers import Runner, run_in_background


class ReportsView(Page):
    def __init__(self, store: Store, *, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.set_heading(self.tr("日志与报表"), self.tr("派驻检察工作日志和月度工作情况报告"))
        self._store = store
        self._runner = runner
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
        panel = QFrame()
        panel.setObjectName("panel")
        form = QGridLayout(panel)
        form.setContentsMargins(18, 14, 18, 16)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        heading = QLabel(self.tr("预览、打印和另存为 PDF"))
        heading.setObjectName("sectionTitle")
        heading.setFont(scaled_font(heading, 1.1, bold=True))
        form.addWidget(heading, 0, 0, 1, 4)

        today = today_local()
        self.log_date = QDateEdit(QDate(today.year, today.month, today.day))
        self.log_date.setCalendarPopup(True)
        self.log_date.setDisplayFormat("yyyy-MM-dd")
        self.log_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.log_date.setMinimumWidth(140)
        self.log_button = QPushButton(self.tr("预览工作日志…"))
        self.log_button.clicked.connect(self.preview_daily_log)
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat(self.tr("yyyy年M月"))
        self.month.setCalendarPopup(False)
        self.month.setCurrentSection(QDateEdit.Section.MonthSection)
        self.month.setMinimumWidth(140)
        self.report_button = QPushButton(self.tr("预览月度报告…"))
        self.report_button.clicked.connect(self.preview_monthly_report)
        rows = (
            (self.tr("派驻检察工作日志"), self.log_date, self.log_button,
             self.tr("按当天登记的巡视、谈话、信箱、纠正等记录汇总；已确认的日志以确认时的数字为准")),
            (self.tr("月度工作情况报告"), self.month, self.report_button,
             self.tr("按当月记录统计；已报送的报告打印报送时冻结的数字")),
        )  # fmt: skip
        for i, (label, picker, button, note) in enumerate(rows, start=1):
            form.addWidget(QLabel(label), i, 0)
            form.addWidget(picker, i, 1)
            form.addWidget(button, i, 2)
            hint = QLabel(note)
            hint.setObjectName("muted")
            hint.setWordWrap(True)
            form.addWidget(hint, i, 3)
        form.setColumnStretch(3, 1)
        self.body.addWidget(panel)

        self.body.addStretch(1)

    def log_day(self) -> date:
        chosen = self.log_date.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def report_month(self) -> tuple[int, int]:
        chosen = self.month.date()
        return chosen.year(), chosen.month()

    @Slot()
    def preview_daily_log(self) -> QWidget | None:
        return self._preview(daily_log_request(self.log_day()))

    @Slot()
    def preview_monthly_report(self) -> QWidget | None:
        return self._preview(monthly_report_request(*self.report_month()))

    def _preview(self, request: PdfRequest) -> QWidget | None:
        return open_preview(self._store, request, self, runner=self._runner)

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
