"""The look of the app: a few colours and one style sheet on top of the Fusion style.

Sizes of text are set in points relative to the application font (see ``ui.app``), so that the
layout follows the user's DPI scaling; widgets opt in to a role with ``setObjectName``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

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


def apply_style(app: QApplication) -> None:
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
