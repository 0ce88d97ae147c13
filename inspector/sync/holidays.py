"""The office-maintained holiday table: the State Council's yearly schedule for years the
``chinese-calendar`` package does not know, entered once at the office and pulled by every laptop.

The file format is CSV with a header ``date,type,name,note``: ``type`` is ``rest`` (a statutory
holiday or the rest days around it) or ``work`` (a 调休 make-up working day); ``name`` is a holiday
key (``spring_festival``, ``national_day`` …, see ``HolidayName``) or its Chinese name; ``note`` is
free text. Example::

    date,type,name,note
    2027-02-05,rest,春节,
    2027-02-14,work,春节,调休上班
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from inspector.domain.enums import HolidayName
from inspector.domain.errors import FieldError, ValidationError
from inspector.store.models import HolidayDay
from inspector.store.store import Store
from inspector.sync.office import admin

_TYPES = {"rest": False, "休": False, "休息": False, "work": True, "班": True, "上班": True}
_NAMES = {m.value: m.value for m in HolidayName} | {m.label: m.value for m in HolidayName}


@dataclass(frozen=True)
class HolidayEntry:
    day: date
    is_workday: bool
    holiday_name: str | None
    note: str | None


MAX_FILE_BYTES = 1024 * 1024  # a year's schedule is a few dozen lines
MAX_FIELD = 200  # characters in one cell (a note is cut to this)


def _bad_file(path: Path, zh: str, en: str) -> ValidationError:
    return ValidationError("holiday_day", [FieldError(str(path), f"节假日文件 {path} {zh}", f"{path}: {en}")])


def parse_holiday_csv(text: str) -> list[HolidayEntry]:
    """Every line checked; all problems reported together, naming the line and the field."""
    try:
        return _parse_rows(text)
    except csv.Error as exc:
        raise ValidationError(
            "holiday_day", [FieldError("csv", f"不是有效的 CSV 文件：{exc}", f"not a valid CSV file: {exc}")]
        ) from exc


def _parse_rows(text: str) -> list[HolidayEntry]:
    if "\x00" in text:
        raise ValidationError(
            "holiday_day", [FieldError("csv", "不是文本文件（含有空字符）", "not a text file (NUL bytes)")]
        )
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"date", "type"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationError(
            "holiday_day",
            [FieldError(m, f"缺少列 {m}", f"the header lacks the column {m}") for m in sorted(missing)],
        )
    entries: list[HolidayEntry] = []
    errors: list[FieldError] = []
    seen: set[date] = set()
    for line, row in enumerate(reader, start=2):
        raw_day, raw_type = _cell(row, "date"), _cell(row, "type").lower()
        raw_name, note = _cell(row, "name"), _cell(row, "note")
        if any(len(v) > MAX_FIELD for v in (raw_day, raw_type, raw_name)):
            errors.append(
                FieldError(
                    f"第{line}行", f"内容过长（超过{MAX_FIELD}字）", f"line {line}: a cell is too long"
                )
            )
            continue
        try:
            day = date.fromisoformat(raw_day)
        except ValueError:
            errors.append(
                FieldError(f"第{line}行 date", f"日期无效：{raw_day}", f"line {line}: bad date {raw_day!r}")
            )
            continue
        if raw_type not in _TYPES:
            errors.append(
                FieldError(
                    f"第{line}行 type",
                    f"类型应为 rest 或 work：{raw_type}",
                    f"line {line}: type must be rest or work",
                )
            )
            continue
        if raw_name and raw_name not in _NAMES:
            errors.append(
                FieldError(
                    f"第{line}行 name",
                    f"节日名称无效：{raw_name}",
                    f"line {line}: unknown holiday {raw_name!r}",
                )
            )
            continue
        if day in seen:
            errors.append(
                FieldError(f"第{line}行 date", f"日期重复：{raw_day}", f"line {line}: {raw_day} twice")
            )
            continue
        seen.add(day)
        entries.append(HolidayEntry(day, _TYPES[raw_type], _NAMES.get(raw_name), note[:MAX_FIELD] or None))
    if errors:
        raise ValidationError("holiday_day", errors)
    return entries


def _cell(row: dict[str | None, object], name: str) -> str:
    value = row.get(name)
    return value.strip() if isinstance(value, str) else ""


def read_holiday_file(path: Path) -> list[HolidayEntry]:
    """The file as typed in a spreadsheet or an editor: UTF-8 (with or without BOM), else GBK/GB18030
    (what a Chinese Excel saves); at most :data:`MAX_FILE_BYTES`."""
    if not path.is_file():
        raise _bad_file(path, "不存在或不是文件", "no such file")
    with path.open("rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _bad_file(
            path, f"过大（超过 {MAX_FILE_BYTES // 1024} KB）", f"larger than {MAX_FILE_BYTES} bytes"
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return parse_holiday_csv(text)
    raise _bad_file(path, "既不是 UTF-8 也不是 GBK 编码的文本", "neither UTF-8 nor GBK text")


def office_set_holidays(url: str, entries: list[HolidayEntry]) -> int:
    """Insert or correct the days at the office, in one transaction; laptops pull them on next sync."""
    with admin(url) as conn, conn.transaction():
        for e in entries:
            conn.execute(
                "INSERT INTO sync.holiday_day (day, is_workday, holiday_name, note) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (day) DO UPDATE SET is_workday = EXCLUDED.is_workday, "
                "holiday_name = EXCLUDED.holiday_name, note = EXCLUDED.note, updated_at = now()",
                (e.day, e.is_workday, e.holiday_name, e.note),
            )
    return len(entries)


def office_list_holidays(url: str, year: int) -> list[HolidayEntry]:
    with admin(url) as conn:
        rows = conn.execute(
            "SELECT day, is_workday, holiday_name, note FROM sync.holiday_day "
            "WHERE day >= make_date(%s, 1, 1) AND day < make_date(%s + 1, 1, 1) ORDER BY day",
            (year, year),
        ).fetchall()
    return [HolidayEntry(d, w, n, note) for d, w, n, note in rows]


def local_set_holidays(store: Store, entries: list[HolidayEntry]) -> int:
    """For a laptop that is not enrolled yet: the same days, marked as entered locally (a later pull
    from the office overwrites them)."""
    with store.session() as s:
        for e in entries:
            s.merge(
                HolidayDay(
                    day=e.day,
                    is_workday=e.is_workday,
                    holiday_name=e.holiday_name,
                    note=e.note,
                    source="local",
                )
            )
    return len(entries)
