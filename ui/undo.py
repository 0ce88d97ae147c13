"""Delete with 撤销: a record is deleted after one confirmation, and the status bar offers to undo it
for a few seconds (the delete is soft, a tombstone that syncs; 撤销 restores it through the services).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QStatusBar, QWidget

from inspector.domain.catalogue import kind_label
from inspector.services import records
from inspector.services.policy import Actor
from inspector.store.store import Store
from ui import errors
from ui.i18n import core_text
from ui.qt_compat import emit
from ui.workers import Runner, run_in_background

UNDO_SECONDS = 10


class UndoBar(QWidget):
    """The status bar's 已删除… [撤销] while the undo is offered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("")
        self.button = QPushButton(self.tr("撤销"))
        self.button.setObjectName("undoButton")
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.hide()


class Deleter(QObject):
    """Deletes the records the pages ask for, and undoes the last one on 撤销."""

    changed = Signal(str, object)  # kind, record id: a delete or a restore was written

    def __init__(
        self,
        store: Store,
        actor: Actor,
        status_bar: QStatusBar,
        *,
        runner: Runner | None = None,
        confirm: Callable[[QWidget, str], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._actor = actor
        self._run: Runner = runner or run_in_background
        self._confirm = confirm or confirm_delete
        self.bar = UndoBar()
        status_bar.addPermanentWidget(self.bar)
        self.bar.button.clicked.connect(self.undo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.bar.hide)
        self.last: tuple[str, uuid.UUID] | None = None

    def delete(self, parent: QWidget, kind: str, record_id: uuid.UUID, what: str = "") -> bool:
        """Ask once, then delete in the background; False if the user said no."""
        label = core_text(kind_label(kind))
        shown = (
            self.tr("{kind}「{what}」").format(kind=label, what=what)
            if what
            else self.tr("这条{kind}").format(kind=label)
        )
        if not self._confirm(
            parent, self.tr("删除{what}？删除后{n}秒内可在状态栏撤销。").format(what=shown, n=UNDO_SECONDS)
        ):
            return False
        store, actor = self._store, self._actor

        def done(_result: object) -> None:
            self.last = (kind, record_id)
            self.bar.label.setText(self.tr("已删除{what}").format(what=shown))
            self.bar.show()
            self._timer.start(UNDO_SECONDS * 1000)
            emit(self.changed, kind, record_id)

        self._run(
            lambda: records.delete(store, kind, record_id, actor),
            done,
            lambda e: errors.show_error(e, parent),
            owner=self,
        )
        return True

    def undo(self) -> None:
        """撤销: restore the record deleted last."""
        if self.last is None:
            return
        kind, record_id = self.last
        self.last = None
        self._timer.stop()
        self.bar.hide()
        store, actor = self._store, self._actor
        self._run(
            lambda: records.restore(store, kind, record_id, actor),
            lambda _v: emit(self.changed, kind, record_id),
            lambda e: errors.show_error(e, None),
            owner=self,
        )


def confirm_delete(parent: QWidget, text: str) -> bool:
    """One question before a delete: 是 deletes, 取消 (the default) keeps."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Deleter", "删除"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
