"""Declarative validation of records about to be written.

A :class:`RecordSpec` lists per-field rules (:class:`FieldSpec`), date orderings (:class:`DateOrder`) and
free-form cross-field checks. ``spec.errors(values, today=...)`` returns :class:`FieldError` s;
``spec.validate(...)`` raises :class:`ValidationError`.

Dates may be ``date`` or ``datetime``. An aware datetime compared with a date (or with ``today``) is
converted to its Asia/Shanghai calendar date; a naive datetime is taken as Asia/Shanghai wall-clock time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inspector.domain.errors import FieldError, ValidationError
from inspector.domain.idnumber import birth_date_from_id, gender_from_id, validate_id_number

__all__ = [
    "FIRST_WORK_DAY",
    "LAST_WORK_DAY",
    "LONG_TEXT_MAX",
    "MAX_AHEAD_DAYS",
    "SHANGHAI",
    "Check",
    "DateOrder",
    "FieldSpec",
    "RecordSpec",
    "birth_date_matches_id",
    "gender_matches_id",
    "id_number_check",
    "is_empty",
    "local_date",
    "not_in_future",
    "text_errors",
    "value_text_errors",
    "work_day_errors",
    "work_days_ahead_errors",
]


def _shanghai() -> tzinfo:
    try:
        return ZoneInfo("Asia/Shanghai")
    except ZoneInfoNotFoundError:  # e.g. Windows without the tzdata package; China has no DST since 1991
        return timezone(timedelta(hours=8), "Asia/Shanghai")


SHANGHAI: tzinfo = _shanghai()

# The days the program works on — the day an agenda looks from, a daily log's or a report's day, a
# document number's year. Far outside it the calendar arithmetic would overflow (year 1 or 9999 plus
# a few days), and nothing a station does falls there.
FIRST_WORK_DAY, LAST_WORK_DAY = date(1990, 1, 1), date(2099, 12, 31)
MAX_AHEAD_DAYS = 366  # how far ahead a list of what is due may look
LONG_TEXT_MAX = 50_000  # characters in a several-line text (a talk's transcript): some 80 pages


def work_day_errors(field: str, label_zh: str, value: date) -> list[FieldError]:
    """``value`` must lie between :data:`FIRST_WORK_DAY` and :data:`LAST_WORK_DAY`."""
    if FIRST_WORK_DAY <= local_date(value) <= LAST_WORK_DAY:
        return []
    first, last = FIRST_WORK_DAY.isoformat(), LAST_WORK_DAY.isoformat()
    return [
        FieldError(
            field,
            f"{label_zh}须在 {first} 至 {last} 之间：{value.isoformat()}",
            f"{field} must be between {first} and {last}, got {value.isoformat()}",
        )
    ]


def work_days_ahead_errors(field: str, label_zh: str, days: int) -> list[FieldError]:
    """A number of days to look ahead: 0 to :data:`MAX_AHEAD_DAYS`."""
    if 0 <= days <= MAX_AHEAD_DAYS:
        return []
    return [
        FieldError(
            field,
            f"{label_zh}须在 0 至 {MAX_AHEAD_DAYS} 天之间：{days}",
            f"{field} must be 0 to {MAX_AHEAD_DAYS} days, got {days}",
        )
    ]


# Characters a person never means to type and a reader cannot see: C0 controls (but tab and line
# breaks in multi-line text), DEL and C1 controls, zero-width characters, the bidirectional embeddings,
# overrides and isolates (U+202E turns "文号" text around on the page), the line and paragraph
# separators, and noncharacters. They would reach 文号, official wording and the office unseen.
_INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
)
_BAD_MULTI_LINE = re.compile(f"[{_INVISIBLE}]")
_BAD_ONE_LINE = re.compile(f"[{_INVISIBLE}\t\n\r]")


def _char_name(ch: str) -> str:
    return {"\t": "制表符 / tab", "\n": "换行 / line break", "\r": "回车 / carriage return"}.get(
        ch, f"U+{ord(ch):04X}"
    )


def text_errors(field: str, label_zh: str, value: str, *, one_line: bool) -> list[FieldError]:
    """Control, zero-width and bidi characters are refused (and line breaks and tabs in one-line text):
    the message names the field, the character and where it is."""
    bad = (_BAD_ONE_LINE if one_line else _BAD_MULTI_LINE).search(value)
    if bad is None:
        return []
    ch, at = bad.group(), bad.start() + 1
    if ch in "\t\n\r":
        zh, en = (
            f"{label_zh}应为一行，不能含有{_char_name(ch).split(' / ')[0]}（第{at}字）",
            (f"{field} must be one line: {_char_name(ch).split(' / ')[1]} at character {at}"),
        )
    else:
        zh = f"{label_zh}含有不可见的控制字符 {_char_name(ch)}（第{at}字），请删除后重新输入"
        en = f"{field} holds an invisible control character {_char_name(ch)} at character {at}"
    return [FieldError(field, zh, en)]


def value_text_errors(field: str, label_zh: str, value: object, *, one_line: bool) -> list[FieldError]:
    """:func:`text_errors` for a text, or each text in a list, or in a mapping's keys and values (JSON
    settings); other values pass."""
    if isinstance(value, str):
        return text_errors(field, label_zh, value, one_line=one_line)
    if isinstance(value, list | tuple | set | frozenset):
        for item in value:
            found = value_text_errors(field, label_zh, item, one_line=True)
            if found:
                return found
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = value_text_errors(field, label_zh, key, one_line=True) or value_text_errors(
                field, label_zh, item, one_line=one_line
            )
            if found:
                return found
    return []


Check = Callable[[Mapping[str, object], date], list[FieldError]]
"""A cross-field check: ``(values, today) -> errors``. Must tolerate missing keys (partial updates)."""


def is_empty(value: object) -> bool:
    """``None``, ``""`` or a whitespace-only string."""
    return value is None or (isinstance(value, str) and not value.strip())


def _is_aware(dt: datetime) -> bool:
    return dt.tzinfo is not None and dt.utcoffset() is not None


def local_date(value: date) -> date:
    """The Asia/Shanghai calendar date of ``value``: dates unchanged, aware datetimes converted,
    naive datetimes taken as local wall-clock time."""
    if isinstance(value, datetime):
        return value.astimezone(SHANGHAI).date() if _is_aware(value) else value.date()
    return value


def _as_aware(dt: datetime) -> datetime:
    return dt if _is_aware(dt) else dt.replace(tzinfo=SHANGHAI)


def _compare(a: date, b: date) -> int:
    """-1, 0 or 1 as ``a`` is before, equal to or after ``b`` (date-vs-datetime at date granularity)."""
    x: date
    y: date
    if isinstance(a, datetime) and isinstance(b, datetime):
        x, y = (a, b) if _is_aware(a) == _is_aware(b) else (_as_aware(a), _as_aware(b))
    else:
        x, y = local_date(a), local_date(b)
    return (x > y) - (x < y)


@dataclass(frozen=True)
class FieldSpec:
    """Rules for one field. Constraints other than ``required`` apply only to non-empty values.

    Text with a ``max_length`` is one line: :meth:`RecordSpec.errors` refuses line breaks and tabs in
    it, and control, zero-width and bidi characters in every text (:func:`text_errors`)."""

    name: str
    label_zh: str
    required: bool = False
    max_length: int | None = None  # for str values, counted in characters (code points)
    choices: frozenset[str] | None = None
    min_value: int | None = None  # for int values
    max_value: int | None = None

    def __post_init__(self) -> None:
        if self.max_length is not None and self.max_length < 1:
            raise ValueError(f"{self.name}: max_length must be positive")
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValueError(f"{self.name}: min_value > max_value")

    def errors(self, value: object) -> list[FieldError]:
        """Problems with a non-empty ``value`` (emptiness/required-ness is the caller's business)."""
        out: list[FieldError] = []
        name, label = self.name, self.label_zh
        if self.max_length is not None:
            if not isinstance(value, str):
                out.append(
                    FieldError(name, f"{label}应为文本", f"{name} must be text", "not_text", {"label": label})
                )
            elif len(value) > self.max_length:
                out.append(
                    FieldError(
                        name,
                        f"{label}不能超过{self.max_length}个字",
                        f"{name} must be at most {self.max_length} characters",
                        "too_long",
                        {"label": label, "max": self.max_length},
                    )
                )
        if self.choices is not None and not (isinstance(value, str) and value in self.choices):
            shown = value if isinstance(value, str) else repr(value)
            out.append(
                FieldError(
                    name,
                    f"{label}取值无效：{shown}",
                    f"{name} has an invalid value: {shown}",
                    "invalid_choice",
                    {"label": label, "value": shown},
                )
            )
        if self.min_value is not None or self.max_value is not None:
            if not isinstance(value, int) or isinstance(value, bool):
                out.append(
                    FieldError(
                        name, f"{label}应为整数", f"{name} must be an integer", "not_int", {"label": label}
                    )
                )
            elif self.min_value is not None and value < self.min_value:
                out.append(
                    FieldError(
                        name,
                        f"{label}不能小于{self.min_value}",
                        f"{name} must be at least {self.min_value}",
                        "too_small",
                        {"label": label, "min": self.min_value},
                    )
                )
            elif self.max_value is not None and value > self.max_value:
                out.append(
                    FieldError(
                        name,
                        f"{label}不能大于{self.max_value}",
                        f"{name} must be at most {self.max_value}",
                        "too_large",
                        {"label": label, "max": self.max_value},
                    )
                )
        return out


@dataclass(frozen=True)
class DateOrder:
    """``earlier <= later`` (``earlier < later`` if ``strict``) when both are present and non-empty.

    The error is reported on ``later``.
    """

    earlier: str
    later: str
    strict: bool = False


def _not_a_date(field: str, label_zh: str) -> FieldError:
    return FieldError(
        field, f"{label_zh}应为日期", f"{field} must be a date", "not_date", {"label": label_zh}
    )


@dataclass(frozen=True)
class RecordSpec:
    """Validation rules for one kind of record, e.g. ``kind="detainee", label_zh="在押人员"``."""

    kind: str
    label_zh: str
    fields: tuple[FieldSpec, ...]
    orders: tuple[DateOrder, ...] = ()
    checks: tuple[Check, ...] = ()

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"{self.kind}: duplicate field specs {dupes}")
        for order in self.orders:
            for name in (order.earlier, order.later):
                if name not in names:
                    raise ValueError(f"{self.kind}: date order refers to unknown field {name!r}")

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def errors(self, values: Mapping[str, object], *, today: date, partial: bool = False) -> list[FieldError]:
        """All problems with ``values`` (empty list = valid), without duplicates, in spec order.

        ``partial=True`` validates an update carrying only some fields: required-ness is checked only
        for keys that are present (present-but-empty is still an error). Keys not in the spec are ignored.
        """
        today = local_date(today)
        out: list[FieldError] = []
        for spec in self.fields:
            if spec.name not in values:
                if spec.required and not partial:
                    out.append(_required(spec))
                continue
            value = values[spec.name]
            if is_empty(value):
                if spec.required:
                    out.append(_required(spec))
                continue
            out.extend(spec.errors(value))

        # Clean text in every field, named in the spec or not (a notice's wording, a list of
        # recommendations): a field with a length limit is one line, one without may have several, up
        # to LONG_TEXT_MAX characters (the office checks the same limit).
        specs = {f.name: f for f in self.fields}
        for name, value in values.items():
            if is_empty(value):  # nothing to read: required-ness said so above
                continue
            named = specs.get(name)
            label = named.label_zh if named is not None else name
            one_line = named is not None and named.max_length is not None
            out.extend(value_text_errors(name, label, value, one_line=one_line))
            if not one_line and isinstance(value, str) and len(value) > LONG_TEXT_MAX:
                out.append(
                    FieldError(
                        name,
                        f"{label}不能超过{LONG_TEXT_MAX}个字",
                        f"{name} must be at most {LONG_TEXT_MAX} characters",
                        "too_long",
                        {"label": label, "max": LONG_TEXT_MAX},
                    )
                )

        for order in self.orders:
            out.extend(self._order_errors(order, values))

        for check in self.checks:
            out.extend(check(values, today))

        return list(dict.fromkeys(out))  # FieldError is hashable; keep first occurrence

    def validate(self, values: Mapping[str, object], *, today: date, partial: bool = False) -> None:
        """Raise :class:`ValidationError` (with ``record_kind=self.kind``) if :meth:`errors` finds any."""
        errors = self.errors(values, today=today, partial=partial)
        if errors:
            raise ValidationError(self.kind, errors)

    def _order_errors(self, order: DateOrder, values: Mapping[str, object]) -> list[FieldError]:
        a, b = values.get(order.earlier), values.get(order.later)
        if is_empty(a) or is_empty(b):
            return []
        early, late = self.field(order.earlier), self.field(order.later)
        if isinstance(a, time) and isinstance(b, time):  # times of day on the same date
            cmp = (a > b) - (a < b)
        elif not isinstance(a, date) or not isinstance(b, date):
            return [
                _not_a_date(s.name, s.label_zh) for s, v in ((early, a), (late, b)) if not isinstance(v, date)
            ]
        else:
            cmp = _compare(a, b)
        if order.strict and cmp >= 0:
            return [
                FieldError(
                    late.name,
                    f"{late.label_zh}必须晚于{early.label_zh}",
                    f"{late.name} must be after {early.name}",
                    "not_after",
                    {"label": late.label_zh, "other": early.label_zh},
                )
            ]
        if cmp > 0:
            return [
                FieldError(
                    late.name,
                    f"{late.label_zh}不能早于{early.label_zh}",
                    f"{late.name} must not be before {early.name}",
                    "before",
                    {"label": late.label_zh, "other": early.label_zh},
                )
            ]
        return []


def _required(spec: FieldSpec) -> FieldError:
    return FieldError(
        spec.name,
        f"{spec.label_zh}为必填项",
        f"{spec.name} is required",
        "required",
        {"label": spec.label_zh},
    )


# --- reusable checks -------------------------------------------------------------------------------


def id_number_check(field: str = "id_number") -> Check:
    """Run :func:`validate_id_number` on ``values[field]`` when it is present and non-empty."""

    def check(values: Mapping[str, object], today: date) -> list[FieldError]:
        value = values.get(field)
        if is_empty(value):
            return []
        if not isinstance(value, str):
            return [FieldError(field, "身份证号应为文本", f"{field} must be text")]
        return validate_id_number(value, today=today, field=field)

    return check


def _id_value(values: Mapping[str, object], id_field: str) -> str | None:
    value = values.get(id_field)
    return value if isinstance(value, str) and not is_empty(value) else None


def birth_date_matches_id(id_field: str = "id_number", birth_field: str = "birth_date") -> Check:
    """If both are present, the birth date must equal the one inside the ID number.

    Silent when the ID number is malformed (:func:`id_number_check` reports that).
    """

    def check(values: Mapping[str, object], today: date) -> list[FieldError]:
        id_number = _id_value(values, id_field)
        birth = values.get(birth_field)
        if id_number is None or not isinstance(birth, date):
            return []
        try:
            embedded = birth_date_from_id(id_number)
        except ValueError:
            return []
        if local_date(birth) != embedded:
            return [
                FieldError(
                    birth_field,
                    "出生日期与身份证号不一致",
                    f"{birth_field} does not match the birth date in {id_field}",
                )
            ]
        return []

    return check


def gender_matches_id(id_field: str = "id_number", gender_field: str = "gender") -> Check:
    """If both are present and the gender is ``"male"``/``"female"``, it must match the ID number."""

    def check(values: Mapping[str, object], today: date) -> list[FieldError]:
        id_number = _id_value(values, id_field)
        gender = values.get(gender_field)
        if id_number is None or gender not in ("male", "female"):
            return []
        try:
            embedded = gender_from_id(id_number)
        except ValueError:
            return []
        if gender != embedded:
            return [
                FieldError(
                    gender_field,
                    "性别与身份证号不一致",
                    f"{gender_field} does not match the gender in {id_field}",
                )
            ]
        return []

    return check


def not_in_future(field: str, label_zh: str = "日期") -> Check:
    """``values[field]`` (a date, or a datetime taken at its Asia/Shanghai date) must not be after today.

    ``label_zh`` names the field in the message, e.g. ``not_in_future("admitted_at", "入所时间")`` gives
    "入所时间不能晚于今天".
    """

    def check(values: Mapping[str, object], today: date) -> list[FieldError]:
        value = values.get(field)
        if is_empty(value):
            return []
        if not isinstance(value, date):
            return [_not_a_date(field, label_zh)]
        if local_date(value) > local_date(today):
            return [
                FieldError(
                    field,
                    f"{label_zh}不能晚于今天",
                    f"{field} must not be after today",
                    "future",
                    {"label": label_zh},
                )
            ]
        return []

    return check
