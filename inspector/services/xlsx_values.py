"""A lean ``.xlsx`` reader: every sheet row as the values stored in the file.

A ledger needs the values as stored, not as formatted: text, numbers (a date cell is its Excel serial,
which :func:`inspector.services.roster_import.ledger_date` reads in a date column), booleans. Reading
the sheet's XML directly with the standard library's expat parser, without openpyxl's per-cell
objects, takes a fraction of openpyxl's time on a day's ledger; rows come back as tuples indexed by
column, with ``None`` for the cells the file leaves out. Merged cells hold their value in the first
cell, as in openpyxl's read-only mode.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError, iterparse

from inspector.domain.errors import InspectorError

__all__ = ["XlsxError", "read_xlsx_values"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_C, _V, _T, _IS, _ROW, _SI, _R, _RPH = (
    _MAIN + "c",
    _MAIN + "v",
    _MAIN + "t",
    _MAIN + "is",
    _MAIN + "row",
    _MAIN + "si",
    _MAIN + "r",
    _MAIN + "rPh",
)
_INT = re.compile(r"-?\d+")
_REF = re.compile(r"([A-Z]+)(\d*)")
MAX_CELLS = 5_000_000  # a sheet larger than this is not a day's ledger


class XlsxError(InspectorError):
    """The file is not an .xlsx this reader can read."""


_COLUMNS: dict[str, int] = {}


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    known = _COLUMNS.get(letters)
    if known is not None:
        return known
    m = _REF.match(ref)
    if m is None:
        raise XlsxError(f"单元格位置无效：{ref}", f"invalid cell reference {ref!r}")
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    if len(_COLUMNS) < 20_000:
        _COLUMNS[letters] = n - 1
    return n - 1


def _text_of(elem: Any) -> str:
    """The text of a shared or inline string: its runs, without the phonetic guides (rPh)."""
    parts: list[str] = []
    for child in elem:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            for t in child.iter(_T):
                parts.append(t.text or "")
        # _RPH (furigana) is left out
    return "".join(parts)


def _shared_strings(book: zipfile.ZipFile, names: set[str]) -> list[str]:
    if "xl/sharedStrings.xml" not in names:
        return []
    out: list[str] = []
    with book.open("xl/sharedStrings.xml") as fh:
        for _, elem in iterparse(fh, events=("end",)):
            if elem.tag == _SI:
                out.append(_text_of(elem))
                elem.clear()
    return out


def _sheet_path(book: zipfile.ZipFile, sheet: str | None) -> tuple[str, str]:
    """(the sheet's name, its part in the zip): the named sheet, else the first."""
    with book.open("xl/workbook.xml") as fh:
        sheets = [
            (e.get("name") or "", e.get(_REL + "id") or "")
            for _, e in iterparse(fh)
            if e.tag == _MAIN + "sheet"
        ]
    if not sheets:
        raise XlsxError("工作簿中没有工作表", "the workbook has no sheets")
    if sheet is not None:
        chosen = [x for x in sheets if x[0] == sheet]
        if not chosen:
            names = "、".join(n for n, _ in sheets)
            raise XlsxError(f"没有工作表“{sheet}”（有：{names}）", f"no sheet {sheet!r}")
        name, rid = chosen[0]
    else:
        name, rid = sheets[0]
    with book.open("xl/_rels/workbook.xml.rels") as fh:
        targets = {
            e.get("Id"): e.get("Target") or "" for _, e in iterparse(fh) if e.tag == _PKG_REL + "Relationship"
        }
    target = targets.get(rid)
    if not target:
        raise XlsxError(f"找不到工作表“{name}”的内容", f"sheet {name!r} has no part")
    part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return name, part


def _rows(fh: IO[bytes], shared: list[str]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    cells: dict[int, Any] = {}
    next_col = 0
    next_row = 1
    count = 0
    for _, elem in iterparse(fh, events=("end",)):
        tag = elem.tag
        if tag == _C:
            ref = elem.get("r")
            col = _column(ref) if ref else next_col
            next_col = col + 1
            kind = elem.get("t")
            value: Any = None
            if kind == "inlineStr":
                inline = elem.find(_IS)
                value = _text_of(inline) if inline is not None else None
            else:
                v = elem.find(_V)
                text = v.text if v is not None else None
                if text is not None:
                    if kind == "s":
                        value = shared[int(text)]
                    elif kind == "b":
                        value = text == "1"
                    elif kind in ("str", "e", "d"):
                        value = text
                    elif _INT.fullmatch(text):
                        value = int(text)
                    else:
                        value = float(text)
            if value is not None:
                cells[col] = value
            count += 1
            if count > MAX_CELLS:
                raise XlsxError("工作表过大", "the sheet is too large")
            elem.clear()
        elif tag == _ROW:
            number = int(elem.get("r") or next_row)
            while next_row < number:  # rows the file leaves out are blank lines
                rows.append(())
                next_row += 1
            width = max(cells) + 1 if cells else 0
            rows.append(tuple(cells.get(i) for i in range(width)))
            next_row = number + 1
            cells = {}
            next_col = 0
            elem.clear()
    return rows


def read_xlsx_values(path: Path, sheet: str | None = None) -> tuple[str, list[tuple[Any, ...]]]:
    """(where the rows came from, the rows) of the named sheet, else the first."""
    try:
        with zipfile.ZipFile(path) as book:
            names = set(book.namelist())
            name, part = _sheet_path(book, sheet)
            if part not in names:
                raise XlsxError(f"找不到工作表“{name}”的内容", f"sheet {name!r} has no part {part}")
            shared = _shared_strings(book, names)
            with book.open(part) as fh:
                return f"xlsx, sheet {name}", _rows(fh, shared)
    except (zipfile.BadZipFile, KeyError, ParseError, ValueError, IndexError, OSError) as exc:
        if isinstance(exc, XlsxError):
            raise
        raise XlsxError(
            f"{path} 不是有效的 xlsx 文件：{exc}", f"{path} is not a valid xlsx file: {exc}"
        ) from exc
