"""Document preview, save and print (QtPdf), on PDFs the core really builds."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from inspector.documents.render import render_pdf
from inspector.store.models import AuditLog
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import documents, errors
from ui.documents import (
    PdfRequest,
    correction_request,
    daily_log_request,
    mailbox_request,
    monthly_report_request,
    register_request,
    safe_file_name,
)
from ui.main_window import CORRECTIONS, DETAINEES, MAILBOX, REPORTS, TALKS, MainWindow
from ui.pdf_preview import (
    PdfPreviewDialog,
    load_document,
    pages_to_print,
    paint_pages,
    print_pdf_bytes,
)

EXT_C = "\U0002a700"  # 𪜀 (CJK Extension C): in none of the fonts, so the document cannot be built


def pages_of(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def dialog_for(qtbot: Any, store: Store, request: PdfRequest, **kw: Any) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(store, request, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_loaded(qtbot: Any, dialog: PdfPreviewDialog) -> None:
    qtbot.waitUntil(
        lambda: dialog.pdf is not None or dialog.message.text().startswith("无法"), timeout=20_000
    )


@pytest.fixture
def notice(seed: Any) -> Any:
    return seed.notice(
        "served", today_local() + timedelta(days=5), facts="夜间值班民警脱岗两小时，未按规定巡查监室"
    )


# ---- the dialog ------------------------------------------------------------------------------------


def test_preview_builds_and_shows_the_real_pdf(qtbot: Any, store: Store, notice: Any, idle: Any) -> None:
    request = PdfRequest("notice", str(notice.id), "纠正违法通知书 草稿", "纠正违法通知书-草稿")
    dialog = dialog_for(qtbot, store, request)
    assert dialog.pdf is None and not dialog.print_button.isEnabled()  # built in the background
    assert "正在生成" in dialog.message.text()
    wait_loaded(qtbot, dialog)
    idle()
    assert dialog.pdf is not None and dialog.pdf.startswith(b"%PDF")
    assert dialog.page_count > 0 and dialog.page_count == pages_of(dialog.pdf)
    assert dialog.stack.currentWidget() is dialog.view
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.page_spin.maximum() == dialog.page_count
    assert dialog.windowTitle() == "预览 — 纠正违法通知书 草稿"
    assert not dialog.center_box.isVisible()  # notices are always written for the centre

    dialog.zoom_in()
    assert dialog.zoom_label.text().endswith("%") and not dialog.fit_width_button.isChecked()
    dialog.fit_width()
    assert dialog.fit_width_button.isChecked() and dialog.zoom_label.text() == ""


def test_page_navigation_on_a_long_document(qtbot: Any, store: Store, seed: Any, idle: Any) -> None:
    seed.detainees(70)  # a register of several pages
    dialog = dialog_for(qtbot, store, register_request(today_local()))
    wait_loaded(qtbot, dialog)
    idle()
    assert dialog.page_count > 1
    dialog.next_page()
    assert dialog.current_page() == 1 and dialog.page_spin.value() == 2
    dialog.go_to_page(99)
    assert dialog.current_page() == dialog.page_count - 1 and not dialog.next_button.isEnabled()
    dialog.previous_page()
    assert dialog.current_page() == dialog.page_count - 2
    dialog.page_spin.setValue(1)
    assert dialog.current_page() == 0 and not dialog.prev_button.isEnabled()


def test_a_document_that_cannot_be_built_says_why_in_chinese(
    qtbot: Any, store: Store, seed: Any, idle: Any
) -> None:
    bad = seed.notice("draft", None, facts=f"在押人员{EXT_C}某反映伙食问题")
    dialog = dialog_for(
        qtbot, store, correction_request(SimpleNamespace(record=row_of(bad, "rectification_notice")))
    )
    wait_loaded(qtbot, dialog)
    idle()
    text = dialog.message.text()
    assert dialog.pdf is None and text.startswith("无法生成 纠正违法通知书")
    assert "U+2A700" in text and "没有字形" in text and "Traceback" not in text
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def last_audit(store: Store) -> Any:
    with store.session(read_only=True) as s:
        return s.scalars(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).one()


def row_of(record: Any, kind: str) -> Any:
    return SimpleNamespace(id=record.id, kind=kind, doc_number=record.doc_number)


def test_save_as_writes_the_pdf_shown(
    qtbot: Any, store: Store, notice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, idle: Any
) -> None:
    request = correction_request(SimpleNamespace(record=row_of(notice, "rectification_notice")))
    assert request is not None
    dialog = dialog_for(qtbot, store, request)
    wait_loaded(qtbot, dialog)
    asked: list[str] = []

    def choose(parent: Any, caption: str, path: str, filters: str) -> tuple[str, str]:
        asked.append(path)
        return str(tmp_path / "通知书"), filters  # the user typed a name without .pdf

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog.save_as()
    qtbot.waitUntil(lambda: not dialog.busy)
    idle()
    saved = tmp_path / "通知书.pdf"
    assert saved.read_bytes() == dialog.pdf and pages_of(saved.read_bytes()) == dialog.page_count
    assert Path(asked[0]).name == "纠正违法通知书-草稿.pdf"
    assert dialog.status.text() == f"已保存到 {saved}"
    assert not list(tmp_path.glob("*.part"))
    assert saved.stat().st_mode & 0o777 == 0o600  # names and ID numbers: owner-only, as every export
    entry = last_audit(store)
    assert entry.action == "save_pdf" and entry.detail["file"] == str(saved)
    assert entry.detail["document"]["kind"] == "notice" and entry.user_id is not None

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    dialog.save_as()  # cancelled: nothing happens
    assert not dialog.busy


def test_default_file_name_carries_the_document_number() -> None:
    row = SimpleNamespace(
        record=SimpleNamespace(id="x", kind="rectification_notice", doc_number="七检刑执纠违〔2026〕3号")
    )
    request = correction_request(row)
    assert request is not None and request.kind == "notice"
    assert request.file_stem == "纠正违法通知书-七检刑执纠违〔2026〕3号"
    assert safe_file_name('a/b:c*?"<>|d') == "a_b_c_d"
    assert daily_log_request(datetime(2026, 11, 27).date()).file_stem == "派驻检察工作日志-2026-11-27"
    assert monthly_report_request(2026, 3).key == "2026-03"
    assert monthly_report_request(2026, 3).file_stem == "月度工作情况报告-2026年3月"


# ---- printing ----------------------------------------------------------------------------------------


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_paint_pages_prints_every_page(store: Store, seed: Any, tmp_path: Path) -> None:
    seed.detainees(70)
    data = render_pdf(store, "register", today_local().isoformat())
    document, buffer = load_document(data)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    sheets = paint_pages(document, printer)
    document.close()
    buffer.close()
    assert sheets == pages_of(data) > 1
    assert pages_of(out.read_bytes()) == sheets


def test_print_range_current_page_and_copies(store: Store, seed: Any, tmp_path: Path) -> None:
    seed.detainees(70)
    data = render_pdf(store, "register", today_local().isoformat())
    total = pages_of(data)
    printer = pdf_printer(tmp_path / "range.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(QPageRanges.fromString("2"))
    assert pages_to_print(printer, total) == [1]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pages_to_print(printer, total, current_page=1) == [1]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    assert pages_to_print(printer, total) == list(range(total))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    assert print_pdf_bytes(data, printer, pages_to_print(printer, total)) == 1
    assert pages_of((tmp_path / "range.pdf").read_bytes()) == 1

    printer = pdf_printer(tmp_path / "copies.pdf")
    printer.setCopyCount(2)
    painted = print_pdf_bytes(data, printer)  # copies the printer cannot make are painted again
    assert painted == (total if printer.supportsMultipleCopies() else 2 * total)


def test_print_from_the_dialog_in_the_background(
    qtbot: Any, store: Store, notice: Any, tmp_path: Path, idle: Any
) -> None:
    dialog = dialog_for(qtbot, store, PdfRequest("notice", str(notice.id), "通知书", "通知书"))
    wait_loaded(qtbot, dialog)
    out = tmp_path / "from-dialog.pdf"
    dialog.print_to(pdf_printer(out))
    assert dialog.busy and not dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    idle()
    assert dialog.status.text() == f"已发送到打印机：{dialog.page_count} 页"
    assert pages_of(out.read_bytes()) == dialog.page_count
    entry = last_audit(store)
    assert entry.action == "print" and entry.detail["pages"] == dialog.page_count
    assert entry.detail["document"] == {"kind": "notice", "key": str(notice.id), "title": "通知书"}


def test_cancelling_the_print_dialog_prints_nothing(
    qtbot: Any, store: Store, notice: Any, monkeypatch: pytest.MonkeyPatch, idle: Any
) -> None:
    dialog = dialog_for(qtbot, store, PdfRequest("notice", str(notice.id), "通知书", "通知书"))
    wait_loaded(qtbot, dialog)
    idle()
    shown: list[int] = []

    def cancel(self: QPrintDialog) -> int:
        shown.append(self.maxPage())
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    dialog.print_document()
    assert shown == [dialog.page_count]
    assert not dialog.busy and dialog.status.text() == "已取消打印"


# ---- the detention centre's version and the entry points --------------------------------------------


def test_mailbox_register_offers_the_centres_version(qtbot: Any, store: Store, seed: Any, idle: Any) -> None:
    opening = seed.opening(datetime.now(UTC) - timedelta(hours=2))
    row = SimpleNamespace(record=opening)
    request = mailbox_request(row)
    dialog = dialog_for(qtbot, store, request)
    wait_loaded(qtbot, dialog)
    idle()
    assert dialog.center_box.isVisible() and not dialog.for_center
    first = dialog.pdf
    dialog.center_box.setChecked(True)  # built again, for the centre
    qtbot.waitUntil(lambda: dialog.pdf is not None and dialog.pdf is not first, timeout=20_000)
    idle()
    assert dialog.for_center and dialog.default_path().name.endswith("-看守所版.pdf")


@pytest.fixture
def window(qtbot: Any, store: Store, seed: Any, idle: Any) -> Any:
    person = seed.detainee(1)
    seed.talk(person, datetime.now(UTC) - timedelta(hours=1))
    seed.opening(datetime.now(UTC) - timedelta(hours=2))
    seed.notice("served", today_local() + timedelta(days=3))
    seed.suggestion("served", today_local() + timedelta(days=30))
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    yield w
    idle()


def open_dialogs(qtbot: Any) -> list[PdfPreviewDialog]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog) and w.isVisible()]


@pytest.mark.parametrize(
    ("page", "kind"), [(CORRECTIONS, {"notice", "suggestion"}), (TALKS, {"talk"}), (MAILBOX, {"mailbox"})]
)
def test_list_pages_preview_the_selected_row(
    qtbot: Any, window: Any, page: int, kind: set[str], idle: Any
) -> None:
    window.show_page(page)
    view = window.pages[page]
    qtbot.waitUntil(lambda: view.model.has_loaded)
    assert view.preview_button is not None and not view.preview_button.isEnabled()
    assert view.preview_selected() is None  # nothing selected
    view.table.selectRow(0)
    assert view.preview_button.isEnabled()
    view.preview_button.click()
    qtbot.waitUntil(lambda: len(open_dialogs(qtbot)) == 1)
    dialog = open_dialogs(qtbot)[0]
    assert dialog.request.kind in kind
    wait_loaded(qtbot, dialog)
    idle()
    assert dialog.page_count > 0
    dialog.close()


def test_ctrl_p_on_a_document_row_opens_its_preview(qtbot: Any, window: Any, idle: Any) -> None:
    # A double-click opens the document's page (tests/ui/test_agenda_actions.py); Ctrl+P previews it.
    from PySide6.QtCore import Qt

    window.show_page(CORRECTIONS)
    view = window.pages[CORRECTIONS]
    qtbot.waitUntil(lambda: view.model.has_loaded)
    rect = view.table.visualRect(view.model.index(0, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(open_dialogs(qtbot)) == 1)
    dialog = open_dialogs(qtbot)[0]
    wait_loaded(qtbot, dialog)
    idle()
    dialog.close()


def test_register_daily_log_and_monthly_report_buttons(qtbot: Any, window: Any, idle: Any) -> None:
    window.show_page(DETAINEES)
    assert window.register_button.text() == "打印台账…"
    window.register_button.click()
    qtbot.waitUntil(lambda: len(open_dialogs(qtbot)) == 1)
    dialog = open_dialogs(qtbot)[0]
    assert dialog.request.kind == "register" and dialog.request.key == today_local().isoformat()
    wait_loaded(qtbot, dialog)
    dialog.close()

    window.show_page(REPORTS)
    reports = window.pages[REPORTS]
    today = today_local()
    assert reports.log_day() == today and reports.report_month() == (today.year, today.month)
    log = reports.preview_daily_log()
    report = reports.preview_monthly_report()
    assert log.request.kind == "daily-log" and log.request.key == today.isoformat()
    assert report.request.kind == "monthly-report" and report.request.key == f"{today:%Y-%m}"
    wait_loaded(qtbot, log)
    wait_loaded(qtbot, report)
    idle()
    assert log.page_count > 0 and report.page_count > 0
    log.close()
    report.close()


def test_without_qtpdf_the_user_is_told(qtbot: Any, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(documents, "qtpdf_available", lambda: False)
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: shown.append(text))
    assert documents.open_preview(store, register_request(today_local())) is None
    assert "QtPdf" in shown[0] and "inspector pdf" in shown[0]
