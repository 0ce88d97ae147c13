"""日志与报表: counts of daily logs and monthly reports; for a chosen day its daily log (written from
a form prefilled with the day's records, then confirmed) and for a chosen month its report (edited,
submitted for review with its counts frozen, approved by a procurator); the preview (print, save as
PDF) of both, built by the core; and 导出全部台账（xlsx）…: every ledger of the store as a workbook, a
sheet each, written in the background and recorded in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import QDateEdit, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from inspector.domain.errors import InspectorError
from inspector.export import ExportSummary
from inspector.services import exports, reports
from inspector.services.policy import Actor, Permission, actor_for, may
from inspector.services.records import EditState, Saved
from inspector.services.reports import ReportCounts, load_report_counts
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.documents import PdfRequest, daily_log_request, monthly_report_request, open_preview, safe_file_name
from ui.formatting import fmt_date
from ui.i18n import error_text
from ui.style import scaled_font
from ui.widgets import Page, StatCard
from ui.workers import Runner, run_in_background


class ReportsView(Page):
    def __init__(
        self,
        store: Store,
        *,
        actor: Actor | None = None,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.actor = actor
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
        self.write_log_button = QPushButton(self.tr("编写日志…"))
        self.write_log_button.setToolTip(self.tr("当天的日志：按当天的记录预先填好，修改后保存"))
        self.write_log_button.clicked.connect(self.write_daily_log)
        self.confirm_log_button = QPushButton(self.tr("确认日志"))
        self.confirm_log_button.setToolTip(self.tr("确认后，日志中的统计数字以确认时为准"))
        self.confirm_log_button.clicked.connect(self.confirm_daily_log)
        self.write_report_button = QPushButton(self.tr("编写月报…"))
        self.write_report_button.clicked.connect(self.write_monthly_report)
        self.submit_report_button = QPushButton(self.tr("提交审核"))
        self.submit_report_button.setToolTip(self.tr("提交后，月报中的统计数字冻结"))
        self.submit_report_button.clicked.connect(self.submit_monthly_report)
        self.approve_report_button = QPushButton(self.tr("审批月报"))
        self.approve_report_button.clicked.connect(self.approve_monthly_report)
        rows = (
            (self.tr("派驻检察工作日志"), self.log_date,
             (self.log_button, self.write_log_button, self.confirm_log_button),
             self.tr("按当天登记的巡视、谈话、信箱、纠正等记录汇总；已确认的日志以确认时的数字为准")),
            (self.tr("月度工作情况报告"), self.month,
             (self.report_button, self.write_report_button, self.submit_report_button,
              self.approve_report_button),
             self.tr("按当月记录统计；已报送的报告打印报送时冻结的数字")),
        )  # fmt: skip
        for i, (label, picker, buttons, note) in enumerate(rows, start=1):
            form.addWidget(QLabel(label), 2 * i - 1, 0)
            form.addWidget(picker, 2 * i - 1, 1)
            line = QHBoxLayout()
            for button in buttons:
                line.addWidget(button)
            line.addStretch(1)
            form.addLayout(line, 2 * i - 1, 2)
            hint = QLabel(note)
            hint.setObjectName("muted")
            hint.setWordWrap(True)
            form.addWidget(hint, 2 * i, 1, 1, 2)
        form.setColumnStretch(2, 1)
        # 值班与在岗 (ui/views/duty_view.py): the month's duty roster and sign-ins, in a window of its own
        self.duty_button = QPushButton(self.tr("值班与在岗…"))
        self.duty_button.setToolTip(
            self.tr("按月安排在岗、值班、请假、外出，登记每日签到；打印值班表或导出 Excel")
        )
        self.duty_button.clicked.connect(self.open_duty)
        form.addWidget(QLabel(self.tr("值班与在岗")), 5, 0)
        form.addWidget(self.duty_button, 5, 1)
        duty_hint = QLabel(
            self.tr("工作日在岗人数、法定节假日值班和每人每月在岗天数；人数不足的日子在工作台提示")
        )
        duty_hint.setObjectName("muted")
        duty_hint.setWordWrap(True)
        form.addWidget(duty_hint, 6, 1, 1, 2)
        self.duty_page: QWidget | None = None
        # Every ledger as one workbook (the lists' 导出… writes what one list shows)
        self.export_button = QPushButton(self.tr("导出全部台账（xlsx）…"))
        self.export_button.setToolTip(self.tr("写成一个 xlsx 文件，可在 Excel 或 WPS 中查看和筛选"))
        self.export_button.clicked.connect(lambda _checked=False: self.export_ledgers())
        form.addWidget(QLabel(self.tr("台账导出")), 7, 0)
        form.addWidget(self.export_button, 7, 1)
        export_hint = QLabel(
            self.tr("每类台账一个工作表；以 = + - @ 开头的文字按文本保存，不会被当作公式执行")
        )
        export_hint.setObjectName("muted")
        export_hint.setWordWrap(True)
        form.addWidget(export_hint, 8, 1, 1, 2)
        self.result = QLabel("")
        self.result.setObjectName("muted")
        self.result.setWordWrap(True)
        form.addWidget(self.result, 9, 0, 1, 3)
        self.body.addWidget(panel)
        editing = actor is not None and may(actor, Permission.EDIT)
        for button in (self.write_log_button, self.confirm_log_button, self.write_report_button,
                       self.submit_report_button):  # fmt: skip
            button.setEnabled(editing)
        self.approve_report_button.setEnabled(actor is not None and may(actor, Permission.SIGN))
        if actor is not None and not may(actor, Permission.SIGN):
            self.approve_report_button.setToolTip(self.tr("待检察官审批"))

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

    @Slot()
    def open_duty(self) -> QWidget:
        """值班与在岗 for the month chosen above (one window; asked again, it comes to the front)."""
        from ui.views.duty_view import DutyPage  # loaded on first use, not at start-up

        year, month = self.report_month()
        page = self.duty_page
        if page is None or not shiboken6.isValid(page) or not page.isVisible():
            page = DutyPage(
                self._store, actor=self.actor, runner=self._runner, year=year, month=month, parent=self
            )
            page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self.duty_page = page
        page.show()
        page.raise_()
        page.activateWindow()
        return page

    # ---- every ledger to xlsx ---------------------------------------------------------------------------

    def export_file_name(self) -> str:
        return safe_file_name(self.tr("全部台账-{d}").format(d=f"{today_local():%Y-%m-%d}")) + ".xlsx"

    @Slot()
    def export_ledgers(self, path: Path | None = None) -> None:
        """Every ledger to an xlsx file (``path``; None: ask in a save dialog, which asks before
        replacing a file), written in the background; the outcome shows under the buttons."""
        if not self.export_button.isEnabled():
            return  # an export is being written
        if path is None:
            path = file_dialogs.save_file_name(
                self, self.tr("导出全部台账"), self.export_file_name(), self.tr("Excel 工作簿 (*.xlsx)")
            )
            if path is None:
                return
        if not path.suffix and not path.exists():
            path = path.with_name(path.name + ".xlsx")  # a name typed without its suffix
        store, actor, target = self._store, self.actor, path

        def work() -> ExportSummary:
            return exports.export_ledgers_xlsx(store, actor or actor_for(store), target)

        self.export_button.setEnabled(False)
        self.result.setText(self.tr("正在导出全部台账到 {file}…").format(file=path.name))
        self._run(work, self._ledgers_exported, self._ledgers_failed, owner=self)

    @Slot(object)
    def _ledgers_exported(self, summary: ExportSummary) -> None:
        self.export_button.setEnabled(True)
        self.result.setText(
            self.tr("已导出 {sheets} 类台账、共 {n} 行到 {path}").format(
                sheets=len(summary.counts), n=sum(summary.counts.values()), path=summary.path
            )
        )

    @Slot(object)
    def _ledgers_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        reason = error_text(exc) if isinstance(exc, InspectorError) else type(exc).__name__
        self.result.setText(self.tr("导出失败：{reason}").format(reason=reason))
        errors.show_error(exc, self)

    # ---- writing, confirming, submitting, approving ---------------------------------------------------

    def _work(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._run(fn, on_done, lambda e: errors.show_error(e, self), owner=self)

    def _actor(self) -> Actor:
        if self.actor is None:
            raise InspectorError("没有登录用户，不能编写", "Nobody is signed in: cannot write")  # i18n: both
        return self.actor

    @Slot()
    def write_daily_log(self) -> None:
        store, actor, day = self._store, self._actor(), self.log_day()
        self._work(lambda: reports.daily_log_for_edit(store, day, actor), self._open_form)

    @Slot()
    def write_monthly_report(self) -> None:
        store, actor, (year, month) = self._store, self._actor(), self.report_month()
        self._work(lambda: reports.monthly_report_for_edit(store, year, month, actor), self._open_form)

    def _open_form(self, state: EditState) -> None:
        from ui.forms import open_record_form  # the forms load on first use, not at start-up

        if state.record_id is not None:
            form = open_record_form(self, self._store, state.kind, state.record_id, actor=self._actor(),
                                    runner=self._runner)  # fmt: skip
        else:
            form = open_record_form(self, self._store, state.kind, actor=self._actor(), runner=self._runner,
                                    prefill=state)  # fmt: skip
        form.saved.connect(lambda *_: self.refresh())

    @Slot()
    def confirm_daily_log(self) -> None:
        store, actor, day = self._store, self._actor(), self.log_day()

        def confirm() -> Saved:
            state = reports.daily_log_for_edit(store, day, actor)
            if state.record_id is None:
                raise InspectorError(  # i18n: both languages
                    f"{day:%Y年%m月%d日}还没有保存的工作日志：请先编写并保存",
                    f"No daily log has been saved for {day.isoformat()}: write and save it first",
                )
            return reports.confirm_daily_log(store, state.record_id, state.version, actor)

        self._work(confirm, lambda _s: self._done(self.tr("{d} 的工作日志已确认").format(d=fmt_date(day))))

    def _report_step(self, step: Callable[[Store, Any, str | None, Actor], Saved], done: str) -> None:
        store, actor, (year, month) = self._store, self._actor(), self.report_month()

        def run() -> Saved:
            state = reports.monthly_report_for_edit(store, year, month, actor)
            if state.record_id is None:
                raise InspectorError(  # i18n: both languages
                    f"{year}年{month}月还没有保存的月报：请先编写并保存",
                    f"No monthly report has been saved for {year}-{month:02d}: write and save it first",
                )
            return step(store, state.record_id, state.version, actor)

        self._work(run, lambda _s: self._done(done.format(y=year, m=month)))

    @Slot()
    def submit_monthly_report(self) -> None:
        self._report_step(
            reports.submit_monthly_report, self.tr("{y}年{m}月的月报已提交审核，统计数字已冻结")
        )

    @Slot()
    def approve_monthly_report(self) -> None:
        self._report_step(reports.approve_monthly_report, self.tr("{y}年{m}月的月报已审批"))

    def _done(self, text: str) -> None:
        self.result.setText(text)
        self.refresh()

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
