"""The agenda: every due, upcoming and overdue item on a date, most urgent first.

``build_agenda(store, today)`` is the one function the CLI (``inspector agenda``) and the desktop
dashboard share. Loading is here; every date comes from the pure rules in ``inspector.rules``.
"""

from inspector.agenda.items import AgendaItem, Level
from inspector.agenda.service import (
    Agenda,
    build_agenda,
    load_calendar,
    load_rule_settings,
    refresh_custody_cache,
)

__all__ = [
    "Agenda",
    "AgendaItem",
    "Level",
    "build_agenda",
    "load_calendar",
    "load_rule_settings",
    "refresh_custody_cache",
]
