"""Small building blocks shared by the screens: page header, stat card, page base class."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.formatting import keep_phrases, phrases, plain_text
from ui.style import scaled_font

PAGE_MARGIN = 24


class PageHeader(QWidget):
    """Title in large type, a grey line under it, and room on the right (e.g. a row count)."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setFont(scaled_font(self.title_label, 1.55, bold=True))
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setVisible(bool(subtitle))
        # wraps rather than claiming its full width: on a narrow window the buttons on the right keep
        # their size and the subtitle takes two lines
        self.subtitle_label.setWordWrap(True)
        self.right = QHBoxLayout()
        self.right.setSpacing(12)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title_label)
        texts.addWidget(self.subtitle_label)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(texts, 1)
        layout.addLayout(self.right)
        # never taller than it needs: a page with room to spare (an empty list) gives it to the list
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_subtitle(self, text: str) -> None:
        self.subtitle_label.setText(text)
        self.subtitle_label.setVisible(bool(text))


class StatCard(QFrame):
    """A white card: what is counted, the number, and a note under it. A note too long for the card
    wraps between phrases (after a comma, before a bracket), never inside one, and the card is never
    narrower than its longest phrase."""

    def __init__(self, title: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title_label = QLabel(title)
        self.title_label.setObjectName("cardTitle")
        self.title_label.setWordWrap(True)
        self.value_label = QLabel("…")
        self.value_label.setObjectName("cardValue")
        self.value_label.setFont(scaled_font(self.value_label, 2.3, bold=True))
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.note_label = QLabel()
        self.note_label.setObjectName("cardNote")
        self.note_label.setWordWrap(True)  # never clipped in a narrow window
        self.set_note(note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)  # cards in a row line up at the top even if a note wraps
        self.setMinimumHeight(118)

    def set_value(self, value: int | str) -> None:
        self.value_label.setText(str(value))

    def value_text(self) -> str:
        return self.value_label.text()

    def set_note(self, text: str) -> None:
        self.note_label.setText(keep_phrases(text))
        metrics = self.note_label.fontMetrics()
        widest = max((metrics.horizontalAdvance(keep_phrases(p).rstrip()) for p in phrases(text)), default=0)
        self.note_label.setMinimumWidth(widest + 2)

    def note(self) -> str:
        """The note as set (without the marks that keep its phrases whole)."""
        return plain_text(self.note_label.text())

    def set_severity(self, severity: str | None) -> None:
        """``ok`` (green), ``pending`` (normal), ``amber``, ``red``, or None: colours the card."""
        value = severity or ""
        if self.property("severity") == value:
            return
        self.setProperty("severity", value)
        for widget in (self, self.title_label, self.value_label, self.note_label):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def severity(self) -> str:
        return str(self.property("severity") or "")


class Page(QWidget):
    """A screen in the main window's stack. Subclasses load lazily in :meth:`activate`."""

    title: str = ""

    def __init__(self, title: str = "", subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = title
        self.header = PageHeader(title, subtitle)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, PAGE_MARGIN)
        self.body.setSpacing(14)
        self.body.addWidget(self.header)

    def set_heading(self, title: str, subtitle: str = "") -> None:
        """Title and grey line of the page (for subclasses that translate them after ``__init__``)."""
        self.title = title
        self.header.title_label.setText(title)
        self.header.set_subtitle(subtitle)

    def activate(self) -> None:
        """Called each time the page is shown; load what has not been loaded yet."""

    def refresh(self) -> None:
        """Re-read everything the page shows (F5)."""
