"""The page of one correction: a 纠正违法通知书 or 检察建议书 (:class:`DocumentPage`) or an oral correction
(:class:`OralCorrectionPage`). Both are dialogs opened from the 纠正与建议 list, the 工作台 and each other.

A document page (docs/ui.md, "Correction pages"): 文号 (or 草稿), addressee and facts; a horizontal life-cycle
bar 草稿 → 已签发 → 已送达 → 已回复 → 已整改 / 未整改 → 已上报 with the date under each reached step
(``lifecycle.timeline``); the next action as the only primary button, 登记督促 / 撤回 (and, once the
reply is late, 登记回复 / 上报) beside it. Only a user who may sign sees 签发; others read 待检察官签发.
Each step opens a :class:`~ui.views.step_dialogs.StepDialog`; after it the page reads the record again
and ``changed`` tells the window (lists, 工作台). 编辑 (a draft only) opens the record form, 预览和打印
the PDF. A finding the document handles can lead to another correction (据此制发…).

An oral correction page: facts and 跟踪期限; 登记已纠正, or — not corrected — 制发纠正违法通知书, which
opens the notice form prefilled (``documents.escalate_oral``); once escalated, the notice's page.

Everything is read and written in the background; nothing here touches the database directly.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector.documents.render import KINDS
from inspector.domain import lifecycle
from inspector.domain.enums import (
    CorrectionStatus,
    DocumentState,
    FindingSource,
    NoticeTrigger,
    ServiceMethod,
    Severity,
)
from inspector.services.document_views import (
    DocumentView,
    FindingRef,
    OralView,
    load_document,
    load_oral_correction,
)
from inspector.services.policy import Actor, Permission, PermissionDeniedError, may
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors
from ui.actions import escalate_oral_action, open_form, raise_from_finding_action
from ui.documents import PdfRequest, open_preview, safe_file_name
from ui.formatting import enum_label, fmt_date
from ui.forms.attachments import AttachmentPanel
from ui.i18n import QT_TRANSLATE_NOOP, core_text, error_text, mark_content
from ui.qt_compat import emit
from ui.style import AMBER, CARD_BORDER, GREEN, GREY, PRIMARY, RED, TEXT, TEXT_MUTED, scaled_font
from ui.views.step_dialogs import OralCorrectedDialog, StepDialog
from ui.workers import Runner, run_in_background

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
ORAL = "oral_correction"

S = DocumentState
AWAITING = frozenset({S.SERVED.value, S.OVERDUE.value, S.FOLLOWED_UP.value})
# translated where shown (context DocumentPage): kind_name(kind), sign_waiting()
KIND_NAMES = {
    NOTICE: QT_TRANSLATE_NOOP("DocumentPage", "纠正违法通知书"),
    SUGGESTION: QT_TRANSLATE_NOOP("DocumentPage", "检察建议书"),
    ORAL: QT_TRANSLATE_NOOP("DocumentPage", "口头纠正意见"),
}
SIGN_WAITING = QT_TRANSLATE_NOOP("DocumentPage", "待检察官签发")


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("DocumentPage", KIND_NAMES[kind])


PAGE_STYLE = f"""
QDialog#correctionPage {{ background: #f4f6f9; }}
QFrame#panel {{ background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px; }}
QFrame#panel QLabel {{ background: transparent; border: none; }}
QScrollArea#pageScroll, QWidget#pageViewport, QWidget#pageBody {{ background: transparent; }}
"""


def plan_actions(
    state: str,
    *,
    correction_status: str | None = None,
    reply_due: date | None = None,
    followed_up: bool = False,
    today: date | None = None,
    reviewable: bool = True,
) -> tuple[str | None, list[str]]:
    """The page's primary action and its secondary ones (names in ``lifecycle.ACTIONS``), in order.

    Awaiting a reply: 登记回复 first, 登记督促 beside it; once the reply is late, 登记督促 first, and after
    a 督促, 上报 (with 登记回复 still at hand). Otherwise the life cycle's usual next step."""
    allowed = [a.name for a in lifecycle.next_actions(state, correction_status=correction_status)]
    if not allowed:
        return None, []
    if state in AWAITING:
        late = reply_due is not None and reply_due < (today or today_local())
        if not late:
            order = ["reply", "follow_up", "request_review"]
        elif not followed_up:
            order = ["follow_up", "reply", "report_upward", "request_review"]
        else:
            order = ["report_upward", "reply", "follow_up", "request_review"]
    else:
        order = [
            "sign",
            "serve",
            "reply",
            "verify",
            "report_upward",
            "decide_review",
            "follow_up",
            "withdraw",
        ]
    if not reviewable:
        order = [n for n in order if n != "request_review"]
    ranked = [n for n in order if n in allowed]
    return (ranked[0], ranked[1:]) if ranked else (None, [])


def _days_text(days: int) -> str:
    if days < 0:
        return QCoreApplication.translate("DocumentPage", "逾期 {n} 天").format(n=-days)
    if days == 0:
        return QCoreApplication.translate("DocumentPage", "今天到期")
    return QCoreApplication.translate("DocumentPage", "还有 {n} 天").format(n=days)


def _urgency(days: int | None, soon: int) -> str | None:
    """Red once passed, amber within ``soon`` days."""
    if days is None:
        return None
    return RED if days < 0 else AMBER if days <= soon else None


def _chip(text: str, colour: str) -> QLabel:
    chip = QLabel(text)
    chip.setObjectName("stateChip")
    chip.setStyleSheet(
        f"QLabel#stateChip {{ color: white; background: {colour}; border-radius: 4px; padding: 2px 10px; }}"
    )
    chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return chip


def _set_chip(chip: QLabel, text: str, colour: str) -> None:
    chip.setText(text)
    chip.setStyleSheet(
        f"QLabel#stateChip {{ color: white; background: {colour}; border-radius: 4px; padding: 2px 10px; }}"
    )


def _panel(title: str) -> tuple[QFrame, QVBoxLayout]:
    panel = QFrame()
    panel.setObjectName("panel")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    if title:
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setFont(scaled_font(heading, 1.05, bold=True))
        layout.addWidget(heading)
    return panel, layout


def _text(value: str = "") -> QLabel:
    label = QLabel(value)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class InfoForm(QFormLayout):
    """Label: value rows whose values change and whose empty rows hide."""

    def __init__(self) -> None:
        super().__init__()
        self.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}

    def add(self, key: str, label: str) -> QLabel:
        value = _text()
        mark_content(value)  # the record's own words (facts, names, dates)
        self.values[key] = value
        self.addRow(label, value)
        return value

    def set(self, key: str, text: str | None, colour: str | None = None) -> None:
        value = self.values[key]
        value.setText(text or "")
        value.setStyleSheet(f"color: {colour};" if colour else "")
        self.setRowVisible(value, bool(text))

    def text(self, key: str) -> str:
        return self.values[key].text()


# ---- the life-cycle bar ------------------------------------------------------------------------------


class LifecycleBar(QWidget):
    """草稿 → 已签发 → 已送达 → 已回复 → 已整改 / 未整改 → 已上报: a dot per step, filled when reached,
    the current one ringed; under each the step's name, the date it was reached, and under 已签发 the
    文号."""

    DOT = 9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[lifecycle.Step] = []
        self._number: str | None = None
        self.setMinimumHeight(self._height())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _height(self) -> int:
        fm = QFontMetrics(self.font())
        return self.DOT * 2 + 14 + fm.height() * 3 + 10

    def sizeHint(self) -> QSize:
        return QSize(720, self._height())

    def set_steps(self, steps: Sequence[lifecycle.Step], number: str | None = None) -> None:
        # Only a step the document has reached can be the one it is at (ringed, in bold).
        self._steps = [s if s.reached or not s.current else replace(s, current=False) for s in steps]
        self._number = number
        summary = " → ".join(
            core_text(s.label)
            + (f"（{fmt_date(s.on)}）" if s.reached and isinstance(s.on, date) else "")
            + (self.tr("（当前）") if s.current else "")
            for s in self._steps
        )
        self.setAccessibleName(self.tr("文书流程"))
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def labels(self) -> list[str]:
        """Each step's name as shown (in the UI's language)."""
        return [core_text(s.label) for s in self._steps]

    def reached(self) -> list[str]:
        return [core_text(s.label) for s in self._steps if s.reached]

    def current(self) -> str | None:
        return next((core_text(s.label) for s in self._steps if s.current), None)

    def dates(self) -> list[str]:
        """The date under each step ('' where none is shown)."""
        return [fmt_date(s.on) if s.reached and isinstance(s.on, date) else "" for s in self._steps]

    def sub_texts(self) -> list[list[str]]:
        """Everything written under each step's name (date, and 文号 under 已签发)."""
        out = []
        for i, s in enumerate(self._steps):
            lines = [fmt_date(s.on)] if s.reached and isinstance(s.on, date) else []
            if i == 1 and s.reached and self._number:
                lines.append(self._number)
            out.append(lines)
        return out

    def _colour(self, step: lifecycle.Step) -> QColor:
        if not step.reached:
            return QColor("#c3cad4")
        # the core's step labels, compared before translation
        if step.label in ("未整改", "部分整改"):  # i18n: data
            return QColor(AMBER)
        if step.label == "已上报":  # i18n: data
            return QColor(RED)
        if step.label == "已整改":  # i18n: data
            return QColor(GREEN)
        if step.label == "已撤回":  # i18n: data
            return QColor(GREY)
        return QColor(PRIMARY)

    def paintEvent(self, event: QPaintEvent) -> None:
        steps = self._steps
        if not steps:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = len(steps)
        margin = 70.0
        width = max(self.width() - 2 * margin, 10.0)
        gap = width / (n - 1) if n > 1 else 0.0
        xs = [margin + i * gap if n > 1 else self.width() / 2 for i in range(n)]
        y = float(self.DOT + 4)
        r = float(self.DOT)
        for i in range(1, n):
            both = steps[i - 1].reached and steps[i].reached
            pen = QPen(QColor(PRIMARY) if both else QColor("#d5dbe3"), 3)
            painter.setPen(pen)
            painter.drawLine(QPointF(xs[i - 1] + r + 2, y), QPointF(xs[i] - r - 2, y))
        for x, step in zip(xs, steps, strict=True):
            colour = self._colour(step)
            if step.current:
                painter.setPen(QPen(colour, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x, y), r + 3, r + 3)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(colour if step.reached else QColor("#ffffff"))
            painter.drawEllipse(QPointF(x, y), r - 1, r - 1)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        fm, sfm = QFontMetrics(base), QFontMetrics(small)
        column = max(gap - 8, 80.0) if n > 1 else float(self.width())
        for x, step, lines in zip(xs, steps, self.sub_texts(), strict=True):
            top = y + r + 8
            painter.setFont(bold if step.current else base)
            painter.setPen(QColor(TEXT) if step.reached else QColor(TEXT_MUTED))
            rect = QRectF(x - column / 2, top, column, fm.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), core_text(step.label))
            painter.setFont(small)
            painter.setPen(QColor(TEXT_MUTED))
            for k, line in enumerate(lines):
                # Only 已签发 has a second line (the 文号): it may use its neighbours' empty room.
                room = column if k == 0 else min(2 * column, float(self.width()) - 8)
                left = min(max(x - room / 2, 4.0), self.width() - 4.0 - room)
                rect = QRectF(left, top + fm.height() + 2 + k * sfm.height(), room, sfm.height())
                text = sfm.elidedText(line, Qt.TextElideMode.ElideMiddle, int(room))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()


# ---- common page frame ----------------------------------------------------------------------------


class _CorrectionPage(QDialog):
    """Header (kind, title, state chip, grey line), an action row, and a scrolling body."""

    changed = Signal(str, object)  # kind, record id: the record was written (lists refresh)
    loaded = Signal()

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: uuid.UUID,
        *,
        actor: Actor,
        runner: Runner | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.record_id = record_id
        self.actor = actor
        self.runner = runner
        self._run: Runner = runner or run_in_background
        self._loading = False
        self.setObjectName("correctionPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PAGE_STYLE)
        self._fit()

        self.kind_label = QLabel(kind_name(kind))
        self.kind_label.setObjectName("muted")
        self.kind_label.setStyleSheet(f"color: {TEXT_MUTED};")
        self.title_label = QLabel("…")
        self.title_label.setObjectName("pageTitle")
        self.title_label.setFont(scaled_font(self.title_label, 1.5, bold=True))
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_chip = _chip("…", GREY)
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("muted")
        self.subtitle.setStyleSheet(f"color: {TEXT_MUTED};")
        self.subtitle.setWordWrap(True)
        mark_content(self.title_label)  # 文号 or addressee
        mark_content(self.subtitle)  # addressee and issuer

        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.kind_label)
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(self.title_label)
        title_row.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        titles.addLayout(title_row)
        titles.addWidget(self.subtitle)

        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(8)
        self.tools_row = QHBoxLayout()
        self.tools_row.setSpacing(8)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 18, 24, 16)
        self.outer.setSpacing(12)
        self.outer.addLayout(titles)
        self.head_slot = QVBoxLayout()  # the life-cycle bar of a document
        self.outer.addLayout(self.head_slot)
        buttons = QHBoxLayout()
        buttons.addLayout(self.actions_row)
        buttons.addStretch(1)
        buttons.addLayout(self.tools_row)
        buttons.addWidget(self.close_button)
        self.outer.addLayout(buttons)

        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.columns = QHBoxLayout(self.body)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(14)
        self.left = QVBoxLayout()
        self.left.setSpacing(12)
        self.right = QVBoxLayout()
        self.right.setSpacing(12)
        self.columns.addLayout(self.left, 3)
        self.columns.addLayout(self.right, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        scroll.setObjectName("pageScroll")
        scroll.viewport().setObjectName("pageViewport")
        self.outer.addWidget(scroll, 1)

        self.status = QLabel(self.tr("正在读取…"))
        self.status.setStyleSheet(f"color: {TEXT_MUTED};")
        self.outer.addWidget(self.status)

        self._action_buttons: list[QWidget] = []
        self.primary_button: QPushButton | None = None
        self.form: QDialog | None = None  # the last record form this page opened
        self.child_page: _CorrectionPage | None = None  # the last correction page opened from here
        self.step: QDialog | None = None  # the last step dialog

    def _fit(self) -> None:
        size = QSize(1120, 700)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() - QSize(40, 60))
        self.resize(size)
        self.setMinimumSize(QSize(820, 540).boundedTo(size))

    # ---- loading ----------------------------------------------------------------------------------

    def _read(self) -> Any:
        raise NotImplementedError

    def _show(self, view: Any) -> None:
        raise NotImplementedError

    @Slot()
    def load(self) -> None:
        """Read the record (again) in the background and show it."""
        if self._loading:
            return
        self._loading = True
        self.status.setText(self.tr("正在读取…"))
        self.status.show()
        self._run(self._read, self._loaded, self._failed, owner=self)

    @property
    def is_loading(self) -> bool:
        return self._loading

    def _loaded(self, view: Any) -> None:
        self._loading = False
        self.status.hide()
        self._show(view)
        emit(self.loaded)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.setText(self.tr("读取失败：请关闭后重新打开。"))
        errors.show_error(exc, self)

    def _written(self, *_args: object) -> None:
        """Something was written (a step, a saved form): read again, tell the window."""
        emit(self.changed, self.kind, self.record_id)
        self.load()

    # ---- action buttons ----------------------------------------------------------------------------

    def _clear_actions(self) -> None:
        for widget in self._action_buttons:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self._action_buttons = []
        self.primary_button = None

    def _add_action(self, text: str, slot: Callable[[], object], *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("primary" if primary else f"action-{len(self._action_buttons)}")
        button.setAutoDefault(False)
        if primary:
            button.setDefault(True)
            self.primary_button = button
        button.clicked.connect(lambda _checked=False: slot())
        self.actions_row.addWidget(button)
        button.setVisible(self.isVisible())  # now, not at the next event loop turn: it may take focus
        self._action_buttons.append(button)
        return button

    def _add_note(self, text: str, name: str = "signWaiting") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setStyleSheet(
            f"QLabel#{name} {{ color: {AMBER}; border: 1px solid #f0d29a; background: #fffaf0;"
            " border-radius: 4px; padding: 4px 10px; }"
        )
        self.actions_row.addWidget(label)
        self._action_buttons.append(label)
        return label

    def _edit_refusal(self) -> str:
        return error_text(PermissionDeniedError(self.actor.role, Permission.EDIT))

    def action_texts(self) -> list[str]:
        """The texts of the action buttons, the primary first."""
        return [w.text() for w in self._action_buttons if isinstance(w, QPushButton)]

    def button(self, text: str) -> QPushButton | None:
        return next(
            (w for w in self._action_buttons if isinstance(w, QPushButton) and w.text() == text), None
        )

    def _focus_primary(self) -> None:
        if self.primary_button is not None and self.isVisible():
            self.primary_button.setFocus()

    def _finding_panel(self, findings: Sequence[FindingRef], exclude: str | None) -> QFrame:
        panel, layout = _panel(self.tr("发现的问题"))
        if not findings:
            layout.addWidget(_text(self.tr("（未关联发现的问题）")))
        for f in findings:
            where = f"（{f.location}）" if f.location and f.location not in f.description else ""
            resolved = self.tr("已于 {on} 解决").format(on=fmt_date(f.resolved_on)) if f.resolved_on else ""
            line = _text(  # the finding's own words
                f"{fmt_date(f.found_on)} · {enum_label(FindingSource, f.source)} · "
                f"{enum_label(Severity, f.severity)}\n{f.description}{where}"
                + (f"\n{resolved}" if resolved else "")
            )
            mark_content(line)
            layout.addWidget(line)
            raise_button = QPushButton(self.tr("据此问题制发"))
            raise_button.setObjectName("raiseFromFinding")
            raise_button.setAutoDefault(False)
            raise_button.setToolTip(
                self.tr("以这个问题为据，新建口头纠正、纠正违法通知书或检察建议书（内容已预先填好）")
            )
            menu = QMenu(raise_button)
            for kind in (ORAL, NOTICE, SUGGESTION):
                if kind == exclude:
                    continue
                action = menu.addAction(kind_name(kind) if kind != ORAL else self.tr("口头纠正"))
                action.setObjectName(f"raise-{kind}")
                action.triggered.connect(
                    lambda _checked=False, k=kind, fid=f.id: self.raise_from_finding(fid, k)
                )
            raise_button.setMenu(menu)
            layout.addWidget(raise_button, 0, Qt.AlignmentFlag.AlignLeft)
        return panel

    def raise_from_finding(self, finding_id: uuid.UUID, kind: str) -> None:
        """A new correction of ``kind`` prefilled from the finding; once saved, its page."""

        def saved(new_kind: str, record_id: object) -> None:
            emit(self.changed, new_kind, record_id)
            if isinstance(record_id, uuid.UUID):
                self.open_page(new_kind, record_id)

        raise_from_finding_action(
            self,
            self.store,
            finding_id,
            kind,
            self.actor,
            runner=self.runner,
            on_saved=saved,
            on_open=self._form_opened,
        )

    def _form_opened(self, form: QDialog) -> None:
        self.form = form

    def open_page(self, kind: str, record_id: uuid.UUID) -> _CorrectionPage:
        """The page of another correction (opened over this one)."""
        page: _CorrectionPage
        if kind == ORAL:
            page = OralCorrectionPage(
                self.store, record_id, actor=self.actor, runner=self.runner, parent=self
            )
        else:
            page = DocumentPage(
                self.store, kind, record_id, actor=self.actor, runner=self.runner, parent=self
            )
        page.changed.connect(lambda k, rid: emit(self.changed, k, rid))
        page.changed.connect(lambda *_: self.load())
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.open()
        page.load()
        self.child_page = page
        return page

    def _attachment_panel(self) -> QFrame:
        """附件: the scans and photos kept with this correction (added, opened and deleted here)."""
        panel, layout = _panel(self.tr("附件"))
        self.attachments = AttachmentPanel(self.store, self.actor, runner=self.runner)
        self.attachments.show_hint(self.tr("正在读取…"))
        layout.addWidget(self.attachments)
        return panel

    def _clear(self, layout: QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()


# ---- 纠正违法通知书 / 检察建议书 -------------------------------------------------------------------------


class DocumentPage(_CorrectionPage):
    """A notice or suggestion: its life cycle and the next step."""

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: uuid.UUID,
        *,
        actor: Actor,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if kind not in (NOTICE, SUGGESTION):
            raise ValueError(kind)
        super().__init__(store, kind, record_id, actor=actor, runner=runner, parent=parent)
        self.view: DocumentView | None = None
        self.setWindowTitle(kind_name(kind))
        self.bar = LifecycleBar()
        bar_panel, bar_layout = _panel("")
        bar_layout.setContentsMargins(12, 12, 12, 6)
        bar_layout.addWidget(self.bar)
        self.head_slot.addWidget(bar_panel)

        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.setToolTip(self.tr("修改草稿的内容（签发后不能再修改）"))
        self.edit_button.clicked.connect(self.edit)
        self.preview_button = QPushButton(self.tr("预览和打印"))
        self.preview_button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.preview)
        self.tools_row.addWidget(self.edit_button)
        self.tools_row.addWidget(self.preview_button)
        self.edit_button.hide()
        self.preview_button.setEnabled(False)

        # left: the content; right: how it was handled, and what it is linked to
        content, content_layout = _panel(self.tr("文书内容"))
        self.content = InfoForm()
        self.content.add("trigger", self.tr("制发原因："))
        self.content.add("discovery", self.tr("发现经过："))
        self.content.add("facts", self.tr("违法事实：") if kind == NOTICE else self.tr("查明事实："))
        if kind == NOTICE:
            self.content.add("violated", self.tr("违反规定："))
            self.content.add("basis", self.tr("纠正依据："))
            self.content.add("requests", self.tr("纠正要求："))
        else:
            self.content.add("problems", self.tr("存在问题："))
            self.content.add("causes", self.tr("原因分析："))
            self.content.add("basis", self.tr("法律依据："))
            self.content.add("recommendations", self.tr("检察建议："))
        self.content.add("period", self.tr("回复期限："))
        content_layout.addLayout(self.content)
        self.left.addWidget(content)
        self.left.addWidget(self._attachment_panel())
        self.left.addStretch(1)

        handling, handling_layout = _panel(self.tr("办理情况"))
        self.handling = InfoForm()
        for key, label in (
            ("approved", QT_TRANSLATE_NOOP("DocumentPage", "批准签发：")),
            ("served", QT_TRANSLATE_NOOP("DocumentPage", "送达：")),
            ("reply_due", QT_TRANSLATE_NOOP("DocumentPage", "回复截止：")),
            ("follow_ups", QT_TRANSLATE_NOOP("DocumentPage", "督促：")),
            ("replied", QT_TRANSLATE_NOOP("DocumentPage", "回复：")),
            ("verified", QT_TRANSLATE_NOOP("DocumentPage", "整改情况：")),
            ("reported", QT_TRANSLATE_NOOP("DocumentPage", "上报：")),
        ):
            self.handling.add(key, self.tr(label))
        self.handling_empty = _text(self.tr("尚未签发。"))
        self.handling_empty.setStyleSheet(f"color: {TEXT_MUTED};")
        handling_layout.addWidget(self.handling_empty)
        handling_layout.addLayout(self.handling)
        self.right.addWidget(handling)
        self.links = QVBoxLayout()
        self.links.setSpacing(12)
        self.right.addLayout(self.links)
        self.right.addStretch(1)

    # ---- reading ----------------------------------------------------------------------------------

    def _read(self) -> DocumentView:
        return load_document(self.store, self.kind, self.record_id)

    def _show(self, view: DocumentView) -> None:
        self.view = view
        v = view.values
        number = view.doc_number
        self.title_label.setText(number or self.tr("草稿"))
        self.setWindowTitle(f"{kind_name(self.kind)} {number or self.tr('草稿')}")
        state = view.state
        _set_chip(self.state_chip, enum_label(DocumentState, state), self._state_colour(view))
        self.state_chip.setVisible(state != S.DRAFT.value)  # the title already says 草稿
        who, issuer = v.get("addressee") or "—", v.get("issuer_name") or "—"
        self.subtitle.setText(self.tr("主送：{who}　·　发文机关：{issuer}").format(who=who, issuer=issuer))
        self.bar.set_steps(lifecycle.timeline(v), number)
        self._show_content(view)
        self._show_handling(view)
        self.attachments.set_record(self.kind, self.record_id, view.attachments)
        self._show_links(view)
        self._show_actions(view)
        self.edit_button.setVisible(state == S.DRAFT.value and may(self.actor, Permission.EDIT))
        self.preview_button.setEnabled(True)
        self._focus_primary()

    def _state_colour(self, view: DocumentView) -> str:
        state = view.state
        if state == S.CLOSED.value:
            return GREEN
        if state in (S.REPORTED_UPWARD.value,):
            return RED
        if state == S.WITHDRAWN.value:
            return GREY
        if state in AWAITING and self._days_left(view) is not None and (self._days_left(view) or 0) < 0:
            return RED
        if state == S.DRAFT.value:
            return GREY
        return PRIMARY

    @staticmethod
    def _days_left(view: DocumentView) -> int | None:
        due = view.values.get("reply_due")
        if view.state not in AWAITING or not isinstance(due, date):
            return None
        return (due - today_local()).days

    def _show_content(self, view: DocumentView) -> None:
        v = view.values
        c = self.content
        if self.kind == NOTICE:
            c.set("trigger", enum_label(NoticeTrigger, v.get("trigger")))
            c.set("discovery", v.get("discovery"))
            c.set("facts", view.facts or "—")
            c.set("violated", v.get("violated_provision"))
            c.set("basis", v.get("basis_provision"))
            c.set("requests", v.get("correction_requests"))
            days = v.get("reply_period_days")
            c.set("period", self.tr("收到通知书后 {n} 日内书面回复").format(n=days) if days else None)
        else:
            c.set("trigger", None)
            c.set("discovery", v.get("case_source"))
            c.set("facts", view.facts or "—")
            c.set("problems", v.get("problems"))
            c.set("causes", v.get("cause_analysis"))
            c.set("basis", v.get("legal_basis"))
            recs = [str(r) for r in v.get("recommendations") or [] if r]
            c.set("recommendations", "\n".join(f"{i}. {r}" for i, r in enumerate(recs, 1)))
            months = v.get("reply_period_months")
            c.set("period", self.tr("收到建议书后 {n} 个月内书面回复").format(n=months) if months else None)

    def _show_handling(self, view: DocumentView) -> None:
        v = view.values
        h = self.handling
        approved = v.get("approved_by")
        issued = v.get("issued_on")
        h.set(
            "approved",
            self.tr("{who}　{on} 签发").format(who=approved, on=fmt_date(issued))
            if approved and issued
            else None,
        )
        served = v.get("served_on")
        h.set(
            "served",
            self.tr("{on}　{how}　签收人：{who}").format(
                on=fmt_date(served),
                how=enum_label(ServiceMethod, v.get("service_method")),
                who=v.get("receiver_name") or "—",
            )
            if served
            else None,
        )
        due = v.get("reply_due")
        days = self._days_left(view)
        if isinstance(due, date):
            text = fmt_date(due) + (f"（{_days_text(days)}）" if days is not None else "")
            colour = (
                RED if days is not None and days < 0 else AMBER if days is not None and days <= 3 else None
            )
            h.set("reply_due", text, colour)
        else:
            h.set("reply_due", None)
        follow_ups = lifecycle.urgings(v.get("follow_ups"))
        checks = lifecycle.verifications(v.get("follow_ups"))
        checked = f"：{checks[-1].get('note')}" if checks and checks[-1].get("note") else ""
        h.set(
            "follow_ups",
            "\n".join(
                f"{f.get('on', '')}　{f.get('how') or ''}" + (f"：{f['note']}" if f.get("note") else "")
                for f in follow_ups
            ),
        )
        replied = v.get("replied_on")
        h.set("replied", f"{fmt_date(replied)}　{v.get('reply_text') or ''}" if replied else None)
        status = v.get("correction_status")
        adopted = v.get("adopted")
        if status:
            h.set(
                "verified",
                enum_label(CorrectionStatus, status) + checked,
                GREEN if status == CorrectionStatus.CORRECTED.value else AMBER,
            )
        elif adopted is not None and self.kind == SUGGESTION:
            note = v.get("effect_evaluation")
            h.set(
                "verified",
                (self.tr("已采纳并整改") if adopted else self.tr("未采纳或未整改"))
                + (f"：{note}" if note else ""),
                GREEN if adopted else AMBER,
            )
        else:
            h.set("verified", None)
        reported = v.get("reported_upward_on") or v.get("escalated_on")
        to = v.get("escalated_to") or view.higher_procuratorate
        h.set(
            "reported",
            self.tr("{on} 报请{to}").format(on=fmt_date(reported), to=to or self.tr("上一级人民检察院"))
            if reported
            else None,
        )
        self.handling_empty.setVisible(not (approved and issued))
        if view.state == S.WITHDRAWN.value:
            self.handling_empty.setText(self.tr("已撤回，未签发。"))
        elif view.state == S.DRAFT.value:
            self.handling_empty.setText(self.tr("草稿，尚未签发。"))

    def _show_links(self, view: DocumentView) -> None:
        self._clear(self.links)
        if view.oral is not None:
            oral = view.oral
            panel, layout = _panel(self.tr("由口头纠正意见升级"))
            follow = oral.values.get("follow_up_due")
            escalated = _text(
                self.tr("{on} 提出口头纠正意见，跟踪期限 {due}，未纠正。\n{facts}").format(
                    on=fmt_date(oral.values.get("issued_on")),
                    due=fmt_date(follow) if follow else "—",
                    facts=oral.values.get("facts") or "",
                )
            )
            mark_content(escalated)  # ends with the oral correction's facts
            layout.addWidget(escalated)
            button = QPushButton(self.tr("打开口头纠正意见"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda: self.open_page(ORAL, oral.record_id))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.links.addWidget(panel)
        self.links.addWidget(self._finding_panel(view.findings, exclude=self.kind))

    def _show_actions(self, view: DocumentView) -> None:
        self._clear_actions()
        v = view.values
        status = v.get("correction_status")
        if self.kind == SUGGESTION and v.get("adopted") is False:
            status = CorrectionStatus.NOT_CORRECTED.value
        due = v.get("reply_due")
        primary, secondary = plan_actions(
            view.state,
            correction_status=str(status) if status else None,
            reply_due=due if isinstance(due, date) else None,
            followed_up=bool(lifecycle.urgings(v.get("follow_ups"))),
            reviewable=self.kind == NOTICE,
        )
        if primary is None:
            return
        if not may(self.actor, Permission.EDIT):  # an administrator: no step at all, and why
            self._add_note(self._edit_refusal(), "mayNotEdit")
            return
        for i, name in enumerate([primary, *secondary]):
            action = lifecycle.ACTIONS[name]
            if action.signs and not may(self.actor, Permission.SIGN):
                self._add_note(QCoreApplication.translate("DocumentPage", SIGN_WAITING)).setToolTip(
                    self.tr("签发须经检察长决定，由检察官在本程序中登记；检察官助理和书记员不能签发。")
                )
                continue
            self._add_action(core_text(action.label), self._stepper(name), primary=i == 0)

    def _stepper(self, action: str) -> Callable[[], object]:
        return lambda: self.take_step(action)

    # ---- acting -------------------------------------------------------------------------------------

    def step_dialog(self, action: str) -> StepDialog:
        """The dialog of step ``action`` (not shown yet), based on the version shown."""
        view = self.view
        defaults: dict[str, Any] = {}
        if view is not None:
            if view.last_approver:
                defaults["approved_by"] = view.last_approver
            if view.higher_procuratorate:
                defaults["to"] = view.higher_procuratorate
        dialog = StepDialog(
            self.store,
            self.kind,
            self.record_id,
            action,
            actor=self.actor,
            base_version=view.version if view is not None else None,
            doc_number=view.doc_number if view is not None else None,
            defaults=defaults,
            runner=self.runner,
            parent=self,
        )
        dialog.stepDone.connect(self._written)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def take_step(self, action: str) -> StepDialog:
        dialog = self.step_dialog(action)
        dialog.open()
        self.step = dialog
        return dialog

    @Slot()
    def edit(self) -> None:
        self.form = open_form(
            self,
            self.store,
            self.kind,
            self.record_id,
            actor=self.actor,
            runner=self.runner,
            on_saved=self._written,
        )

    def pdf_request(self) -> PdfRequest:
        kind = "notice" if self.kind == NOTICE else "suggestion"
        label = KINDS[kind]
        number = self.view.doc_number if self.view is not None else None
        title = f"{core_text(label)} {number or self.tr('草稿')}"
        stem = safe_file_name(f"{label}-{number or '草稿'}")  # i18n: data (the file is named as the document)
        return PdfRequest(kind, str(self.record_id), title, stem)

    @Slot()
    def preview(self) -> QWidget | None:
        return open_preview(self.store, self.pdf_request(), self, runner=self.runner)


# ---- 口头纠正意见 --------------------------------------------------------------------------------------


class OralCorrectionPage(_CorrectionPage):
    """An oral correction: facts, 跟踪期限, and 登记已纠正 or 制发纠正违法通知书."""

    def __init__(
        self,
        store: Store,
        record_id: uuid.UUID,
        *,
        actor: Actor,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, ORAL, record_id, actor=actor, runner=runner, parent=parent)
        self.view: OralView | None = None
        self.setWindowTitle(kind_name(ORAL))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.hide()
        self.tools_row.addWidget(self.edit_button)

        panel, layout = _panel(self.tr("口头纠正意见"))
        self.info = InfoForm()
        for key, label in (
            ("issued_on", QT_TRANSLATE_NOOP("OralCorrectionPage", "提出日期：")),
            ("addressee", QT_TRANSLATE_NOOP("OralCorrectionPage", "告知对象：")),
            ("source", QT_TRANSLATE_NOOP("OralCorrectionPage", "发现途径：")),
            ("facts", QT_TRANSLATE_NOOP("OralCorrectionPage", "违法事实：")),
            ("basis", QT_TRANSLATE_NOOP("OralCorrectionPage", "违反规定：")),
            ("follow_up", QT_TRANSLATE_NOOP("OralCorrectionPage", "跟踪期限：")),
            ("result", QT_TRANSLATE_NOOP("OralCorrectionPage", "纠正情况：")),
            ("notice", QT_TRANSLATE_NOOP("OralCorrectionPage", "纠正违法通知书：")),
        ):
            self.info.add(key, self.tr(label))
        layout.addLayout(self.info)
        self.left.addWidget(panel)
        self.left.addWidget(self._attachment_panel())
        self.left.addStretch(1)
        self.links = QVBoxLayout()
        self.right.addLayout(self.links)
        self.right.addStretch(1)

    def _read(self) -> OralView:
        return load_oral_correction(self.store, self.record_id)

    def _show(self, view: OralView) -> None:
        self.view = view
        v = view.values
        self.title_label.setText(str(v.get("addressee_unit") or kind_name(ORAL)))
        issued = v.get("issued_on")
        follow = v.get("follow_up_due")
        days = (follow - today_local()).days if isinstance(follow, date) else None
        if view.corrected:
            _set_chip(self.state_chip, self.tr("已纠正"), GREEN)
        elif view.escalated:
            _set_chip(self.state_chip, self.tr("已制发纠正违法通知书"), PRIMARY)
        elif days is not None and days < 0:
            _set_chip(self.state_chip, self.tr("逾期未纠正"), RED)
        else:
            _set_chip(self.state_chip, self.tr("跟踪中"), AMBER)
        self.subtitle.setText(self.tr("{on} 当面提出").format(on=fmt_date(issued)))
        info = self.info
        info.set("issued_on", fmt_date(issued))
        person = v.get("addressee_person")
        info.set("addressee", f"{v.get('addressee_unit') or ''}" + (f"　{person}" if person else ""))
        info.set("source", enum_label(FindingSource, v.get("source")))
        info.set("facts", v.get("facts") or "—")
        info.set("basis", v.get("legal_basis"))
        if isinstance(follow, date):
            open_ = not view.corrected and not view.escalated
            colour = (
                RED if days is not None and days < 0 else AMBER if days is not None and days <= 2 else None
            )
            info.set(
                "follow_up",
                fmt_date(follow) + (f"（{_days_text(days)}）" if open_ and days is not None else ""),
                colour if open_ else None,
            )
        else:
            info.set("follow_up", None)
        if view.corrected:
            info.set(
                "result",
                self.tr("{on} 已纠正。核实方式：{how}").format(
                    on=fmt_date(v.get("corrected_on")), how=v.get("verified_how") or "—"
                ),
                GREEN,
            )
        else:
            info.set("result", self.tr("未纠正"))
        if view.escalated:
            info.set(
                "notice",
                (view.notice_number or self.tr("草稿"))
                + f"（{enum_label(DocumentState, view.notice_state)}）",
            )
        else:
            info.set("notice", None)
        self.attachments.set_record(ORAL, self.record_id, view.attachments)
        self._clear(self.links)
        self.links.addWidget(self._finding_panel(view.findings, exclude=ORAL))
        self._show_actions(view, days)
        self.edit_button.setVisible(
            not view.corrected and not view.escalated and may(self.actor, Permission.EDIT)
        )
        self._focus_primary()

    def _show_actions(self, view: OralView, days: int | None) -> None:
        self._clear_actions()
        if view.escalated and view.notice_id is not None:
            notice_id = view.notice_id
            self._add_action(
                self.tr("打开纠正违法通知书"), lambda: self.open_page(NOTICE, notice_id), primary=True
            )
            return
        if view.corrected:
            return
        if not may(self.actor, Permission.EDIT):
            self._add_note(self._edit_refusal(), "mayNotEdit")
            return
        due = days is not None and days <= 0
        order = [("escalate", self.tr("制发纠正违法通知书")), ("corrected", self.tr("登记已纠正"))]
        if not due:
            order.reverse()
        for i, (name, text) in enumerate(order):
            slot = self.escalate if name == "escalate" else self.register_corrected
            self._add_action(text, slot, primary=i == 0)

    # ---- acting -------------------------------------------------------------------------------------

    def corrected_dialog(self) -> OralCorrectedDialog:
        dialog = OralCorrectedDialog(
            self.store,
            self.record_id,
            actor=self.actor,
            base_version=self.view.version if self.view is not None else None,
            runner=self.runner,
            parent=self,
        )
        dialog.stepDone.connect(self._written)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    @Slot()
    def register_corrected(self) -> OralCorrectedDialog:
        dialog = self.corrected_dialog()
        dialog.open()
        self.step = dialog
        return dialog

    @Slot()
    def escalate(self) -> None:
        """The notice form prefilled from this oral correction; once saved, the notice's page."""

        def saved(kind: str, record_id: object) -> None:
            self._written()
            emit(self.changed, kind, record_id)
            if isinstance(record_id, uuid.UUID):
                self.open_page(kind, record_id)

        escalate_oral_action(
            self,
            self.store,
            self.record_id,
            self.actor,
            runner=self.runner,
            on_saved=saved,
            on_open=self._form_opened,
        )

    @Slot()
    def edit(self) -> None:
        self.form = open_form(
            self,
            self.store,
            ORAL,
            self.record_id,
            actor=self.actor,
            runner=self.runner,
            on_saved=self._written,
        )
