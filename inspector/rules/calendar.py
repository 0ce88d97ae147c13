"""Working days and statutory holidays (docs/domain.md, "Holidays and rollover").

:class:`HolidayCalendar` combines two sources:

* the ``chinese_calendar`` package (``chinesecalendar`` on PyPI), which ships the State Council schedule
  for the years in :func:`package_years` (read from the package's own tables, so a package upgrade
  extends it automatically). It raises ``NotImplementedError`` for any other year; we never call it
  outside that range;
* an office-maintained table of extra days — the ``holiday_day`` rows: ``(day, is_workday,
  holiday_name)``. It covers years the package does not know yet and lets the office correct a day.
  An entry always wins over the package. Any entry in a year makes that year "known" (the office is
  expected to enter the whole schedule of a year at once).

A rest day is a Saturday or Sunday that is not a 调休 make-up working day, or a statutory holiday. For a
year neither source knows, only weekends are rest days and every answer is marked uncertain.

Custody periods never use this module (CPL art 105 proviso); see ``inspector.rules.custody``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol, cast

import chinese_calendar as _cc

from inspector.domain.enums import HolidayName
from inspector.rules._labels import member
from inspector.rules.text import Label, Text, define, join

WEEKDAY_LABELS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")  # core labels (settings' choices)
_UNKNOWN_YEAR = define(
    "calendar.unknown_year",
    "{year}年节假日安排尚未录入，期限可能顺延",
    "Holiday schedule for {year} not entered yet: the date may still move",
)
_DAY_UNKNOWN = define(
    "calendar.day_unknown_year",
    "{kind}（{weekday}，{year}年节假日安排未知）",
    "{kind} ({weekday}; holiday schedule for {year} unknown)",
)
_REST = define("calendar.rest_day", "休息日", "Rest day")
_WORK = define("calendar.working_day", "工作日", "Working day")
_HOLIDAY_OF = define("calendar.holiday_of", "法定节假日（{holiday}）", "Statutory holiday ({holiday})")
_REST_ON = define("calendar.rest_on", "休息日（{weekday}）", "Rest day ({weekday})")
_ADJUSTED_FOR = define("calendar.adjusted_for", "调休工作日（{holiday}）", "Make-up working day ({holiday})")
_WORK_ON = define("calendar.working_on", "工作日（{weekday}）", "Working day ({weekday})")
_HOLIDAY = define("calendar.holiday", "节假日", "holiday")
_ROLLED = define("calendar.rolled_over", "{day}为{what}，顺延至{to}", "{day} ({what}): moved to {to}")


def weekday_label(d: date) -> Label:
    """``周一`` … ``周日`` (a core label)."""
    return Label(WEEKDAY_LABELS[d.weekday()])


__all__ = [
    "ExtraDay",
    "HolidayCalendar",
    "HolidayDayRow",
    "HolidaySpan",
    "RolloverResult",
    "package_years",
    "unknown_year_reason",
]


# chinese_calendar.Holiday member name → HolidayName value
_PACKAGE_NAMES: dict[str, str] = {
    "new_years_day": HolidayName.NEW_YEAR.value,
    "spring_festival": HolidayName.SPRING_FESTIVAL.value,
    "tomb_sweeping_day": HolidayName.QINGMING.value,
    "labour_day": HolidayName.LABOUR_DAY.value,
    "dragon_boat_festival": HolidayName.DRAGON_BOAT.value,
    "national_day": HolidayName.NATIONAL_DAY.value,
    "mid_autumn_festival": HolidayName.MID_AUTUMN.value,
}
# Holidays that contain a fixed date: the span "of year Y" is the one containing it (元旦 may begin in
# the previous December).
_CANONICAL_DAY: dict[str, tuple[int, int]] = {
    HolidayName.NEW_YEAR.value: (1, 1),
    HolidayName.LABOUR_DAY.value: (5, 1),
    HolidayName.NATIONAL_DAY.value: (10, 1),
}


def _load_package() -> tuple[range, dict[date, tuple[bool, str | None]]]:
    """The package's years and its special days: date → (is_rest_day, HolidayName value or raw name)."""
    cc = cast(Any, _cc)
    holidays = cast("dict[date, str]", cc.holidays)
    workdays = cast("dict[date, str]", cc.workdays)
    by_value: dict[str, str] = {}
    for holiday in cc.Holiday:
        by_value[str(holiday.value)] = _PACKAGE_NAMES.get(str(holiday.name), str(holiday.name))
    years = range(min(d.year for d in holidays), max(d.year for d in holidays) + 1)
    special: dict[date, tuple[bool, str | None]] = {}
    for d, name in holidays.items():
        special[d] = (True, by_value.get(name, name))
    for d, name in workdays.items():
        special[d] = (False, by_value.get(name, name))
    return years, special


_PACKAGE_YEARS, _PACKAGE_DAYS = _load_package()


def package_years() -> range:
    """The years the installed ``chinese_calendar`` covers (2004–2026 for version 1.11.0)."""
    return _PACKAGE_YEARS


def unknown_year_reason(year: int) -> Text:
    return _UNKNOWN_YEAR(year=year)


@dataclass(frozen=True)
class ExtraDay:
    """One office-maintained day: a rest day (``is_workday=False``, a statutory holiday) or a 调休 working
    day. ``holiday_name`` is a :class:`~inspector.domain.enums.HolidayName` value or ``None``."""

    day: date
    is_workday: bool
    holiday_name: str | None = None


class HolidayDayRow(Protocol):
    """Anything shaped like a ``holiday_day`` row (e.g. the store's ``HolidayDay``)."""

    @property
    def day(self) -> date: ...

    @property
    def is_workday(self) -> bool: ...

    @property
    def holiday_name(self) -> str | None: ...


@dataclass(frozen=True)
class RolloverResult:
    """The working day on or after ``original``.

    ``certain`` is false when a day examined lies in a year neither source knows; ``reason`` explains in
    Chinese (empty when nothing moved and nothing is uncertain).
    """

    original: date
    day: date
    moved: bool
    certain: bool
    reason: str


@dataclass(frozen=True)
class HolidaySpan:
    """A named statutory holiday in one year.

    ``first_day``..``last_day`` are the days carrying the name; ``break_start``..``break_end`` extend them
    over adjoining rest days (weekends, a neighbouring holiday such as 中秋 next to 国庆): the whole break.
    """

    name: str
    year: int
    first_day: date
    last_day: date
    break_start: date
    break_end: date
    source: str  # "package" / "office" / "package+office"

    @property
    def label(self) -> str:
        return _holiday_label(self.name)


def _holiday_label(name: str | None) -> str:
    if name is None:
        return _HOLIDAY()
    try:
        return Label(member(HolidayName, name).label)
    except ValueError:
        return name


class HolidayCalendar:
    """Rest days and working days from the package plus the office's extra table.

    ``extra`` is either ``{date: is_workday}`` or an iterable of :class:`ExtraDay`, ``holiday_day``-like
    rows, or ``(date, is_workday, holiday_name)`` tuples. ``use_package=False`` ignores the package (for
    tests and for offices that want to enter everything themselves).
    """

    def __init__(
        self,
        extra: Mapping[date, bool] | Iterable[ExtraDay | HolidayDayRow | tuple[date, bool, str | None]] = (),
        *,
        use_package: bool = True,
    ) -> None:
        self._extra: dict[date, tuple[bool, str | None]] = {}
        if isinstance(extra, Mapping):
            for d, is_workday in cast("Mapping[date, bool]", extra).items():
                self._extra[_as_date(d)] = (not is_workday, None)
        else:
            for entry in extra:
                if isinstance(entry, tuple):
                    d, is_workday, name = entry
                else:
                    d, is_workday, name = entry.day, entry.is_workday, entry.holiday_name
                self._extra[_as_date(d)] = (not is_workday, name)
        self._use_package = use_package
        self._extra_years = frozenset(d.year for d in self._extra)
        self._span_cache: dict[tuple[int, str], HolidaySpan | None] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[HolidayDayRow], *, use_package: bool = True) -> HolidayCalendar:
        return cls(list(rows), use_package=use_package)

    # ------------------------------------------------------------------ day status

    def knows_year(self, year: int) -> bool:
        return (self._use_package and year in _PACKAGE_YEARS) or year in self._extra_years

    def _detail(self, d: date) -> tuple[bool, str | None] | None:
        """(is_rest_day, holiday name) or ``None`` for an unknown year."""
        if d in self._extra:
            return self._extra[d]
        if not self.knows_year(d.year):
            return None
        if self._use_package and d in _PACKAGE_DAYS:
            return _PACKAGE_DAYS[d]
        return (d.weekday() >= 5, None)

    def is_rest_day(self, d: date) -> bool | None:
        """True for a weekend (not a 调休 working day) or a statutory holiday; ``None`` if the year is
        unknown to both the package and the extra table."""
        detail = self._detail(_as_date(d))
        return None if detail is None else detail[0]

    def is_working_day(self, d: date) -> bool | None:
        rest = self.is_rest_day(d)
        return None if rest is None else not rest

    def holiday_name(self, d: date) -> str | None:
        """The holiday a day belongs to (a rest day of it, or a 调休 working day for it), else ``None``."""
        detail = self._detail(_as_date(d))
        return None if detail is None else detail[1]

    def describe(self, d: date) -> Text:
        """``休息日（周日）``, ``法定节假日（春节）``, ``调休工作日（春节）``, ``工作日``; for an unknown year
        ``休息日（周六，2027年节假日安排未知）`` or ``工作日（周五，2027年节假日安排未知）``."""
        d = _as_date(d)
        detail = self._detail(d)
        if detail is None:
            weekend = d.weekday() >= 5
            kind = _REST() if weekend else _WORK()
            return _DAY_UNKNOWN(kind=kind, weekday=weekday_label(d), year=d.year)
        rest, name = detail
        if rest:
            return _HOLIDAY_OF(holiday=_holiday_label(name)) if name else _REST_ON(weekday=weekday_label(d))
        if d.weekday() >= 5:
            return _ADJUSTED_FOR(holiday=_holiday_label(name)) if name else _WORK_ON(weekday=weekday_label(d))
        return _WORK()

    # ------------------------------------------------------------------ rollover

    def next_working_day(self, d: date) -> RolloverResult:
        """``d`` itself if it is a working day, else the first working day after it.

        In a year neither source knows, only weekends are skipped and the result is ``certain=False``
        with the reason "2027年节假日安排尚未录入，期限可能顺延" — even when ``d`` is a weekday, since it
        might be a holiday.
        """
        original = _as_date(d)
        cur = original
        unknown: list[int] = []
        for _ in range(366):
            rest = self.is_rest_day(cur)
            if rest is None:
                if cur.year not in unknown:
                    unknown.append(cur.year)
                rest = cur.weekday() >= 5
            if not rest:
                break
            cur += timedelta(days=1)
        else:  # pragma: no cover - a whole year of rest days is a data error
            raise ValueError(f"no working day within a year after {original}")
        moved = cur != original
        parts: list[str] = []
        if moved:
            parts.append(_ROLLED(day=original, what=self.describe(original), to=cur))
        parts.extend(unknown_year_reason(y) for y in unknown)
        return RolloverResult(original, cur, moved, not unknown, join("；", parts) if parts else "")

    # ------------------------------------------------------------------ named holidays

    def holidays_named(self, year: int, name: str) -> HolidaySpan | None:
        """The span of the holiday ``name`` (a HolidayName value such as ``"spring_festival"``, or its
        Chinese label ``"春节"``) in ``year``; ``None`` if neither source has it."""
        key = _holiday_key(name)
        cache_key = (year, key)
        if cache_key not in self._span_cache:
            self._span_cache[cache_key] = self._find_span(year, key)
        return self._span_cache[cache_key]

    def _find_span(self, year: int, name: str) -> HolidaySpan | None:
        start, end = date(year - 1, 12, 1), date(year + 1, 1, 31)
        named: list[date] = []
        cur = start
        while cur <= end:
            detail = self._detail(cur)
            if detail is not None and detail[0] and detail[1] == name:
                named.append(cur)
            cur += timedelta(days=1)
        if not named:
            return None
        clusters: list[list[date]] = [[named[0]]]
        for d in named[1:]:
            gap = clusters[-1][-1] + timedelta(days=1)
            while gap < d and self.is_rest_day(gap):
                gap += timedelta(days=1)
            if gap == d:
                clusters[-1].append(d)
            else:
                clusters.append([d])
        chosen: list[date] | None = None
        if name in _CANONICAL_DAY:
            month, day = _CANONICAL_DAY[name]
            canonical = date(year, month, day)
            chosen = next((c for c in clusters if c[0] <= canonical <= c[-1]), None)
        if chosen is None:
            counts = [sum(1 for d in c if d.year == year) for c in clusters]
            best = max(counts)
            if best == 0:
                return None
            chosen = clusters[counts.index(best)]
        first, last = chosen[0], chosen[-1]
        break_start, break_end = first, last
        while self.is_rest_day(break_start - timedelta(days=1)):
            break_start -= timedelta(days=1)
        while self.is_rest_day(break_end + timedelta(days=1)):
            break_end += timedelta(days=1)
        in_extra = any(d in self._extra for d in chosen)
        in_package = self._use_package and any(d in _PACKAGE_DAYS and d not in self._extra for d in chosen)
        source = "+".join(s for s, used in (("package", in_package), ("office", in_extra)) if used)
        return HolidaySpan(name, year, first, last, break_start, break_end, source)


def _holiday_key(name: str) -> str:
    if name in HolidayName.values():
        return name
    for m in HolidayName:
        if m.label == name:
            return m.value
    return name


def _as_date(d: date) -> date:
    """Datetimes are reduced to their date (the calendar is day-based)."""
    return d.date() if isinstance(d, datetime) else d
