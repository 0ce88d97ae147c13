"""The detail of one agenda item: what is due, when, for whom, by which rule and legal source, and the
rules engine's full explanation; a button goes to the record's page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.agenda import AgendaItem
from inspector.services.dashboard import RecordLink
from ui.i18n import QT_TRANSLATE_NOOP, mark_content, rules_text
from ui.models.agenda_model import days_left_text, due_text, level_label, weekday_text
from ui.qt_compat import emit
from ui.style import AMBER, GREY, PRIMARY, RED, TEXT_MUTED, scaled_font

PAGE_NAMES = {  # translated where shown (context AgendaDetailDialog)
    "detainees": QT_TRANSLATE_NOOP("AgendaDetailDialog", "在押人员"),
    "corrections": QT_TRANSLATE_NOOP("AgendaDetailDialog", "纠正与建议"),
    "mailbox": QT_TRANSLATE_NOOP("AgendaDetailDialog", "检察官信箱"),
    "talks": QT_TRANSLATE_NOOP("AgendaDetailDialog", "个别谈话"),
    "patrols": QT_TRANSLATE_NOOP("AgendaDetailDialog", "巡视检察"),
}

_CHIP = {"overdue": RED, "warning": AMBER, "upcoming": PRIMARY, "info": GREY}


class AgendaDetailDialog(QDialog):
    """Read-only; ``openRecord`` (a :class:`RecordLink`) when the user asks to see the record."""

    openRecord = Signal(object)

    def __init__(
        self,
        item: AgendaItem,
        *,
        link: RecordLink | None = None,
        conventions: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.link = link
        self.setWindowTitle(self.tr("工作提示详情"))
        self.setMinimumWidth(560)
        self.resize(640, 520)

        chip = QLabel(level_label(item.level))
        chip.setObjectName("levelChip")
        colour = _CHIP.get(item.level, GREY)
        chip.setStyleSheet(
            f"QLabel#levelChip {{ color: white; background: {colour}; border-radius: 4px; "
            "padding: 2px 8px; }"
        )
        chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(rules_text(item.title))
        title.setObjectName("detailTitle")
        title.setWordWrap(True)
        title.setFont(scaled_font(title, 1.3, bold=True))
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(title, 1)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        self.fields: dict[str, QLabel] = {}

        def row(key: str, label: str, value: str, colour: str | None = None) -> None:
            shown = QLabel(value or "—")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if colour:
                shown.setStyleSheet(f"color: {colour};")
            self.fields[key] = shown
            form.addRow(label, shown)

        row("subject", self.tr("对象："), rules_text(item.subject))
        if item.due is not None:
            left = days_left_text(item.days_left)
            left_colour = RED if item.level == "overdue" else AMBER if item.level == "warning" else None
            row(
                "due",
                self.tr("到期日："),
                self.tr("{date}（{weekday}）").format(
                    date=due_text(item.due), weekday=weekday_text(item.due)
                ),
            )
            row("left", self.tr("剩余："), left, left_colour)
        if not item.certain:
            row(
                "certain",
                self.tr("注意："),
                self.tr("该日期可能变动：所涉年份的节假日安排尚未公布或录入，公布后请重新核对。"),
                AMBER,
            )
        row("rule", self.tr("规则："), rules_text(item.rule))
        row("basis", self.tr("法律依据："), rules_text(item.basis))
        mark_content(self.fields["subject"])  # a name, an addressee and 文号, a week (record data)

        explanation_title = QLabel(self.tr("计算说明"))
        explanation_title.setObjectName("sectionTitle")
        explanation_title.setFont(scaled_font(explanation_title, 1.0, bold=True))
        self.explanation = QPlainTextEdit(rules_text(item.explanation) or self.tr("（无）"))
        self.explanation.setReadOnly(True)
        self.explanation.setFrameShape(QFrame.Shape.StyledPanel)

        body = QVBoxLayout(self)
        body.setContentsMargins(20, 18, 20, 14)
        body.setSpacing(12)
        body.addLayout(head)
        body.addLayout(form)
        body.addWidget(explanation_title)
        body.addWidget(self.explanation, 1)
        if conventions:
            notes = QLabel("\n".join(f"· {rules_text(c)}" for c in conventions))
            notes.setWordWrap(True)
            notes.setStyleSheet(f"color: {TEXT_MUTED};")
            notes.setFont(scaled_font(notes, 0.9))
            body.addWidget(notes)

        buttons = QDialogButtonBox()
        self.open_button: QPushButton | None = None
        if link is not None:
            page = self.tr(PAGE_NAMES[link.page]) if link.page in PAGE_NAMES else link.page
            self.open_button = QPushButton(self.tr("转到“{page}”页").format(page=page))
            self.open_button.setDefault(True)
            self.open_button.clicked.connect(self._open)
            buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        body.addWidget(buttons)

    @Slot()
    def _open(self) -> None:
        emit(self.openRecord, self.link)
        self.accept()
