"""Importing the register of detainees (在押人员名册) from a spreadsheet: ``.xlsx`` or ``.csv``.

Three steps, each usable from the command line (``inspector import-roster``) and the desktop:

1. :func:`read_table` reads the file: an ``.xlsx`` sheet (openpyxl, read-only) or a ``.csv`` in UTF-8,
   GBK or GB18030 (detected); the first non-empty row is the header.
2. :func:`plan_import` maps columns to fields (:func:`guess_mapping` from the headers — the
   catalogue's labels and common names —, changed by the person), converts and checks every row
   (the detainee spec: ID check digit, dates and their order, choices, lengths, clean text), finds
   people already on the register by ID number and decides per row: ``new``, ``update`` (when
   updating was chosen and something differs), ``skip`` or ``rejected`` with every reason. Nothing
   is written: this is the preview.
3. :func:`commit_import` writes the plan in **one** transaction through the services' own writer
   (each record validated, audited, captured for sync): all or nothing. A plan with rejected rows
   is refused unless the person chose to import only the valid ones; a cancel or any failure
   leaves the register as it was.

Progress is reported through a callback ``(done, total)``; ``cancel()`` is asked between rows.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector.domain import enums as e
from inspector.domain.catalogue import FieldKind, fields_of
from inspector.domain.errors import FieldError, InspectorError
from inspector.domain.idnumber import birth_date_from_id, gender_from_id
from inspector.domain.records import DETAINEE
from inspector.domain.validation import SHANGHAI
from inspector.rules.text import Label, define
from inspector.security import audit
from inspector.services import records
from inspector.services.policy import Actor, Permission, require
from inspector.store.models import Detainee
from inspector.store.repository import today_local
from inspector.store.store import Store

__all__ = [
    "IMPORTABLE",
    "ImportCancelledError",
    "ImportPlan",
    "ImportReport",
    "RosterError",
    "RosterTable",
    "RowOutcome",
    "commit_import",
    "excel_serial_date",
    "field_label",
    "field_name",
    "guess_mapping",
    "ledger_date",
    "normal_text",
    "parse_mapping",
    "plan_import",
    "read_rows",
    "read_table",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
CHUNK = 200  # rows written per statement (and between two looks at cancel)
MAX_COLUMNS = 200
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# The detainee fields a roster may fill, in the catalogue's order.
IMPORTABLE: tuple[str, ...] = tuple(
    f.name
    for f in fields_of("detainee")
    if f.kind in (FieldKind.TEXT, FieldKind.ID_NUMBER, FieldKind.CHOICE, FieldKind.DATE, FieldKind.DATETIME)
)
_KINDS = {f.name: f.kind for f in fields_of("detainee")}
_LABELS = {f.name: f.label for f in fields_of("detainee")}

# Why a row is refused or skipped: sentences with their English (the UI renders them in its language
# with ``ui.i18n.core_message``; the command line and the saved report say them in Chinese).
_DUPLICATE = define("roster.duplicate", "身份证号与第{first}行重复", "the ID number repeats row {first}")
_SKIPPED = define(
    "roster.skipped",
    "已在册（按身份证号），按选择跳过",
    "already on the register (by ID number): skipped, as chosen",
)
_SAME = define("roster.same", "已在册，内容相同", "already on the register, nothing differs")
_AS_NUMBER = define(
    "roster.id_as_number",
    "{label}被保存成了数字（Excel 只保留 15 位）：请把该列设为文本格式后重新导出",
    "{label} was saved as a number (Excel keeps only 15 digits): "
    "format the column as text and export it again",
)
_BAD_DATE = define(
    "roster.bad_date", "{label}不是有效的日期：{value}", "{label} is not a valid date: {value}"
)
_BAD_CHOICE = define(
    "roster.bad_choice",
    "{label}取值无效：{value}（可选：{choices}）",
    "{label}: invalid value {value} (one of: {choices})",
)


class FieldReason(str):
    """A row's problem found by the register's own validation: its Chinese words, with the
    :class:`FieldError` (code, parameters, English) that the UI words in its language."""

    error: FieldError

    def __new__(cls, error: FieldError) -> FieldReason:
        self = super().__new__(cls, error.message_zh)
        self.error = error
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (FieldReason, (self.error,))


_ENUMS: dict[str, type[e.LabelledEnum]] = {
    "gender": e.Gender,
    "legal_status": e.LegalStatus,
    "stage": e.Stage,
    "sentence_kind": e.SentenceKind,
    "discharge_kind": e.DischargeKind,
}
# Column names other than the catalogue's labels that rosters use.
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "在押人员", "在押人员姓名"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"),
    "gender": ("性别",),
    "birth_date": ("出生日期", "出生年月日", "生日"),
    "ethnicity": ("民族",),
    "block": ("监区",),
    "cell": ("监室", "监室号", "仓号", "监号"),
    "admitted_at": ("入所时间", "入所日期", "收押日期", "收押时间", "入所"),
    "case_authority": ("办案机关", "办案单位", "送押机关"),
    "charges": ("涉嫌罪名", "罪名", "案由"),
    "case_no": ("案号", "案件编号"),
    "legal_status": ("法律身份", "身份", "人员类别"),
    "stage": ("诉讼环节", "诉讼阶段", "羁押环节"),
    "stage_started_on": ("本环节起始日", "环节起始日"),
    "sentence_kind": ("刑种",),
    "sentence_text": ("刑期",),
    "term_start": ("刑期起日", "刑期起始日"),
    "term_end": ("刑期止日", "刑期截止日", "刑满日期"),
    "discharged_on": ("出所日期",),
    "discharge_kind": ("出所方式",),
}
_CHOICE_ALIASES = {"男性": "male", "女性": "female"}


class RosterError(InspectorError):
    """The file cannot be read as a roster, or the mapping is not usable."""


class ImportCancelledError(InspectorError):
    def __init__(self) -> None:
        super().__init__("已取消导入，名册未作任何改动", "import cancelled: the register is unchanged")


# ---- reading --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterTable:
    """What the file holds: its header and its rows (cell values as read), with where they were."""

    path: Path
    source: str  # e.g. "xlsx, sheet 名册" or "csv, GBK"
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    lines: list[int]  # the file's row number of each row (1 = the first line)
    sha256: str


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(
    path: Path,
    *,
    sheet: str | None = None,
    cancel: Cancel | None = None,
    what: tuple[str, str] = ("名册", "roster"),
    xlsx_reader: Callable[[Path, str | None], tuple[str, list[tuple[Any, ...]]]] | None = None,
) -> tuple[str, list[tuple[Any, ...]], str]:
    """The rows of a spreadsheet file as read (``.xlsx``, or ``.csv`` in UTF-8 / GBK / GB18030), with
    where they came from and the file's sha256: the reading a roster and a ledger share. ``what`` names
    the file in messages (Chinese, English); ``xlsx_reader`` reads an ``.xlsx`` instead of openpyxl."""
    zh, en = what
    path = path.expanduser()
    if not path.is_file():
        raise RosterError(f"{zh}文件 {path} 不存在或不是文件", f"the {en} file {path} does not exist")
    size = path.stat().st_size
    if size == 0:
        raise RosterError(f"{zh}文件 {path} 是空的", f"the {en} file {path} is empty")
    if size > MAX_FILE_BYTES:
        raise RosterError(
            f"{zh}文件 {path} 过大（超过 {MAX_FILE_BYTES // 1024 // 1024} MB）",
            f"the {en} file {path} is larger than {MAX_FILE_BYTES} bytes",
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        if xlsx_reader is not None:  # a reader of the caller's (the ledger's: values as stored)
            source, raw = xlsx_reader(path, sheet)
        else:
            source, raw = _read_xlsx(path, sheet, cancel)
    elif suffix in (".csv", ".txt"):
        if sheet:
            raise RosterError("CSV 文件没有工作表", "a CSV file has no sheets")
        source, raw = _read_csv(path)
    else:
        raise RosterError(
            f"不支持的{zh}文件类型 {path.suffix or '（无扩展名）'}：请用 .xlsx 或 .csv",
            f"unsupported {en} file type {path.suffix!r}: use .xlsx or .csv",
        )
    return source, raw, digest


def read_table(
    path: Path, *, sheet: str | None = None, progress: Progress | None = None, cancel: Cancel | None = None
) -> RosterTable:
    """Read a roster file (``.xlsx``, or ``.csv`` in UTF-8 / GBK / GB18030)."""
    path = path.expanduser()
    source, raw, digest = read_rows(path, sheet=sheet, cancel=cancel)
    numbered = [(i, row) for i, row in enumerate(raw, start=1) if any(_filled(v) for v in row)]
    if not numbered:
        raise RosterError(f"名册文件 {path} 中没有任何内容", f"the roster file {path} holds nothing")
    _header_line, header = numbered[0]
    headers = tuple(_cell_text(v) for v in header)
    while headers and not headers[-1]:
        headers = headers[:-1]
    if len(headers) > MAX_COLUMNS:
        raise RosterError(f"名册的列数过多（{len(headers)}）", f"too many columns ({len(headers)})")
    if progress is not None:
        progress(0, len(numbered) - 1)
    return RosterTable(
        path,
        source,
        headers,
        [tuple(row) for _, row in numbered[1:]],
        [line for line, _ in numbered[1:]],
        digest,
    )


def sheet_names(path: Path) -> list[str]:
    """The sheets of an ``.xlsx`` (none for a ``.csv``), for choosing one; asked once :func:`read_table`
    has read the file, so it opens."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    import openpyxl  # imported when needed: the app starts without it

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _read_csv(path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    data = path.read_bytes()
    if b"\x00" in data:
        raise RosterError(f"{path} 不是文本文件", f"{path} is not a text file")
    try:
        text, source = data.decode("utf-8-sig"), "csv, UTF-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise RosterError(
                f"{path} 既不是 UTF-8 也不是 GBK/GB18030 编码的文本",
                f"{path} is neither UTF-8 nor GBK/GB18030 text",
            ) from exc
        try:
            data.decode("gbk")
            source = "csv, GBK"
        except UnicodeDecodeError:
            source = "csv, GB18030"
    try:
        return source, [tuple(row) for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise RosterError(
            f"{path} 不是有效的 CSV 文件：{exc}", f"{path} is not a valid CSV file: {exc}"
        ) from exc


def _read_xlsx(path: Path, sheet: str | None, cancel: Cancel | None) -> tuple[str, list[tuple[Any, ...]]]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RosterError(
            f"{path} 不是有效的 xlsx 文件：{exc}", f"{path} is not a valid xlsx file: {exc}"
        ) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise RosterError(
                f"没有工作表“{sheet}”（有：{'、'.join(book.sheetnames)}）",
                f"no sheet {sheet!r} (there are: {', '.join(book.sheetnames)})",
            )
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows: list[tuple[Any, ...]] = []
        for i, row in enumerate(ws.iter_rows(values_only=True)):
            if cancel is not None and i % 1000 == 0 and cancel():
                raise ImportCancelledError()
            rows.append(row)
        return f"xlsx, sheet {ws.title}", rows
    finally:
        book.close()


# ---- mapping --------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[\s（）()：:*＊]", "", text).lower()


def guess_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Column index → field, from the headers: the catalogue's label, the field's name, or a common
    name rosters use. A field is taken by its first matching column only."""
    names: dict[str, str] = {}
    for fname in IMPORTABLE:
        for alias in (_LABELS[fname], fname, *_ALIASES.get(fname, ())):
            names.setdefault(_norm(alias), fname)
    out: dict[int, str] = {}
    for i, header in enumerate(headers):
        found = names.get(_norm(header))
        if found is not None and found not in out.values():
            out[i] = found
    return out


def field_label(fname: str) -> str:
    return _LABELS[fname]


def field_name(text: str) -> str:
    """A field by its name or its Chinese label."""
    return _field_of(text)


def _field_of(text: str) -> str:
    wanted = _norm(text)
    for fname in IMPORTABLE:
        if wanted in (_norm(fname), _norm(_LABELS[fname])):
            return fname
    raise RosterError(
        f"未知的字段：{text}（可选：{'、'.join(_LABELS[f] for f in IMPORTABLE)}）", f"unknown field {text!r}"
    )


def parse_mapping(specs: Iterable[str], headers: Sequence[str], base: Mapping[int, str]) -> dict[int, str]:
    """Apply ``COLUMN=FIELD`` choices (the column by its header or its number from 1; the field by its
    name or label; ``FIELD`` empty drops the column) over ``base``."""
    out = dict(base)
    for spec in specs:
        column, sep, target = spec.partition("=")
        if not sep:
            raise RosterError(f"列映射应为“列=字段”：{spec}", f"a mapping must be COLUMN=FIELD: {spec}")
        column = column.strip()
        if column.isdigit() and 1 <= int(column) <= len(headers):
            index = int(column) - 1
        elif column in headers:
            index = headers.index(column)
        else:
            raise RosterError(f"名册中没有列“{column}”", f"the roster has no column {column!r}")
        if not target.strip():
            out.pop(index, None)
            continue
        fname = _field_of(target.strip())
        out = {i: f for i, f in out.items() if f != fname}
        out[index] = fname
    return out


# ---- converting and checking ----------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%H时%M分")


EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's (1900) date serials, past its 1900 leap-year bug


def excel_serial_date(value: float) -> date | None:
    """An Excel date serial (days since 1899-12-30, as a cell formatted as a number shows a date) as a
    date, or ``None`` when it is not a plausible one (1950 to 2099)."""
    if not 18264 <= value < 73051:
        return None
    return EXCEL_EPOCH + timedelta(days=int(value))


def normal_text(value: Any) -> str:
    """A cell as text the parsers read: full-width digits, letters and punctuation folded to their
    ASCII forms (NFKC), outer spaces dropped."""
    return unicodedata.normalize("NFKC", _cell_text(value)).strip()


def ledger_date(value: Any) -> date:
    """A date cell of a ledger in any of the spellings centres export: a date, an Excel serial (a
    number, or its digits as text), text in the usual forms (2026-03-05, 2026/3/5, 2026.3.5,
    20260305, 2026年3月5日, with or without a time) and full-width digits. ``ValueError`` otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        day = excel_serial_date(float(value))
        if day is None:
            raise ValueError(str(value))
        return day
    text = normal_text(value).replace("T", " ")
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        day = excel_serial_date(float(text))
        if day is None:
            raise ValueError(text)
        return day
    day_text = re.sub(r"\s+", " ", text).split(" ")[0]
    m = _YMD.fullmatch(day_text)
    if m is not None:  # the usual spellings without strptime (which asks for the locale every call)
        try:
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
            day = date(int(y), int(mo), int(d))
        except ValueError:
            raise ValueError(text) from None
        if not 1900 <= day.year <= 2099:
            raise ValueError(text)
        return day
    return _date_value(day_text)


_YMD = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{4})(\d{2})(\d{2})")


def _parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _date_value(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell_text(value)
    day = _parse_date(text.split(" ")[0].split("T")[0])
    if day is None or not 1900 <= day.year <= 2099:
        raise ValueError(text)
    return day


def _datetime_value(value: Any) -> datetime:
    if isinstance(value, datetime):
        local = value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
        return local
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=SHANGHAI)
    text = _cell_text(value).replace("T", " ")
    day_part, _, time_part = text.partition(" ")
    day = _date_value(day_part)
    clock = time(0, 0)
    if time_part.strip():
        for fmt in _TIME_FORMATS:
            try:
                clock = datetime.strptime(time_part.strip(), fmt).time()
                break
            except ValueError:
                continue
        else:
            raise ValueError(text)
    return datetime.combine(day, clock, tzinfo=SHANGHAI)


def _choice_value(fname: str, text: str) -> str:
    enum = _ENUMS[fname]
    wanted = _CHOICE_ALIASES.get(text, text)
    for member in enum:
        if wanted in (member.value, member.label):
            return member.value
    raise ValueError(text)


def _convert(fname: str, raw: Any) -> tuple[Any, str | None]:
    """(value, problem): ``None`` value for an empty cell."""
    kind = _KINDS[fname]
    label = _LABELS[fname]
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    try:
        if kind == FieldKind.DATE:
            return _date_value(raw), None
        if kind == FieldKind.DATETIME:
            return _datetime_value(raw), None
        text = _cell_text(raw)
        if kind == FieldKind.CHOICE:
            return _choice_value(fname, text), None
        if kind == FieldKind.ID_NUMBER:
            if isinstance(raw, int | float) and len(text) > 15:
                return None, _AS_NUMBER(label=Label(label))
            return text.upper(), None
        return text, None
    except ValueError:
        if kind in (FieldKind.DATE, FieldKind.DATETIME):
            return None, _BAD_DATE(label=Label(label), value=_cell_text(raw))
        choices = tuple(Label(m.label) for m in _ENUMS[fname])
        return None, _BAD_CHOICE(label=Label(label), value=_cell_text(raw), choices=choices)


@dataclass(frozen=True)
class RowOutcome:
    line: int  # the row number in the file
    action: str  # new / update / skip / rejected
    values: dict[str, Any]  # what this row writes (for an update: the changed fields only)
    record_id: uuid.UUID | None = None  # the person already on the register
    reasons: tuple[str, ...] = ()  # why rejected, or why skipped
    name: str = ""


@dataclass(frozen=True)
class ImportPlan:
    table: RosterTable
    mapping: dict[int, str]
    existing: str  # "skip" or "update"
    rows: list[RowOutcome]
    defaults: dict[str, Any] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def rejected(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.action == "rejected"]


REQUIRED = tuple(f.name for f in fields_of("detainee") if f.required)


def plan_import(
    store: Store,
    table: RosterTable,
    mapping: Mapping[int, str],
    *,
    existing: str = "skip",
    defaults: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportPlan:
    """The preview: what every row would do, and why a row is refused. Nothing is written."""
    if existing not in ("skip", "update"):
        raise RosterError("已在册人员只能“跳过”或“更新”", "existing people are either skipped or updated")
    bad = sorted(set(mapping.values()) - set(IMPORTABLE))
    if bad:
        raise RosterError(f"不能导入的字段：{bad}", f"fields that cannot be imported: {bad}")
    fixed: dict[str, Any] = {}
    for fname, text in (defaults or {}).items():
        if fname not in IMPORTABLE:
            raise RosterError(f"不能设定默认值的字段：{fname}", f"no default for field {fname!r}")
        value, problem = _convert(fname, text)
        if problem is not None:
            raise RosterError(f"默认值：{problem}", f"default for {fname}: {problem}")
        fixed[fname] = value
    mapped = set(mapping.values()) | set(fixed)
    derivable = {"gender"} if "id_number" in mapped else set()
    missing = [f for f in REQUIRED if f not in mapped and f not in derivable]
    if missing:
        labels = "、".join(_LABELS[f] for f in missing)
        raise RosterError(
            f"必填字段没有对应的列，也没有默认值：{labels}（用“列=字段”指定，或给出默认值）",
            f"required fields have no column and no default: {', '.join(missing)}",
        )
    on_register: dict[str, tuple[uuid.UUID, dict[str, Any]]] = {}
    with store.session(read_only=True) as s:
        for person in s.scalars(
            select(Detainee).where(Detainee.deleted_at.is_(None), Detainee.id_number.is_not(None))
        ):
            on_register[str(person.id_number).upper()] = (
                person.id,
                {c: getattr(person, c) for c in IMPORTABLE},
            )
    today = today_local()
    seen: dict[str, int] = {}
    out: list[RowOutcome] = []
    total = len(table.rows)
    for n, (line, raw) in enumerate(zip(table.lines, table.rows, strict=True)):
        if cancel is not None and n % 500 == 0 and cancel():
            raise ImportCancelledError()
        if progress is not None and n % 500 == 0:
            progress(n, total)
        out.append(_plan_row(line, raw, mapping, fixed, on_register, seen, existing, today))
    if progress is not None:
        progress(total, total)
    return ImportPlan(table, dict(mapping), existing, out, fixed)


def _plan_row(
    line: int,
    raw: tuple[Any, ...],
    mapping: Mapping[int, str],
    fixed: Mapping[str, Any],
    on_register: Mapping[str, tuple[uuid.UUID, dict[str, Any]]],
    seen: dict[str, int],
    existing: str,
    today: date,
) -> RowOutcome:
    values: dict[str, Any] = dict(fixed)
    reasons: list[str] = []
    unreadable: set[str] = set()  # said once: "not a date", not also "required"
    for index, fname in mapping.items():
        value, problem = _convert(fname, raw[index] if index < len(raw) else None)
        if problem is not None:
            reasons.append(problem)
            unreadable.add(fname)
        elif value is not None:
            values[fname] = value

    def check(merged: Mapping[str, Any]) -> list[str]:
        return [
            FieldReason(err) for err in DETAINEE.errors(merged, today=today) if err.field not in unreadable
        ]

    name = str(values.get("name") or "")
    id_number = values.get("id_number")
    # what the form fills in from the ID number — also on a row refused for something else, so the
    # refusal names only what is wrong (not a 性别 the number gives)
    if isinstance(id_number, str):
        try:
            values.setdefault("gender", gender_from_id(id_number))
            values.setdefault("birth_date", birth_date_from_id(id_number))
        except ValueError:
            pass  # the spec says what is wrong with the number
    if isinstance(id_number, str):
        first = seen.setdefault(id_number, line)
        if first != line:
            reasons.append(_DUPLICATE(first=first))
    match = on_register.get(id_number) if isinstance(id_number, str) else None
    if match is not None:
        record_id, current = match
        changes = {k: v for k, v in values.items() if current.get(k) != v}
        reasons += check({**current, **changes})
        if reasons:
            return RowOutcome(line, "rejected", values, record_id, tuple(dict.fromkeys(reasons)), name)
        if existing == "skip":
            return RowOutcome(line, "skip", {}, record_id, (_SKIPPED(),), name)
        if not changes:
            return RowOutcome(line, "skip", {}, record_id, (_SAME(),), name)
        return RowOutcome(line, "update", changes, record_id, (), name)
    reasons += check(values)  # the spec requires what the register needs (name, gender, admitted …)
    if reasons:
        return RowOutcome(line, "rejected", values, None, tuple(dict.fromkeys(reasons)), name)
    return RowOutcome(line, "new", values, None, (), name)


# ---- writing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    skipped: int
    rejected: int


class RosterRejectedError(InspectorError):
    """The plan holds rejected rows and the person did not choose to import only the valid ones."""


def commit_import(
    store: Store,
    plan: ImportPlan,
    actor: Actor,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Write the plan in one transaction: every new person and every update, or none (a cancel or
    a failure rolls it all back). Each record goes through the services' writer: validated again,
    audited, captured for sync; one more audit entry records the import itself."""
    require(actor, Permission.EDIT)
    rejected = plan.rejected
    if rejected and not skip_invalid:
        raise RosterRejectedError(
            f"名册中有 {len(rejected)} 行无法导入，未导入任何记录（修改名册后重试，或选择只导入有效的行）",
            f"{len(rejected)} rows of the roster are rejected; nothing was imported (fix the file, or "
            "import only the valid rows)",
        )
    new = [r for r in plan.rows if r.action == "new"]
    updates = [r for r in plan.rows if r.action == "update"]
    total = len(new) + len(updates)
    with store.session() as s:
        for n in range(0, len(new), CHUNK):  # many at a time: one multi-row insert per chunk
            if cancel is not None and cancel():
                raise ImportCancelledError()
            if progress is not None:
                progress(n, total)
            chunk = [r.values for r in new[n : n + CHUNK]]
            # the preview checked each row against the detainee spec; the writer does the rest
            records.insert_records(s, "detainee", chunk, actor, action="import", validated=True)
        for n, row in enumerate(updates, start=len(new)):
            if cancel is not None and n % CHUNK == 0 and cancel():
                raise ImportCancelledError()
            if progress is not None and n % CHUNK == 0:
                progress(n, total)
            assert row.record_id is not None
            obj = s.get(Detainee, row.record_id)
            if obj is None or obj.deleted_at is not None:
                raise RosterError(
                    f"第{row.line}行对应的人员已被删除，请重新预览",
                    f"line {row.line}: the person was deleted",
                )
            records.apply_update(s, "detainee", obj, row.values, actor, detail={"import": plan.table.sha256})
        report = ImportReport(plan.count("new"), plan.count("update"), plan.count("skip"), len(rejected))
        audit.record(
            s,
            "import_roster",
            user_id=actor.user_id,
            device_id=actor.device_id,
            table_name="detainee",
            detail={
                "file": plan.table.path.name,
                "sha256": plan.table.sha256,
                "added": report.added,
                "updated": report.updated,
                "skipped": report.skipped,
                "rejected": report.rejected,
            },
        )
    if progress is not None:
        progress(total, total)
    return report
