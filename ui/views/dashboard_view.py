"""工作台: one card per kind of work with its live count, and the documents waiting for a reply.

Counts are read on a worker thread each time the page is shown (and on F5), never on the GUI thread.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector.store.store import Store
from ui import errors
from ui.models.record_lists import correction_list
from ui.models.record_table_model import RecordTableModel
from ui.queries import DashboardCounts, Week, load_dashboard_counts
from ui.style import scaled_font
from ui.views.records_view import make_table
from ui.widgets import Page, StatCard
from ui.workers import Runner, run_in_background


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


class DashboardView(Page):
    countsLoaded = Signal(object)  # DashboardCounts

    def __init__(self, store: Store, *, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.set_heading(self.tr("工作台"))
        self._store = store
        self._run: Runner = runner or run_in_background
        self._loading = False
        self.counts: DashboardCounts | None = None

        self.cards: dict[str, StatCard] = {
            "in_custody": StatCard(self.tr("在押人员"), self.tr("目前在所人数")),
            "patrols_this_week": StatCard(self.tr("本周巡视"), ""),
            "talks_this_week": StatCard(self.tr("本周谈话"), ""),
            "mailbox_openings_this_week": StatCard(self.tr("本周信箱开启"), ""),
            "awaiting_reply": StatCard(self.tr("待回复文书"), self.tr("已送达，待对方回复")),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 1)
        self.body.addLayout(grid)

        # Documents waiting for a reply, the soonest due first.
        spec = correction_list(awaiting_reply_only=True)
        self.awaiting_model = RecordTableModel(
            store,
            spec.query,
            spec.columns,
            sort_column=spec.sort_column,
            sort_order=spec.sort_order,
            runner=runner,
            parent=self,
        )
        panel = QFrame()
        panel.setObjectName("panel")
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(16, 12, 16, 16)
        panel_layout.setSpacing(8)
        title_row = QHBoxLayout()
        panel_title = QLabel(self.tr("待回复的纠正违法通知书和检察建议书"))
        panel_title.setObjectName("sectionTitle")
        panel_title.setFont(scaled_font(panel_title, 1.1, bold=True))
        self.awaiting_count = QLabel("")
        self.awaiting_count.setObjectName("muted")
        title_row.addWidget(panel_title)
        title_row.addStretch(1)
        title_row.addWidget(self.awaiting_count)
        panel_layout.addLayout(title_row)
        self.awaiting_table = make_table(self.awaiting_model, panel)
        panel_layout.addWidget(self.awaiting_table, 1)
        self.body.addWidget(panel, 1)
        self.awaiting_model.loaded.connect(self._update_awaiting_count)
        self.awaiting_model.totalChanged.connect(self._update_awaiting_count)

    # ---- loading -------------------------------------------------------------------------------

    def activate(self) -> None:
        self.load_counts()
        self.awaiting_model.ensure_loaded()

    def refresh(self) -> None:
        self.load_counts()
        self.awaiting_model.reload()

    def load_counts(self) -> None:
        if self._loading:
            return
        self._loading = True
        store = self._store
        self._run(lambda: load_dashboard_counts(store), self._show_counts, self._counts_failed, owner=self)

    def _counts_failed(self, exc: BaseException) -> None:
        self._loading = False
        errors.show_error(exc, self)

    @Slot(object)
    def _show_counts(self, counts: DashboardCounts) -> None:
        self._loading = False
        self.counts = counts
        for key, card in self.cards.items():
            card.set_value(getattr(counts, key))
        week = self._week_text(counts.week)
        for key in ("patrols_this_week", "talks_this_week", "mailbox_openings_this_week"):
            self.cards[key].set_note(week)
        self.header.set_subtitle(
            self.tr("本周：{start}（周一）至 {end}（周日）").format(
                start=f"{counts.week.monday.year}年{_md(counts.week.monday)}", end=_md(counts.week.sunday)
            )
        )
        self.countsLoaded.emit(counts)

    def _week_text(self, week: Week) -> str:
        end = f"{week.sunday.day}日" if week.sunday.month == week.monday.month else _md(week.sunday)
        return self.tr("{start}—{end}").format(start=_md(week.monday), end=end)

    @Slot()
    def _update_awaiting_count(self) -> None:
        total = self.awaiting_model.total
        self.awaiting_count.setText(self.tr("共 {n} 份").format(n=total) if total else self.tr("暂无"))
