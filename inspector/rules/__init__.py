"""Deadlines, quotas, escalation and the holiday calendar: pure functions, no I/O.

* :mod:`~inspector.rules.periods` — day/month arithmetic (start day not counted, month-end clamping).
* :mod:`~inspector.rules.calendar` — :class:`HolidayCalendar` (``chinese_calendar`` + the office's table).
* :mod:`~inspector.rules.custody` — custody limits by stage (never moved for holidays).
* :mod:`~inspector.rules.deadlines` — escalation chain, complaints, lawyers (holiday rollover per setting).
* :mod:`~inspector.rules.execution` — delivery for execution, 留所服刑, custody credit.
* :mod:`~inspector.rules.targets` — weekly targets, new-arrival talks, pre-holiday inspections, duty.

Settings (every unverified or local number) live in :mod:`inspector.domain.settings`.
"""
