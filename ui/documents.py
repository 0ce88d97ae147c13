"""Which document a screen prints, and opening its preview.

A :class:`PdfRequest` names one document the core can build (``inspector.documents.render.render_pdf``
kind and key), how the window and the saved file are called, and whether a version for the detention
centre (confidential writers by pseudonym) is offered. The builders below make one from a list row or
a date; :func:`open_preview` shows it in a :class:`ui.pdf_preview.PdfPreviewDialog` (QtPdf).
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from inspector.documents.render import KINDS, render_pdf
from inspector.store.store import Store
from ui import errors
from ui.formatting import fmt_date
from ui.i18n import core_text
from ui.workers import Runner

NOTICE_TABLE = "rectification_notice"
SUGGESTION_TABLE = "procuratorial_suggestion"


@dataclass(frozen=True)
class PdfRequest:
    """One document to preview, print or save."""

    kind: str  # a render_pdf kind: notice, suggestion, talk, mailbox, daily-log, monthly-report, register
    key: str  # record id, date (YYYY-MM-DD) or month (YYYY-MM)
    title: str  # the window title, e.g. 纠正违法通知书 七检刑执纠违〔2026〕3号 (in the UI's language)
    file_stem: str  # the default file name without .pdf (Chinese, as the document)
    center_option: bool = False  # offer "看守所版本" (confidential writers by pseudonym)

    @property
    def label(self) -> str:
        """The document's name in the UI's language."""
        return core_text(KINDS.get(self.kind, self.kind))

    def render(self, store: Store, for_center: bool = False) -> bytes:
        """The PDF (call in the background: it reads the database and typesets)."""
        if self.center_option:
            return render_pdf(store, self.kind, self.key, for_detention_center=for_center)
        return render_pdf(store, self.kind, self.key)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(text: str) -> str:
    """``text`` usable as a file name on Windows, macOS and Linux (Chinese and 〔〕 are kept)."""
    cleaned = _UNSAFE.sub("_", text).strip(" .")
    return cleaned or "document"


def _stem(label: str, *parts: str) -> str:
    return safe_file_name("-".join([label, *[p for p in parts if p]]))


# ---- from list rows (ui.models.record_lists) ------------------------------------------------------------


def correction_request(row: Any) -> PdfRequest | None:
    """纠正与建议 row → 纠正违法通知书 / 检察建议书 (always for the centre: sources by pseudonym)."""
    record = row.record
    kind = {NOTICE_TABLE: "notice", SUGGESTION_TABLE: "suggestion"}.get(record.kind)
    if kind is None:
        return None
    label = KINDS[kind]
    number = record.doc_number or QCoreApplication.translate("Documents", "草稿")
    stem = _stem(label, record.doc_number or "草稿")  # i18n: the file is named as the (Chinese) document
    return PdfRequest(kind, str(record.id), f"{core_text(label)} {number}", stem)


def talk_request(row: Any) -> PdfRequest:
    """个别谈话 row → 谈话记录."""
    record = row.record
    label = KINDS["talk"]
    when = fmt_date(record.talk_at)
    name = row["detainee_name"] or ""
    return PdfRequest("talk", str(record.id), f"{core_text(label)} {name} {when}", _stem(label, name, when))


def mailbox_request(row: Any) -> PdfRequest:
    """检察官信箱 row → 开启登记, with the version for the detention centre on offer."""
    record = row.record
    label = KINDS["mailbox"]
    when = fmt_date(record.opened_at)
    title = f"{core_text(label)} {when}"
    return PdfRequest("mailbox", str(record.id), title, _stem(label, when), center_option=True)


def register_request(day: date) -> PdfRequest:
    label = KINDS["register"]
    return PdfRequest(
        "register", day.isoformat(), f"{core_text(label)} {day.isoformat()}", _stem(label, day.isoformat())
    )


def daily_log_request(day: date) -> PdfRequest:
    label = KINDS["daily-log"]
    key = day.isoformat()
    return PdfRequest("daily-log", key, f"{core_text(label)} {key}", _stem(label, key))


def monthly_report_request(year: int, month: int) -> PdfRequest:
    label = KINDS["monthly-report"]
    shown = QCoreApplication.translate("Documents", "{year}年{month}月").format(year=year, month=month)
    stem = _stem(label, f"{year}年{month}月")  # i18n: the file is named as the (Chinese) document
    return PdfRequest("monthly-report", f"{year:04d}-{month:02d}", f"{core_text(label)} {shown}", stem)


# ---- preview -------------------------------------------------------------------------------------


def qtpdf_available() -> bool:
    """QtPdf (part of the ``PySide6-Addons`` wheel) is installed."""
    try:
        return importlib.util.find_spec("PySide6.QtPdf") is not None
    except (ImportError, ValueError):
        return False


def open_preview(
    store: Store, request: PdfRequest, parent: QWidget | None = None, *, runner: Runner | None = None
) -> QWidget | None:
    """Show the preview of ``request`` (built in the background); None if QtPdf is missing (said)."""
    if not qtpdf_available():
        errors.show_message(
            QCoreApplication.translate("Documents", "无法预览"),
            QCoreApplication.translate(
                "Documents",
                "本机缺少 PDF 预览组件（QtPdf），无法在程序内预览和打印。\n"
                "请重新安装本程序；在此之前可用命令 inspector pdf 导出 PDF 后打印。",
            ),
            parent,
        )
        return None
    from ui.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(store, request, runner=runner, parent=parent)
    dialog.open()
    return dialog
