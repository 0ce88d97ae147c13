"""Showing errors to the user: plain messages in the UI's language in a dialog, tracebacks only in the log.

* :func:`show_error` — the one place that turns an exception into a message box (GUI thread only).
* :func:`install_exception_hooks` — ``sys.excepthook`` and ``threading.excepthook`` log every
  uncaught exception and show it; exceptions raised in other threads are handed to the GUI thread
  through a queued signal.

An :class:`~inspector.domain.errors.InspectorError` is something the user can act on: its
message is shown as is (``message_zh``, or ``message_en`` when the UI is in English:
:func:`ui.i18n.error_text`). Anything else is a bug: the user sees a short apology with the log
file's location, never a traceback.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector.domain.errors import InspectorError
from ui.i18n import error_text
from ui.qt_compat import emit

log = logging.getLogger("inspector.ui")

ShowMessage = Callable[[str, str, "QWidget | None"], None]


def log_file() -> Path:
    """Where the app writes its log (the same file the command line uses)."""
    return Path(platformdirs.user_log_dir("inspector", appauthor=False)) / "inspector.log"


def user_message(exc: BaseException) -> tuple[str, str]:
    """(title, text) to show for ``exc``, in the UI's language."""
    if isinstance(exc, InspectorError):
        return QCoreApplication.translate("Errors", "无法完成操作"), error_text(exc)
    text = QCoreApplication.translate(
        "Errors",
        "程序遇到意外错误（{kind}），刚才的操作没有完成，已保存的数据不受影响。\n\n"
        "详细情况已记入日志：{path}\n如果问题反复出现，请把该日志文件交给技术支持人员。",
    ).format(kind=type(exc).__name__, path=log_file())
    return QCoreApplication.translate("Errors", "程序错误"), text


def _message_box(title: str, text: str, parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


# Replaceable in tests (a modal dialog would block an offscreen test run).
show_message: ShowMessage = _message_box

_showing = False


def log_exception(exc: BaseException, where: str = "") -> None:
    """Log ``exc`` with its traceback (tracebacks go to the log, never to a dialog)."""
    info = (type(exc), exc, exc.__traceback__)
    prefix = f"{where}: " if where else ""
    if isinstance(exc, InspectorError):
        log.warning("%s%s", prefix, exc.message_en, exc_info=info)
    else:
        log.error("%sunexpected error: %s", prefix, exc, exc_info=info)


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """Show ``exc`` to the user as a plain message. Call on the GUI thread only.

    While one error dialog is open, further errors are only logged, so that a fault repeating in a
    timer or a paint event cannot bury the user under dialogs.
    """
    global _showing
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        log.error("show_error called off the GUI thread; not shown: %s", exc)
        return
    if _showing:
        log.warning("error while another error dialog is open (not shown): %s", exc)
        return
    title, text = user_message(exc)
    _showing = True
    try:
        show_message(title, text, parent if parent is not None else QApplication.activeWindow())
    finally:
        _showing = False


class _ErrorBridge(QObject):
    """Carries exceptions from any thread to the GUI thread (lives in the GUI thread)."""

    raised = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self._show)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        show_error(exc)


class ExceptionHooks:
    """The installed hooks; :meth:`uninstall` puts the previous ones back."""

    def __init__(self) -> None:
        self._bridge = _ErrorBridge()
        self._old_sys = sys.excepthook
        self._old_threading = threading.excepthook

    def install(self) -> ExceptionHooks:
        sys.excepthook = self.sys_hook
        threading.excepthook = self.threading_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._old_sys
        threading.excepthook = self._old_threading

    def sys_hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._old_sys(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        log_exception(exc, "uncaught")
        self._deliver(exc)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        exc = args.exc_value
        if exc is None or issubclass(args.exc_type, SystemExit):
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(args.exc_traceback)
        name = args.thread.name if args.thread is not None else "?"
        log_exception(exc, f"uncaught in thread {name}")
        self._deliver(exc)

    def _deliver(self, exc: BaseException) -> None:
        app = QApplication.instance()
        if app is None:
            print(f"inspector: {exc}", file=sys.stderr)
            return
        if QThread.currentThread() is app.thread():
            show_error(exc)
        else:
            emit(self._bridge.raised, exc)  # queued to the GUI thread


def install_exception_hooks() -> ExceptionHooks:
    """Log and show every uncaught exception. Call once, on the GUI thread, after QApplication."""
    return ExceptionHooks().install()
