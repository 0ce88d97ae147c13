"""The idle lock: after N minutes without keyboard or mouse input (the station's
``security.idle_lock_minutes``), or at once with ``Ctrl+L``, the main window hides its content behind
:class:`LockScreen` until the same user's password is given again, or someone switches user.

:class:`IdleWatcher` filters the application's input events to restart its timer, so any key or
click in any of the app's windows counts as activity.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.qt_compat import emit
from ui.style import CARD_BORDER, PAGE_BG, RED, TEXT_MUTED, scaled_font

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without input in any window of the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self._timer.setInterval(max(1, minutes) * 60_000)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()  # restarts the countdown
        return False

    def uninstall(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """What a locked window shows: who it is locked for, a password field, 解锁 and 切换用户."""

    unlockRequested = Signal(str)
    switchUserRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"#lockScreen {{ background: {PAGE_BG}; }}"
            f"#lockCard {{ background: white; border: 1px solid {CARD_BORDER}; border-radius: 6px; }}"
        )
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(420)
        title = QLabel(self.tr("已锁定"))
        title.setFont(scaled_font(self, 1.6, bold=True))
        self.who = QLabel()
        self.who.setObjectName("lockedFor")
        self.station = QLabel()
        self.station.setStyleSheet(f"color: {TEXT_MUTED};")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("unlockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("密码"))
        self.password_edit.returnPressed.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self._submit)
        self.switch_button = QPushButton(self.tr("切换用户"))
        self.switch_button.clicked.connect(lambda: emit(self.switchUserRequested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(self.who)
        inner.addWidget(self.station)
        inner.addWidget(self.password_edit)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        self.setTabOrder(self.password_edit, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.switch_button)

    def prepare(self, user_name: str, station_name: str) -> None:
        self.who.setText(self.tr("{user}，请输入密码解锁").format(user=user_name))
        self.station.setText(station_name)
        self.password_edit.clear()
        self.message.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet(f"color: {TEXT_MUTED};")
            self.message.setText(self.tr("正在验证…"))

    def refuse(self, text: str) -> None:
        self.set_busy(False)
        self.password_edit.clear()
        self.message.setStyleSheet(f"color: {RED};")
        self.message.setText(text)
        self.password_edit.setFocus()

    @Slot()
    def _submit(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.refuse(self.tr("请输入密码"))
            return
        emit(self.unlockRequested, password)
