"""工作台: the weekly targets, the agenda from the rules engine, custody deadlines within a week and the
documents waiting for a reply.

Everything is read on a worker thread (:func:`inspector.services.dashboard.load_dashboard`: the
agenda, which refreshes the custody deadline cache, then counts and targets) each time the page is
shown, on F5 and every few minutes — never on the GUI thread.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.agenda.ledger_items import LEADS_KIND, LEDGER_KIND
from inspector.rules.targets import TargetStatus
from inspector.services.dashboard import DashboardCounts, DashboardData, RecordLink, Week, load_dashboard
from inspector.store.store import Store
from ui import errors
from ui.actions import Acting
from ui.i18n import rules_text
from ui.models import cell_delegate
from ui.models.agenda_model import (
    DUE,
    ITEM_ROLE,
    LEFT_DAYS,
    WHAT,
    WHO,
    AgendaDelegate,
    AgendaModel,
    CustodySoonModel,
    weekday_text,
)
from ui.models.record_lists import correction_list
from ui.models.record_table_model import ROW_ROLE, RecordTableModel
from ui.qt_compat import emit
from ui.style import AMBER, GREY, RED, scaled_font
from ui.views.agenda_detail import AgendaDetailDialog
from ui.views.records_view import make_table
from ui.widgets import Page, StatCard
from ui.workers import Runner, run_in_background

REFRESH_MS = 5 * 60_000  # the agenda follows the clock: re-read every five minutes
CUSTODY_ROWS = 8  # the custody deadlines show at least this many rows (on 1366 × 768 too)
AWAITING_ROWS = 3  # and the documents awaiting a reply at least this many

ModelIndex = QModelIndex | QPersistentModelIndex


def _md(day: date) -> str:
    return QCoreApplication.translate("DashboardView", "{m}月{d}日").format(m=day.month, d=day.day)


def _ymd(day: date) -> str:
    return QCoreApplication.translate("DashboardView", "{y}年{m}月{d}日").format(
        y=day.year, m=day.month, d=day.day
    )


def _panel(title: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A white panel with a bold title and a grey note on the right of it."""
    panel = QFrame()
    panel.setObjectName("panel")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(6)
    row = QHBoxLayout()
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    heading.setFont(scaled_font(heading, 1.1, bold=True))
    note = QLabel("")
    note.setObjectName("muted")
    note.setTextFormat(Qt.TextFormat.RichText)
    row.addWidget(heading)
    row.addStretch(1)
    row.addWidget(note)
    layout.addLayout(row)
    return panel, layout, note


def _rows_height(view: QTableView, rows: int) -> int:
    """The height of ``view`` showing its header and ``rows`` whole rows."""
    head, row = view.horizontalHeader(), view.verticalHeader().defaultSectionSize()
    return 2 * view.frameWidth() + head.sizeHint().height() + rows * row


def _small_table(view: QTableView) -> QTableView:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab goes on to the next table
    cell_delegate.install(view)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


# Agenda lines about a page rather than a record: the page opened on double-click.
AGENDA_PAGES = {LEADS_KIND: "leads", LEDGER_KIND: "ledger"}


class DashboardView(Page):
    countsLoaded = Signal(object)  # DashboardCounts (the navigation's badge)
    dataLoaded = Signal(object)  # DashboardData
    openRecord = Signal(object)  # RecordLink: show that record on its page

    def __init__(self, store: Store, *, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.set_heading(self.tr("工作台"))
        self._store = store
        self._run: Runner = runner or run_in_background
        self._loading = False
        self._stale = False
        self.counts: DashboardCounts | None = None
        self.data: DashboardData | None = None
        self.acting: Acting | None = None  # set by the window: an agenda row opens what it asks for

        # ---- weekly targets -----------------------------------------------------------------------
        self.cards: dict[str, StatCard] = {
            "patrols": StatCard(self.tr("本周巡视"), ""),
            "talks": StatCard(self.tr("本周谈话"), ""),
            "mailbox_openings": StatCard(self.tr("本周信箱开启"), ""),
            "new_arrivals": StatCard(self.tr("新收押谈话"), ""),
            "in_custody": StatCard(self.tr("在押人员"), self.tr("目前在所人数")),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for i, card in enumerate(self.cards.values()):
            card.setMinimumHeight(104)
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 1)
        self.body.addLayout(grid)

        # ---- agenda ---------------------------------------------------------------------------------
        agenda_panel, agenda_layout, self.agenda_note = _panel(self.tr("工作提示"))
        self.agenda_model = AgendaModel(self)
        self.agenda_table = _small_table(QTableView())
        self.agenda_table.setObjectName("agenda")
        self.agenda_table.setModel(self.agenda_model)
        self.agenda_table.setItemDelegate(AgendaDelegate(self.agenda_table))
        self.agenda_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.agenda_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.agenda_table.verticalHeader()
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 2.05) + 14)
        header = self.agenda_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((DUE, 100), (WHAT, 320), (WHO, 200), (LEFT_DAYS, 84)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.agenda_table.activated.connect(self._agenda_activated)  # double-click and Enter
        self.explain_action = QAction(self.tr("查看计算说明和法律依据…"), self.agenda_table)
        self.explain_action.setShortcut(QKeySequence("Alt+Return"))
        self.explain_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.explain_action.triggered.connect(self._explain_current)
        self.agenda_table.addAction(self.explain_action)
        self.agenda_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.empty_label = QLabel(self.tr("目前没有逾期、临近或近期到期的事项。"))
        self.empty_label.setObjectName("muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        agenda_layout.addWidget(self.agenda_table, 1)
        agenda_layout.addWidget(self.empty_label, 1)
        hint = QLabel(self.tr("双击或按回车办理；按 Alt+回车 或右键查看计算说明和法律依据"))
        hint.setObjectName("muted")
        hint.setFont(scaled_font(hint, 0.9))
        agenda_layout.addWidget(hint)

        # ---- side panel: custody deadlines within 7 days, documents awaiting a reply ----------------
        side = QFrame()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(12)

        custody_panel, custody_layout, self.custody_note = _panel(self.tr("七日内羁押期限届满"))
        self.custody_model = CustodySoonModel(self)
        self.custody_table = _small_table(QTableView())
        self.custody_table.setModel(self.custody_model)
        ch = self.custody_table.horizontalHeader()
        for column, width in ((0, 84), (1, 56), (2, 96), (3, 70)):
            ch.resizeSection(column, width)
        ch.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.custody_table.setMinimumHeight(_rows_height(self.custody_table, CUSTODY_ROWS))
        self.custody_table.activated.connect(self._custody_activated)
        custody_layout.addWidget(self.custody_table, 1)
        side_layout.addWidget(custody_panel, 1)

        awaiting_panel, awaiting_layout, self.awaiting_count = _panel(self.tr("待回复文书"))
        spec = correction_list(awaiting_reply_only=True)
        self.awaiting_model = RecordTableModel(
            store,
            spec.source,
            spec.columns,
            sort_column=spec.sort_column,
            sort_order=spec.sort_order,
            runner=runner,
            parent=self,
        )
        self.awaiting_table = make_table(self.awaiting_model, awaiting_panel)
        self.awaiting_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        headers = [c.header for c in spec.columns]
        keep = {self.tr("文号"), self.tr("回复期限"), self.tr("剩余天数")}
        ah = self.awaiting_table.horizontalHeader()
        for i, name in enumerate(headers):
            self.awaiting_table.setColumnHidden(i, name not in keep)
            if name == self.tr("剩余天数"):
                ah.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            elif name in keep:  # 文号 and 回复期限 whole: as wide as their longest text
                ah.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.awaiting_table.setMinimumHeight(_rows_height(self.awaiting_table, AWAITING_ROWS))
        self._fit_awaiting_width()
        self.awaiting_table.activated.connect(self._awaiting_activated)
        awaiting_layout.addWidget(self.awaiting_table, 1)
        side_layout.addWidget(awaiting_panel, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(12)
        self.splitter.addWidget(agenda_panel)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 380])
        self.body.addWidget(self.splitter, 1)

        self.awaiting_model.loaded.connect(self._update_awaiting_count)
        self.awaiting_model.loaded.connect(self._fit_awaiting_width)
        self.awaiting_model.totalChanged.connect(self._update_awaiting_count)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    # ---- loading -------------------------------------------------------------------------------

    def activate(self) -> None:
        if self.data is None or self._stale:
            self.load()
        self.awaiting_model.ensure_loaded()

    def refresh(self) -> None:
        self.load()
        self.awaiting_model.reload()

    @Slot()
    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # re-read when shown again

    def load(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._stale = False
        store = self._store
        self._run(lambda: load_dashboard(store), self._show, self._failed, owner=self)

    @property
    def is_loading(self) -> bool:
        return self._loading

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        errors.show_error(exc, self)

    def show_data(self, data: DashboardData) -> None:
        """Show data read elsewhere (ahead of sign-in); the next refresh reads it again."""
        self._show(data)

    @Slot(object)
    def _show(self, data: DashboardData) -> None:
        self._loading = False
        self.data = data
        self.counts = data.counts
        self._show_targets(data)
        self._show_agenda(data)
        self._show_custody(data)
        week = data.counts.week
        self.header.set_subtitle(
            self.tr("今天 {today}（{weekday}） · 本周 {start}（周一）至 {end}（周日）").format(
                today=_ymd(data.today),
                weekday=weekday_text(data.today),
                start=_md(week.monday),
                end=_md(week.sunday),
            )
        )
        emit(self.countsLoaded, data.counts)
        emit(self.dataLoaded, data)

    def _show_targets(self, data: DashboardData) -> None:
        for status in data.targets:
            card = self.cards.get(status.target)
            if card is None:
                continue
            card.set_value(f"{status.count}/{status.minimum}" + (" ✓" if status.met else ""))
            card.set_note(self._target_note(status, data.counts.week))
            card.set_severity(status.severity)
            card.setToolTip(rules_text(status.note))
        arrivals = data.new_arrival_talks
        card = self.cards["new_arrivals"]
        if arrivals:
            card.set_value(self.tr("{n} 待办").format(n=len(arrivals)))
            late = sum(1 for i in arrivals if i.level == "overdue")
            soon = sum(1 for i in arrivals if i.level == "warning")
            card.set_severity("red" if late else "amber" if soon else "pending")
            parts = []
            if late:
                parts.append(self.tr("{n} 人已逾期").format(n=late))
            parts.append(self.tr("最早 {d} 到期").format(d=_md(min(i.due for i in arrivals if i.due))))
            card.set_note(self.tr("，").join(parts))
            lines = [
                self.tr("{who}：{why}").format(who=rules_text(i.subject), why=rules_text(i.explanation))
                for i in arrivals
            ]
            card.setToolTip("\n".join(lines))
        else:
            card.set_value("0 ✓")
            card.set_severity("ok")
            card.set_note(self.tr("新收押人员均已谈话"))
            card.setToolTip("")
        self.cards["in_custody"].set_value(data.counts.in_custody)

    def _target_note(self, status: TargetStatus, week: Week) -> str:
        unit = self.tr("人") if status.target == "talks" else self.tr("次")
        if status.met:
            return self.tr("已达标（每周不少于 {m} {u}）").format(m=status.minimum, u=unit)
        return self.tr("还差 {n} {u}（每周不少于 {m} {u}）").format(
            n=status.shortfall, m=status.minimum, u=unit
        )

    def _show_agenda(self, data: DashboardData) -> None:
        self.agenda_model.set_items(data.agenda.items)
        counts = self.agenda_model.level_counts()
        parts = []
        for level, label, colour in (
            ("overdue", self.tr("逾期"), RED),
            ("warning", self.tr("临近"), AMBER),
            ("upcoming", self.tr("待办"), None),
            ("info", self.tr("提示"), GREY),
        ):
            n = counts.get(level, 0)
            if n:
                text = f"{label} {n}"
                parts.append(f'<span style="color:{colour}">{text}</span>' if colour else text)
        self.agenda_note.setText(" · ".join(parts))
        empty = not data.agenda.items
        self.agenda_table.setVisible(not empty)
        self.empty_label.setVisible(empty)

    def _show_custody(self, data: DashboardData) -> None:
        self.custody_model.set_rows(data.custody_soon)
        shown, total = len(data.custody_soon), data.custody_soon_total
        if total == 0:
            self.custody_note.setText(self.tr("暂无"))
        elif shown < total:
            self.custody_note.setText(self.tr("共 {n} 人（显示最早 {k} 人）").format(n=total, k=shown))
        else:
            self.custody_note.setText(self.tr("共 {n} 人").format(n=total))

    @Slot()
    def _fit_awaiting_width(self) -> None:
        """The side panel at least as wide as the documents' columns, so that the 文号 is never cut
        (the splitter gives the room from the agenda)."""
        view, head = self.awaiting_table, self.awaiting_table.horizontalHeader()
        width = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        for i in range(self.awaiting_model.columnCount()):
            if not view.isColumnHidden(i):
                width += max(view.sizeHintForColumn(i), head.sectionSizeHint(i))
        view.setMinimumWidth(width)

    @Slot()
    def _update_awaiting_count(self) -> None:
        total = self.awaiting_model.total
        self.awaiting_count.setText(self.tr("共 {n} 份").format(n=total) if total else self.tr("暂无"))

    # ---- opening -------------------------------------------------------------------------------

    def link_for(self, record_id: Any) -> RecordLink | None:
        if self.data is None or record_id is None:
            return None
        return self.data.links.get(record_id)

    def detail_dialog(self, row: int) -> AgendaDetailDialog:
        """The detail dialog of agenda row ``row`` (not shown yet)."""
        item = self.agenda_model.item(row)
        dialog = AgendaDetailDialog(
            item,
            link=self.link_for(item.record_id),
            conventions=self.data.agenda.conventions if self.data is not None else (),
            parent=self,
        )
        dialog.openRecord.connect(self.openRecord)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    @Slot(QModelIndex)
    def _agenda_activated(self, index: QModelIndex) -> None:
        """The record or new record the item asks for (ui.actions); else as before (its list or its
        detail)."""
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is None:
            return
        page = AGENDA_PAGES.get(item.kind)
        if page is not None:  # 监督线索待核实 / 台账待确认: their page
            emit(self.openRecord, RecordLink(page, None))
            return
        row = index.row()
        if self.acting is None:
            self.detail_dialog(row).open()
        else:
            self.acting.open_agenda_item(item, lambda: self._agenda_fallback(row))

    def _agenda_fallback(self, row: int) -> None:
        link = self.link_for(self.agenda_model.item(row).record_id)
        if link is not None and link.record_id is not None:
            emit(self.openRecord, link)
        else:
            self.detail_dialog(row).open()

    @Slot()
    def _explain_current(self) -> None:
        index = self.agenda_table.currentIndex()
        if index.isValid() and index.data(ITEM_ROLE) is not None:
            self.detail_dialog(index.row()).open()

    @Slot(QModelIndex)
    def _custody_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            emit(self.openRecord, RecordLink("detainees", self.custody_model.row(index.row()).detainee_id))

    @Slot(QModelIndex)
    def _awaiting_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is not None and self.acting is not None:
            self.acting.open_correction(row.record.kind, row.id)  # the document at its next step
        elif row is not None:
            emit(self.openRecord, RecordLink("corrections", row.id))
