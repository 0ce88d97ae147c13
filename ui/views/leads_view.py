"""监督线索: what the rules find in the register and the imported ledgers, worked to a finding or a notice.

The desktop face of :mod:`inspector.services.leads` (``inspector leads scan|list|set-status|raise``):

* the table lists the leads, newest first — 发现日期 · 规则 · 线索 · 人员与记录 · 状态 —, filtered by rule
  and by status (未办结 = 待核实 and 核实中, by default), each choice with its count; the selected lead
  is shown in full below: the facts, the rule's legal basis, the records behind it, who moved it last
  and why, and what it became;
* **开始核实** (待核实 → 核实中, or an excluded lead taken up again), **核实属实** (→ 已核实), **排除…**
  (→ 已排除, in a small dialog that will not go on without a reason), **据此制发** (a verified lead
  becomes a 问题记录, an 口头纠正 or a draft 纠正违法通知书, prefilled from the lead in one transaction;
  the new record's page or form opens, as after 据此制发 from a finding); **扫描** runs the rules in the
  background and keeps the new leads (scanning again duplicates nothing);
* the navigation shows how many leads are still open (:attr:`LeadsPage.openCountChanged`).

A role that may not edit records sees the buttons that write disabled, the tooltip saying why.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector.domain import enums as e
from inspector.services import leads
from inspector.services import ledger_views as lv
from inspector.services.ledger_import import label_of
from inspector.services.policy import Actor, Permission, PermissionDeniedError, may
from inspector.store.store import Store
from ui import errors
from ui.formatting import fmt_date, fmt_datetime
from ui.i18n import QT_TRANSLATE_NOOP, core_text, error_text, mark_content
from ui.models.row_list_model import RowListModel
from ui.qt_compat import emit
from ui.style import AMBER, GREEN, PRIMARY, RED, TEXT_MUTED, scaled_font
from ui.views.records_view import read_only_table
from ui.widgets import Page
from ui.workers import Runner, run_in_background

CONTEXT = "LeadsPage"
S = e.LeadStatus
OPEN = "open"  # the status filter's 未办结: 待核实 and 核实中
ALL = "*"  # a filter's 全部
STATUS_COLOURS = {S.PENDING.value: AMBER, S.CHECKING.value: "#1f5fae", S.VERIFIED.value: GREEN}
# 据此制发: what a verified lead may become (the kinds of leads.raise_from_lead).
RAISE_CHOICES = (
    ("finding", QT_TRANSLATE_NOOP("LeadsPage", "问题记录")),
    ("oral_correction", QT_TRANSLATE_NOOP("LeadsPage", "口头纠正")),
    ("rectification_notice", QT_TRANSLATE_NOOP("LeadsPage", "纠正违法通知书")),
)
TABLE_LABELS = {
    "detainee": QT_TRANSLATE_NOOP("LeadsPage", "在押人员"),
    "custody_event": QT_TRANSLATE_NOOP("LeadsPage", "羁押事件"),
    "ledger_import": QT_TRANSLATE_NOOP("LeadsPage", "台账导入"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def records_text(lead: dict[str, Any]) -> str:
    """The people and records behind a lead, as one line."""
    labels = [str(r.get("label") or "") for r in lead.get("records") or []]
    return "、".join(dict.fromkeys(label for label in labels if label))


class LeadsModel(RowListModel):
    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("LeadsPage", "发现日期"),
        QT_TRANSLATE_NOOP("LeadsPage", "规则"),
        QT_TRANSLATE_NOOP("LeadsPage", "线索"),
        QT_TRANSLATE_NOOP("LeadsPage", "人员与记录"),
        QT_TRANSLATE_NOOP("LeadsPage", "状态"),
    )

    def cell(self, lead: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return fmt_date(lead["found_on"])
            if column == 1:
                return core_text(lead["rule_label"])
            if column == 2:
                return lead["title"]
            if column == 3:
                return records_text(lead)
            text = core_text(lead["status_label"])
            if lead.get("finding_id") is not None:
                text += QCoreApplication.translate("LeadsPage", "（已制发）")
            return text
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            colour = STATUS_COLOURS.get(lead["status"], TEXT_MUTED)
            return QBrush(QColor(colour))
        return None  # a tooltip: the cell's whole text (RowListModel)


class ExcludeDialog(QDialog):
    """排除线索: the reason is required (the 排除 button waits for it)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("排除线索"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        what = QLabel(title)
        what.setWordWrap(True)
        mark_content(what)
        label = QLabel(self.tr("排除理由（必填）："))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("例如：核实后羁押期限计算依据已补录，不属违法"))
        self.reason_edit.setTabChangesFocus(True)
        label.setBuddy(self.reason_edit)
        self.error_label = QLabel(self.tr("请写明排除的理由"))
        self.error_label.setStyleSheet(f"color: {RED};")
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("排除"))
        self.ok_button.setObjectName("primary")
        self.ok_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        box = QVBoxLayout(self)
        box.addWidget(what)
        box.addWidget(label)
        box.addWidget(self.reason_edit, 1)
        box.addWidget(self.error_label)
        box.addLayout(buttons)
        self.reason_edit.textChanged.connect(self._changed)
        self.resize(460, 240)
        self._changed()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))
        self.error_label.setVisible(not self.reason())

    def accept(self) -> None:
        if not self.reason():
            return
        super().accept()


class LeadsPage(Page):
    """监督线索: the leads, filtered by rule and status, and the steps that work them."""

    openCountChanged = Signal(int)  # leads 待核实 or 核实中 (the navigation's count)
    changed = Signal(str, object)  # (kind, record id): a lead moved, or a record was made from one
    openDetainee = Signal(object)  # uuid.UUID: the person's page

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        runner: Runner | None = None,
        open_record: Callable[[str, uuid.UUID], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``open_record(kind, id)``: how the window opens what 据此制发 made (its page or form)."""
        super().__init__(parent=parent)
        self.set_heading(
            self.tr("监督线索"),
            self.tr("规则在名册和台账中发现的问题：逐条核实，属实的据此制发纠正意见"),
        )
        self.store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self._open_record = open_record
        self.may_edit = may(actor, Permission.EDIT)
        self.refusal = error_text(PermissionDeniedError(actor.role, Permission.EDIT))
        self._loading = False
        self._has_loaded = False
        self._again = False
        self.busy = False
        self.counts: dict[str, dict[str, int]] = {}
        self.open_count: int | None = None
        self.last_dialog: ExcludeDialog | None = None
        self._want: uuid.UUID | None = None

        self.scan_button = QPushButton(self.tr("扫描"))
        self.scan_button.setObjectName("primary")
        self.scan_button.setToolTip(self.tr("按全部规则扫描名册和已导入的台账，新发现的线索列为待核实"))
        self.scan_button.clicked.connect(self.scan)
        self.header.right.addWidget(self.scan_button, 0, Qt.AlignmentFlag.AlignBottom)

        # ---- filters ---------------------------------------------------------------------------------
        self.rule_box = QComboBox()
        self.rule_box.setObjectName("rule")
        self.rule_box.setMinimumContentsLength(14)
        self.status_box = QComboBox()
        self.status_box.setObjectName("status")
        for box in (self.rule_box, self.status_box):  # as wide as the longest choice with its count
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_filters()
        self.rule_box.currentIndexChanged.connect(lambda _i: self.load())
        self.status_box.currentIndexChanged.connect(lambda _i: self.load())
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        bar = QHBoxLayout()
        bar.setSpacing(8)
        rule_label = QLabel(self.tr("规则："))
        rule_label.setBuddy(self.rule_box)
        status_label = QLabel(self.tr("状态："))
        status_label.setBuddy(self.status_box)
        bar.addWidget(rule_label)
        bar.addWidget(self.rule_box)
        bar.addSpacing(12)
        bar.addWidget(status_label)
        bar.addWidget(self.status_box)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.body.addLayout(bar)

        # ---- the table and the lead in full ----------------------------------------------------------
        self.model = LeadsModel(self)
        self.table = read_only_table(self.model)
        self.table.setObjectName("leads")
        head = self.table.horizontalHeader()
        for column, width in ((0, 96), (1, 170), (2, 380), (3, 200), (4, 110)):
            head.resizeSection(column, width)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.activated.connect(lambda _index: self._person())  # Enter, double-click: the person
        self.empty_label = QLabel()
        self.empty_label.setObjectName("muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.table, 1)
        top_box.addWidget(self.empty_label, 1)

        panel = QFrame()
        panel.setObjectName("panel")
        inside = QVBoxLayout(panel)
        inside.setContentsMargins(14, 10, 14, 12)
        inside.setSpacing(6)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setFont(scaled_font(self.detail_title, 1.05, bold=True))
        self.detail_title.setWordWrap(True)
        mark_content(self.detail_title)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        self.detail.setOpenLinks(False)
        mark_content(self.detail)
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.check_button = QPushButton(self.tr("开始核实"))
        self.check_button.clicked.connect(self.start_checking)
        self.verify_button = QPushButton(self.tr("核实属实"))
        self.verify_button.clicked.connect(self.verify)
        self.exclude_button = QPushButton(self.tr("排除…"))
        self.exclude_button.clicked.connect(lambda: self.exclude())
        self.raise_button = QPushButton(self.tr("据此制发"))
        self.raise_button.setObjectName("primary")
        menu = QMenu(self.raise_button)
        for kind, label in RAISE_CHOICES:
            action = menu.addAction(_t(label))
            action.setObjectName(f"raise-{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.raise_as(k))
        self.raise_button.setMenu(menu)
        self.raise_menu = menu
        self.opened_button = QPushButton(self.tr("打开已制发的记录"))
        self.opened_button.clicked.connect(self.open_raised)
        self.person_button = QPushButton(self.tr("人员详情"))
        self.person_button.clicked.connect(self._person)
        self.writing_buttons = (self.check_button, self.verify_button, self.exclude_button, self.raise_button)
        self.check_button.setToolTip(self.tr("待核实 → 核实中（已排除的线索可重新核实）"))
        self.verify_button.setToolTip(self.tr("核实中 → 已核实：问题属实"))
        self.exclude_button.setToolTip(self.tr("排除线索，须写明理由"))
        self.raise_button.setToolTip(self.tr("把已核实的线索转为问题记录、口头纠正或纠正违法通知书（预填）"))
        if not self.may_edit:
            for button in (*self.writing_buttons, self.scan_button):
                button.setToolTip(self.refusal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.person_button)
        for button in (*self.writing_buttons, self.opened_button):
            buttons.addWidget(button)
        inside.addWidget(self.detail_title)
        inside.addWidget(self.detail, 1)
        inside.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(10)
        splitter.addWidget(top)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 310])
        self.body.addWidget(splitter, 1)
        self._show_current()

    # ---- filters -------------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        """The choices with their counts (keeping what is chosen)."""
        rule, status = self.rule_box.currentData(), self.status_box.currentData()
        by_rule = {r: sum(v.values()) for r, v in self.counts.items()}
        by_status: dict[str, int] = {}
        for per in self.counts.values():
            for st, n in per.items():
                by_status[st] = by_status.get(st, 0) + n

        def with_count(text: str, n: int | None) -> str:
            return f"{text}（{n}）" if n else text

        for box in (self.rule_box, self.status_box):
            box.blockSignals(True)
            box.clear()
        self.rule_box.addItem(with_count(self.tr("全部规则"), sum(by_rule.values())), ALL)
        for member in e.LeadRule:
            self.rule_box.addItem(
                with_count(core_text(member.label), by_rule.get(member.value)), member.value
            )
        open_n = by_status.get(S.PENDING.value, 0) + by_status.get(S.CHECKING.value, 0)
        self.status_box.addItem(with_count(self.tr("未办结"), open_n), OPEN)
        self.status_box.addItem(with_count(self.tr("全部状态"), sum(by_status.values())), ALL)
        for state in S:
            self.status_box.addItem(
                with_count(core_text(state.label), by_status.get(state.value)), state.value
            )
        self.rule_box.setCurrentIndex(max(self.rule_box.findData(rule or ALL), 0))
        self.status_box.setCurrentIndex(max(self.status_box.findData(status or OPEN), 0))
        for box in (self.rule_box, self.status_box):
            box.blockSignals(False)

    def set_filter(self, *, rule: str | None = None, status: str | None = OPEN) -> None:
        """Choose the filters (None: every rule, every status) and read the list again."""
        for box, value in ((self.rule_box, rule or ALL), (self.status_box, status or ALL)):
            box.blockSignals(True)
            box.setCurrentIndex(box.findData(value))
            box.blockSignals(False)
        self.load()

    # ---- loading ---------------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._has_loaded:
            self.load()

    def refresh(self) -> None:
        self.load()

    def refresh_if_loaded(self) -> None:
        """Read again if shown before (a new ledger import may hold new facts); else only the count."""
        if self._has_loaded:
            self.load()
        else:
            self.load_count()

    @property
    def is_loading(self) -> bool:
        return self._loading

    def load(self, select: uuid.UUID | None = None) -> None:
        """Read the leads the filters choose and the counts (in the background)."""
        if select is not None:
            self._want = select
        elif self.current_lead() is not None:
            self._want = self.current_lead()["id"]  # type: ignore[index]
        if self._loading:
            self._again = True
            return
        self._loading = True
        store = self.store
        rule = self.rule_box.currentData()
        status = self.status_box.currentData()

        def work() -> tuple[list[dict[str, Any]], dict[str, dict[str, int]]]:
            rows = leads.list_leads(
                store,
                rule=rule if rule != ALL else None,
                status=status if status not in (ALL, OPEN) else None,
                open_only=status == OPEN,
            )
            return rows, leads.counts(store)

        self._run(work, self._loaded, self._failed, owner=self)

    def _loaded(self, result: tuple[list[dict[str, Any]], dict[str, dict[str, int]]]) -> None:
        self._loading = False
        self._has_loaded = True
        rows, counts = result
        self.counts = counts
        self._fill_filters()
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 {n} 条").format(n=len(rows)))
        empty = not rows
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if empty:
            self.empty_label.setText(
                self.tr("没有符合条件的监督线索。点击“扫描”按规则检查名册和台账。")
                if not counts
                else self.tr("没有符合条件的监督线索。")
            )
        index = 0
        for i, row in enumerate(rows):
            if row["id"] == self._want:
                index = i
        if rows:
            self.table.selectRow(index)
        self._show_current()
        self._emit_count(counts)
        if self._again:
            self._again = False
            self.load()

    def _emit_count(self, counts: dict[str, dict[str, int]]) -> None:
        n = sum(per.get(S.PENDING.value, 0) + per.get(S.CHECKING.value, 0) for per in counts.values())
        self.open_count = n
        emit(self.openCountChanged, n)

    def load_count(self) -> None:
        """Read only the number of open leads (for the navigation) in the background."""
        store = self.store

        def counted(n: int) -> None:
            self.open_count = n
            emit(self.openCountChanged, n)

        self._run(lambda: lv.open_lead_count(store), counted, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._set_busy(False)
        errors.show_error(exc, self)

    # ---- the selected lead -----------------------------------------------------------------------------

    def current_lead(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        lead: dict[str, Any] = self.model.row(index.row())
        return lead

    def select_lead(self, lead_id: uuid.UUID) -> bool:
        for i, row in enumerate(self.model.rows):
            if row["id"] == lead_id:
                self.table.selectRow(i)
                return True
        return False

    def _show_current(self) -> None:
        lead = self.current_lead()
        if lead is None:
            self.detail_title.setText(self.tr("选中一条线索查看详情"))
            self.detail.clear()
        else:
            self.detail_title.setText(lead["title"])
            self.detail.setHtml(self.detail_html(lead))
        self._update_buttons()

    def detail_html(self, lead: dict[str, Any]) -> str:
        status = core_text(lead["status_label"])
        colour = STATUS_COLOURS.get(lead["status"], TEXT_MUTED)
        # (each tr call outside the f-strings: lupdate does not read some of those inside them)
        rule, found, state = self.tr("规则"), self.tr("发现日期"), self.tr("状态")
        facts, basis, behind = self.tr("事实"), self.tr("法律依据"), self.tr("线索所依据的记录")
        done, why, raised = self.tr("处理情况"), self.tr("理由"), self.tr("已制发")
        parts = [
            f"<p>{_esc(rule)}：<b>{_esc(core_text(lead['rule_label']))}</b>　"
            f"{_esc(found)}：{_esc(fmt_date(lead['found_on']))}　"
            f"{_esc(state)}：<b style='color:{colour}'>{_esc(status)}</b></p>",
            f"<p><b>{_esc(facts)}</b><br>{_esc(lead['facts'])}</p>",
            f"<p><b>{_esc(basis)}</b><br>{_esc(lead['legal_basis'])}</p>",
        ]
        records = lead.get("records") or []
        if records:
            parts.append(f"<p><b>{_esc(behind)}</b></p><ul>")
            for r in records:
                kind = _t(TABLE_LABELS[r["table"]]) if r.get("table") in TABLE_LABELS else r.get("table", "")
                parts.append(f"<li>{_esc(str(kind))}：{_esc(str(r.get('label') or ''))}</li>")
            parts.append("</ul>")
        if lead.get("status_reason") or lead.get("status_at"):
            when = fmt_datetime(lead["status_at"]) if lead.get("status_at") else ""
            reason = lead.get("status_reason") or ""
            parts.append(
                f"<p><b>{_esc(done)}</b><br>{_esc(status)} {_esc(when)}"
                + (f"　{_esc(why)}：{_esc(reason)}" if reason else "")
                + "</p>"
            )
        made = [_t(label) for kind, label in RAISE_CHOICES if lead.get(f"{kind}_id") is not None]
        if made:
            parts.append(f"<p><b>{_esc(raised)}</b>：{_esc('、'.join(made))}</p>")
        return "".join(parts)

    def _update_buttons(self) -> None:
        lead = self.current_lead()
        status = lead["status"] if lead is not None else None
        moves = leads.TRANSITIONS.get(status, frozenset()) if status else frozenset()
        raised = lead is not None and lead.get("finding_id") is not None
        idle = not self.busy and self.may_edit
        self.check_button.setEnabled(idle and S.CHECKING.value in moves)
        self.check_button.setText(self.tr("重新核实") if status == S.EXCLUDED.value else self.tr("开始核实"))
        self.verify_button.setEnabled(idle and S.VERIFIED.value in moves)
        self.exclude_button.setEnabled(idle and S.EXCLUDED.value in moves)
        self.raise_button.setEnabled(idle and status == S.VERIFIED.value and not raised)
        self.raise_button.setVisible(not raised)
        self.opened_button.setVisible(raised)
        self.opened_button.setEnabled(raised and not self.busy)
        self.person_button.setEnabled(lead is not None and lead.get("detainee_id") is not None)
        self.scan_button.setEnabled(not self.busy and self.may_edit)

    def _set_busy(self, busy: bool, message: str | None = None) -> None:
        self.busy = busy
        if message is not None:
            self.note.setText(message)
        self._update_buttons()

    # ---- steps -------------------------------------------------------------------------------------------

    def _move(self, status: str, reason: str | None = None) -> None:
        lead = self.current_lead()
        if lead is None or self.busy or not self.may_edit:
            return
        store, actor, lead_id, version = self.store, self.actor, lead["id"], lead["version"]
        self._set_busy(True, self.tr("正在保存…"))

        def done(row: dict[str, Any]) -> None:
            self._set_busy(
                False,
                self.tr("线索已改为“{status}”。").format(status=core_text(label_of(S, row["status"]))),
            )
            self._keep_in_view(row["status"])
            self.load(select=lead_id)
            emit(self.changed, "supervision_lead", lead_id)

        self._run(
            lambda: leads.set_status(store, lead_id, status, actor, reason=reason, base_version=version),
            done,
            self._failed,
            owner=self,
        )

    def _keep_in_view(self, status: str) -> None:
        """A lead just moved stays listed (and selected): the status filter follows it when it would
        otherwise drop it — a verified lead then shows with 据此制发."""
        chosen = self.status_box.currentData()
        if chosen in (ALL, status) or (chosen == OPEN and status in leads.OPEN):
            return
        self.status_box.blockSignals(True)
        self.status_box.setCurrentIndex(self.status_box.findData(status))
        self.status_box.blockSignals(False)

    @Slot()
    def start_checking(self) -> None:
        self._move(S.CHECKING.value)

    @Slot()
    def verify(self) -> None:
        self._move(S.VERIFIED.value)

    def exclude(self, reason: str | None = None) -> ExcludeDialog | None:
        """排除…: the reason asked in :class:`ExcludeDialog` (``reason`` given: no dialog)."""
        lead = self.current_lead()
        if lead is None or not self.exclude_button.isEnabled():
            return None
        if reason is not None:
            self._move(S.EXCLUDED.value, reason)
            return None
        dialog = ExcludeDialog(lead["title"], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._move(S.EXCLUDED.value, dialog.reason()))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def raise_as(self, kind: str) -> None:
        """据此制发: the verified lead becomes ``kind`` (finding, oral_correction, rectification_notice)."""
        lead = self.current_lead()
        if lead is None or not self.raise_button.isEnabled():
            return
        store, actor, lead_id = self.store, self.actor, lead["id"]
        self._set_busy(True, self.tr("正在制作…"))

        def done(raised: leads.Raised) -> None:
            self._set_busy(False, self.tr("已据此线索制作，可在打开的页面中继续编辑。"))
            self.load(select=lead_id)
            emit(self.changed, raised.kind, raised.record_id)
            if self._open_record is not None:
                self._open_record(raised.kind, raised.record_id)

        self._run(lambda: leads.raise_from_lead(store, lead_id, kind, actor), done, self._failed, owner=self)

    @Slot()
    def open_raised(self) -> None:
        lead = self.current_lead()
        if lead is None or self._open_record is None:
            return
        for kind, column in (
            ("rectification_notice", "rectification_notice_id"),
            ("oral_correction", "oral_correction_id"),
            ("finding", "finding_id"),
        ):
            record_id = lead.get(column)
            if isinstance(record_id, uuid.UUID):
                self._open_record(kind, record_id)
                return

    @Slot()
    def scan(self) -> None:
        if self.busy or not self.may_edit:
            return
        store, actor = self.store, self.actor
        self._set_busy(True, self.tr("正在扫描名册和台账…"))

        def done(result: leads.ScanResult) -> None:
            self._set_busy(
                False,
                self.tr("扫描完成：发现 {found} 条，其中新线索 {new} 条（已有的不重复列出）。").format(
                    found=result.found, new=result.new
                ),
            )
            self.load()
            emit(self.changed, "supervision_lead", None)

        self._run(lambda: leads.scan(store, actor), done, self._failed, owner=self)

    @Slot()
    def _person(self) -> None:
        lead = self.current_lead()
        if lead is not None and lead.get("detainee_id") is not None:
            emit(self.openDetainee, lead["detainee_id"])


class ReviewLinks(QLabel):
    """On the 工作台: 台账审查 · 监督线索 (with the open leads) as links to their pages."""

    ledgerRequested = Signal()
    leadsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewLinks")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(self._go)
        self._imports = 0
        self._leads = 0
        self._render()

    def set_open_count(self, n: int | None) -> None:
        self._leads = n or 0
        self._render()

    def set_pending_imports(self, n: int | None) -> None:
        self._imports = n or 0
        self._render()

    def _render(self) -> None:
        imports, open_leads = self._imports, self._leads
        ledger_text = self.tr("台账审查 {n} 份待确认").format(n=imports) if imports else self.tr("台账审查")
        leads_text = (
            self.tr("监督线索 {n} 条待办").format(n=open_leads) if open_leads else self.tr("监督线索")
        )
        self.setText(
            f'<a href="ledger" style="color:{AMBER if imports else PRIMARY}">{_esc(ledger_text)}</a>'
            f'<span style="color:{TEXT_MUTED}">&nbsp;·&nbsp;</span>'
            f'<a href="leads" style="color:{RED if open_leads else PRIMARY}">{_esc(leads_text)}</a>'
        )
        self.setToolTip(self.tr("每日导入看守所台账并核对；按规则发现的监督线索"))

    @Slot(str)
    def _go(self, link: str) -> None:
        if link == "ledger":
            self.click_ledger()
        else:
            self.click_leads()

    def click_ledger(self) -> None:
        emit(self.ledgerRequested)

    def click_leads(self) -> None:
        emit(self.leadsRequested)
