"""The look of the app: a few colours and one style sheet on top of the Fusion style.

Sizes of text are set in points relative to the application font (see ``ui.app``), so that the
layout follows the user's DPI scaling; widgets opt in to a role with ``setObjectName``.

Where the keyboard is: Fusion marks the focused combo box, date or button in the palette's highlight,
which is the light blue of a selected row here, and hardly visible. :class:`AppStyle` draws a ring in
:data:`FOCUS` with a white line inside it (so that it shows on the blue primary button too) around the
combo box, spin box (dates, numbers) or push button that has the keyboard's focus.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

PRIMARY = "#1f5fae"
NAV_BG = "#1c3353"
NAV_HOVER = "#264369"
NAV_SELECTED = "#2e5688"
NAV_TEXT = "#d5deea"
NAV_ACCENT = "#6fb1ff"
PAGE_BG = "#f4f6f9"
CARD_BORDER = "#dfe4eb"
TEXT = "#1f2933"
TEXT_MUTED = "#6b7785"
FIELD_LABEL = "#3a4654"  # a field's name beside its input (forms, step dialogs)
OFFLINE = "#8a94a3"
ONLINE = "#2e7d32"
BADGE = "#d64545"
FOCUS = "#1f5fae"  # the ring around the widget the keyboard is on

# Urgency (agenda rows, cards, days left): red = 逾期, amber = within the warning window, grey = 提示.
RED = "#c62828"
AMBER = "#b26a00"
GREEN = "#2e7d32"
GREY = "#8a94a3"
RED_TINT = "#fff3f3"
AMBER_TINT = "#fffaf0"
LEVEL_COLOURS = {"overdue": RED, "warning": AMBER, "upcoming": TEXT, "info": GREY}

STYLE_SHEET = f"""
QMainWindow, QStackedWidget#pages {{ background: {PAGE_BG}; }}
QWidget#page {{ background: {PAGE_BG}; }}

QWidget#sidebar {{ background: {NAV_BG}; }}
QLabel#appTitle {{ color: #ffffff; font-weight: bold; }}
QLabel#appSubtitle {{ color: {NAV_TEXT}; }}
QLabel#sidebarFooter {{ color: #8ea2bd; }}
QListWidget#nav {{
    background: {NAV_BG}; border: none; outline: 0; color: {NAV_TEXT};
}}
QListWidget#nav::item {{
    padding: 9px 12px 9px 18px; border-left: 3px solid transparent; margin: 1px 0;
}}
QListWidget#nav::item:hover {{ background: {NAV_HOVER}; color: #ffffff; }}
QListWidget#nav::item:selected {{
    background: {NAV_SELECTED}; color: #ffffff; border-left: 3px solid {NAV_ACCENT};
}}

QLabel#pageTitle {{ color: {TEXT}; font-weight: bold; }}
QLabel#pageSubtitle, QLabel#muted {{ color: {TEXT_MUTED}; }}
QLabel#rowCount {{ color: {TEXT_MUTED}; }}
QLabel#sectionTitle {{ color: {TEXT}; font-weight: bold; }}

QFrame#card {{
    background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px;
}}
QFrame#card QLabel {{ background: transparent; border: none; }}
QLabel#cardTitle {{ color: {TEXT_MUTED}; }}
QLabel#cardValue {{ color: {PRIMARY}; font-weight: bold; }}
QLabel#cardNote {{ color: {TEXT_MUTED}; }}

QFrame#card[severity="red"] {{ border: 1px solid #efb8b8; border-top: 4px solid {RED}; }}
QFrame#card[severity="red"] QLabel#cardValue {{ color: {RED}; }}
QFrame#card[severity="amber"] {{ border: 1px solid #f0d29a; border-top: 4px solid #e39a17; }}
QFrame#card[severity="amber"] QLabel#cardValue {{ color: {AMBER}; }}
QFrame#card[severity="ok"] {{ border-top: 4px solid #57a85b; }}
QFrame#card[severity="ok"] QLabel#cardValue {{ color: {GREEN}; }}
QFrame#card[severity="pending"] {{ border-top: 4px solid {CARD_BORDER}; }}

QFrame#panel {{ background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px; }}
QFrame#panel QLabel {{ background: transparent; border: none; }}

QTableView {{
    background: #ffffff; alternate-background-color: #f7f9fc; border: 1px solid {CARD_BORDER};
    gridline-color: #edf0f4; selection-background-color: #d6e6fb; selection-color: {TEXT};
}}
QHeaderView::section {{
    background: #eef2f7; color: #3a4654; padding: 5px 8px; border: none;
    border-right: 1px solid #e1e6ed; border-bottom: 1px solid #d5dce5;
}}

QPushButton {{ padding: 5px 14px; }}
QPushButton#primary {{
    background: {PRIMARY}; color: #ffffff; border: 1px solid #174a88; border-radius: 4px; padding: 5px 16px;
}}
QPushButton#primary:hover {{ background: #2669bd; }}
QPushButton#primary:disabled {{ background: #9fb6d3; border-color: #9fb6d3; }}
QToolButton {{ padding: 4px 10px; }}

QStatusBar {{ background: #ffffff; border-top: 1px solid {CARD_BORDER}; color: #3a4654; }}
QStatusBar::item {{ border: none; }}
QStatusBar QLabel {{ padding: 2px 8px; }}
"""


def required_mark(text: str, required: bool) -> str:
    """A field's label (rich text), with a red * when it must be filled in: forms and step dialogs."""
    return f'{text} <span style="color:{RED}">*</span>' if required else text


class AppStyle(QProxyStyle):
    """Fusion, with a visible ring around the combo box, spin box or button the keyboard is on."""

    RING_WIDTH = 2.0

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def _ring(self, painter: QPainter, rect: QRectF, radius: float = 3.0) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        width = self.RING_WIDTH
        for colour, inset, pen_width in ((FOCUS, width / 2, width), ("#ffffff", width + 0.5, 1.0)):
            pen = QPen(QColor(colour))
            pen.setWidthF(pen_width)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)
        painter.restore()

    @staticmethod
    def keyboard_focus(option: QStyleOption) -> bool:
        """The widget has the focus and it came from the keyboard (Qt's own test for a focus frame)."""
        state = option.state
        return bool(state & QStyle.StateFlag.State_HasFocus) and bool(
            state & QStyle.StateFlag.State_KeyboardFocusChange
        )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            element == QStyle.PrimitiveElement.PE_FrameFocusRect
            and widget is not None
            and widget.inherits("QPushButton")
        ):
            self._ring(painter, QRectF(widget.rect()))  # the whole button, not a faint line in it
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        combo_or_spin = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)
        if control in combo_or_spin and self.keyboard_focus(option):
            self._ring(painter, QRectF(option.rect))


_style: AppStyle | None = None  # the application's style (kept referenced while it is in use)


def apply_style(app: QApplication) -> None:
    global _style
    _style = AppStyle()
    app.setStyle(_style)  # before the palette: a new style resets it
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PAGE_BG))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#d6e6fb"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(TEXT))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled by ``factor`` (sizes follow the application font)."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font
