"""One line of the agenda and how lines are ranked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Level = Literal["overdue", "warning", "upcoming", "info"]

LEVEL_RANK: dict[str, int] = {"overdue": 0, "warning": 1, "upcoming": 2, "info": 3}
LEVEL_LABEL: dict[str, str] = {"overdue": "逾期", "warning": "临近", "upcoming": "待办", "info": "提示"}
# Within a level, 超期羁押 always comes first: a person held without legal basis.
KIND_RANK: dict[str, int] = {"custody": 0, "delivery": 1}


@dataclass(frozen=True)
class AgendaItem:
    """A due item: the record it concerns, when, why (rule) and on what legal basis."""

    level: Level
    kind: str  # custody, oral_follow_up, notice_reply, notice_escalation, suggestion_reply, ...
    title: str  # what is due, in Chinese (e.g. 超期羁押, 纠正违法通知书逾期未回复)
    subject: str  # who or what: a detainee's name, an addressee and 文号, a week
    due: date | None
    days_left: int | None  # negative once overdue
    rule: str  # the rule that produced the item, in Chinese
    basis: str  # legal source text, e.g. 刑事诉讼法第一百五十六条
    explanation: str = ""
    record_table: str | None = None
    record_id: uuid.UUID | None = None
    certain: bool = True  # False when a holiday calendar gap means the date may still move
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def sort_key(self) -> tuple[int, int, date, str]:
        return (
            LEVEL_RANK[self.level],
            KIND_RANK.get(self.kind, 9),
            self.due or date.max,
            self.subject,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "kind": self.kind,
            "title": self.title,
            "subject": self.subject,
            "due": self.due.isoformat() if self.due else None,
            "days_left": self.days_left,
            "rule": self.rule,
            "basis": self.basis,
            "explanation": self.explanation,
            "record_table": self.record_table,
            "record_id": str(self.record_id) if self.record_id else None,
            "certain": self.certain,
        }


def level_for(due: date, today: date, warning_days: int) -> Level:
    if due < today:
        return "overdue"
    if (due - today).days <= warning_days:
        return "warning"
    return "upcoming"
