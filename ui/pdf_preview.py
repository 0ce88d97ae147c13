"""In-app preview of a document with 打印 and 另存为 PDF (QtPdf: ``QPdfDocument`` + ``QPdfView``).

The PDF is built in the background by the core (:meth:`ui.documents.PdfRequest.render`); the dialog
shows it fitted to the width, with page navigation and zoom. Printing goes through ``QPrintDialog``;
each page is then rendered at the printer's resolution (at most :data:`MAX_PRINT_DPI`) and painted on
the printer — in the background too, with a document of its own (QtPdf serialises pdfium calls).
Saving writes the very bytes shown. Errors (a missing glyph, a record that is gone …) are shown in
Chinese in place of the document; nothing is swallowed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.services import exports
from inspector.services.policy import actor_for
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.documents import PdfRequest, safe_file_name
from ui.style import RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background

log = logging.getLogger("inspector.ui.pdf")

MAX_PRINT_DPI = 300  # enough for text and ruled forms; 1200 dpi A4 pages would be 140 MB each
ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


class PrintError(InspectorError):
    pass


# ---- loading and printing (no widgets: usable on a worker thread and in tests) ------------------------


def load_document(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A ready ``QPdfDocument`` over ``data`` and the buffer it reads (keep both alive together)."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)  # synchronous for a complete buffer
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintError(  # i18n: both languages, shown by error_text
            f"无法打开生成的 PDF（{document.error().name}）",
            f"cannot open the generated PDF ({document.error().name})",
        )
    return document, buffer


def pages_to_print(printer: QPrinter, page_count: int, current_page: int = 0) -> list[int]:
    """0-based page numbers the print dialog asked for (all, a range, or the current page)."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        return [min(max(current_page, 0), page_count - 1)]
    if mode == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [p - 1 for p in range(1, page_count + 1) if ranges.contains(p)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            return list(range(first - 1, min(last or page_count, page_count)))
    return list(range(page_count))


def paint_pages(
    document: QPdfDocument,
    printer: QPrinter,
    pages: Sequence[int] | None = None,
    *,
    max_dpi: int = MAX_PRINT_DPI,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Render each page of ``document`` at the printer's resolution and paint it on ``printer``, one
    sheet per page, scaled to the paper (turned when the orientations differ). Copies the printer
    cannot make itself are painted again. Returns the number of sheets painted."""
    wanted = list(range(document.pageCount())) if pages is None else list(pages)
    if not wanted:
        return 0
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    sequence = [p for p in wanted for _ in range(copies)] if not printer.collateCopies() else wanted * copies
    printer.setFullPage(True)  # the PDF page carries its own margins (GB/T 9704)
    dpi = max(72, min(printer.resolution(), max_dpi))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(  # i18n: both languages
            "无法开始打印：打印机不可用或正被占用，请检查打印机后重试",
            "cannot start printing: the printer is unavailable or busy",
        )
    painted = 0
    try:
        for n, page in enumerate(sequence):
            if n and not printer.newPage():
                raise PrintError(
                    "打印机拒绝了新的一页，打印已中断", "the printer refused a new page"
                )  # i18n: both
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            if image.isNull():
                raise PrintError(
                    f"第 {page + 1} 页无法渲染", f"page {page + 1} could not be rendered"
                )  # i18n: both
            _draw_on_paper(painter, printer, image)
            painted += 1
            if progress is not None:
                progress(n + 1, len(sequence))
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
    return painted


def _draw_on_paper(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    image_landscape = image.width() > image.height()
    paper_landscape = paper.width() > paper.height()
    painter.save()
    if image_landscape != paper_landscape:  # turn the page to fit the sheet
        painter.translate(paper.width(), 0)
        painter.rotate(90)
        paper = QRectF(0, 0, paper.height(), paper.width())
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    target = QRectF((paper.width() - w) / 2, (paper.height() - h) / 2, w, h)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
    painter.restore()


def print_pdf_bytes(data: bytes, printer: QPrinter, pages: Sequence[int] | None = None) -> int:
    """:func:`paint_pages` with a document of its own (what the background print job runs)."""
    document, buffer = load_document(data)
    try:
        return paint_pages(document, printer, pages)
    finally:
        document.close()
        buffer.close()


# ---- the dialog ---------------------------------------------------------------------------------------


class PdfPreviewDialog(QDialog):
    """Preview of one :class:`PdfRequest`: page navigation, zoom, 打印, 另存为 PDF."""

    def __init__(
        self,
        store: Store,
        request: PdfRequest,
        *,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._store = store
        self.request = request
        self._run: Runner = runner or run_in_background
        self._generation = 0
        self.pdf: bytes | None = None
        self._buffer: QBuffer | None = None
        self._printer: QPrinter | None = None
        self.busy = False

        self.setWindowTitle(self.tr("预览 — {title}").format(title=request.title))
        self.resize(980, 760)
        self.setMinimumSize(720, 520)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.message = QLabel(self.tr("正在生成 {label}…").format(label=request.label))
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setFont(scaled_font(self.message, 1.1))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        # ---- toolbar --------------------------------------------------------------------------------
        self.prev_button = self._tool(self.tr("上一页"), self.tr("上一页（PgUp）"), self.previous_page)
        self.page_spin = QSpinBox()
        self.page_spin.setRange(1, 1)
        self.page_spin.setAccelerated(True)
        self.page_spin.setToolTip(self.tr("转到第几页"))
        self.page_spin.valueChanged.connect(lambda v: self.go_to_page(v - 1))
        self.page_total = QLabel("/ 1")
        self.next_button = self._tool(self.tr("下一页"), self.tr("下一页（PgDn）"), self.next_page)
        self.zoom_out_button = self._tool(self.tr("缩小"), self.tr("缩小（Ctrl+-）"), self.zoom_out)
        self.zoom_label = QLabel("")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.hide()
        self.zoom_in_button = self._tool(self.tr("放大"), self.tr("放大（Ctrl++）"), self.zoom_in)
        self.fit_width_button = self._tool(self.tr("适合宽度"), self.tr("页面宽度与窗口一致"), self.fit_width)
        self.fit_page_button = self._tool(self.tr("整页"), self.tr("整页显示在窗口内"), self.fit_page)
        for button in (self.fit_width_button, self.fit_page_button):
            button.setCheckable(True)
        self.fit_width_button.setChecked(True)

        self.center_box = QCheckBox(self.tr("看守所版本（保密来信人以代号显示）"))
        self.center_box.setVisible(request.center_option)
        self.center_box.setToolTip(
            self.tr("交给看守所的文本中，保密来信人的姓名一律以“在押人员甲、乙……”代替")
        )
        self.center_box.toggled.connect(lambda _on: self.load())

        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("primary")
        self.print_button.setToolTip(self.tr("Ctrl+P"))
        self.print_button.clicked.connect(self.print_document)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        for widget in (self.prev_button, self.page_spin, self.page_total, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addWidget(self.fit_width_button)
        bar.addWidget(self.fit_page_button)
        bar.addStretch(1)
        bar.addWidget(self.center_box)

        self.status = QLabel("")
        self.status.setObjectName("muted")
        self.status.setStyleSheet(f"color: {TEXT_MUTED};")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(lambda _f: self._show_zoom())
        self.view.zoomModeChanged.connect(lambda _m: self._show_zoom())
        self._shortcuts = [
            self._shortcut(QKeySequence.StandardKey.Print, self.print_document),
            self._shortcut(QKeySequence.StandardKey.Save, self.save_as),
            self._shortcut(QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            self._shortcut(QKeySequence("Ctrl+="), self.zoom_in),
            self._shortcut(QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            self._shortcut(QKeySequence(Qt.Key.Key_PageDown), self.next_page),
            self._shortcut(QKeySequence(Qt.Key.Key_PageUp), self.previous_page),
        ]
        self._set_ready(False)
        self.load()

    def _tool(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    def _shortcut(
        self, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QShortcut:
        shortcut = QShortcut(keys, self)
        shortcut.activated.connect(slot)
        return shortcut

    # ---- building the PDF ----------------------------------------------------------------------

    @property
    def for_center(self) -> bool:
        return self.request.center_option and self.center_box.isChecked()

    def load(self) -> None:
        """Build the PDF in the background (again, e.g. for the detention centre's version)."""
        self._generation += 1
        generation = self._generation
        self._set_ready(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在生成 {label}…").format(label=self.request.label))
        self.stack.setCurrentWidget(self.message)
        store, request, for_center = self._store, self.request, self.for_center
        self._run(
            lambda: request.render(store, for_center),
            lambda data: self._loaded(generation, data),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _loaded(self, generation: int, data: bytes) -> None:
        if generation != self._generation:
            return
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            self._show_error(
                self.tr("生成的 PDF 无法显示（{error}）。").format(error=self.document.error().name)
            )
            return
        self.pdf = data
        pages = self.document.pageCount()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, pages)
        self.page_spin.setValue(1)
        self.page_spin.blockSignals(False)
        self.page_total.setText(f"/ {pages}")
        self.stack.setCurrentWidget(self.view)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._set_ready(True)
        self.status.setText(self.tr("共 {n} 页").format(n=pages))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._show_error(errors.user_message(exc)[1])

    def _show_error(self, text: str) -> None:
        self.pdf = None
        self._set_ready(False)
        self.zoom_label.hide()
        self.message.setStyleSheet(f"color: {RED};")
        self.message.setText(
            self.tr("无法生成 {label}：\n\n{text}").format(label=self.request.label, text=text)
        )
        self.stack.setCurrentWidget(self.message)
        self.status.setText("")

    def _set_ready(self, ready: bool) -> None:
        for widget in (
            self.prev_button,
            self.next_button,
            self.page_spin,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_width_button,
            self.fit_page_button,
            self.save_button,
            self.print_button,
        ):
            widget.setEnabled(ready and not self.busy)
        self.center_box.setEnabled(not self.busy)

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.pdf is not None else 0

    # ---- navigation and zoom ----------------------------------------------------------------------

    def current_page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        if self.page_count == 0:
            return
        page = max(0, min(page, self.page_count - 1))
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._page_changed(page)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(self.pdf is not None and page > 0)
        self.next_button.setEnabled(self.pdf is not None and page < self.page_count - 1)

    def zoom_in(self) -> None:
        self._zoom(+1)

    def zoom_out(self) -> None:
        self._zoom(-1)

    def _zoom(self, step: int) -> None:
        if self.pdf is None:
            return
        current = self.view.zoomFactor()
        if step > 0:
            factor = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            factor = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)
        custom = mode == QPdfView.ZoomMode.Custom
        self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)}%" if custom else "")
        self.zoom_label.setVisible(custom)

    # ---- save and print ----------------------------------------------------------------------------

    def default_file_name(self) -> str:
        stem = self.request.file_stem + (self.tr("-看守所版") if self.for_center else "")
        return f"{safe_file_name(stem)}.pdf"

    def default_path(self) -> Path:
        """Where 另存为 PDF proposes to save: the file's name in the folder used last, else 文档."""
        return file_dialogs.start_directory() / self.default_file_name()

    @Slot()
    def save_as(self) -> None:
        data = self.pdf
        if data is None or self.busy:
            return
        path = file_dialogs.save_file_name(
            self, self.tr("另存为 PDF"), self.default_file_name(), self.tr("PDF 文件 (*.pdf)")
        )
        if path is None:
            return  # cancelled
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._begin_busy(self.tr("正在保存…"))
        store, document = self._store, self._document()
        self._run(
            lambda: exports.save_pdf(store, actor_for(store), path, data, document=document),
            self._saved,
            self._busy_failed,
            owner=self,
        )

    def _document(self) -> dict[str, str]:
        """The document as the audit log names it."""
        return {"kind": self.request.kind, "key": self.request.key, "title": self.request.file_stem}

    def _saved(self, path: Path) -> None:
        self._end_busy(self.tr("已保存到 {path}").format(path=path))

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.request.file_stem)
        printer.setCreator("驻所检察")  # i18n: data (the PDF's metadata)
        if self.page_count:
            size = self.document.pagePointSize(0)
            landscape = size.width() > size.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
        return printer

    @Slot()
    def print_document(self) -> None:
        data = self.pdf
        if data is None or self.busy:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印 — {title}").format(title=self.request.title))
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("已取消打印"))
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Paint the document on an accepted ``printer`` in the background."""
        data = self.pdf
        if data is None:
            return
        pages = pages_to_print(printer, self.page_count, self.current_page())
        self._printer = printer  # kept alive (and untouched here) while the job paints on it
        self._begin_busy(self.tr("正在打印 {n} 页…").format(n=len(pages)))
        store, document = self._store, self._document()

        def send() -> int:
            sheets = print_pdf_bytes(data, printer, pages)
            exports.record_print(store, actor_for(store), document=document, pages=sheets)
            return sheets

        self._run(send, self._printed, self._busy_failed, owner=self)

    def _printed(self, sheets: int) -> None:
        self._printer = None
        self._end_busy(self.tr("已发送到打印机：{n} 页").format(n=sheets))

    def _begin_busy(self, text: str) -> None:
        self.busy = True
        self._set_ready(False)
        self.status.setText(text)

    def _end_busy(self, text: str) -> None:
        self.busy = False
        self._set_ready(self.pdf is not None)
        self._page_changed(self.current_page())
        self.status.setText(text)

    def _busy_failed(self, exc: BaseException) -> None:
        self._printer = None
        self._end_busy("")
        errors.show_error(exc, self)
