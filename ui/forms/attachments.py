"""A record's attachments, shown with the record: :class:`AttachmentPanel`.

A small table (文件名 · 大小 · 说明 · 添加时间) and the buttons 添加附件… · 打开 · 另存为… · 修改说明 · 删除.
Everything goes through :mod:`inspector.services.attachments` in the background (``ui.workers``):
adding reads the chosen files there, 打开 writes a copy to a temporary folder of this session and hands
it to the system's viewer (``QDesktopServices``), 另存为… writes where the user says. 删除 asks once,
then offers 撤销 under the table for a few seconds, as the lists do in the status bar (``ui.undo``).
Adding, deleting and a new 说明 take effect at once: they are not part of the record form's 保存.

A user who may not edit records (policy) sees the list and may open or save copies, nothing more.
Attachments whose bytes have not come from the office yet are listed, greyed, with 未同步到本机.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.services import attachments
from inspector.services.attachments import (
    AttachmentError,
    AttachmentInfo,
    BytesNotHereError,
    describe_size,
)
from inspector.services.policy import Actor, Permission, PermissionDeniedError, may
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.formatting import fmt_datetime
from ui.i18n import QT_TRANSLATE_NOOP, error_text
from ui.models import cell_delegate
from ui.qt_compat import emit
from ui.style import GREY, TEXT_MUTED
from ui.undo import UNDO_SECONDS, UndoBar, confirm_delete
from ui.workers import Runner, run_in_background

NAME, SIZE, CAPTION, ADDED = range(4)
# Texts translated where they are shown (context AttachmentPanel).
HEADERS = (
    QT_TRANSLATE_NOOP("AttachmentPanel", "文件名"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "大小"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "说明"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "添加时间"),
)
VISIBLE_ROWS = 5  # the table grows with its rows up to this many, then scrolls
UNSAVED_HINT = QT_TRANSLATE_NOOP("AttachmentPanel", "保存后可添加附件")
FILE_FILTER = QT_TRANSLATE_NOOP(
    "AttachmentPanel",
    "图片和 PDF (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf);;"
    "图片 (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic);;"
    "PDF 文件 (*.pdf);;"
    "所有文件 (*)",
)

_temp_directory: Path | None = None  # copies opened with the system's viewer, removed at exit


def temp_directory() -> Path:
    """This session's folder for copies to open (private to the user; deleted when the app exits)."""
    global _temp_directory
    if _temp_directory is None or not _temp_directory.is_dir():
        _temp_directory = Path(tempfile.mkdtemp(prefix="inspector-attachments-"))
        atexit.register(shutil.rmtree, _temp_directory, True)
    return _temp_directory


def open_with_system(path: Path) -> bool:
    """Hand ``path`` to the system's viewer (replaceable in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


@dataclass
class _Added:
    """What one 添加附件 job added, and the files it could not add (each error names its file)."""

    added: list[AttachmentInfo] = field(default_factory=list)
    refused: list[AttachmentError] = field(default_factory=list)


class AttachmentPanel(QWidget):
    """The attachments of one record (:meth:`set_record`), or the hint that a new record must be
    saved first (:meth:`set_unsaved`)."""

    changed = Signal()  # an attachment was added, deleted, restored or its 说明 changed
    loaded = Signal()  # the list was read (or set) and shown

    def __init__(
        self,
        store: Store,
        actor: Actor,
        *,
        runner: Runner | None = None,
        confirm: Callable[[QWidget, str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPanel")
        self.store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self._confirm = confirm or confirm_delete
        self.kind: str | None = None
        self.record_id: uuid.UUID | None = None
        self.items: list[AttachmentInfo] = []
        self.busy = False
        self.deleted: AttachmentInfo | None = None  # the one 撤销 would restore
        self._filling = False
        self.may_edit = may(actor, Permission.EDIT)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.hint = QLabel(self.tr(UNSAVED_HINT))
        self.hint.setObjectName("fieldNote")
        self.hint.setStyleSheet(f"color: {TEXT_MUTED};")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("attachmentTable")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, to the buttons
        cell_delegate.install(self.table)  # a file not here stays grey when selected
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("附件列表"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SIZE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CAPTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ADDED, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.table.installEventFilter(self)
        layout.addWidget(self.table)

        self.empty_label = QLabel(self.tr("暂无附件。可添加扫描件、照片或 PDF（每个不超过 50 MB）。"))
        self.empty_label.setStyleSheet(f"color: {TEXT_MUTED};")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.add_button = self._button(
            self.tr("添加附件…"), self.choose_files, self.tr("从磁盘选择扫描件、照片或 PDF")
        )
        self.open_button = self._button(
            self.tr("打开"), self.open_selected, self.tr("用本机的默认程序打开（Enter）")
        )
        self.save_button = self._button(self.tr("另存为…"), self.save_selected, self.tr("把附件另存到磁盘上"))
        self.caption_button = self._button(
            self.tr("修改说明"), self.edit_caption, self.tr("修改所选附件的说明（F2）")
        )
        self.delete_button = self._button(
            self.tr("删除"), self.delete_selected, self.tr("删除所选附件（Delete），之后可撤销")
        )
        for b in (self.add_button, self.open_button, self.save_button, self.caption_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)

        self.status = QLabel("")
        self.status.setObjectName("fieldNote")
        self.status.setStyleSheet(f"color: {TEXT_MUTED};")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        layout.addWidget(self.status)

        self.undo_bar = UndoBar()
        bar_layout = self.undo_bar.layout()
        if isinstance(bar_layout, QHBoxLayout):
            bar_layout.addStretch(1)  # 撤销 beside its line, as in the status bar
        self.undo_bar.button.setAutoDefault(False)
        self.undo_bar.button.clicked.connect(self.undo)
        layout.addWidget(self.undo_bar)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._undo_expired)

        if not self.may_edit:
            why = error_text(PermissionDeniedError(actor.role, Permission.EDIT))
            for b in (self.add_button, self.caption_button, self.delete_button):
                b.setToolTip(why)
        self.set_unsaved()

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ---- which record ------------------------------------------------------------------------------

    def set_unsaved(self) -> None:
        """A record not saved yet: nothing to attach to, say so."""
        self.show_hint(self.tr(UNSAVED_HINT))

    def show_hint(self, text: str) -> None:
        """No record to show (yet): only ``text``, e.g. 保存后可添加附件 or 正在读取…."""
        self.kind = None
        self.record_id = None
        self.items = []
        self.hint.setText(text)
        self.hint.setVisible(True)
        self.table.setVisible(False)
        self.empty_label.setVisible(False)
        for b in self.action_buttons():
            b.setVisible(False)
        self.status.setVisible(False)

    def set_record(
        self, kind: str, record_id: uuid.UUID, items: Sequence[AttachmentInfo] | None = None
    ) -> None:
        """Show the attachments of ``record_id``: ``items`` if already read, else read them now."""
        self.kind = kind
        self.record_id = record_id
        self.hint.setVisible(False)
        for b in self.action_buttons():
            b.setVisible(True)
        if items is None:
            self.show_items([])
            self.reload()
        else:
            self.show_items(items)

    def reload(self) -> None:
        """Read the list again in the background."""
        if self.kind is None or self.record_id is None:
            return
        store, kind, record_id = self.store, self.kind, self.record_id
        self._set_busy(True, self.tr("正在读取附件…"))
        self._run(
            lambda: attachments.list_attachments(store, kind, record_id),
            self._reloaded,
            self._failed,
            owner=self,
        )

    def _reloaded(self, items: list[AttachmentInfo]) -> None:
        self._set_busy(False)
        self.show_items(items)

    # ---- the table ---------------------------------------------------------------------------------

    def show_items(self, items: Sequence[AttachmentInfo]) -> None:
        selected = self.selected()
        self.items = list(items)
        self._filling = True
        try:
            self.table.setRowCount(len(self.items))
            for row, item in enumerate(self.items):
                self._fill_row(row, item)
        finally:
            self._filling = False
        self.table.setVisible(bool(self.items))
        self.empty_label.setVisible(not self.items)
        self._fit_height()
        if selected is not None:
            self.select(selected.id)
        elif self.items:
            self.table.setCurrentCell(0, NAME)
        self._update_buttons()
        emit(self.loaded)

    def _fill_row(self, row: int, item: AttachmentInfo) -> None:
        when = fmt_datetime(item.created_at)
        size = _size(item.size)
        added = (
            self.tr("{who} 添加于 {when}").format(who=item.added_by, when=when)
            if item.added_by
            else self.tr("添加于 {when}").format(when=when)
        )
        comma = self.tr("，")  # (outside the f-string: lupdate does not read it there)
        tip = f"{item.filename}\n{item.media_type}{comma}{size}\n{added}"
        if not item.available:
            size += self.tr("（未同步到本机）")
            tip += "\n" + self.tr("内容还没有从办公室同步到本机：联网同步后才能打开。")
        cells = [item.filename, size, item.caption or "", fmt_datetime(item.created_at)]
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            if column == CAPTION and self.may_edit:
                flags |= Qt.ItemFlag.ItemIsEditable
            cell.setFlags(flags)
            cell.setToolTip(tip if column != CAPTION or not text else f"{text}\n\n{tip}")
            if not item.available:
                cell.setForeground(QColor(GREY))
            if column == SIZE:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)

    def _fit_height(self) -> None:
        rows = min(max(len(self.items), 1), VISIBLE_ROWS)
        row_height = self.table.verticalHeader().defaultSectionSize()
        height = self.table.horizontalHeader().sizeHint().height() + rows * row_height
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def selected(self) -> AttachmentInfo | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not selected or not 0 <= row < len(self.items):
            return None
        return self.items[row]

    def select(self, attachment_id: uuid.UUID) -> None:
        for row, item in enumerate(self.items):
            if item.id == attachment_id:
                self.table.setCurrentCell(row, NAME)
                self.table.selectRow(row)
                return

    def filenames(self) -> list[str]:
        return [a.filename for a in self.items]

    def action_buttons(self) -> list[QPushButton]:
        return [self.add_button, self.open_button, self.save_button, self.caption_button, self.delete_button]

    def focus_widgets(self) -> list[QWidget]:
        """Where Tab goes inside the panel (the record form asks, for its own Tab order)."""
        return [self.table, *self.action_buttons(), self.undo_bar.button]

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected()
        ready = self.record_id is not None and not self.busy
        self.add_button.setEnabled(ready and self.may_edit)
        self.open_button.setEnabled(ready and chosen is not None and chosen.available)
        self.save_button.setEnabled(ready and chosen is not None and chosen.available)
        self.caption_button.setEnabled(ready and chosen is not None and self.may_edit)
        self.delete_button.setEnabled(ready and chosen is not None and self.may_edit)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        """Busy (the buttons wait) or done; ``text`` is what the status line says now."""
        self.busy = busy
        self.say(text)
        self._update_buttons()

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the table: Enter opens, Delete deletes, F2 edits the 说明 (not while a cell is edited)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            editing = self.table.state() == QAbstractItemView.State.EditingState
            key = event.key()
            if not editing and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_selected()
                    return True
                if key == Qt.Key.Key_Delete:
                    self.delete_selected()
                    return True
                if key == Qt.Key.Key_F2:
                    self.edit_caption()
                    return True
        return super().eventFilter(watched, event)

    def _double_clicked(self, row: int, column: int) -> None:
        if column == CAPTION and self.may_edit:
            self.edit_caption()
        else:
            self.open_selected()

    # ---- adding ------------------------------------------------------------------------------------

    @Slot()
    def choose_files(self) -> None:
        """添加附件…: pick one or more files, then add them."""
        if not self.add_button.isEnabled():
            return
        paths = file_dialogs.open_file_names(
            self, self.tr("添加附件"), self.tr(FILE_FILTER)
        )  # 文档, or the last
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[Path]) -> None:
        """Add the files in the background; those refused are said in one message, the rest added."""
        if self.kind is None or self.record_id is None or not paths:
            return
        store, kind, record_id, actor = self.store, self.kind, self.record_id, self.actor
        wanted = list(paths)

        def work() -> _Added:
            added = _Added()
            for path in wanted:
                try:
                    added.added.append(attachments.add_file(store, kind, record_id, path, actor=actor))
                except AttachmentError as exc:  # this file only: the others are still added
                    added.refused.append(exc)
            return added

        names = self.tr("、").join(p.name for p in wanted)
        self._set_busy(True, self.tr("正在添加 {names}…").format(names=names))
        self._run(work, self._added, self._failed, owner=self)

    def _added(self, result: _Added) -> None:
        added = result.added
        self._set_busy(False, self.tr("已添加 {n} 个附件").format(n=len(added)) if added else "")
        if added:
            self.show_items([*self.items, *added])
            self.select(added[-1].id)
            emit(self.changed)
        if result.refused:
            zh = "\n".join(error_text(e) for e in result.refused)
            en = "; ".join(e.message_en for e in result.refused)
            errors.show_error(AttachmentError(zh, en), self)

    # ---- opening and saving ------------------------------------------------------------------------

    @Slot()
    def open_selected(self) -> None:
        """打开: a copy in this session's temporary folder, opened with the system's viewer."""
        chosen = self.selected()
        if chosen is None or self.busy:
            return
        if not chosen.available:
            self._not_here(chosen)
            return
        store, directory = self.store, temp_directory()
        self._set_busy(True, self.tr("正在打开 {name}…").format(name=chosen.filename))
        self._run(
            lambda: attachments.temp_copy(store, chosen.id, directory), self._opened, self._failed, owner=self
        )

    def _opened(self, path: Path) -> None:
        self._set_busy(False)
        if not open_with_system(path):
            errors.show_error(
                InspectorError(
                    self.tr("本机没有能打开「{name}」的程序。可用“另存为…”保存后用其他程序打开。").format(
                        name=path.name
                    ),
                    f"no application on this computer opens {path.name}: save a copy (Save as…) "
                    "and open it with another program",
                ),
                self,
            )

    @Slot()
    def save_selected(self) -> None:
        """另存为…: write the attachment where the user chooses."""
        chosen = self.selected()
        if chosen is None or self.busy:
            return
        if not chosen.available:
            self._not_here(chosen)
            return
        suffix = Path(chosen.filename).suffix
        kind = (
            self.tr("{type} 文件 (*{suffix});;").format(type=suffix[1:].upper(), suffix=suffix)
            if suffix
            else ""
        )
        path = file_dialogs.save_file_name(
            self, self.tr("另存为"), chosen.filename, kind + self.tr("所有文件 (*)")
        )
        if path is None:
            return  # cancelled
        store = self.store
        self._set_busy(True, self.tr("正在保存…"))
        self._run(
            lambda: attachments.save_copy(store, chosen.id, path), self._saved_copy, self._failed, owner=self
        )

    def _saved_copy(self, path: Path) -> None:
        self._set_busy(False, self.tr("已保存到 {path}").format(path=path))

    def _not_here(self, item: AttachmentInfo) -> None:
        errors.show_error(BytesNotHereError(item.id, item.filename, item.size), self)

    # ---- 说明 --------------------------------------------------------------------------------------

    @Slot()
    def edit_caption(self) -> None:
        """修改说明 / F2 / double-click on 说明: edit the cell; leaving it saves."""
        if not self.caption_button.isEnabled():
            return
        row = self.table.currentRow()
        if row < 0:
            return
        cell = self.table.item(row, CAPTION)
        if cell is not None:
            self.table.setCurrentItem(cell)
            self.table.editItem(cell)

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != CAPTION or not 0 <= cell.row() < len(self.items):
            return
        item = self.items[cell.row()]
        text = cell.text().strip() or None
        if text == item.caption:
            return
        store, actor = self.store, self.actor
        self._set_busy(True, self.tr("正在保存说明…"))
        self._run(
            lambda: attachments.set_caption(store, item.id, text, actor),
            self._captioned,
            self._caption_failed,
            owner=self,
        )

    def _captioned(self, info: AttachmentInfo) -> None:
        self._set_busy(False, self.tr("说明已保存"))
        self._replace(info)
        emit(self.changed)

    def _caption_failed(self, exc: BaseException) -> None:
        self.show_items(self.items)  # the cell shows the 说明 as stored
        self._failed(exc)

    def _replace(self, info: AttachmentInfo) -> None:
        self.show_items([info if a.id == info.id else a for a in self.items])

    # ---- deleting ----------------------------------------------------------------------------------

    @Slot()
    def delete_selected(self) -> None:
        """删除: asks once, deletes (soft), and offers 撤销 for a few seconds."""
        chosen = self.selected()
        if chosen is None or self.busy or not self.delete_button.isEnabled():
            return
        question = self.tr("删除附件「{name}」？删除后{n}秒内可撤销。").format(
            name=chosen.filename, n=UNDO_SECONDS
        )
        if not self._confirm(self, question):
            return
        store, actor = self.store, self.actor
        self._set_busy(True, self.tr("正在删除…"))
        self._run(
            lambda: attachments.delete(store, chosen.id, actor), self._deleted, self._failed, owner=self
        )

    def _deleted(self, info: AttachmentInfo) -> None:
        self._set_busy(False)
        self.show_items([a for a in self.items if a.id != info.id])
        self.deleted = info
        self.undo_bar.label.setText(self.tr("已删除附件「{name}」").format(name=info.filename))
        self.undo_bar.show()
        self._undo_timer.start(UNDO_SECONDS * 1000)
        emit(self.changed)

    @Slot()
    def undo(self) -> None:
        """撤销: restore the attachment deleted last."""
        info = self.deleted
        if info is None:
            return
        self._undo_expired()
        store, actor = self.store, self.actor
        self._set_busy(True, self.tr("正在恢复…"))
        self._run(
            lambda: attachments.restore(store, info.id, actor), self._restored, self._failed, owner=self
        )

    def _restored(self, info: AttachmentInfo) -> None:
        self._set_busy(False)
        kept = [a for a in self.items if a.id != info.id]
        self.show_items(sorted([*kept, info], key=lambda a: (a.created_at, a.id.hex)))
        self.select(info.id)
        emit(self.changed)

    def _undo_expired(self) -> None:
        self.deleted = None
        self._undo_timer.stop()
        self.undo_bar.hide()

    # ---- errors ------------------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        errors.show_error(exc, self)


def _size(size: int) -> str:
    """812 字节, 34 KB, 2.5 MB (as the core's describe_size, with 字节 in the UI's language)."""
    if size < 1024:
        return QCoreApplication.translate("AttachmentPanel", "{n} 字节").format(n=size)
    return describe_size(size)
